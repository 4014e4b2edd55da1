"""What an article states, on sentences written for these tests (one row per construction)."""

from __future__ import annotations

from datetime import date

import pytest

from bench.accuracy.stated import figures, month_day_pattern, states_date, states_name

CASES = [
    # (construction, sentence, killed figures, injured figures)
    ("active verb, both kinds", "The blast killed 4 and wounded 11 others.", {4}, {11}),
    ("passive, number word", "Three people were killed in the crash.", {3}, set()),
    ("shot without death is injured", "Two teenagers were shot near the park.", set(), {2}),
    ("shot, some fatally", "Five people were shot, two fatally.", {2}, set()),
    ("singular, shot and killed", "A 19-year-old man was shot and killed on Elm Road.", {1}, set()),
    ("singular, shot is injured", "An off-duty officer was shot on Tuesday.", set(), {1}),
    ("singular victim, definite", "The victim died at the hospital.", {1}, set()),
    (
        "and separates the kinds",
        "A woman was killed in the crash and three others were injured.",
        {1},
        {3},
    ),
    ("headline list", "8 hurt, 2 dead in blast", {2}, {8}),
    ("nominal death toll", "The death toll rose to 7.", {7}, set()),
    (
        "both kinds, nearest word decides",
        "Police said six were hurt and a woman was killed.",
        {1},
        {6},
    ),
    ("age appositive is no figure", "Lee Park, 23, died at the scene.", set(), set()),
    ("age compound is no figure", "Lee, a 23-year-old cook, was hurt.", set(), set()),
    ("time is no figure", "Two men were wounded at 9 p.m.", set(), {2}),
    ("year is no figure", "In 2015 a flood killed nobody.", set(), set()),
    ("shots counted are no figure", "The gunman fired 12 shots, wounding 3.", set(), {3}),
    ("street number is no figure", "Two were injured in the 1500 block.", set(), {2}),
    ("date day is no figure", "On March 3, 2 people died.", {2}, set()),
    ("hyphenated name is no figure", "An AR-15 was used; 8 were killed.", {8}, set()),
    ("zero is not stated", "No one was hurt, and 0 were killed.", set(), set()),
    ("clause break at semicolon", "Four were arrested; one was injured.", set(), {1}),
    (
        "far from any casualty word",
        "Nine trucks and 40 firefighters spent the night there before anyone was hurt.",
        set(),
        set(),
    ),
]


@pytest.mark.parametrize(
    ("construction", "sentence", "killed", "injured"), CASES, ids=[c[0] for c in CASES]
)
def test_figures(construction: str, sentence: str, killed: set[int], injured: set[int]) -> None:
    assert figures(sentence, "killed") == killed
    assert figures(sentence, "injured") == injured


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("It happened on September 11 at noon.", True),
        ("It happened on Sept. 11 at noon.", True),
        ("It happened on Sep 11th.", True),
        ("It happened on September 1.", False),
        ("It happened on September 110.", False),
    ],
)
def test_month_day(text: str, stated: bool) -> None:
    assert bool(month_day_pattern(date(2016, 9, 11)).search(text)) is stated


SUNDAY = date(2016, 9, 11)


@pytest.mark.parametrize(
    ("text", "published", "stated"),
    [
        ("It happened Sunday night.", date(2016, 9, 12), True),
        ("It happened Sunday night.", date(2016, 9, 20), False),  # a week later: another Sunday
        ("It happened Saturday night.", date(2016, 9, 12), False),
        ("It happened yesterday.", date(2016, 9, 12), True),
        ("It happened yesterday.", date(2016, 9, 13), False),
        ("It happened this morning.", SUNDAY, True),
        ("It happened.", SUNDAY, False),
        ("It happened Sunday.", None, False),
    ],
)
def test_states_date(text: str, published: date | None, stated: bool) -> None:
    assert states_date(text, SUNDAY, published) is stated


def test_states_name_needs_word_boundaries() -> None:
    assert states_name("Mayor Ana Ruiz spoke.", "Ana Ruiz")
    assert not states_name("Mayor Ana Ruizberg spoke.", "Ana Ruiz")
    assert not states_name("Mayor ana ruiz spoke.", "Ana Ruiz")
