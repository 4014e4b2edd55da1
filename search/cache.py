"""A small LRU cache of results for the current corpus version only.

Keys carry no version: the cache holds one version at a time. Every write bumps the corpus
version in its own database transaction (``corpus.version``), so an entry can never outlive the
write that would change it; entries of older versions are dropped as soon as a newer one is
seen, so a stream of writes cannot pile up stale results (a page of claims at 20k articles is
~25 MB). A reader reads the version before the data, so a value is never older than its key.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
ENTRIES = 2048


class VersionCache:
    """Least-recently-used values computed at one corpus version."""

    def __init__(
        self, entries: int = ENTRIES, *, on_lookup: Callable[[bool], None] | None = None
    ) -> None:
        self._on_lookup = on_lookup  # told whether each lookup hit (the service counts them)
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._version = -1
        self._entries = entries
        self._lock = threading.Lock()

    def get(self, version: int, key: Hashable) -> Any | None:
        """The value cached for ``key`` at ``version`` (now most recently used), or None."""
        with self._lock:
            hit = version == self._version and key in self._values
            if hit:
                self._values.move_to_end(key)
            value = self._values[key] if hit else None
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
                self._version = version
            self._values[key] = value
            while len(self._values) > self._entries:
                self._values.popitem(last=False)

    def get_or_compute(self, version: int, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for ``key`` at ``version``, computing and keeping it on a miss."""
        value = self.get(version, key)
        if value is None:
            value = compute()
            self.put(version, key, value)
        return value  # type: ignore[no-any-return]
