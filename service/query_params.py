"""OpenAPI for query parameters whose text names choices: the route parses and checks them
itself (a 400 that lists the choices), and the document states the same choices, so a client
or a schema-driven tester knows which values are accepted."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any


def one_of(names: Sequence[str]) -> dict[str, Any]:
    """Schema keywords for a parameter that is one of ``names``."""
    return {"enum": list(names)}


def comma_separated(names: Sequence[str]) -> dict[str, Any]:
    """Schema keywords for a comma-separated list of ``names`` (spaces around commas allowed)."""
    name = "(?:" + "|".join(re.escape(n) for n in names) + ")"
    return {"pattern": rf"^\s*{name}(?:\s*,\s*{name})*\s*$"}


# Elasticsearch's default: totals are exact up to 10,000 matching passages.
DEFAULT_TRACK_TOTAL_HITS = 10_000
TRACK_TOTAL_HITS_PATTERN = r"^(true|[0-9]{1,9})$"


def parse_track_total_hits(value: str) -> int | None:
    """``track_total_hits`` as a count bound: None for ``true`` (always exact), else the
    number (already checked against ``TRACK_TOTAL_HITS_PATTERN``)."""
    return None if value == "true" else int(value)
