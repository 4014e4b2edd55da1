"""A small LRU cache of results for the index's current generation only.

Every write commits the index and bumps its generation, so an entry can never outlive the write
that would change it; and entries of older generations are dropped as soon as a newer one is
seen, so a stream of writes cannot pile up stale results (a page of claims at 20k articles is
~25 MB). The cache is bounded in bytes as well as entries (``MAX_BYTES``): a value's size is its
``nbytes`` when it has one, its length for bytes and text, else ``sys.getsizeof``.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
ENTRIES = 2048
MAX_BYTES = 64 * 1024 * 1024


def size_of(value: Any) -> int:
    """Bytes a cached value holds, near enough to bound the cache."""
    if isinstance(value, bytes | str):
        return len(value)
    nbytes = getattr(value, "nbytes", None)
    return int(nbytes) if nbytes is not None else sys.getsizeof(value)


class GenerationCache:
    """Least-recently-used values computed at one index generation."""

    def __init__(self, entries: int = ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self._values: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._generation = -1
        self._entries = entries
        self._max_bytes = max_bytes
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, generation: int, key: Hashable) -> Any | None:
        """The value cached for ``key`` at ``generation`` (now most recently used), or None."""
        with self._lock:
            if generation != self._generation or key not in self._values:
                return None
            self._values.move_to_end(key)
            return self._values[key][0]

    def put(self, generation: int, key: Hashable, value: Any) -> None:
        """Remember ``value``, computed at ``generation``; a newer generation empties the cache
        and a value from an older one (a slow request that raced a write) is not kept."""
        with self._lock:
            if generation < self._generation:
                return
            if generation > self._generation:
                self._values.clear()
                self._bytes = 0
                self._generation = generation
            size = size_of(value)
            if size > self._max_bytes:
                return
            if key in self._values:
                self._bytes -= self._values.pop(key)[1]
            self._values[key] = (value, size)
            self._bytes += size
            while len(self._values) > self._entries or self._bytes > self._max_bytes:
                self._bytes -= self._values.popitem(last=False)[1][1]

    @property
    def nbytes(self) -> int:
        """Bytes held now (by ``size_of``)."""
        return self._bytes

    def get_or_compute(self, generation: int, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for ``key`` at ``generation``, computing and keeping it on a miss."""
        value = self.get(generation, key)
        if value is None:
            value = compute()
            self.put(generation, key, value)
        return value  # type: ignore[no-any-return]
