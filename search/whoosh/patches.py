"""A fix for whoosh-reloaded 2.7.5, applied once when ``search.whoosh.index`` is imported.

``W3PerDocReader.has_column`` asks the storage whether the column file exists on every call,
and ``_cached_reader`` caches the columns it finds but not the ones it does not. Whoosh's
``doc_field_length`` goes through both: once per posting while a commit writes the postings,
and once per document and field while a merge copies segments. Our ID, NUMERIC and DATETIME
fields store no length column, so each of those calls was a ``stat`` that failed: about
300,000 per 1,000-article commit, ~10% of ingest time in a profile.

A segment's files are all written before any reader opens it and never change afterwards
(deletions live in the TOC), so the answer cannot change during a reader's life: it is
memoised per reader. Upstream fix: cache misses in ``_cached_reader`` (or memoise
``has_column``) in ``whoosh/codec/whoosh3.py``.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3PerDocReader

_ORIGINAL = W3PerDocReader.has_column


def _memoised_has_column(self: Any, fieldname: str) -> bool:
    memo: dict[str, bool] | None = self.__dict__.get("_factdesk_has_column")
    if memo is None:
        memo = self.__dict__["_factdesk_has_column"] = {}
    found = memo.get(fieldname)
    if found is None:
        found = memo[fieldname] = bool(_ORIGINAL(self, fieldname))
    return found


def apply() -> None:
    """Install the memoised ``has_column`` (idempotent)."""
    if W3PerDocReader.has_column is not _memoised_has_column:
        W3PerDocReader.has_column = _memoised_has_column  # type: ignore[method-assign]
