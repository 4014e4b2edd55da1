"""``python -m bench.accuracy``: score extraction and answers, write bench/ACCURACY.md."""

import warnings

# Starlette nudges TestClient users towards httpx2; this harness speaks httpx on purpose.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")

from bench.accuracy.run import main  # noqa: E402

raise SystemExit(main())
