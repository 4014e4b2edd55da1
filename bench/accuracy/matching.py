"""The answer-matching rule of news-dev's README, and the citation check, as pure functions.

A number matches when the text states it as digits ("3", "1,200") or as a number word from
zero to twenty ("three"), a decimal when the text writes it in digits ("4.1"); a string when it
occurs in the text without regard to case.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip
NUMBER_WORDS = {word: value for value, word in enumerate(_WORDS)}
# A run of digits (thousands commas allowed) or a word, not glued to other digits or letters:
# "12" does not state 1 or 2, "1,200" states 1200, "one" in "someone" is no number.
_NUMBER_TOKEN = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w]|[.,]\d)|[A-Za-z]+")


def parse_number(token: str) -> int | None:
    """The integer a token spells as digits or a number word (zero..twenty), else None."""
    if token.replace(",", "").isdigit():
        return int(token.replace(",", ""))
    return NUMBER_WORDS.get(token.lower())


def numbers_in(text: str) -> set[int]:
    """Every number a text states as digits or a number word."""
    found = set()
    for match in _NUMBER_TOKEN.finditer(text):
        value = parse_number(match.group(0))
        if value is not None:
            found.add(value)
    return found


def states_number(text: str, number: int) -> bool:
    """Whether a text states ``number`` as digits or a number word."""
    return number in numbers_in(text)


# A decimal written with digits ("4.1", "7.25", "1,200.5"), not part of a longer number.
_DECIMAL = re.compile(
    r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w]|[.,]\d)|(?<![\w.,])\d+\.\d+(?![\w]|[.,]\d)"
)


def states_decimal(text: str, number: float) -> bool:
    """Whether a text states ``number`` (a decimal such as 4.1 or 7.25) in digits; a whole
    number such as 200.0 is stated as its integer is."""
    if number.is_integer():
        return states_number(text, int(number))
    return any(float(t.replace(",", "")) == number for t in _DECIMAL.findall(text))


def matches_expected(text: str, expect: Iterable[Any]) -> bool:
    """Whether a text states any accepted answer (numbers as above, strings case-insensitively)."""
    folded = text.casefold()
    for value in expect:
        if isinstance(value, bool):
            continue
        if isinstance(value, int) and states_number(text, value):
            return True
        if isinstance(value, float) and states_decimal(text, value):
            return True
        if isinstance(value, str) and value.casefold() in folded:
            return True
    return False


def citation_slices(citation: Mapping[str, Any], article_text: str) -> bool:
    """Whether a citation's span (and its sentence, when given) slices its article exactly."""
    start, end = citation["start"], citation["end"]
    if not (0 <= start <= end <= len(article_text)):
        return False
    if article_text[start:end] != citation["text"]:
        return False
    sentence = citation.get("sentence")
    if sentence is None:
        return True
    s_start, s_end = sentence["start"], sentence["end"]
    return 0 <= s_start <= s_end <= len(article_text) and (
        article_text[s_start:s_end] == sentence["text"]
    )


def is_held_out(question_id: str) -> bool:
    """The team's dev/held-out split: a third of the questions, by a hash of their id."""
    return int(hashlib.md5(question_id.encode()).hexdigest(), 16) % 3 == 0
