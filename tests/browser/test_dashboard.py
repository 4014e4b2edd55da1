"""The dashboard and /docs in a real browser (system Chromium), against the real server.

Each view is checked against the API it reads: marked spans slice the article text exactly,
the ask view shows the answer and its citations, the claims chart draws every stated figure,
facet counts equal the API's totals, and no page logs an error.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx
import pytest

from tests.browser.harness import PHONE, open_view

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

    from tests.browser.conftest import ConsoleLog

REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
DISPUTED_QUESTION = "How many Syrian soldiers were killed?"


def api(base_url: str, path: str, **params: Any) -> Any:
    """GET a JSON document from the server under test."""
    response = httpx.get(base_url + path, params=params, timeout=30)
    response.raise_for_status()
    return response.json()


def marks_on(page: Page, selector: str) -> list[dict[str, Any]]:
    """Every <mark> under ``selector`` with its article, offsets and text."""
    return page.eval_on_selector_all(
        f"{selector} mark[data-start]",
        """marks => marks.map(m => ({
            article: Number(m.closest('[data-article]').dataset.article),
            start: Number(m.dataset.start), end: Number(m.dataset.end), text: m.textContent}))""",
    )


def test_overview_shows_the_corpus(page: Page, base_url: str) -> None:
    health = api(base_url, "/health")
    open_view(page, "/")
    stats = page.inner_text(".stats")
    assert f"{health['articles']}\narticles" in stats
    assert f"{health['passages']}\npassages" in stats
    counted = api(base_url, "/articles", limit=1, facets="published,published_month")["facets"]
    period = "published" if len(counted["published"]) <= 40 else "published_month"
    assert page.locator(".chart .bar").count() == len(counted[period]) >= 1
    assert page.locator("text=Recently ingested").count() == 1
    newest = api(base_url, "/articles", sort="-ingested_at", limit=8)["articles"]
    shown = page.eval_on_selector_all(
        ".overview .plain li a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert shown == [f"/?view=article&id={article['id']}" for article in newest]


def test_search_marks_slice_the_article_text(page: Page, base_url: str) -> None:
    expected = api(base_url, "/search", q="Tharda", limit=10)
    open_view(page, "/?q=Tharda")
    hits = page.locator("li.hit")
    assert hits.count() == expected["total"] == 4
    texts = {}
    for hit in expected["hits"]:
        texts[hit["article_id"]] = api(base_url, f"/articles/{hit['article_id']}")["text"]
    for item in hits.all():
        article = int(item.get_attribute("data-article") or 0)
        start, end = (
            int(item.get_attribute("data-start") or 0),
            int(item.get_attribute("data-end") or 0),
        )
        assert item.locator(".passage").text_content() == texts[article][start:end]
    marks = marks_on(page, "li.hit")
    assert len(marks) >= 4
    for mark in marks:
        assert texts[mark["article"]][mark["start"] : mark["end"]] == mark["text"]
        assert "tharda" in mark["text"].lower()


def test_search_pages_and_filters_keep_their_state(page: Page, base_url: str) -> None:
    open_view(page, "/?q=Syria&source=Newswire.net")
    assert page.input_value("input[name=source]") == "Newswire.net"
    expected = api(base_url, "/search", q="Syria", source="Newswire.net", limit=10)
    assert page.locator("li.hit").count() == len(expected["hits"])
    if expected["next_cursor"]:
        page.click("a[rel=next]")
        page.wait_for_selector("main[data-ready]")
        assert "cursor=" in page.url


def test_search_is_usable_from_the_keyboard(page: Page) -> None:
    open_view(page, "/?view=search")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "q":
            break
    else:
        pytest.fail("the search box cannot be reached with Tab")
    page.keyboard.type("Tharda")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?q=Tharda"))
    page.wait_for_selector("main[data-ready]")
    assert page.locator("li.hit mark").count() >= 4


def test_article_marks_every_fact_and_scrolls_to_the_chosen_one(page: Page, base_url: str) -> None:
    article = api(base_url, "/articles/1")
    facts = api(base_url, "/articles/1/facts", limit=100)["facts"]
    chosen = facts[len(facts) // 2]
    open_view(page, f"/?view=article&id=1&fact={chosen['id']}")
    marks = marks_on(page, ".text")
    text = article["text"]
    for mark in marks:
        assert text[mark["start"] : mark["end"]] == mark["text"]
    covered = {
        int(i)
        for ids in page.eval_on_selector_all(".text mark", "ms => ms.map(m => m.dataset.facts)")
        for i in ids.split()
    }
    assert covered == {fact["id"] for fact in facts}
    selected = page.locator(".text mark.selected")
    assert "".join(selected.all_text_contents()) == chosen["text"]
    assert page.evaluate(
        """() => { const r = document.querySelector('.selected').getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= window.innerHeight; }"""
    )
    assert page.locator(f".fact-list a[href$='fact={chosen['id']}']").count() == 1


def test_ask_shows_62_with_its_citations_and_the_disagreement(page: Page, base_url: str) -> None:
    expected = api(base_url, "/ask", q=DISPUTED_QUESTION)
    assert expected["disputed"]
    open_view(page, f"/?view=ask&q={quote(DISPUTED_QUESTION)}")
    answers = page.locator(".answers.side-by-side > li.answer")
    assert answers.count() == len(expected["answers"]) > 1
    top = answers.first
    assert top.get_attribute("data-answer") == "62"
    assert top.locator("li.citation").count() == len(expected["answers"][0]["citations"])
    assert page.locator(".badge", has_text="disputed").count() == 1
    for citation in expected["answers"][0]["citations"]:
        link = top.locator(
            f"li.citation[data-article='{citation['article_id']}'][data-start='{citation['start']}']"
        )
        assert link.locator("mark").first.text_content() == citation["text"]
    top.locator("li.citation a").first.click()
    page.wait_for_selector("main[data-ready]")
    first = expected["answers"][0]["citations"][0]
    target = "".join(page.locator(".text .target").all_text_contents())
    assert target == first["text"]


def test_ask_shows_why_it_abstains(page: Page, base_url: str) -> None:
    question = "How many tanks were destroyed?"
    expected = api(base_url, "/ask", q=question)
    assert expected["abstained"]
    open_view(page, f"/?view=ask&q={quote(question)}")
    assert expected["reason"] in page.inner_text(".abstained")


def test_claims_chart_has_a_mark_per_stated_figure(page: Page, base_url: str) -> None:
    groups = api(base_url, "/claims", limit=100)["claims"]
    open_view(page, "/?view=claims")
    sections = page.locator("section.claim")
    assert sections.count() == len(groups)
    for i, group in enumerate(groups):
        section = page.locator(f"section.claim[data-group='{i}']")
        drawn = sorted(
            (m.get_attribute("data-source"), float(m.get_attribute("data-stated") or "nan"))
            for m in section.locator("svg g.figure").all()
        )
        stated = sorted((s, float(v["stated"])) for v in group["values"] for s in v["sources"])
        assert drawn == stated
        assert ("disputed" in (section.get_attribute("class") or "")) == group["disputed"]
        assert section.locator("a.citation").count() == sum(
            len(v["citations"]) for v in group["values"]
        )


@pytest.mark.parametrize("filters", [{}, {"field": "casualties"}, {"source": "Middle East Eye"}])
def test_facet_counts_equal_the_apis(page: Page, base_url: str, filters: dict[str, str]) -> None:
    query = "&".join(f"{k}={quote(v)}" for k, v in filters.items())
    open_view(page, f"/?view=facts&{query}")
    assert (
        page.inner_text(".summary")
        == f"{api(base_url, '/facts', limit=1, **filters)['total']} facts"
    )
    for name in ("field", "kind", "source"):
        shown = page.eval_on_selector_all(
            f".facet[data-facet='{name}'] li",
            "lis => lis.map(li => [li.dataset.value, Number(li.lastChild.textContent)])",
        )
        assert shown, name
        for value, count in shown:
            if value == "none":
                continue
            total = api(base_url, "/facts", limit=1, **{**filters, name: value})["total"]
            assert count == total, (name, value)


def test_chosen_filters_are_chips_with_the_apis_counts(page: Page, base_url: str) -> None:
    open_view(page, "/?view=facts")
    page.click(".facet[data-facet='field'] li[data-value='casualties'] a")
    page.wait_for_selector(".chips li[data-facet='field']")
    source = page.get_attribute(".facet[data-facet='source'] li a", "href") or ""
    page.click(f".facet[data-facet='source'] li a[href='{source}']")
    page.wait_for_selector(".chips li[data-facet='source']")
    chosen = {
        "field": "casualties",
        "source": page.get_attribute(".chips li[data-facet='source']", "data-value") or "",
    }
    total = api(base_url, "/facts", limit=1, **chosen)["total"]
    assert page.inner_text(".summary") == f"{total} facts"
    for name in chosen:
        count = page.inner_text(f".chips li[data-facet='{name}'] .count")
        assert int(count) == total, name
    page.click(".chips li[data-facet='field'] a")
    page.wait_for_selector(".chips li[data-facet='source']")
    assert page.locator(".chips li").count() == 1
    assert "field=" not in page.url
    total = api(base_url, "/facts", limit=1, source=chosen["source"])["total"]
    assert page.inner_text(".summary") == f"{total} facts"


def test_a_reload_revalidates_with_etags_and_shows_the_same(page: Page, base_url: str) -> None:
    sent: list[str | None] = []
    page.on(
        "response",
        lambda response: (
            sent.append(response.request.all_headers().get("if-none-match"))
            if "/facts?" in response.url
            else None
        ),
    )
    open_view(page, "/?view=facts&field=casualties")
    before = page.inner_text("main")
    sent.clear()
    page.reload()
    page.wait_for_selector("main[data-ready]")
    # The browser asks with the ETag it holds; fetch sees a 304 as the cached 200.
    assert sent and all(sent), sent
    assert page.inner_text("main") == before
    etag = httpx.get(base_url + "/facts", params={"field": "casualties"}).headers["etag"]
    again = httpx.get(
        base_url + "/facts", params={"field": "casualties"}, headers={"If-None-Match": etag}
    )
    assert again.status_code == 304


def test_every_view_fits_a_phone_width(page: Page) -> None:
    page.set_viewport_size(PHONE)
    for url in (
        "/",
        "/?q=Tharda",
        "/?view=article&id=1",
        "/?view=facts",
        "/?view=claims",
        f"/?view=ask&q={quote(DISPUTED_QUESTION)}",
    ):
        open_view(page, url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, url


def test_a_missing_article_shows_the_problem_not_a_blank_page(
    page: Page, console: ConsoleLog
) -> None:
    open_view(page, "/?view=article&id=999999")
    assert "No article has id 999999." in page.inner_text("main")
    # The browser reports the API's 404 itself; nothing else may be logged.
    assert all("404" in error for error in console.errors), console.errors
    console.errors.clear()


@pytest.mark.parametrize(
    ("path", "operation"), [("/docs", ".opblock"), ("/redoc", "[data-section-id^='operation/']")]
)
def test_api_docs_render_with_the_network_blocked(
    page: Page, base_url: str, console: ConsoleLog, path: str, operation: str
) -> None:
    outside: list[str] = []

    def only_this_server(route: Route) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_server)
    page.goto(path)
    page.wait_for_selector(operation, timeout=30_000)
    operations = sum(len(methods) for methods in api(base_url, "/openapi.json")["paths"].values())
    assert page.locator(operation).count() >= operations
    # ReDoc's bundle always asks for its vendor's logo (and hides it when that fails): the one
    # request to another host, refused here, and the one console error it causes.
    assert set(outside) <= {REDOC_LOGO}
    console.errors[:] = [error for error in console.errors if REDOC_LOGO not in error]


FETCH_SEARCH = """async (url) => {
    try { const r = await fetch(url); return {status: r.status, total: (await r.json()).total}; }
    catch (error) { return {error: String(error)}; }
}"""


def test_a_page_on_an_allowed_origin_can_call_search(
    page: Page, base_url: str, other_site_port: int, console: ConsoleLog
) -> None:
    page.goto(f"http://localhost:{other_site_port}/")
    allowed = page.evaluate(FETCH_SEARCH, f"{base_url}/search?q=Tharda")
    assert allowed == {"status": 200, "total": 4}
    page.goto(f"http://127.0.0.1:{other_site_port}/")  # the same page, an origin not allowed
    refused = page.evaluate(FETCH_SEARCH, f"{base_url}/search?q=Tharda")
    assert "Failed to fetch" in refused["error"]
    # The browser logs the CORS refusal itself: expected here, and nothing else.
    assert console.errors and all("CORS" in e or "ERR_FAILED" in e for e in console.errors)
    console.errors.clear()
