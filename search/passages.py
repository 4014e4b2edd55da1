"""Passage search as the service uses it: alias expansion, then the backend, behind a result
cache keyed by the index generation (so it can never serve results from before a write)."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session

from search.aliases import AliasCache, expand_query
from search.backend import PassageBackend
from search.cache import GenerationCache
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
    cache: GenerationCache | None = None,
) -> SearchPage:
    """Search passages for ``query`` and every known spelling of the entities it names."""
    generation = index.generation

    def compute() -> SearchPage:
        table = aliases.get(session, generation)
        expanded, variants = expand_query(query, table)
        page = index.search(expanded, limit=limit, offset=offset, filters=filters)
        return replace(page, query=query, variants=variants)

    if cache is None:
        return compute()
    return cache.get_or_compute(("search", generation, query, limit, offset, filters), compute)
