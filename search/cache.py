"""A small LRU cache whose keys carry the index generation, so an entry can never outlive the
write that would change it (every write commits the index and bumps its generation)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
ENTRIES = 2048


class GenerationCache:
    """Least-recently-used values; callers put the index generation in every key."""

    def __init__(self, entries: int = ENTRIES) -> None:
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._entries = entries
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any | None:
        """The cached value for ``key`` (now the most recently used), or None."""
        with self._lock:
            if key not in self._values:
                return None
            self._values.move_to_end(key)
            return self._values[key]

    def put(self, key: Hashable, value: Any) -> None:
        """Remember ``value`` under ``key``, forgetting the least recently used past the size."""
        with self._lock:
            self._values[key] = value
            while len(self._values) > self._entries:
                self._values.popitem(last=False)

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for ``key``, computing and remembering it on a miss."""
        value = self.get(key)
        if value is None:
            value = compute()
            self.put(key, value)
        return value  # type: ignore[no-any-return]
