"""A figure asked of its sayer ("How many people did the Red Cross say were injured ...?"): only
that sayer's figures answer, pinned to the named event or not; a sayer no article quotes on it
gets no answer. Articles written for this test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.search.serving import serving

ARTICLES = [
    {
        "title": "Fire in Lisle",
        "text": (
            "LISLE - A fire tore through a market in Lisle on Tuesday, March 3, 2015. Twelve "
            "people were injured, the Red Cross said. Nine people were injured, hospital "
            "officials said."
        ),
        "published": "2015-03-04",
        "source": "Wire",
    },
    {
        "title": "Storm hits Harrow",
        "text": (
            "HARROW - A storm hit Harrow on Friday. Four people were injured, the Red Cross said."
        ),
        "published": "2015-03-07",
        "source": "Wire",
    },
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serving(tmp_path_factory.mktemp("sayers"), ARTICLES) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        (
            "How many people did the Red Cross say were injured in the March 3 fire in Lisle?",
            ["12"],
        ),
        ("How many people did the Red Cross say were injured?", ["12", "4"]),
        ("How many people were injured in the March 3 fire in Lisle?", ["12", "9"]),
        ("How many people did Harrow police say were injured in the March 3 fire in Lisle?", []),
    ],
)
def test_only_the_asked_sayers_figures_answer(
    client: TestClient, question: str, figures: list[str]
) -> None:
    body = client.get("/ask", params={"q": question}).json()
    assert sorted(a["text"] for a in body["answers"]) == sorted(figures)
    assert body["abstained"] is not bool(figures)
