"""Opaque pagination cursors: base64url JSON, bound to the listing and the query they came from.

A cursor holds its listing's name, a digest of the query, filters, sort and page size it was made
for (another query with it is a 400), and where to continue: a keyset (the last row's sort key
and id: a consistent continuation however the corpus changes) or, for ranked listings whose order
a write can change (``/search``, ``/claims``), an offset pinned to the corpus version it was made
at: once the corpus has changed, the cursor is a 409 telling the client to start again.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

from corpus.errors import Conflict, InvalidQuery
from corpus.tables import MAX_ID


def query_digest(*parts: Any) -> str:
    """A short digest of what a cursor is bound to (the query, filters, sort, page size)."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=6).hexdigest()


def encode_cursor(kind: str, bound: str, position: Any, *, version: int | None = None) -> str:
    """An opaque token for continuing listing ``kind`` of query ``bound`` at ``position``
    (pinned to ``version`` when given)."""
    data: dict[str, Any] = {"k": kind, "q": bound, "p": position}
    if version is not None:
        data["v"] = version
    raw = json.dumps(data, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(kind: str, bound: str, cursor: str | None, *, version: int | None = None) -> Any:
    """The position inside ``cursor`` (None when none was given); InvalidQuery if forged or made
    for another listing or query; Conflict if pinned to a version other than ``version``."""
    if not cursor:  # absent or empty ("cursor="): the first page
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data: Any = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if data["k"] != kind or "p" not in data:
            raise ValueError
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidQuery(
            "The cursor is not valid for this listing; omit it to start over."
        ) from exc
    if data.get("q") != bound:
        raise InvalidQuery(
            "The cursor was made for another query, filters, sort or limit; repeat that "
            "request's parameters with it, or omit it to start over."
        )
    if version is not None and data.get("v") != version:
        raise Conflict(
            "The corpus changed since this cursor was made, so the ranking may have changed; "
            "request the first page again (without the cursor)."
        )
    return data["p"]


def offset_of(position: Any) -> int:
    """An offset position, checked."""
    if not isinstance(position, int) or isinstance(position, bool) or not 0 <= position <= MAX_ID:
        raise InvalidQuery("The cursor is not valid for this listing; omit it to start over.")
    return position
