""" "How many" on articles written for this test: counts of any noun with the verb that governs
them, read past the passage that names the event, measures in the asked unit, parts of a toll,
and abstention when the text counts something else."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.search.serving import serving

ARTICLES = [
    {
        "source": "Coast Wire",
        "published": "2024-03-04",
        "text": (
            "Ferry runs aground off Marrow Point\n\n"
            "The Tessaly Star, a ferry bound for Harlen Island, ran aground on a sandbank off "
            "Marrow Point early on Sunday, the coastguard said. Tugs from Dunmore tried for "
            "most of the morning to pull the vessel free as the tide fell.\n\n"
            "The weather was calm and the sea was flat, a coastguard spokesman said. Engineers "
            "inspected the hull during the afternoon and found no leak. The ferry's owner said "
            "it would pay for the salvage and apologised to its customers for the delay.\n\n"
            "The 212 passengers and 9 crew members were taken ashore by lifeboat. Around 60 "
            "firemen fought a small fire in the engine room. The sandbank lies 14 kilometres "
            "north of the harbour."
        ),
    },
    {
        "source": "Border Times",
        "published": "2024-03-05",
        "text": (
            "Clashes in Varnia leave dozens dead\n\n"
            "Fighting in the Varnia hills has brought the death toll of three months of clashes "
            "between the two militias to 310 people, including 240 villagers and 70 fighters, "
            "the regional health office said."
        ),
    },
    {
        "source": "Market Desk",
        "published": "2024-03-06",
        "text": (
            "ORRIN FUND TAKES STAKE IN KELDA MILLS\n\n"
            "LONDON, March 6 - Orrin Capital said it bought 420,000 shares of Kelda Mills Plc, "
            "or 6.1 pct of the company, for 3.2 mln dlrs."
        ),
    },
]

# Issue 10: a settlement's population ("the town of 2,700"), and the whole a thing was one of.
ARTICLES += [
    {
        "source": "Valley Post",
        "published": "2024-03-07",
        "text": (
            "Driver sought after crash near Kessick Falls\n\n"
            "The town of 2,700 has one patrol car, and its officers spent Monday looking for the "
            "driver of a truck that hit a school bus near Kessick Falls. Deputies said it was "
            "one of three highway crashes in Orle County that day."
        ),
    },
]

QUESTIONS = [
    ("How many crew members were on the ferry that ran aground off Marrow Point?", "9"),
    ("How many passengers were taken off the Tessaly Star?", "212"),
    ("How many firemen fought the fire on the Tessaly Star?", "60"),
    ("How far from the harbour is the sandbank off Marrow Point?", "14 kilometres"),
    ("How many villagers have died in the clashes in Varnia?", "240"),
    ("How many people have died in three months of clashes in Varnia?", "310"),
    ("How many shares of Kelda Mills did Orrin Capital buy?", "420,000"),
    ("How many people live in Kessick Falls?", "2,700"),
    ("How many highway crashes were there in the county on Monday?", "3"),
]

ABSTAIN = [
    "How many shares of Kelda Mills did Orrin Capital sell?",
    "How many cars were aboard the Tessaly Star?",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serving(tmp_path_factory.mktemp("counts"), ARTICLES) as test_client:
        yield test_client


@pytest.mark.parametrize(("question", "expected"), QUESTIONS)
def test_counts(client: TestClient, question: str, expected: str) -> None:
    body = client.get("/ask", params={"q": question}).json()
    assert body["answers"], body["reason"]
    first = body["answers"][0]
    assert expected.replace(",", "") in first["text"].replace(",", ""), body["answers"]
    citation = first["citations"][0]
    text = client.get(f"/articles/{citation['article_id']}").json()["text"]
    assert text[citation["start"] : citation["end"]] == citation["text"]


@pytest.mark.parametrize("question", ABSTAIN)
def test_counts_of_something_else_abstain(client: TestClient, question: str) -> None:
    assert client.get("/ask", params={"q": question}).json()["abstained"]
