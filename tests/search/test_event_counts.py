"""Counting questions over events: how they are read, and answers with cited events."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from search.answer.event_counts import read_counting_question


@pytest.mark.parametrize(
    ("question", "counts", "type", "places", "since", "until"),
    [
        ("How many bombings were reported in Baghdad in May 2013?", "events", "bombing",
         ("Baghdad",), date(2013, 5, 1), date(2013, 5, 31)),
        ("How many people were killed in floods in Bavaria in 2021?", "killed", "flood",
         ("Bavaria",), date(2021, 1, 1), date(2021, 12, 31)),
        ("How many shootings were reported in Dayton, Ohio in December 2016?", "events",
         "shooting", ("Dayton", "Ohio"), date(2016, 12, 1), date(2016, 12, 31)),
        ("How many people were wounded in shootings in Texas?", "injured", "shooting",
         ("Texas",), None, None),
        ("How many airstrikes were reported near Deir ez-Zor?", "events", "airstrike",
         ("Deir ez-Zor",), None, None),
        ("How many people were killed in airstrikes in Harran in August 2014?", "killed",
         "airstrike", ("Harran",), date(2014, 8, 1), date(2014, 8, 31)),
        ("How many stabbings were reported in March 2019 in Lyon?", "events", "stabbing",
         ("Lyon",), date(2019, 3, 1), date(2019, 3, 31)),
        ("How many bombings were reported in 2018?", "events", "bombing", (), date(2018, 1, 1),
         date(2018, 12, 31)),
    ],
)  # fmt: skip
def test_counting_questions_are_read(
    question: str,
    counts: str,
    type: str,
    places: tuple[str, ...],
    since: date | None,
    until: date | None,
) -> None:
    asked = read_counting_question(question)
    assert asked is not None
    assert (asked.counts, asked.where.type, asked.places) == (counts, type, places)
    assert (asked.where.since, asked.where.until) == (since, until)


def test_thresholds() -> None:
    asked = read_counting_question("How many incidents injured more than three people?")
    assert asked is not None and asked.where.min_injured == 4 and asked.where.type is None
    asked = read_counting_question("How many shootings killed at least 2 people in 2015?")
    assert asked is not None and asked.where.min_killed == 2


@pytest.mark.parametrize(
    "question",
    [
        "How many people were killed in the shooting in Dayton on May 3, 2016?",
        "How many soldiers were killed?",
        "Who was killed in the shootings?",
        "How many attacks on army posts were reported in the past 24 hours?",
    ],
)
def test_questions_about_one_incident_are_not_counting_questions(question: str) -> None:
    assert read_counting_question(question) is None


def test_counting_answers_cite_each_event(sample_client: TestClient) -> None:
    body = sample_client.get(
        "/ask", params={"q": "How many airstrikes were reported near Deir ez-Zor in 2016?"}
    ).json()
    assert body["interpretation"]["type"] == "count_events"
    (answer,) = body["answers"]
    assert answer["value"] == 1
    assert answer["citations"]
    killed = sample_client.get(
        "/ask", params={"q": "How many people were killed in airstrikes in Syria?"}
    ).json()
    assert killed["answers"][0]["value"] == 62  # the event's most cited figure
    assert "most cited" in killed["answers"][0]["text"]
    # The one event is cited through each of its five articles.
    assert len({c["article_id"] for c in killed["answers"][0]["citations"]}) == 5
    for citation in killed["answers"][0]["citations"]:
        text = sample_client.get(f"/articles/{citation['article_id']}").json()["text"]
        assert text[citation["start"] : citation["end"]] == citation["text"]
    none = sample_client.get(
        "/ask", params={"q": "How many bombings were reported in Leeds in May 2013?"}
    ).json()
    assert none["abstained"] is True


def test_a_month_in_a_counting_question_narrows_the_period_not_the_place(
    sample_client: TestClient,
) -> None:
    question = "How many people were killed in airstrikes in Syria in September 2016?"
    body = sample_client.get("/ask", params={"q": question}).json()
    assert body["interpretation"]["constraints"]["places"] == ["Syria"]
    assert body["answers"][0]["value"] == 62  # the samples' one airstrike event, 17 Sept 2016
    later = "How many airstrikes were reported in Syria in October 2016?"
    assert sample_client.get("/ask", params={"q": later}).json()["abstained"] is True
