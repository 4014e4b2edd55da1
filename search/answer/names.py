"""First-name knowledge from a kept list (gender-guesser's ~40,000 given names of many
countries), behind one function so the list can be swapped."""

from __future__ import annotations

from functools import cache, lru_cache


@cache
def _detector() -> object:
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=16384)
def is_first_name(word: str) -> bool:
    """True when ``word`` is a known given name ("Marcus", "Shanice"), in any case."""
    if len(word) < 2 or not word.isalpha():
        return False
    return _detector().get_gender(word) != "unknown"  # type: ignore[attr-defined]
