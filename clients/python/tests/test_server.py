"""The client against a real factdesk started by the plugin's ``factdesk_server`` fixture."""

from __future__ import annotations

import anyio
import pytest

from factdesk_client import (
    AsyncFactdeskClient,
    ClaimList,
    FactPublic,
    InvalidRequest,
    NotFound,
    SearchResponse,
)
from factdesk_client.testing import FactdeskServer

from .articles import BRIDGE, FLOOD


@pytest.fixture(scope="module")
def server(factdesk_server: FactdeskServer) -> FactdeskServer:
    """The session's server with the two test articles stored."""
    result = factdesk_server.client.ingest_batch(
        [{"text": FLOOD, "source": "Valley Courier"}, {"text": BRIDGE, "source": "Coast Ledger"}]
    )
    assert len(result.articles) == 2
    return factdesk_server


def test_the_server_starts_empty_of_samples(factdesk_server: FactdeskServer) -> None:
    sources = {a.source for a in factdesk_server.client.iter_articles()}
    assert sources <= {"Valley Courier", "Coast Ledger", "Hill Weekly"}


def test_search_returns_cited_passages(server: FactdeskServer) -> None:
    page = server.client.search("Millbrook flooding", limit=5)
    assert isinstance(page, SearchResponse) and page.total >= 1
    hit = page.hits[0]
    text = server.client.article(hit.article_id).text
    assert text[hit.passage.start : hit.passage.end] == hit.passage.text
    for highlight in hit.highlights:
        assert text[highlight.start : highlight.end] == highlight.text


def test_iter_facts_pages_through_every_fact(server: FactdeskServer) -> None:
    client = server.client
    total = client.facts().total
    facts = list(client.iter_facts(limit=3))
    assert len(facts) == total > 3
    assert len({f.id for f in facts}) == total
    texts = {f.article_id: client.article(f.article_id).text for f in facts}
    for fact in facts:
        assert isinstance(fact, FactPublic)
        assert texts[fact.article_id][fact.start : fact.end] == fact.text
        assert texts[fact.article_id][fact.sentence.start : fact.sentence.end] == fact.sentence.text


def test_ask_answers_with_citations(server: FactdeskServer) -> None:
    result = server.client.ask("How many people were killed in Millbrook?")
    assert not result.abstained
    assert result.answers[0].text == "4"
    citation = result.answers[0].citations[0]
    text = server.client.article(citation.article_id).text
    assert text[citation.start : citation.end] == citation.text


def test_errors_are_typed(server: FactdeskServer) -> None:
    with pytest.raises(NotFound) as missing:
        server.client.article(10**9)
    assert missing.value.status == 404 and missing.value.instance == f"/articles/{10**9}"
    with pytest.raises(InvalidRequest) as invalid:
        server.client.facts(limit=0)
    assert [e["field"] for e in invalid.value.errors] == ["limit"]


def test_ingest_then_delete(server: FactdeskServer) -> None:
    client = server.client
    text = "(Hill Weekly — May 1, 2024) A storm damaged three barns near Orchard Ridge on Monday."
    article = client.ingest(text, title="Storm damage", source="Hill Weekly")
    assert article.text == text and article.title == "Storm damage"
    client.delete_article(article.id)
    with pytest.raises(NotFound):
        client.article(article.id)


def test_exports_stream_every_row(server: FactdeskServer) -> None:
    client = server.client
    export = getattr(client, "export_facts", None)
    if export is None:
        pytest.skip("this service's API has no exports")
    ids = {fact.id for fact in client.iter_facts(limit=100)}
    assert {row["id"] for row in export(format="jsonl")} == ids
    assert {int(row["id"]) for row in export(format="csv")} == ids


def test_the_async_client_reads_the_same(server: FactdeskServer) -> None:
    async def read() -> tuple[int, list[int], ClaimList]:
        async with AsyncFactdeskClient(server.url) as client:
            ids = [fact.id async for fact in client.iter_facts(limit=4)]
            return (await client.facts()).total, ids, await client.claims()

    total, ids, claims = anyio.run(read)
    assert len(ids) == total
    assert claims.total == server.client.claims().total
