"""Answers print a figure as the cited text states it, whatever interval was derived from it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from search.answer.compose import amount_phrase


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "wording", "said"),
    [
        (201, None, "at_least", "more than 200 people", "more than 200"),
        (None, 69, "at_most", "nearly 70", "nearly 70"),
        # Quantities pass the stated number as both bounds.
        (70, 70, "at_most", "nearly 70 tonnes", "nearly 70"),
        (200, 200, "at_least", "more than 200 flights", "more than 200"),
        (300, 300, "approx", "about 300 people", "about 300"),
        (None, 83, "at_most", "up to 83", "up to 83"),
        (30, 62, "range", "30 to 62 soldiers", "30 to 62"),
        (24, None, "vague", "dozens of civilians", "dozens"),
        (62, 62, "exact", "Sixty-two soldiers", "62"),
        # A derived figure: the wording's first number is not it.
        (6, 6, "exact", "Eight people were shot, two fatally", "6"),
        (3, 3, "exact", "a man, his wife and their son", "3"),
    ],
)
def test_amount_phrase_repeats_the_stated_figure(
    low: float | None, high: float | None, qualifier: str, wording: str, said: str
) -> None:
    assert amount_phrase(low, high, qualifier, wording) == said


def test_ask_and_claims_print_the_stated_figure(client: TestClient) -> None:
    """Through the service: a hedged figure is answered and claimed as written, never shifted."""
    text = (
        "Floods swept the river valley on Tuesday. More than 200 people were killed, the "
        "regional governor said, and nearly 70 others were injured."
    )
    assert client.post("/articles", json={"text": text}).status_code == 201
    answer = client.get("/ask", params={"q": "How many people were killed in the floods?"}).json()
    top = answer["answers"][0]
    assert top["text"] == "more than 200"
    assert (top["value"]["stated"], top["value"]["min"]) == (200, 201)
    claims = client.get("/claims", params={"field": "casualties", "kind": "injured"}).json()
    (value,) = claims["claims"][0]["values"]
    assert (value["stated"], value["max"], value["qualifier"]) == (70, 69, "at_most")
