"""Questions pinned to one event among similar ones (same town, other dates; same date, other
towns), written for this test: the answer must come from the article about the asked event,
and a date or place no article is about must be abstained on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings

ARTICLES = [
    {
        "published": "2021-03-04",
        "text": (
            "Two killed in Leeds flats fire\n\n"
            "LEEDS, England (Example Wire) — Two people were killed and four others were "
            "injured when a fire swept through a block of flats on Wednesday night, fire "
            "officials said.\n\n"
            "The victims were identified as Harriet Quinlan, 34, and Owen Pardoe, 61. Police "
            "arrested Dmitri Vance, 29, who was charged with arson on Thursday."
        ),
    },
    {
        "published": "2021-06-13",
        "text": (
            "Warehouse fire in Leeds injures five\n\n"
            "LEEDS (Example Wire) — Five people were hurt when a fire broke out at a warehouse on "
            "Saturday, the fire service said. Crews worked through the night to contain it."
        ),
    },
    {
        "published": "2021-03-04",
        "text": (
            "Three die in Bradford house fire\n\n"
            "BRADFORD, England (Example Wire) — Three people died in a house fire on Wednesday, "
            "and one firefighter was hurt, the fire service said."
        ),
    },
    {
        "published": "2019-08-12",
        "text": (
            "Man killed in Springfield bar shooting\n\n"
            "SPRINGFIELD, Ill. (Example Wire) — A man was shot and killed Saturday night outside "
            "a bar on Maple Street, police said Monday.\n\n"
            "The victim was identified as Marcus Ellery, 24. Police said Tobias Renner, 31, was "
            "arrested Sunday and charged with first-degree murder.\n\n"
            "Police Chief Dana Whitlock said the two men had argued inside the bar."
        ),
    },
    {
        "published": "2022-04-06",
        "text": (
            "Tornado flattens homes in Dunmore\n\n"
            "DUNMORE (Example Wire) — A tornado destroyed 14 houses and damaged a school in "
            "Dunmore on Tuesday, the county emergency office said. Nobody was hurt."
        ),
    },
    {
        "published": "2020-05-02",
        "text": (
            "Boy hurt in Kenwood dog attack\n\n"
            "KENWOOD (Example Wire) — A boy was bitten by a dog on Birch Lane, animal control "
            "officers said. He was treated at a hospital and released."
        ),
    },
    {
        "published": "2018-11-03",
        "text": (
            "Two men shot in Ravensworth\n\n"
            "RAVENSWORTH (Example Wire) — Two men were shot at the Corliss Park Apartments on "
            "Friday night, police said. Officers found Elias Moberly, 27, wounded in a "
            "stairwell. He was taken to Halberd General Hospital, where he is in stable condition."
        ),
    },
    {
        "text": (
            "Villagers rescued as dam gives way\n\n"
            "Rescuers pulled Priya Castellane, 52, from the water on October 2 after the old "
            "dam above the village gave way in heavy rain, emergency services said."
        ),
    },
]

# (question, accepted substrings of the first answer, expected answer type)
ANSWERED = [
    ("How many people were killed in the March 3, 2021 fire in Leeds?", ("2", "two"), "count"),
    ("How many people were hurt in the March 3, 2021 fire in Leeds?", ("4", "four"), "count"),
    ("How many people were injured in the June 12, 2021 fire in Leeds?", ("5", "five"), "count"),
    ("How many people died in the March 3, 2021 fire in Bradford?", ("3", "three"), "count"),
    ("Who was killed in the shooting in Springfield on August 10, 2019?", ("Ellery",), "person"),
    ("Who was the suspect in the Aug. 10, 2019 shooting in Springfield?", ("Renner",), "person"),
    ("Who was arrested after the Leeds fire on March 3, 2021?", ("Vance",), "person"),
    ("When was Marcus Ellery shot in Springfield?", ("2019-08-10",), "date"),
    # the day of what the question asks about, not of the shooting told first
    ("When was Tobias Renner arrested?", ("2019-08-11",), "date"),
    ("Where was Marcus Ellery killed?", ("Springfield",), "place"),
    # "Saturday night", resolved against the Monday it was published (and said)
    ("When was the shooting on Maple Street in Springfield?", ("2019-08-10",), "date"),
    # no date in the text: the day it was published, citing the headline
    ("When was the boy bitten on Birch Lane in Kenwood?", ("2020-05-02",), "date"),
    ("How many houses were destroyed by the tornado in Dunmore?", ("14",), "count"),
    # the most specific place, said with its town
    ("Where was Elias Moberly shot?", ("Corliss Park Apartments, Ravensworth",), "place"),
    ("Which hospital was Elias Moberly taken to?", ("Halberd General Hospital",), "place"),
    # an article without a publication date: the day as written, without a year
    ("When was Priya Castellane rescued?", ("October 2",), "date"),
    # everyone shot: the dead and the wounded added up
    (
        "How many people were shot in the Springfield shooting on August 10, 2019?",
        ("1", "one"),
        "count",
    ),
    (
        "How many people were shot at the Corliss Park Apartments on November 2, 2018?",
        ("2", "two"),
        "count",
    ),
]

ABSTAINED = [
    "How many people were killed in the fire in Leeds on May 20, 2021?",
    "Who was killed in the shooting in Springfield on January 5, 2018?",
    "How many people died in the March 3, 2021 fire in Sheffield?",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data: Path = tmp_path_factory.mktemp("events")
    settings = Settings(data_dir=data / "data", seed_samples=False, extract_workers=0)
    with TestClient(create_app(settings)) as test_client:
        response = test_client.post("/articles/batch", json=ARTICLES)
        assert response.status_code in (200, 201), response.text
        yield test_client


def _ask(client: TestClient, question: str) -> dict:
    response = client.get("/ask", params={"q": question})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(("question", "accepted", "answer_type"), ANSWERED)
def test_pinned_questions_are_answered_from_their_event(
    client: TestClient, question: str, accepted: tuple[str, ...], answer_type: str
) -> None:
    body = _ask(client, question)
    assert not body["abstained"], body["reason"]
    assert body["interpretation"]["answer_type"] == answer_type
    first = body["answers"][0]
    assert any(a.lower() in first["text"].lower() for a in accepted), first["text"]
    assert first["citations"]


@pytest.mark.parametrize("question", ABSTAINED)
def test_an_event_no_article_is_about_is_abstained_on(client: TestClient, question: str) -> None:
    body = _ask(client, question)
    assert body["abstained"] and body["answers"] == []
    assert body["reason"]


def test_interpretation_shows_the_constraints(client: TestClient) -> None:
    body = _ask(client, "How many people were hurt in the March 3, 2021 fire in Leeds, England?")
    constraints = body["interpretation"]["constraints"]
    assert constraints["dates"] == ["2021-03-03"]
    assert "Leeds" in constraints["places"]
    assert body["interpretation"]["role"] is None


def test_pinned_citations_slice_exactly(client: TestClient) -> None:
    texts: dict[int, str] = {}
    for question, _, _ in ANSWERED:
        for answer in _ask(client, question)["answers"]:
            for c in answer["citations"]:
                if c["article_id"] not in texts:
                    texts[c["article_id"]] = client.get(f"/articles/{c['article_id']}").json()[
                        "text"
                    ]
                text = texts[c["article_id"]]
                assert text[c["start"] : c["end"]] == c["text"]
                s = c["sentence"]
                assert text[s["start"] : s["end"]] == s["text"]
                assert s["start"] <= c["start"] and c["end"] <= s["end"]


def test_pinned_answers_are_deterministic(client: TestClient) -> None:
    question = "Who was the suspect in the Aug. 10, 2019 shooting in Springfield?"
    assert _ask(client, question) == _ask(client, question)


def test_a_plural_question_lists_the_people_named_alike(client: TestClient) -> None:
    body = _ask(client, "Who were the people killed in the March 3, 2021 fire in Leeds?")
    names = " ".join(a["text"] for a in body["answers"])
    assert "Quinlan" in names and "Pardoe" in names
    assert "Vance" not in names  # the one arrested is on the other side
    assert not body["disputed"]
