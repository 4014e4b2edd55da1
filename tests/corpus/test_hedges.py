"""Hedges: a figure keeps the number as stated, its interval is derived once, and it is phrased back
as the text wrote it."""

from __future__ import annotations

import pytest

from corpus.facts import casualties
from corpus.facts.document import Document
from corpus.facts.hedges import HEDGES, describe, interval
from corpus.facts.numbers import find_amounts


def _value(phrase: str) -> tuple[dict[str, object], str, str]:
    amount = find_amounts(phrase)[0]
    value = {"stated": amount.number, "min": amount.min, "max": amount.max}
    return value, amount.qualifier, phrase[amount.start : amount.end]


@pytest.mark.parametrize("hedge", sorted(HEDGES))
def test_every_hedge_is_phrased_back_as_written(hedge: str) -> None:
    value, qualifier, wording = _value(f"They counted {hedge} 200 people.")
    assert value["stated"] == 200
    assert describe(value, qualifier, wording) == f"{hedge} 200"


@pytest.mark.parametrize(
    ("phrase", "stated", "low", "high", "qualifier", "said"),
    [
        ("more than 200 people", 200, 201, None, "at_least", "more than 200"),
        ("nearly 70 people", 70, None, 69, "at_most", "nearly 70"),
        ("about 300 people", 300, 300, 300, "approx", "about 300"),
        ("up to 83 soldiers", 83, None, 83, "at_most", "up to 83"),
        ("100 or more people", 100, 100, None, "at_least", "at least 100"),
        ("100-plus people", 100, 100, None, "at_least", "at least 100"),
        ("50 or so people", 50, 50, 50, "approx", "about 50"),
        ("30 to 62 soldiers", 30, 30, 62, "range", "30 to 62"),
        ("dozens of people", 24, 24, None, "vague", "dozens"),
        ("over 2.5 million people", 2_500_000, 2_500_001, None, "at_least", "over 2500000"),
        ("62 soldiers", 62, 62, 62, "exact", "62"),
    ],
)
def test_stated_interval_and_phrase(
    phrase: str, stated: int, low: int | None, high: int | None, qualifier: str, said: str
) -> None:
    value, got_qualifier, wording = _value(phrase)
    assert (value["stated"], value["min"], value["max"], got_qualifier) == (
        stated,
        low,
        high,
        qualifier,
    )
    assert describe(value, qualifier, wording) == said


def test_describe_without_wording_uses_the_strictness_of_the_interval() -> None:
    assert describe({"stated": 200, "min": 201, "max": None}, "at_least") == "more than 200"
    assert describe({"stated": 80, "min": 80, "max": None}, "at_least") == "at least 80"
    assert describe({"stated": 50, "min": None, "max": 49}, "at_most") == "fewer than 50"
    assert describe({"stated": 24, "min": 24, "max": None}, "vague") == "at least 24 (vague)"
    # Values stored before ``stated`` existed print their bound.
    assert describe({"min": 80, "max": None}, "at_least") == "at least 80"


def test_interval_moves_whole_numbers_only() -> None:
    assert interval(200, "at_least", 1) == (201, None)
    assert interval(2.5, "at_least", 1) == (2.5, None)
    assert interval(50, "at_most", -1) == (None, 49)
    assert interval(30, "range", high=62) == (30, 62)
    assert interval(24, "vague") == (24, None)


def test_casualty_value_carries_the_stated_figure() -> None:
    doc = Document.parse("The floods killed more than 200 people and injured nearly 70.")
    values = [
        (f.kind, f.value["stated"], f.value["min"], f.value["max"]) for f in casualties.extract(doc)
    ]
    assert values == [("killed", 200, 201, None), ("injured", 70, None, 69)]
    phrased = [describe(f.value, f.qualifier, f.text) for f in casualties.extract(doc)]
    assert phrased == ["more than 200", "nearly 70"]
