"""The result cache holds one corpus version: nothing stale is served or kept."""

from __future__ import annotations

from search.cache import VersionCache


def test_values_live_for_one_version() -> None:
    cache = VersionCache()
    cache.put(3, "q", b"three")
    assert cache.get(3, "q") == b"three"
    assert cache.get(4, "q") is None  # a write happened: the old answer is not served
    cache.put(4, "other", b"four")
    assert cache.get(3, "q") is None  # and older versions are dropped, not kept around
    cache.put(3, "late", b"raced a write")  # computed before the write, finished after it
    assert cache.get(3, "late") is None and cache.get(4, "late") is None


def test_least_recently_used_values_go_first() -> None:
    cache = VersionCache(entries=2)
    cache.put(1, "a", 1)
    cache.put(1, "b", 2)
    assert cache.get(1, "a") == 1
    cache.put(1, "c", 3)
    assert cache.get(1, "b") is None
    assert (cache.get(1, "a"), cache.get(1, "c")) == (1, 3)


def test_get_or_compute_computes_once_per_version() -> None:
    cache = VersionCache()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.get_or_compute(1, "k", compute) == 1
    assert cache.get_or_compute(1, "k", compute) == 1
    assert cache.get_or_compute(2, "k", compute) == 2


def test_the_cache_is_bounded_in_bytes() -> None:
    cache = VersionCache(entries=100, max_bytes=1000)
    for i in range(10):
        cache.put(1, i, b"x" * 300)
    assert cache.nbytes <= 1000
    assert cache.get(1, 9) is not None and cache.get(1, 0) is None
    cache.put(1, "huge", b"x" * 2000)  # larger than the whole cache: not kept
    assert cache.get(1, "huge") is None and cache.nbytes <= 1000
