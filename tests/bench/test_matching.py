"""The answer-matching rule, the citation check and the question split (sentences written here)."""

from __future__ import annotations

import pytest

from bench.accuracy.matching import (
    citation_slices,
    is_held_out,
    matches_expected,
    numbers_in,
    parse_number,
    states_number,
)


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("3", 3),
        ("1,200", 1200),
        ("three", 3),
        ("Twenty", 20),
        ("zero", 0),
        ("dozen", None),
        ("twenty-one", None),
        ("3rd", None),
    ],
)
def test_parse_number(token: str, value: int | None) -> None:
    assert parse_number(token) == value


@pytest.mark.parametrize(
    ("text", "number", "stated"),
    [
        ("Two people were hurt.", 2, True),
        ("two", 2, True),
        ("The toll rose to 12.", 12, True),
        ("The toll rose to 12.", 1, False),
        ("The toll rose to 12.", 2, False),
        ("About 1,200 were evacuated.", 1200, True),
        ("About 1,200 were evacuated.", 200, False),
        ("Someone was hurt.", 1, False),
        ("It cost 3.5 million.", 3, False),
        ("Nineteen died; one survived.", 19, True),
        ("Nineteen died; one survived.", 1, True),
        ("At 4 p.m. the road reopened.", 4, True),
        ("An F16 crashed.", 16, False),
    ],
)
def test_states_number(text: str, number: int, stated: bool) -> None:
    assert states_number(text, number) is stated


def test_numbers_in_reads_digits_and_words() -> None:
    assert numbers_in("three of the 14 boats, and 2,000 more") == {3, 14, 2000}


@pytest.mark.parametrize(
    ("text", "expect", "matched"),
    [
        ("3", [3], True),
        ("three", [3, 4], True),
        ("more than 30", [3], False),
        ("Lake Town, near Riverside", ["riverside"], True),
        ("Lake Town", ["Riverside", "River"], False),
        ("September 4", ["2016-09-04", "September 4", "Sept. 4"], True),
        ("anything", [], False),
        ("measured 4.1 on the scale", [4.1], True),
        ("measured 14.1 on the scale", [4.1], False),
        ("measured 4.15 on the scale", [4.1], False),
        ("a 7.25 pct cut", [7.25], True),
        ("about 1,200.5 tonnes", [1200.5], True),
        ("a 200 foot tower", [200.0], True),
    ],
)
def test_matches_expected(text: str, expect: list[object], matched: bool) -> None:
    assert matches_expected(text, expect) is matched


ARTICLE = "The mill closed. Forty workers lost their jobs on Friday."


def _citation(start: int, end: int, **extra: object) -> dict[str, object]:
    return {"start": start, "end": end, "text": ARTICLE[start:end], **extra}


def test_a_citation_that_slices_exactly_passes() -> None:
    start = ARTICLE.index("Forty workers")
    sentence = {"start": 17, "end": len(ARTICLE), "text": ARTICLE[17:]}
    assert citation_slices(_citation(start, start + 13, sentence=sentence), ARTICLE)


@pytest.mark.parametrize(
    "citation",
    [
        {"start": 17, "end": 30, "text": "orty workers "},  # off by one
        {"start": 17, "end": 30, "text": "Forty Workers"},  # case differs
        {"start": 50, "end": 90, "text": ARTICLE[50:90]},  # runs past the end
        {"start": -1, "end": 5, "text": "x"},
        {
            "start": 17,
            "end": 22,
            "text": "Forty",
            "sentence": {"start": 0, "end": 5, "text": "Forty"},
        },
    ],
)
def test_a_citation_that_does_not_slice_fails(citation: dict[str, object]) -> None:
    assert not citation_slices(citation, ARTICLE)


def test_held_out_split_is_a_stable_third() -> None:
    ids = [f"q{i:03d}" for i in range(600)]
    held = [i for i in ids if is_held_out(i)]
    assert 160 < len(held) < 240
    # md5("q000") is ...6d5a0d, a multiple of three; the next three are not.
    assert [is_held_out(i) for i in ("q000", "q001", "q002", "q003")] == [True, False, False, False]
