"""The one list shape: a page of items with the total, the next cursor and optional facets.

Each listing names its items after what they are (``articles``, ``facts``, ``claims``,
``hits``) and subclasses ``Page[T]`` for the rest.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class FacetCount(BaseModel):
    """How many matching rows have one value (``None``: the value is missing)."""

    value: str | None
    count: int


Facets = dict[str, list[FacetCount]]


class Page(BaseModel, Generic[T]):
    """What every listing carries besides its items."""

    total: int = Field(description="How many rows match, over every page.")
    next_cursor: str | None = Field(
        description="Pass as cursor= with the same parameters for the next page; null at the end."
    )
    facets: Facets | None = Field(
        default=None,
        description="Only with facets=: counts per value over every matching row, most first.",
        exclude_if=lambda value: value is None,
    )


def facets_out(buckets: dict[str, list[tuple[Any, int]]] | None) -> Facets | None:
    """Facet buckets as the API shows them (values as strings)."""
    if buckets is None:
        return None
    return {
        name: [FacetCount(value=None if v is None else str(v), count=n) for v, n in rows]
        for name, rows in buckets.items()
    }
