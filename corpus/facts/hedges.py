"""Hedges: the figure as stated, the interval it implies, and how to phrase it back.

A hedged figure keeps the number the text wrote (``stated``) beside the interval derived from
it, so that answers repeat the text ("more than 200") instead of a derived bound ("at least 201").
The conventions live here and nowhere else:

- ``exact`` "62": min = max = 62.
- ``at_least`` "at least 80", "80 or more": min 80, max None; a strict hedge on a whole number
  ("more than 200", "over 100") moves the bound past it: min 201.
- ``at_most`` "up to 83", "as many as 80": min None, max 83 (min stays None: the text gives no
  floor, and claims read None as "no lower bound"); a strict hedge ("fewer than 10", "nearly 50",
  "almost 100") gives max 9, 49, 99.
- ``approx`` "about 300", "some 70", "300 or so": min = max = 300.
- ``range`` "30 to 62": stated 30 (the lower end), min 30, max 62.
- ``vague`` "dozens": stated and min are the floor the plural can honestly mean (24), max None.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

Number = int | float

# Hedge phrase -> (qualifier, step applied to a whole number to make a strict bound).
HEDGES: dict[str, tuple[str, int]] = {
    "more than": ("at_least", 1),
    "over": ("at_least", 1),
    "well over": ("at_least", 1),
    "just over": ("at_least", 1),
    "in excess of": ("at_least", 1),
    "upwards of": ("at_least", 0),
    "at least": ("at_least", 0),
    "no fewer than": ("at_least", 0),
    "no less than": ("at_least", 0),
    "not less than": ("at_least", 0),
    "a minimum of": ("at_least", 0),
    "up to": ("at_most", 0),
    "as many as": ("at_most", 0),
    "no more than": ("at_most", 0),
    "not more than": ("at_most", 0),
    "at most": ("at_most", 0),
    "a maximum of": ("at_most", 0),
    "fewer than": ("at_most", -1),
    "less than": ("at_most", -1),
    "under": ("at_most", -1),
    "just under": ("at_most", -1),
    "nearly": ("at_most", -1),
    "almost": ("at_most", -1),
    "about": ("approx", 0),
    "around": ("approx", 0),
    "some": ("approx", 0),
    "roughly": ("approx", 0),
    "approximately": ("approx", 0),
    "approx.": ("approx", 0),
    "an estimated": ("approx", 0),
    "estimated": ("approx", 0),
    "close to": ("approx", 0),
    "circa": ("approx", 0),
    "an approximate": ("approx", 0),
}
# Hedges written after the number: "100 or more", "50 or so", "100-plus", "100+".
AFTER_HEDGES: dict[str, str] = {"or more": "at_least", "plus": "at_least", "or so": "approx"}

# How a figure is phrased when the cited wording holds no hedge we know.
_DEFAULT_PHRASE = {
    ("at_least", 0): "at least",
    ("at_least", 1): "more than",
    ("at_most", 0): "up to",
    ("at_most", -1): "fewer than",
    ("approx", 0): "about",
}
_HEDGE_IN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True))
    + r")(?=\s)",
    re.IGNORECASE,
)
_VAGUE_IN = re.compile(
    r"\b(?:tens of thousands|hundreds of thousands|tens of millions|hundreds of millions|dozens"
    r"|scores|hundreds|thousands|millions|several|a few|a handful)\b",
    re.IGNORECASE,
)


def interval(
    stated: Number, qualifier: str, step: int = 0, high: Number | None = None
) -> tuple[Number | None, Number | None]:
    """The ``(min, max)`` a stated figure implies under its hedge (see the module docstring).

    ``step`` is the hedge's strictness (+1 "more than", -1 "fewer than", 0 otherwise); it moves
    whole numbers only. ``high`` is the upper end of a range.
    """
    whole = isinstance(stated, int) or float(stated).is_integer()
    bound = stated + step if whole else stated
    if qualifier == "at_least":
        return bound, None
    if qualifier == "at_most":
        return None, bound
    if qualifier == "range":
        return stated, high
    if qualifier == "vague":
        return stated, None
    return stated, stated


def step_of(value: Mapping[str, Any], qualifier: str | None) -> int:
    """The strictness a stored value carries: +1 when min is past the stated figure, etc."""
    stated = value.get("stated")
    if stated is None:
        return 0
    if qualifier == "at_least" and value.get("min") is not None:
        return 1 if value["min"] > stated else 0
    if qualifier == "at_most" and value.get("max") is not None:
        return -1 if value["max"] < stated else 0
    return 0


def describe(value: Mapping[str, Any], qualifier: str | None, wording: str = "") -> str:
    """A figure as the text stated it: "62", "more than 200", "nearly 70", "30 to 62", "dozens".

    ``value`` holds ``stated`` (or, for values stored before it existed, ``min``/``max``);
    ``wording`` is the cited text, whose own hedge ("nearly", "over") is repeated when present.
    """
    stated = value.get("stated")
    low, high = value.get("min"), value.get("max")
    if qualifier == "range" and low is not None and high is not None:
        return f"{number_text(low)} to {number_text(high)}"
    if qualifier == "vague":
        if m := _VAGUE_IN.search(wording):
            return re.sub(r"\s+", " ", m.group(0).lower())
        floor = stated if stated is not None else low
        return f"at least {number_text(floor)} (vague)" if floor is not None else "?"
    if stated is None:  # a value stored without its stated figure: print its bound
        stated = low if low is not None else high
        step = 0
    else:
        step = step_of(value, qualifier)
    if qualifier in ("at_least", "at_most", "approx"):
        m = _HEDGE_IN.match(wording.lstrip())
        hedge = re.sub(r"\s+", " ", m.group(0).lower()) if m else None
        if hedge is None or HEDGES[hedge][0] != qualifier:
            hedge = _DEFAULT_PHRASE.get((qualifier, step), _DEFAULT_PHRASE[(qualifier, 0)])
        return f"{hedge} {number_text(stated)}"
    return number_text(stated)


def number_text(value: Number | None) -> str:
    """A number as written in answers: integers without ".0", None as "?"."""
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value)
