"""A small LRU cache of results for the current corpus version only.

Keys carry no version: the cache holds one version at a time. Every write bumps the corpus
version in its own database transaction (``corpus.version``), so an entry can never outlive the
write that would change it; entries of older versions are dropped as soon as a newer one is
seen, so a stream of writes cannot pile up stale results (a page of claims at 20k articles is
~25 MB). A reader reads the version before the data, so a value is never older than its key.
The cache is bounded in bytes as well as entries (``MAX_BYTES``): a value's size is its
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


class VersionCache:
    """Least-recently-used values computed at one corpus version."""

    def __init__(
        self,
        entries: int = ENTRIES,
        max_bytes: int = MAX_BYTES,
        *,
        on_lookup: Callable[[bool], None] | None = None,
    ) -> None:
        self._on_lookup = on_lookup  # told whether each lookup hit (the service counts them)
        self._values: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._version = -1
        self._entries = entries
        self._max_bytes = max_bytes
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, version: int, key: Hashable) -> Any | None:
        """The value cached for ``key`` at ``version`` (now most recently used), or None."""
        with self._lock:
            hit = version == self._version and key in self._values
            if hit:
                self._values.move_to_end(key)
            value = self._values[key][0] if hit else None
        if self._on_lookup is not None:
            self._on_lookup(hit)
        return value

    def put(self, version: int, key: Hashable, value: Any) -> None:
        """Remember ``value``, computed at ``version``; a newer version empties the cache and a
        value from an older one (a slow request that raced a write) is not kept."""
        with self._lock:
            if version < self._version:
                return
            if version > self._version:
                self._values.clear()
                self._bytes = 0
                self._version = version
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

    def get_or_compute(self, version: int, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for ``key`` at ``version``, computing and keeping it on a miss."""
        value = self.get(version, key)
        if value is None:
            value = compute()
            self.put(version, key, value)
        return value  # type: ignore[no-any-return]
