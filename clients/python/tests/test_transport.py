"""The in-process ``factdesk_transport`` fixture: an ASGI transport with the app's lifespan run."""

from __future__ import annotations

import anyio
import httpx

from factdesk_client import AsyncFactdeskClient, Health, NotFound

from .articles import BRIDGE


def test_an_async_client_over_the_in_process_app(factdesk_transport: httpx.ASGITransport) -> None:
    async def use() -> tuple[Health, int, int]:
        async with AsyncFactdeskClient("http://factdesk", transport=factdesk_transport) as client:
            empty = await client.health()
            article = await client.ingest(BRIDGE)
            try:
                await client.article(article.id + 1)
            except NotFound as missing:
                assert missing.status == 404
            facts = [fact async for fact in client.iter_article_facts(article.id, limit=2)]
            return empty, (await client.health()).articles, len(facts)

    empty, articles, facts = anyio.run(use)
    assert empty.status == "ok" and empty.articles == 0  # no sample articles
    assert articles == 1 and facts >= 1
