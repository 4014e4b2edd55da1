"""Amounts: numbers, number words, vague amounts, hedges and ranges, with exact offsets."""

from __future__ import annotations

import pytest

from corpus.facts.numbers import find_amounts, parse_number_words


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("Sixty-two", 62),
        ("sixty two", 62),
        ("a hundred", 100),
        ("A Hundred", 100),
        ("one hundred and twenty", 120),
        ("two hundred and fifty thousand", 250_000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("twelve", 12),
        ("banana", None),
    ],
)
def test_parse_number_words(phrase: str, value: int | None) -> None:
    assert parse_number_words(phrase) == value


# text -> [(amount text, number, min, max, qualifier)]
AMOUNTS = [
    ("killing 62 soldiers", [("62", 62, 62, 62, "exact")]),
    ("300,000 people", [("300,000", 300_000, 300_000, 300_000, "exact")]),
    (
        "some 1.5 million refugees",
        [("some 1.5 million", 1_500_000, 1_500_000, 1_500_000, "approx")],
    ),
    ("$5 million in aid", [("$5 million", 5_000_000, 5_000_000, 5_000_000, "exact")]),
    ("Sixty-two Syrian soldiers", [("Sixty-two", 62, 62, 62, "exact")]),
    ("one hundred and twenty men", [("one hundred and twenty", 120, 120, 120, "exact")]),
    ("wounding a hundred more", [("a hundred", 100, 100, 100, "exact")]),
    ("two dozen protesters", [("two dozen", 24, 24, 24, "exact")]),
    ("more than 60 soldiers", [("more than 60", 60, 61, None, "at_least")]),
    ("over 100 injured", [("over 100", 100, 101, None, "at_least")]),
    ("at least 80 soldiers", [("at least 80", 80, 80, None, "at_least")]),
    ("no fewer than 12", [("no fewer than 12", 12, 12, None, "at_least")]),
    ("100 or more", [("100 or more", 100, 100, None, "at_least")]),
    ("up to 83", [("up to 83", 83, None, 83, "at_most")]),
    ("as many as 80 soldiers", [("as many as 80", 80, None, 80, "at_most")]),
    ("no more than 40", [("no more than 40", 40, None, 40, "at_most")]),
    ("fewer than 10 people", [("fewer than 10", 10, None, 9, "at_most")]),
    ("nearly 50 migrants", [("nearly 50", 50, None, 49, "at_most")]),
    ("almost 100", [("almost 100", 100, None, 99, "at_most")]),
    ("about 50", [("about 50", 50, 50, 50, "approx")]),
    ("around 2.5 hours", [("around 2.5", 2.5, 2.5, 2.5, "approx")]),
    (
        "an estimated 250,000 people",
        [("an estimated 250,000", 250_000, 250_000, 250_000, "approx")],
    ),
    ("50 or so", [("50 or so", 50, 50, 50, "approx")]),
    ("killing 30 to 62 soldiers", [("30 to 62", 30, 30, 62, "range")]),
    ("30-62 soldiers", [("30-62", 30, 30, 62, "range")]),
    ("between 30 and 62", [("between 30 and 62", 30, 30, 62, "range")]),
    ("between two and three people", [("between two and three", 2, 2, 3, "range")]),
    ("killed 3 or 4", [("3 or 4", 3, 3, 4, "range")]),
    ("rose from 30 to 62", [("30", 30, 30, 30, "exact"), ("62", 62, 62, 62, "exact")]),
    ("Dozens of soldiers", [("Dozens", 24, 24, None, "vague")]),
    ("scores of villagers", [("scores", 40, 40, None, "vague")]),
    ("hundreds were hurt", [("hundreds", 200, 200, None, "vague")]),
    ("thousands fled", [("thousands", 2000, 2000, None, "vague")]),
    ("tens of thousands of people", [("tens of thousands", 20_000, 20_000, None, "vague")]),
    ("hundreds of thousands", [("hundreds of thousands", 200_000, 200_000, None, "vague")]),
    ("several hundred people", [("several hundred", 300, 300, None, "vague")]),
    ("a few days", [("a few", 2, 2, None, "vague")]),
    ("2000 people died", [("2000", 2000, 2000, 2000, "exact")]),
]


@pytest.mark.parametrize(("text", "expected"), AMOUNTS, ids=[a[0] for a in AMOUNTS])
def test_find_amounts(text: str, expected: list[tuple]) -> None:
    amounts = find_amounts(text)
    got = [(text[a.start : a.end], a.number, a.min, a.max, a.qualifier) for a in amounts]
    assert got == expected
    for amount in amounts:
        assert amount.start <= amount.number_start < amount.number_end <= amount.end


@pytest.mark.parametrize(
    "text",
    [
        "at 5 p.m. (1400 GMT) on Saturday",
        "September 5, 2016.",
        "on 23 September 2014",
        "date 2016-09-17 Syria",
        "Archive 2005 -2017",
        "in 2014 militants attacked",
        "the 2010 floods",
        "Mondialisation.ca, 18 septembre 2016",
        "F-16, A-10, Su-24 and Rossiya-24 at the G20",
        "https://t.co/Uu19jCq7TC",
        "the 1990s",
        "No one was hurt",
        "at 10:30 am",
        "UN Security Council Resolution 2254 calls for talks",
        "Flight 370 vanished",
        "Chapter 11 of the report",
        "The 9/11 attacks and COVID-19",
        "Call (555) 014-2290 or 555-014-2291",
        "dial 1-800-555-TIPS",
    ],
)
def test_calendar_numbers_codes_and_idioms_are_not_amounts(text: str) -> None:
    assert find_amounts(text) == []


def test_region_offsets_index_the_whole_text() -> None:
    text = "Intro. Officials said at least 80 soldiers died. Then 5 more."
    region_start = text.index("Officials")
    region_end = text.index(" Then")
    amounts = find_amounts(text, region_start, region_end)
    assert [text[a.start : a.end] for a in amounts] == ["at least 80"]
    assert text[amounts[0].number_start : amounts[0].number_end] == "80"
