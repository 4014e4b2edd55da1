"""A small LRU cache of results for the index's current generation only.

Every write commits the index and bumps its generation, so an entry can never outlive the write
that would change it; and entries of older generations are dropped as soon as a newer one is
seen, so a stream of writes cannot pile up stale results (a page of claims at 20k articles is
~25 MB).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
ENTRIES = 2048


class GenerationCache:
    """Least-recently-used values computed at one index generation."""

    def __init__(
        self, entries: int = ENTRIES, *, on_lookup: Callable[[bool], None] | None = None
    ) -> None:
        self._on_lookup = on_lookup  # told whether each lookup hit (the service counts them)
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._generation = -1
        self._entries = entries
        self._lock = threading.Lock()

    def get(self, generation: int, key: Hashable) -> Any | None:
        """The value cached for ``key`` at ``generation`` (now most recently used), or None."""
        with self._lock:
            hit = generation == self._generation and key in self._values
            if hit:
                self._values.move_to_end(key)
            value = self._values[key] if hit else None
        if self._on_lookup is not None:
            self._on_lookup(hit)
        return value

    def put(self, generation: int, key: Hashable, value: Any) -> None:
        """Remember ``value``, computed at ``generation``; a newer generation empties the cache
        and a value from an older one (a slow request that raced a write) is not kept."""
        with self._lock:
            if generation < self._generation:
                return
            if generation > self._generation:
                self._values.clear()
                self._generation = generation
            self._values[key] = value
            while len(self._values) > self._entries:
                self._values.popitem(last=False)

    def get_or_compute(self, generation: int, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for ``key`` at ``generation``, computing and keeping it on a miss."""
        value = self.get(generation, key)
        if value is None:
            value = compute()
            self.put(generation, key, value)
        return value  # type: ignore[no-any-return]
