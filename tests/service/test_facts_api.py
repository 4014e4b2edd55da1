"""/facts, /fields, /entities and /claims over the sample corpus: the issue's headline facts,
exact offsets for every fact, and paging."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, delete

from corpus.fact_store import reextract_all
from corpus.tables import Fact
from corpus.version import bump_version
from service.schemas.answers import ClaimList


def _all(client: TestClient, path: str, key: str, **params: object) -> list[dict]:
    items, cursor = [], None
    while True:
        query = {**params, "limit": 100, **({"cursor": cursor} if cursor else {})}
        body = client.get(path, params=query).json()
        items += body[key]
        cursor = body["next_cursor"]
        if not cursor:
            return items


@pytest.fixture(scope="module")
def texts(sample_client: TestClient) -> dict[int, str]:
    ids = [a["id"] for a in sample_client.get("/articles").json()["articles"]]
    return {i: sample_client.get(f"/articles/{i}").json()["text"] for i in ids}


def test_every_fact_slices_exactly(sample_client: TestClient, texts: dict[int, str]) -> None:
    facts = _all(sample_client, "/facts", "facts")
    assert len(facts) > 100
    for fact in facts:
        text = texts[fact["article_id"]]
        assert text[fact["start"] : fact["end"]] == fact["text"]
        sentence = fact["sentence"]
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert sentence["start"] <= fact["start"] and fact["end"] <= sentence["end"]


def _casualties(client: TestClient, kind: str) -> set[tuple]:
    facts = _all(client, "/facts", "facts", field="casualties", kind=kind)
    return {
        (f["value"]["min"], f["value"]["max"], f["qualifier"], f["attributed_to"]) for f in facts
    }


def test_killed_claims_of_the_sample_corpus(sample_client: TestClient) -> None:
    killed = _casualties(sample_client, "killed")
    assert (62, 62, "exact", "Russian Defense Ministry") in killed
    assert (80, None, "at_least", "Syrian Observatory for Human Rights") in killed
    assert (None, 83, "at_most", "Syrian military") in killed
    assert {(30, 62, "range"), (61, None, "at_least"), (24, None, "vague")} <= {
        k[:3] for k in killed
    }


def test_injured_claims_of_the_sample_corpus(sample_client: TestClient) -> None:
    injured = {k[:3] for k in _casualties(sample_client, "injured")}
    assert {
        (101, None, "at_least"),
        (121, None, "at_least"),
        (None, 100, "at_most"),
        (100, 100, "exact"),
    } <= injured


def test_equipment(sample_client: TestClient) -> None:
    facts = _all(sample_client, "/facts", "facts", field="equipment")
    assert {(f["value"]["type"], f["value"]["count"]) for f in facts} == {("F-16", 2), ("A-10", 2)}


def test_deir_ez_zor_spellings_are_one_entity(sample_client: TestClient) -> None:
    places = _all(sample_client, "/entities", "entities", type="place")
    [deir] = [e for e in places if e["name"] == "Deir ez-Zor"]
    assert set(deir["variants"]) >= {"Deir ez-Zor", "Deir al-Zor", "Deir el-Zour", "Deir Ezzor"}
    assert deir["mentions"] >= 4 and len(deir["article_ids"]) >= 4
    one = sample_client.get(f"/entities/{deir['id']}").json()
    assert one["variants"] == deir["variants"]
    found = sample_client.get("/entities", params={"q": "Deir el-Zour"}).json()["entities"]
    assert deir["id"] in {e["id"] for e in found}


def test_zakharova_is_a_quote_speaker(sample_client: TestClient) -> None:
    quotes = _all(sample_client, "/facts", "facts", field="quotes")
    assert any(q["value"]["speaker"] == "Maria Zakharova" for q in quotes)


def test_surname_mentions_link_to_the_full_name(sample_client: TestClient) -> None:
    people = _all(sample_client, "/entities", "entities", type="person")
    [konashenkov] = [p for p in people if p["name"].endswith("Konashenkov")]
    assert konashenkov["name"] == "Igor Konashenkov"
    assert "Konashenkov" in konashenkov["variants"]


def test_filters_and_one_fact(sample_client: TestClient) -> None:
    body = sample_client.get("/facts", params={"field": "casualties", "q": "observatory"}).json()
    assert body["total"] >= 1
    assert all("observatory" in f["sentence"]["text"].lower() for f in body["facts"])
    fact = body["facts"][0]
    assert sample_client.get(f"/facts/{fact['id']}").json() == fact
    per_article = sample_client.get(f"/articles/{fact['article_id']}/facts").json()
    assert fact["id"] in {f["id"] for f in per_article["facts"]}
    by_source = sample_client.get("/facts", params={"source": "newswire.net"}).json()
    assert by_source["total"] and {f["source"] for f in by_source["facts"]} == {"Newswire.net"}


def test_field_catalogue(sample_client: TestClient) -> None:
    fields = {f["field"]: f for f in sample_client.get("/fields").json()["fields"]}
    assert set(fields) == {
        "casualties",
        "equipment",
        "places",
        "dates",
        "people",
        "organizations",
        "quotes",
        "quantities",
    }
    assert fields["casualties"]["count"] == sum(k["count"] for k in fields["casualties"]["kinds"])


def test_killed_claims_are_disputed_30_to_83(sample_client: TestClient) -> None:
    body = sample_client.get("/claims", params={"field": "casualties", "kind": "killed"}).json()
    soldiers = next(c for c in body["claims"] if c["subject"] == "soldiers")
    assert soldiers["disputed"]
    assert soldiers["range"] == {"min": 30, "max": 83}
    assert soldiers["picks"]["most_cited"]["value"]["min"] == 62
    assert soldiers["picks"]["conservative"]["value"]["min"] == 30
    for value in soldiers["values"]:
        assert len(value["sources"]) == len(set(value["sources"]))
    summary = sample_client.get("/claims/casualties/summary").json()
    assert {k["kind"] for k in summary["kinds"]} == {"killed", "injured"}


@pytest.mark.parametrize("disputed", [None, True, False])
def test_claim_pages_walk_every_claim_once(
    sample_client: TestClient, disputed: bool | None
) -> None:
    params: dict = {"field": "casualties", "limit": 1}
    if disputed is not None:
        params["disputed"] = disputed
    everything = sample_client.get("/claims", params={**params, "limit": 100}).json()
    seen, cursor = [], None
    while True:
        page = sample_client.get(
            "/claims", params={**params, "cursor": cursor} if cursor else params
        )
        body = ClaimList.model_validate_json(page.content).model_dump(mode="json")
        assert body["total"] == everything["total"]
        seen += body["claims"]
        if not (cursor := body["next_cursor"]):
            break
    assert seen == everything["claims"]
    assert all(disputed is None or c["disputed"] == disputed for c in seen)
    summary = sample_client.get("/claims/casualties/summary").json()
    if disputed is None:
        assert sum(k["claims"] for k in summary["kinds"]) == len(seen)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/facts/99999", 404),
        ("/facts?field=weather", 422),
        ("/facts?cursor=zz", 400),
        ("/entities/place:atlantis", 404),
        ("/entities?type=planet", 422),
        ("/articles/999/facts", 404),
        ("/claims?field=weather", 422),
        ("/claims/weather/summary", 422),
        ("/ask", 422),
        ("/ask?q=", 422),
    ],
)
def test_errors_are_problems(sample_client: TestClient, path: str, status: int) -> None:
    response = sample_client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert set(response.json()) == {"type", "title", "status", "detail", "instance", "errors"}


def test_reextract_keeps_facts_identical(tmp_path, monkeypatch, capsys) -> None:
    from service.app import create_app
    from service.cli import main
    from service.settings import Settings

    settings = Settings(data_dir=tmp_path, seed_samples=True)
    with TestClient(create_app(settings)) as client:
        before = _all(client, "/facts", "facts")
    monkeypatch.setenv("FACTDESK_DATA_DIR", str(tmp_path))
    assert main(["reextract"]) == 0
    assert "re-extracted" in capsys.readouterr().out
    with TestClient(create_app(settings)) as client:
        after = _all(client, "/facts", "facts")
    strip = lambda facts: [{k: v for k, v in f.items() if k != "id"} for f in facts]  # noqa: E731
    assert strip(after) == strip(before)


def test_fact_totals_follow_every_write(client: TestClient) -> None:
    """Totals are cached per corpus version: ingest, delete and re-extraction all show."""

    def total() -> int:
        return client.get("/facts", params={"field": "casualties"}).json()["total"]

    assert total() == 0
    first = client.post("/articles", json={"text": "At least 12 people were killed in Homs."})
    assert total() == 1
    client.post("/articles", json={"text": "Three soldiers were wounded near Hama on Friday."})
    assert total() == 2
    client.delete(f"/articles/{first.json()['id']}")
    assert total() == 1
    # Facts rewritten behind the service's back (as `factdesk reextract` does, in another
    # process) show at once: the rewrite bumps the corpus version in its own transaction.
    state = client.app.state  # type: ignore[attr-defined]
    with Session(state.engine) as session:
        session.exec(delete(Fact).where(Fact.field == "casualties"))  # type: ignore[call-overload]
        bump_version(session)
        session.commit()
    assert total() == 0
    with Session(state.engine) as session:
        reextract_all(session=session)
    assert total() == 1
    assert client.get("/search", params={"q": "Hama"}).json()["total"] == 1


def test_a_later_full_name_absorbs_the_surname_entity(client: TestClient) -> None:
    first = client.post(
        "/articles",
        json={"text": "Konashenkov said the convoy was hit near Aleppo on Monday, officials said."},
    ).json()
    people = client.get("/entities", params={"type": "person"}).json()["entities"]
    assert [p["id"] for p in people] == ["person:konashenkov"]
    second = client.post(
        "/articles",
        json={
            "text": "Russian defence ministry spokesman Igor Konashenkov said on Tuesday that "
            "the strike was deliberate."
        },
    ).json()
    people = client.get("/entities", params={"type": "person"}).json()["entities"]
    assert [(p["id"], p["article_ids"]) for p in people] == [
        ("person:igor-konashenkov", [first["id"], second["id"]])
    ]


def test_route_field_lists_are_the_catalogue_s() -> None:
    from typing import get_args

    from corpus.facts.model import FIELDS, NUMERIC_FIELDS
    from service.routes.claims import ClaimField
    from service.routes.facts import FieldName
    from service.schemas.facts import FactPublic

    assert get_args(FieldName) == FIELDS
    # Kept as a literal so the schema's enum order does not change; the set must still agree.
    assert set(get_args(ClaimField)) == set(NUMERIC_FIELDS)
    stored = {"field", "kind", "value", "text", "start", "end", "attributed_to", "qualifier"}
    assert stored <= set(FactPublic.model_fields)


def test_article_facts_page_in_text_order(sample_client: TestClient, texts: dict[int, str]) -> None:
    """``/articles/{id}/facts`` pages with ``limit`` and ``cursor``; pages join in text order."""
    whole = sample_client.get("/articles/2/facts", params={"limit": 100}).json()
    assert whole["next_cursor"] is None and len(whole["facts"]) == whole["total"] > 10
    paged, cursor = [], None
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        body = sample_client.get("/articles/2/facts", params=params).json()
        assert len(body["facts"]) <= 7 and body["total"] == whole["total"]
        paged += body["facts"]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert [f["id"] for f in paged] == [f["id"] for f in whole["facts"]]
    positions = [(f["start"], f["end"]) for f in paged]
    assert positions == sorted(positions)
    assert all(texts[2][f["start"] : f["end"]] == f["text"] for f in paged)
