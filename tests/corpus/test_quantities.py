"""Quantities: other numeric claims with their unit, kept apart from casualties and equipment."""

from __future__ import annotations

import pytest

from corpus.facts.document import Document
from corpus.facts.pipeline import field_facts

# sentence -> [(kind, number, unit, qualifier, text)]
CASES = [
    (
        "But 40 trucks carrying food aid were still stuck.",
        [("count", 40, "trucks", "exact", "40 trucks")],
    ),
    (
        "An estimated 250,000 people are living under siege.",
        [("count", 250_000, "people", "approx", "An estimated 250,000 people")],
    ),
    (
        "Moscow was ready to prolong the truce by 72 hours.",
        [("duration", 72, "hours", "exact", "72 hours")],
    ),
    (
        "There were 55 attacks on government positions.",
        [("count", 55, "attacks", "exact", "55 attacks")],
    ),
    (
        "It struck five Islamic State supply routes, as well as a depot.",
        [("count", 5, "supply routes", "exact", "five Islamic State supply routes")],
    ),
    ("The ceasefire has so far lasted five days.", [("duration", 5, "days", "exact", "five days")]),
    ("It would end the five-year war.", [("duration", 5, "years", "exact", "five-year")]),
    ("A 72-hour truce began.", [("duration", 72, "hours", "exact", "72-hour")]),
    ("A 30-year-old man was arrested.", [("age", 30, "years", "exact", "30-year-old")]),
    ("A 12-member team arrived.", [("count", 12, "member", "exact", "12-member")]),
    (
        "Up to 250,000 Syrians are besieged.",
        [("count", 250_000, "Syrians", "at_most", "Up to 250,000 Syrians")],
    ),
    ("Prices rose 30% in a week.", [("percentage", 30, "percent", "exact", "30%")]),
    (
        "Turnout was about 45 percent.",
        [("percentage", 45, "percent", "approx", "about 45 percent")],
    ),
    ("The fund pledged $5 million.", [("money", 5_000_000, "dollars", "exact", "$5 million")]),
    ("They paid 300 dollars each.", [("money", 300, "dollars", "exact", "300 dollars")]),
    (
        "Hundreds of thousands of people fled the city.",
        [("count", 200_000, "people", "vague", "Hundreds of thousands of people")],
    ),
    (
        "Output reached more than 2 million barrels a day.",
        [("count", 2_000_000, "barrels", "at_least", "more than 2 million barrels")],
    ),
    ("The convoy covered 120 km in a day.", [("count", 120, "km", "exact", "120 km")]),
    (
        "More than 3,000 Israelis were evacuated.",
        [("count", 3000, "Israelis", "at_least", "More than 3,000 Israelis")],
    ),
    (
        "Two highest U.S. and Russian officials signed it.",
        [("count", 2, "officials", "exact", "Two highest U.S. and Russian officials")],
    ),
    (
        "Between 10 and 20 villages were shelled.",
        [("count", 10, "villages", "range", "Between 10 and 20 villages")],
    ),
    # Not quantities: calendar numbers, codes, bare numbers, idioms, claimed by other fields.
    ("The strike came at 5 p.m. (1400 GMT) on 17 September 2016.", []),
    ("Media ID: 55358541", []),
    ("They switch one label for another, one name for another.", []),
    ("Officials had been watching these forces for a few days.", []),
    ("The raid killed 62 soldiers.", []),
    ("Two F-16 jets and four tanks took part.", []),
    ("The G20 summit opened in Hangzhou.", []),
    ("Resolution 2254 calls for a ceasefire.", []),
    ("A 1,500-strong force crossed the river.", []),
    ("Were 100 tourists stranded?", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_quantity_sentences(sentence: str, expected: list[tuple]) -> None:
    doc = Document.parse(sentence)
    facts = field_facts("quantities", doc)
    got = [(f.kind, f.value["number"], f.value["unit"], f.qualifier, f.text) for f in facts]
    assert got == expected
    for fact in facts:
        assert doc.text[fact.start : fact.end] == fact.text


def test_quantities_and_casualties_share_a_sentence_without_overlap() -> None:
    doc = Document.parse("In the past 24 hours, 12 civilians had been killed in 55 attacks.")
    facts = field_facts("quantities", doc)
    assert [f.text for f in facts] == ["24 hours", "55 attacks"]
