"""First-name knowledge from a kept list: gender-guesser's dictionary of ~45,000 given names
from many countries (Jörg Michael's nam_dict), behind one function so the list can be swapped.

The file is read directly (names only, ~0.1 s): the package's own parser also reads every
name's per-country frequencies and takes ~3 s, too long for a first question."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _first_names() -> frozenset[str]:
    data = resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
    names = set()
    for line in data.read_text(encoding="utf-8").splitlines():
        if line[:1] in ("#", "=", ""):
            continue
        parts = line.split(None, 2)
        if len(parts) >= 2:
            names.add(parts[1].lower().replace("+", "-"))
    return frozenset(names)


def is_first_name(word: str) -> bool:
    """True when ``word`` is a known given name ("Marcus", "Shanice"), in any case."""
    return len(word) > 1 and word.lower() in _first_names()
