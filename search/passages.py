"""Passage search as the service uses it: alias expansion, then the backend."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from sqlmodel import Session

from search.aliases import AliasCache, expand_query
from search.backend import PassageBackend
from search.types import Hit, SearchFilters, SearchPage


def expanded_query(
    *, session: Session, aliases: AliasCache, version: int, query: str
) -> tuple[str, tuple[str, ...]]:
    """``query`` with every known spelling of the entities it names, and the spellings added;
    ``version`` is the corpus version the alias table is read at."""
    return expand_query(query, aliases.get(session, version))


def search_passages(
    *,
    session: Session,
    index: PassageBackend,
    aliases: AliasCache,
    version: int,
    query: str,
    limit: int,
    offset: int = 0,
    filters: SearchFilters | None = None,
) -> SearchPage:
    """Search passages for ``query`` and every known spelling of the entities it names."""
    expanded, variants = expanded_query(
        session=session, aliases=aliases, version=version, query=query
    )
    page = index.search(expanded, limit=limit, offset=offset, filters=filters)
    return replace(page, query=query, variants=variants)


def stream_passages(
    *,
    session: Session,
    index: PassageBackend,
    aliases: AliasCache,
    version: int,
    query: str,
    filters: SearchFilters | None = None,
    highlights: bool = True,
) -> Iterator[Hit]:
    """Every passage ``search_passages`` would page through, in the same order."""
    expanded, _variants = expanded_query(
        session=session, aliases=aliases, version=version, query=query
    )
    return index.iter_search(expanded, filters=filters, highlights=highlights)
