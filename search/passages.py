"""Passage search as the service uses it: alias expansion, then the backend, behind a result
cache keyed by the index generation (so it can never serve results from before a write)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import replace

from sqlmodel import Session

from search.aliases import AliasCache, expand_query
from search.backend import PassageBackend
from search.types import SearchFilters, SearchPage

CACHE_ENTRIES = 2048


class ResultCache:
    """Least-recently-used search pages; every key includes the index generation."""

    def __init__(self, entries: int = CACHE_ENTRIES) -> None:
        self._pages: OrderedDict[Hashable, SearchPage] = OrderedDict()
        self._entries = entries
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], SearchPage]) -> SearchPage:
        """The cached page for ``key``, computing and remembering it on a miss."""
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
                return page
        page = compute()
        with self._lock:
            self._pages[key] = page
            while len(self._pages) > self._entries:
                self._pages.popitem(last=False)
        return page


def search_passages(
    *,
    session: Session,
    index: PassageBackend,
    aliases: AliasCache,
    query: str,
    limit: int,
    offset: int = 0,
    filters: SearchFilters | None = None,
    cache: ResultCache | None = None,
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
    return cache.get_or_compute((generation, query, limit, offset, filters), compute)
