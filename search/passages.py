"""Passage search as the service uses it: alias expansion, then the backend."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from sqlmodel import Session

from corpus.facets import count_facets_of_articles
from search.aliases import AliasCache, expand_query
from search.backend import PassageBackend
from search.query import check_query
from search.types import Hit, SearchFilters, SearchPage


def expanded_query(
    *, session: Session, aliases: AliasCache, version: int, query: str
) -> tuple[str, tuple[str, ...]]:
    """``query`` with every known spelling of the entities it names, and the spellings added;
    ``version`` is the corpus version the alias table is read at. The query's bounds are
    checked first: they apply to what the user wrote, not to the added spellings."""
    check_query(query)
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
    facets: Sequence[str] = (),
    count_limit: int | None = None,
) -> SearchPage:
    """Search passages for ``query`` and every known spelling of the entities it names, the
    total exact up to ``count_limit`` (None: always); with ``facets``, count them over every
    matching article (``corpus.facets``)."""
    expanded, variants = expanded_query(
        session=session, aliases=aliases, version=version, query=query
    )
    page = index.search(
        expanded, limit=limit, offset=offset, filters=filters, count_limit=count_limit
    )
    buckets = None
    if facets:
        hits = index.iter_search(expanded, filters=filters, highlights=False)
        ids = {hit.article_id for hit in hits}
        buckets = count_facets_of_articles(session, names=facets, article_ids=ids)
    return replace(page, query=query, variants=variants, facets=buckets)


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
