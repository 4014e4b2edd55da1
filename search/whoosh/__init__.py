"""Everything that reaches into Whoosh's internals: the passage index, the exact top-k over raw
postings, the merge policy and the ``has_column`` patch.

They were written against whoosh-reloaded 2.7.5 and read private structures (block matchers,
the lengths column, segment lists), so importing this package checks that version first: a
different Whoosh fails here with a message, not later with a wrong score.
"""

from __future__ import annotations

import whoosh

WRITTEN_FOR = (2, 7, 5)

if tuple(whoosh.__version__[:3]) != WRITTEN_FOR:  # pragma: no cover - only on a wrong install
    raise ImportError(
        f"search.whoosh was written for whoosh-reloaded {'.'.join(map(str, WRITTEN_FOR))}; "
        f"found {whoosh.versionstring()}. Install the pinned version (pyproject.toml)."
    )
