"""The score an unpinned answer needs (``answerer._floor``), on articles written for this test:
a count of the very noun asked for ("How many of the riders were children?" asks for children)
is stated on a lower floor, since the rest of the question often stands in the sentence
before; a name the question gives still has to be in the article. With no candidate, the
best sentence answers when it holds enough of the question's words (PASSAGE_MIN_OVERLAP).
Every answer cites spans that slice its article exactly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from search.answer.answerer import MIN_SCORE, QUANTITY_MIN_SCORE, _fits, _floor
from search.answer.questions import analyze_question
from tests.search.serving import serving

FLOORS = [
    ("How many channels can guests at the Ardel Lodge watch?", QUANTITY_MIN_SCORE),
    ("How many board games does the lodge lend?", QUANTITY_MIN_SCORE),
    ("How many people were killed in the Pellwick fire?", MIN_SCORE),
    ("Which company bought the Ardel Lodge?", MIN_SCORE),
    ("Where did the Pellwick fire start?", MIN_SCORE),
    ("When did the Ardel Lodge open?", MIN_SCORE),
]


@pytest.mark.parametrize(("question", "floor"), FLOORS)
def test_floor_by_question_shape(question: str, floor: float) -> None:
    assert _floor(analyze_question(question)) == floor


def test_a_count_of_the_asked_noun_has_the_lower_floor() -> None:
    assert QUANTITY_MIN_SCORE < MIN_SCORE


ARTICLES = [
    {
        "title": "Winter at the Ardel Lodge",
        "source": "Pellwick Courier",
        "text": (
            "Guests at the Ardel Lodge in Pellwick have few ways to pass the winter evenings. "
            'The manager said a satellite dish was fitted last year. "Television is there, '
            'they can see 19 different channels on it," she said. The lodge also lends board '
            "games."
        ),
    },
    {
        "title": "Pellwick council budget",
        "source": "Pellwick Courier",
        "text": (
            "The Pellwick council approved a budget of 4 million dollars on Monday. "
            "Councillors said 12 new staff would be hired for the parks."
        ),
    },
    {
        "title": "Bus crash on Orla Road",
        "source": "Pellwick Courier",
        "text": (
            "A bus left the road on Orla Road on Friday evening. Six riders, four children and "
            "two adults, were treated at the scene for minor injuries."
        ),
    },
    {
        "title": "Storm clean-up",
        "source": "Pellwick Courier",
        "text": (
            "Linesmen from Harrow Grid worked through the night to restore power around "
            "Pellwick. Most homes had electricity again by noon."
        ),
    },
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serving(tmp_path_factory.mktemp("floors"), ARTICLES) as test_client:
        yield test_client


ANSWERS = [
    # the count's sentence holds only "channels"; the lodge, its guests and the winter
    # evenings are in the sentence before: below MIN_SCORE, above the count's floor
    ("How many channels can guests at the Pellwick lodge watch on cold winter evenings?", "19"),
    # a partitive counts the noun the subset is predicated as ("four children")
    ("How many of the riders of the bus on Orla Road were children?", "4"),
    # no candidate: the best sentence is the answer when it holds 0.70 of the question's
    # words (8 of 11 here: not "after", "hail", "storms")
    (
        "Why did linesmen work through the night to restore power around Pellwick after the "
        "hail storms?",
        "Linesmen from Harrow Grid worked through the night to restore power around Pellwick.",
    ),
    # 6 of 9: too few
    ("Why did linesmen work through the night around Pellwick after the hail storms?", None),
    # a count of the asked noun in an article that does not name the asked lodge: no answer
    ("How many staff will the Ardel Lodge hire for the winter?", None),
]


@pytest.mark.parametrize(("question", "expected"), ANSWERS)
def test_answers_on_the_floors(client: TestClient, question: str, expected: str | None) -> None:
    body = client.get("/ask", params={"q": question}).json()
    if expected is None:
        assert body["abstained"]
        return
    assert not body["abstained"]
    top = body["answers"][0]
    assert top["text"] == expected
    for citation in top["citations"]:
        text = client.get(f"/articles/{citation['article_id']}").json()["text"]
        assert text[citation["start"] : citation["end"]] == citation["text"]


# The passage fallback's sentence must be able to answer (``answerer._fits``): a name the
# question does not give for "Who/Which firm ...", something of what the question asks happened
# ("coaches"), and for "How much" an amount that is not part of a date, a time or an ordinal.
FITS = [
    (
        "Who bought the bakery chain of Marlow Foods Inc?",
        "HARTON, Feb 26 - Marlow Foods Inc said it sold its bakery chain for 12 mln dlrs.",
        False,
    ),
    (
        "Who bought the bakery chain of Marlow Foods Inc?",
        "HARTON, Feb 26 - Marlow Foods Inc said it sold its bakery chain to Quellin Brands.",
        True,
    ),
    (
        "Which firm completed the reserves study for Orrin Oil Trust?",
        "Orrin Oil Trust said that outside engineers completed an annual reserves study.",
        False,
    ),
    (
        "Which firm completed the reserves study for Orrin Oil Trust?",
        "Orrin Oil Trust said Pask and Daly completed an annual reserves study.",
        True,
    ),
    ("Who coaches Mira Talvo?", "Mira Talvo and Ana Perel won their singles matches.", False),
    ("Who coaches Mira Talvo?", "Mira Talvo is coached by her brother Emil.", True),
    (
        "How much will Delvin Corp pay for Ostra Lending?",
        "DELTON, March 2 - Delvin Corp agreed to buy Ostra Lending for undisclosed terms.",
        False,
    ),
    (
        "How much will Delvin Corp pay for Ostra Lending?",
        "DELTON, March 2 - Delvin Corp agreed to pay 40 mln dlrs for Ostra Lending.",
        True,
    ),
    # a clock time and a street's ordinal count nothing
    (
        "How many men were shot outside the Keel Houses?",
        "It happened around 12:35 a.m. outside the Keel Houses on East 156th Street.",
        False,
    ),
    (
        "How many men were shot outside the Keel Houses?",
        "Four men were shot at 12:35 a.m. outside the Keel Houses.",
        True,
    ),
    # a speaker or a place is a name the question does not give
    (
        "Who said the port of Lisle was closed by the crash?",
        "LISLE PORT CLOSED BY TANKER CRASH",
        False,
    ),
    (
        "Who said the port of Lisle was closed by the crash?",
        "The port of Lisle was closed, a Coast Guard spokesman said.",
        True,
    ),
    (
        "Where will the Orvane shareholders meet?",
        "Orvane shareholders will meet on March 31.",
        False,
    ),
    (
        "Where will the Orvane shareholders meet?",
        "Orvane shareholders will meet in Dunmore on March 31.",
        True,
    ),
    # "Who is": a sentence that only has them speak does not say who they are
    ("Who is Ada Pell?", "Ada Pell said the photo was real.", False),
    ("Who is Ada Pell?", "Ada Pell, a fire officer, said the photo was real.", True),
    ("Who is Ada Pell?", "Fire officer Ada Pell said the photo was real.", True),
    # "Which hospital": a sentence must name one
    ("Which hospital was the boy taken to?", "The boy was shot on Keel Street.", False),
    ("Which hospital was the boy taken to?", "He was taken to Orvane General Hospital.", True),
    # asked ahead: a date in the past is no answer, nor any other a sentence states
    (
        "When will the Delvin merger be completed?",
        "DELTON, March 2 - Delvin Corp said holders approved the merger.",
        False,
    ),
]


@pytest.mark.parametrize(("question", "sentence", "fits"), FITS)
def test_the_fallback_sentence_must_be_able_to_answer(
    question: str, sentence: str, fits: bool
) -> None:
    assert _fits(analyze_question(question), question, sentence) is fits
