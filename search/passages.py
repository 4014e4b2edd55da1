"""Passage search as the service uses it: alias expansion, then the backend."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session

from search.aliases import AliasCache, expand_query
from search.backend import PassageBackend
from search.query import check_query
from search.types import SearchFilters, SearchPage


def search_passages(
    *,
    session: Session,
    index: PassageBackend,
    aliases: AliasCache,
    query: str,
    limit: int,
    offset: int = 0,
    filters: SearchFilters | None = None,
) -> SearchPage:
    """Search passages for ``query`` and every known spelling of the entities it names."""
    check_query(query)  # the bounds apply to what the user wrote, not to the added spellings
    table = aliases.get(session, index.generation)
    expanded, variants = expand_query(query, table)
    page = index.search(expanded, limit=limit, offset=offset, filters=filters)
    return replace(page, query=query, variants=variants)
