"""Quantities: every other numeric claim, with the noun it counts.

An amount (``numbers.find_amounts``, so calendar numbers are already gone) becomes a quantity
when it is not part of a casualty or equipment fact and a unit follows it:

- **Percent and money**: "30%", "30 percent" (kind ``percentage``, unit "percent");
  "$5 million", "5 million dollars" (kind ``money``).
- **Compound modifiers**: "a five-year war", "a 72-hour truce" -> 5 years, 72 hours (the unit
  pluralised, kind ``duration``); "a 12-member team" -> 12 member (kind ``count``);
  "30-year-old" -> kind ``age``; size adjectives ("1,500-strong", "10-km-long") name no unit
  and are skipped.
- **Noun phrases**: "40 trucks", "250,000 people", "five Islamic State supply routes". The unit
  is the head of the phrase: words up to the first plural noun (or, for one, the first noun),
  keeping at most two trailing lower-case words ("supply routes"); a capitalised plural
  ("Syrians") is kept as written.

Kind is ``duration`` when the unit is a time unit (seconds to decades), else ``count``. An
amount with no noun after it ("Media ID: 55358541") is not a claim. "one" in words is skipped
("one name for another" is an idiom, not a count), as are small vague amounts ("a few days",
"several times") whose floor is under ten.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import accumulate, islice

from corpus.facts.document import Document
from corpus.facts.model import ExtractedFact
from corpus.facts.numbers import Amount, find_amounts


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w[\w’'-]*\w|\w|[^\w\s]")
_TIME_UNITS = _wordset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries"
)
_PERCENT = re.compile(r"\s*(?:%|per\s*cent\b|percent\b|percentage\s+points?\b)", re.I)
_COMPOUND = re.compile(r"-(?P<unit>[a-z]+)(?P<old>-old)?\b")
_CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds"}
_MONEY_UNITS = _wordset("dollars euros pounds yuan rubles roubles rupees shekels")
_STOP = _wordset(
    """and or but nor who that which whose were was are is be been being have has had in on at
    by from with during after before since as for to into near across including when while
    where among of the a an this these those their his her its it they than per each more
    less could would will may might should must can not no also still only"""
)
_SINGULAR_UNITS = _wordset("km kg mph tonnes tons barrels metres meters miles feet acres")
_SIZE_WORDS = _wordset("strong odd long wide high deep tall fold")
_MODIFIERS = _wordset("other more additional further separate different new major key main")


class _Claimed:
    """Spans other fields claimed; overlap is a bisection and a running maximum, not a scan."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [start for start, _ in spans]
        self._reach = list(accumulate((end for _, end in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a claimed span overlaps ``[start, end)``."""
        i = bisect.bisect_left(self._starts, end)  # the spans opening before ``end``
        return i > 0 and self._reach[i - 1] > start


def extract(
    doc: Document, *, casualties: Sequence[ExtractedFact], equipment: Sequence[ExtractedFact]
) -> list[ExtractedFact]:
    """Numeric claims that are not ``casualties``, ``equipment`` counts or calendar numbers."""
    claimed = _Claimed([(f.start, f.end) for f in (*casualties, *equipment)])
    facts: list[ExtractedFact] = []
    for sentence in doc.sentences:
        if sentence.text.rstrip(" »”\"’')]").endswith("?"):
            continue  # a question claims nothing
        for amount in find_amounts(doc.text, sentence.start, sentence.end):
            if claimed.overlaps(amount.start, amount.end):
                continue
            if _skipped(doc.text, amount):
                continue
            unit = _unit(doc.text, amount, sentence.end)
            if unit is None:
                continue
            kind, name, end = unit
            if claimed.overlaps(amount.start, end):
                continue
            facts.append(
                ExtractedFact(
                    field="quantities",
                    kind=kind,
                    value={"number": amount.number, "unit": name},
                    start=amount.start,
                    end=end,
                    text=doc.text[amount.start : end],
                    sentence_start=sentence.start,
                    sentence_end=sentence.end,
                    qualifier=amount.qualifier,
                    extra={"min": amount.min, "max": amount.max},
                )
            )
    return facts


def _skipped(text: str, amount: Amount) -> bool:
    if amount.qualifier == "vague" and amount.number < 10:
        return True
    return amount.in_words and text[amount.number_start : amount.number_end].lower() == "one"


def _unit(text: str, amount: Amount, end: int) -> tuple[str, str, int] | None:
    """(kind, unit, span end) for the amount, or None when no unit follows it."""
    currency = _CURRENCY.get(text[amount.number_start])
    if currency is not None:
        return "money", currency, amount.end
    percent = _PERCENT.match(text, amount.end, end)
    if percent is not None:
        return "percentage", "percent", percent.end()
    compound = _COMPOUND.match(text, amount.number_end, end)
    if compound is not None and amount.end == amount.number_end:
        word = compound.group("unit")
        if compound.group("old"):
            return "age", "years", compound.end()
        if word in _SIZE_WORDS:
            return None  # "a 1,500-strong force" measures the force, and names no unit
        if word in _TIME_UNITS:
            plural = word if word.endswith("s") or amount.number == 1 else word + "s"
            return "duration", plural, compound.end()
        return "count", word, compound.end()
    head = _head(text, amount, end)
    if head is None:
        return None
    unit, head_end = head
    if unit.lower() in _TIME_UNITS:
        return "duration", unit.lower(), head_end
    if unit.lower() in _MONEY_UNITS:
        return "money", unit.lower(), head_end
    return "count", unit, head_end


def _head(text: str, amount: Amount, end: int) -> tuple[str, int] | None:
    """The head noun phrase after an amount and where it ends."""
    tokens = [
        (m.start(), m.end(), m.group()) for m in islice(_TOKEN.finditer(text, amount.end, end), 8)
    ]
    if tokens and tokens[0][2].lower() == "of" and amount.qualifier == "vague":
        tokens = tokens[1:]  # "dozens of trucks"
    words: list[tuple[int, int, str]] = []
    for i, (s, e, word) in enumerate(tokens):
        lower = word.lower()
        coordinated = (
            lower == "and"
            and words
            and words[-1][2][:1].isupper()
            and i + 1 < len(tokens)
            and tokens[i + 1][2][:1].isupper()
        )
        if not coordinated and (
            not word[:1].isalpha() or lower in _STOP or (lower.endswith("ing") and len(lower) > 5)
        ):
            break
        words.append((s, e, word))
        if not word[:1].isupper() and (
            _is_plural(word) or lower in _SINGULAR_UNITS or amount.number == 1
        ):
            break
        if (
            word[:1].isupper()
            and _is_plural(word)
            and i + 1 < len(tokens)
            and not (
                tokens[i + 1][2][:1].isalpha()
                and tokens[i + 1][2][:1].islower()
                and tokens[i + 1][2].lower() not in _STOP
            )
        ):
            break  # "250,000 Syrians are besieged"
    else:
        if len(tokens) == 8:
            return None  # a long run of words with no plural: not a counted noun
    if not words:
        return None
    last = words[-1][2]
    if not (_is_plural(last) or last.lower() in _SINGULAR_UNITS or amount.number == 1):
        return None
    tail = [words[-1]]
    if len(words) > 1 and words[-2][2].islower() and words[-2][2] not in _MODIFIERS:
        tail.insert(0, words[-2])
    return " ".join(w for _, _, w in tail), words[-1][1]


def _is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in {
        "people",
        "police",
        "personnel",
        "children",
        "men",
        "women",
        "aircraft",
        "cattle",
        "livestock",
        "feet",
        "staff",
        "crew",
    }:
        return True
    if lower.endswith("is"):
        return word[:1].isupper()  # "Israelis", "Iraqis"; not "crisis"
    return lower.endswith("s") and not lower.endswith(("ss", "us"))
