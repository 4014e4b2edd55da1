"""The amounts a casualty rule may count: numbers, singular victims, and "double homicide".

- **Numbers** from ``numbers.find_amounts``, minus those that are not counts of people: ages
  ("a 31-year-old man", "ages 19 and 25", "Jane Doe, 24,"), the total of a partitive ("four of
  the *five* victims": the rule reads "four").
- **Singular victims** (``SINGULAR``): "a"/"an"/"another"/"his"/"her"/"their" before a singular
  person noun, through up to three modifiers ("a 31-year-old man", "her infant son"), and a bare
  singular person noun opening a headline ("Teen killed in crash"). They count one person, and
  only when a casualty verb follows or governs them (``casualty_rules``).
  "another" before a verb, and "him"/"her"/"himself"/"herself" after a casualty verb ("killing
  her") count one person without a noun.
- **Multiple homicides** (``MULTIPLE``): "double/triple/quadruple homicide|murder|slaying"
  states 2/3/4 killed by itself.
"""

from __future__ import annotations

import re
from typing import Literal

from corpus.facts.casualty_words import (
    AGE_AFTER,
    AGE_BEFORE,
    AGE_COMMA_AFTER,
    NAME_COMMA,
    SINGULAR_PERSONS,
)
from corpus.facts.lexicons import trie_regex
from corpus.facts.numbers import Amount, find_amounts
from corpus.spans import Span

Source = Literal["number", "singular", "aged", "multiple", "ordinal"]
SINGULAR: Source = "singular"
ORDINAL: Source = "ordinal"
AGED: Source = "aged"
MULTIPLE: Source = "multiple"

_NOUN = trie_regex(SINGULAR_PERSONS)
_AGE = r"\d{1,3}-(?:years?|months?|weeks?|days?)-old"
# An age that heads a phrase: "24-year-old Jane Doe was killed", "9 Year Old Injured", "Two-year-old
# child shot"; also "a 47-year old woman" (the space form).
_AGED = re.compile(
    r"(?<![\w-])(?:\d{1,3}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))[\s-](?i:years?|months?"
    r"|weeks?)[\s-](?i:old)\b"
)
_ORDINAL = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b", re.I
)
# "A third person has died", "Second victim dies" (a headline): the toll has reached the
# ordinal; casualty_rules lets it count only the dead (a "third man was wounded" may be the
# only one hurt beside two dead).
_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
_ORDINAL_VICTIM = re.compile(
    rf"(?:\b(?P<det>[Aa])\s+)?\b(?P<ord>(?i:{'|'.join(_ORDINALS)}))\s+(?={_NOUN}\b(?!['’-]))"
)
_FUNCTION = (
    "a|an|the|and|or|but|of|in|on|at|to|for|with|by|from|who|that|which|was|were|is|are|his|her"
    "|their|its|had|has|have|after|before|when|while"
)
_SINGULAR = re.compile(
    r"\b(?P<det>[Aa]n?|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir)\s+"
    rf"(?:(?!(?:{_NOUN}|{_FUNCTION})\b)[\w'’.-]+,?\s+){{0,3}}?(?:{_NOUN}|{_AGE})\b(?!['’-])"
)
# One person without a noun: "and another was wounded"; "killing her", "killed himself" (the
# rules only count a pronoun right after a casualty verb).
_HEADLESS = re.compile(
    r"\b(?:[Aa]nother(?=\s+(?:was|is|has|had|wounded|injured|hurt|killed|died|critically"
    r"|seriously|suffered|sustained|hospitalized)\b)|(?:(?:him|her)(?:self)?|self)(?=\s*(?:[,.;:)]"
    r"|$|\s+(?:and|before"
    r"|after|in|on|at|with|as|while|when|during|outside|inside|early|late|last)\b)))"
)
# A bare singular noun continuing a list of singular victims: "her husband, son and niece",
# through one modifier ("her mother and younger brother"; no function word: "a man and the
# woman" is told as a phrase of its own).
_CONTINUED = re.compile(
    rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their)\s+)?"
    rf"(?P<mod>(?!(?:{_FUNCTION})\b)[a-z][\w-]*\s+)?(?P<noun>(?:{_NOUN}))\b(?!['’-])"
)
_BARE = re.compile(rf"\s*(?P<noun>(?:{_NOUN}))\b(?!['’-])", re.IGNORECASE)
_MULTIPLE = re.compile(
    r"\b(?P<n>double|triple|quadruple|quintuple)[\s-]+(?:homicide|murder|slaying|killing)s?\b",
    re.IGNORECASE,
)
_TIMES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
_GROUP_OR_CALL = re.compile(
    r"\b(?:(?:family|group|crowd|party|gathering|household|team|mob)\s+of|call(?:ed|ing|s)?"
    r"|dial(?:ed|led|ing|s)?)\s+$",
    re.IGNORECASE,
)
_COUNTER = re.compile(r"\s*/\s*\d")
_PARTITIVE_GAP = re.compile(r"\s+of\s+(?:the|those|these|all)?\s*", re.IGNORECASE)


def casualty_amounts(text: str, sentence: Span) -> list[tuple[Amount, Source]]:
    """Every amount a casualty rule may read in ``sentence``, in text order."""
    numbers = find_amounts(text, sentence.start, sentence.end)
    out: list[tuple[Amount, Source]] = []
    previous: Amount | None = None
    for amount in numbers:
        if not _not_people(text, sentence, amount, previous):
            out.append((amount, "number"))
        previous = amount
    taken = [(a.start, a.end) for a, _ in out]
    for m in _SINGULAR.finditer(text, sentence.start, sentence.end):
        s, e = m.span("det")
        if any(ts < m.end() and s < te for ts, te in taken) or _ORDINAL.search(text, e, m.end()):
            continue  # "a fourth climber has died" counts the third, not one
        out.append((_one(s, e), SINGULAR))
        taken.append((s, m.end()))
        pos = m.end()
        while (more := _CONTINUED.match(text, pos, sentence.end)) is not None:
            noun = more.start("noun")
            out.append((_one(more.start("mod") if more["mod"] else noun, noun), SINGULAR))
            taken.append((more.start(), more.end()))  # "and her son" is not read again
            pos = more.end()
    for m in _ORDINAL_VICTIM.finditer(text, sentence.start, sentence.end):
        if m["det"] is None and m.start() != sentence.start:
            continue  # "the third man": which one, not how many
        if not any(ts < m.end() and m.start() < te for ts, te in taken):
            n = _ORDINALS[m["ord"].lower()]
            out.append(
                (
                    Amount(
                        m.start(), m.end("ord"), m.start(), m.end("ord"), n, n, n, "exact", True
                    ),
                    ORDINAL,
                )
            )
    lower = sentence.text.lower()
    # The rarer forms are looked for only where their key word occurs (most sentences lack it).
    ages = (
        _AGED.finditer(text, sentence.start, sentence.end)
        if " old" in lower or "-old" in lower
        else ()
    )
    for m in ages:
        if not any(ts < m.end() and m.start() < te for ts, te in taken):
            out.append(
                (Amount(m.start(), m.end(), m.start(), m.end(), 1, 1, 1, "exact", True), AGED)
            )
    for m in _HEADLESS.finditer(text, sentence.start, sentence.end):
        if not any(ts < m.end() and m.start() < te for ts, te in taken):
            out.append((_one(m.start(), m.end()), SINGULAR))
    bare = _BARE.match(text, sentence.start, sentence.end)
    if bare is not None and bare.group("noun")[:1].isupper():
        s = bare.start("noun")
        if not any(ts <= s < te for ts, te in taken):
            out.append((_one(s, s), SINGULAR))
    multiples = (
        _MULTIPLE.finditer(text, sentence.start, sentence.end)
        if any(word in lower for word in _TIMES)
        else ()
    )
    for m in multiples:
        n = _TIMES[m.group("n").lower()]
        out.append(
            (
                Amount(
                    m.start(),
                    m.end(),
                    m.start(),
                    m.start("n") + len(m.group("n")),
                    n,
                    n,
                    n,
                    "exact",
                    True,
                ),
                MULTIPLE,
            )
        )
    out.sort(key=lambda pair: pair[0].start)
    return out


def _one(start: int, end: int) -> Amount:
    return Amount(start, end, start, end, 1, 1, 1, "exact", True)


def _not_people(text: str, sentence: Span, amount: Amount, previous: Amount | None) -> bool:
    """Whether ``amount`` is an age, a gallery counter ("1 / 2") or a partitive's total."""
    if AGE_AFTER.match(text, amount.number_end) or _COUNTER.match(text, amount.end):
        return True
    before = text[max(sentence.start, amount.start - 20) : amount.start]
    if AGE_BEFORE.search(before) or _GROUP_OR_CALL.search(before):
        return True  # "ages 19 and 25", "a family of four", "dial 911"
    if (
        not amount.in_words
        and isinstance(amount.number, int)
        and amount.number < 120
        and NAME_COMMA.search(before)
        and AGE_COMMA_AFTER.match(text, amount.end)
    ):
        return True  # "Jane Doe, 24, was killed"
    return previous is not None and bool(_PARTITIVE_GAP.fullmatch(text, previous.end, amount.start))
