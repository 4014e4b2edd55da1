"""/search over the sample corpus: golden hits, exact offsets as a property, paging."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_QUERY_WORDS = [
    "Tharda",
    "Deir",
    "zor",
    "killed",
    "soldiers",
    "Konashenkov",
    "Russia",
    "F-16",
    "coalition",
    "airport",
    "ceasefire",
    "Zakharova",
    "ISIS",
    "truce",
    "Aleppo",
]


def _texts(client: TestClient) -> dict[int, str]:
    ids = [a["id"] for a in client.get("/articles", params={"limit": 100}).json()["articles"]]
    return {i: client.get(f"/articles/{i}").json()["text"] for i in ids}


def _assert_exact(body: dict, texts: dict[int, str]) -> None:
    for hit in body["hits"]:
        text = texts[hit["article_id"]]
        passage = hit["passage"]
        assert text[passage["start"] : passage["end"]] == passage["text"]
        for light in hit["highlights"]:
            assert passage["start"] <= light["start"] < light["end"] <= passage["end"]
            assert text[light["start"] : light["end"]] == light["text"]


def test_tharda_hits_three_articles_with_exact_offsets(sample_client: TestClient) -> None:
    body = sample_client.get("/search", params={"q": "Tharda", "limit": 100}).json()
    assert len({hit["article_id"] for hit in body["hits"]}) >= 3
    _assert_exact(body, _texts(sample_client))


def test_phrase(sample_client: TestClient) -> None:
    body = sample_client.get("/search", params={"q": '"Deir ez-Zor"', "limit": 100}).json()
    assert body["total"] >= 2
    spellings = {"Deir ez-Zor", *body["variants"]}
    assert all(any(s in hit["passage"]["text"] for s in spellings) for hit in body["hits"])
    assert any("Deir ez-Zor" in hit["passage"]["text"] for hit in body["hits"])


@given(
    words=st.lists(st.sampled_from(_QUERY_WORDS), min_size=1, max_size=3),
    operator=st.sampled_from([" ", " OR ", " AND "]),
    limit=st.integers(1, 20),
)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_every_hit_slices_exactly(
    sample_client: TestClient, words: list[str], operator: str, limit: int
) -> None:
    texts = _texts(sample_client)
    response = sample_client.get("/search", params={"q": operator.join(words), "limit": limit})
    assert response.status_code == 200
    _assert_exact(response.json(), texts)


def test_cursor_walks_every_hit_once(sample_client: TestClient) -> None:
    everything = sample_client.get("/search", params={"q": "syrian", "limit": 100}).json()
    walked, cursor = [], None
    while True:
        params = {"q": "syrian", "limit": 5, **({"cursor": cursor} if cursor else {})}
        body = sample_client.get("/search", params=params).json()
        walked += body["hits"]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert walked == everything["hits"]


def test_source_and_date_filters(sample_client: TestClient) -> None:
    body = sample_client.get("/search", params={"q": "Syria", "source": "newswire.net"}).json()
    assert body["total"] and {h["source"] for h in body["hits"]} == {"Newswire.net"}
    body = sample_client.get("/search", params={"q": "Syria", "until": "2016-09-17"}).json()
    assert {h["published"] for h in body["hits"]} == {"2016-09-17"}


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": "fire~3"}, 400),
        ({"q": "  "}, 422),
        ({"q": "Tharda", "cursor": "not-a-cursor"}, 400),
        ({"q": "Tharda", "limit": 0}, 422),
        ({"q": "Tharda", "limit": 101}, 422),
        ({"q": "Tharda", "since": "yesterday"}, 422),
        ({}, 422),
    ],
)
def test_bad_search_input(sample_client: TestClient, params: dict, status: int) -> None:
    response = sample_client.get("/search", params=params)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("q", ["the", "AND", "of the"])
def test_a_query_without_searchable_words_matches_nothing(
    sample_client: TestClient, q: str
) -> None:
    body = sample_client.get("/search", params={"q": q}).json()
    assert body["total"] == 0 and body["hits"] == []


def test_cursor_from_another_listing_is_refused(sample_client: TestClient) -> None:
    cursor = sample_client.get("/articles", params={"limit": 1}).json()["next_cursor"]
    assert sample_client.get("/search", params={"q": "Syria", "cursor": cursor}).status_code == 400


def test_repeated_search_never_outlives_a_write(client: TestClient) -> None:
    """The result cache is keyed by index generation: every write shows in the next answer."""
    first = client.post("/articles", json={"text": "Shelling hit Jebel Tharda on Saturday."})
    assert client.get("/search", params={"q": "Tharda"}).json()["total"] == 1
    assert client.get("/search", params={"q": "Tharda"}).json()["total"] == 1  # served cached
    client.post("/articles", json={"text": "Residents near Tharda fled north on Sunday."})
    assert client.get("/search", params={"q": "Tharda"}).json()["total"] == 2
    assert client.delete(f"/articles/{first.json()['id']}").status_code == 204
    body = client.get("/search", params={"q": "Tharda"}).json()
    assert [hit["passage"]["text"] for hit in body["hits"]] == [
        "Residents near Tharda fled north on Sunday."
    ]


def test_responses_carry_the_server_time(sample_client: TestClient) -> None:
    for path in ("/search?q=Tharda", "/search?q=Tharda", "/health", "/no-such-path"):
        timing = sample_client.get(path).headers["server-timing"]
        assert timing.startswith("app;dur=")
        assert float(timing.removeprefix("app;dur=")) >= 0


def test_track_total_hits_bounds_the_total(sample_client: TestClient) -> None:
    exact = sample_client.get("/search", params={"q": "syrian", "limit": 3}).json()
    assert exact["total"] > 4 and exact["total_relation"] == "eq"
    always = {"q": "syrian", "limit": 3, "track_total_hits": "true"}
    assert sample_client.get("/search", params=always).json()["total"] == exact["total"]
    bounded = sample_client.get(
        "/search", params={"q": "syrian", "limit": 3, "track_total_hits": 4}
    ).json()
    assert (bounded["total"], bounded["total_relation"]) == (4, "gte")
    assert bounded["hits"] == exact["hits"]
    # The bound never hides a page: the cursor leads on while passages remain.
    walked, cursor = [], None
    while True:
        params = {"q": "syrian", "limit": 3, "track_total_hits": 4}
        body = sample_client.get("/search", params={**params, "cursor": cursor or ""}).json()
        assert body["total_relation"] == ("gte" if exact["total"] > 4 else "eq")
        walked += body["hits"]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(walked) == exact["total"]


@pytest.mark.parametrize("value", ["false", "-1", "yes", "1e3", "9999999999"])
def test_track_total_hits_refuses_other_values(sample_client: TestClient, value: str) -> None:
    response = sample_client.get("/search", params={"q": "Syria", "track_total_hits": value})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
