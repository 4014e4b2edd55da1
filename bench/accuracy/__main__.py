"""``python -m bench.accuracy``: score extraction and answers, write bench/ACCURACY.md."""

from bench.accuracy.run import main

raise SystemExit(main())
