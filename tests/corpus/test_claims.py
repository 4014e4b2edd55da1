"""Claims reconciliation as pure functions: grouping, dispute, range and picks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from corpus.claims import ArticleContext, ClaimFact, build_claims, group_events, victim_class


def fact(
    article: int,
    low: float | None,
    high: float | None,
    qualifier: str,
    *,
    source: str | None = "Wire",
    subject: str = "soldiers",
    kind: str = "killed",
    attributed: str | None = None,
    start: int = 0,
) -> ClaimFact:
    return ClaimFact(
        fact_id=article * 100 + start,
        article_id=article,
        source=source,
        field="casualties",
        kind=kind,
        stated=low if low is not None else high,
        min=low,
        max=high,
        qualifier=qualifier,
        subject=subject,
        attributed_to=attributed,
        start=start,
        end=start + 5,
        text="x",
    )


SAME_EVENT = {i: ArticleContext(date(2016, 9, 18), ("Deir ez-Zor",)) for i in range(1, 10)}


@pytest.mark.parametrize(
    ("victims", "expected"),
    [
        ("soldiers", "soldiers"),
        ("Syrian troops", "soldiers"),
        ("regime forces soldiers", "soldiers"),
        ("civilians", "civilians"),
        ("children", "civilians"),
        ("militants", "militants"),
        ("rebel fighters", "militants"),
        (None, "people"),
        ("people", "people"),
        ("policemen", "police"),
        ("miners", "miners"),
    ],
)
def test_victim_class(victims: str | None, expected: str) -> None:
    assert victim_class(victims) == expected


def test_conflicting_figures_are_one_disputed_claim() -> None:
    facts = [
        fact(1, 62, 62, "exact", source="Newswire.net", attributed="Russian Defense Ministry"),
        fact(2, 62, 62, "exact", source=None, attributed="Russian Defense Ministry"),
        fact(
            3, 80, None, "at_least", source="MEE", attributed="Syrian Observatory for Human Rights"
        ),
        fact(4, None, 83, "at_most", source="Asharq", attributed="Syrian military"),
        fact(3, 30, 62, "range", source="MEE", start=50),
        fact(4, 24, None, "vague", source="Asharq", start=70),
    ]
    [claim] = build_claims(facts, SAME_EVENT)
    assert claim.disputed
    assert (claim.range_min, claim.range_max) == (30, 83)  # "dozens" does not set the range
    assert claim.values[0].min == 62 and claim.values[0].sources == ["Newswire.net", "article 2"]
    assert claim.picks["conservative"]["value"]["min"] == 30
    assert claim.picks["most_cited"]["value"]["min"] == 62
    assert claim.picks["highest"]["value"]["max"] == 83
    assert all("rule" in pick for pick in claim.picks.values())


def test_compatible_figures_are_not_disputed() -> None:
    facts = [fact(1, 60, None, "at_least"), fact(2, None, 83, "at_most"), fact(3, 62, 62, "exact")]
    [claim] = build_claims(facts, SAME_EVENT)
    assert not claim.disputed


def test_an_article_restating_its_figure_is_one_source() -> None:
    facts = [fact(1, 62, 62, "exact", start=0), fact(1, 62, 62, "exact", start=90)]
    [claim] = build_claims(facts, SAME_EVENT)
    assert claim.values[0].sources == ["Wire"] and len(claim.values[0].citations) == 2
    assert not claim.disputed


def test_different_subjects_and_kinds_are_different_claims() -> None:
    facts = [
        fact(1, 62, 62, "exact"),
        fact(1, 12, 12, "exact", subject="civilians"),
        fact(1, 100, 100, "exact", kind="injured"),
    ]
    assert len(build_claims(facts, SAME_EVENT)) == 3


def test_events_split_by_place_and_time() -> None:
    contexts = {
        1: ArticleContext(date(2016, 9, 18), ("Deir ez-Zor",)),
        2: ArticleContext(None, ("Deir ez-Zor", "Syria")),
        3: ArticleContext(date(2016, 9, 20), ("Deir ez-Zor",)),
        4: ArticleContext(date(2019, 1, 1), ("Deir ez-Zor",)),
        5: ArticleContext(date(2016, 9, 18), ("Kabul",)),
    }
    events = group_events(contexts)
    assert events[1] == events[2] == events[3]
    assert events[4] != events[1]
    assert events[5] != events[1]


def test_a_hedged_figure_keeps_what_was_stated() -> None:
    """ "more than 200" is one value: stated 200, min 201; the pick prints the stated figure."""
    more = replace(fact(1, 201, None, "at_least"), stated=200)
    (claim,) = build_claims([more], SAME_EVENT)
    (value,) = claim.values
    assert (value.stated, value.min, value.max) == (200, 201, None)
    assert claim.picks["highest"]["value"]["stated"] == 200
