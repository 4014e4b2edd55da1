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

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for ``key``, computing and remembering it on a miss."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self._entries:
                self._values.popitem(last=False)
        return value
