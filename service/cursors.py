"""Opaque pagination cursors: base64url JSON, bound to the listing they came from."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from corpus.errors import InvalidQuery
from corpus.tables import MAX_ID


def encode_cursor(kind: str, position: int) -> str:
    """An opaque token for continuing listing ``kind`` at ``position``."""
    raw = json.dumps({"k": kind, "p": position}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str | None) -> int | None:
    """The position inside ``cursor``, None when no cursor was given; InvalidQuery if forged."""
    if not cursor:  # absent or empty ("cursor="): the first page
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data: Any = json.loads(base64.urlsafe_b64decode(padded.encode()))
        position = data["p"]
        if data["k"] != kind or not isinstance(position, int) or not 0 <= position <= MAX_ID:
            raise ValueError
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidQuery(
            "The cursor is not valid for this listing; omit it to start over."
        ) from exc
    return position
