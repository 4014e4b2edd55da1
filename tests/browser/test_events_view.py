"""The Events views in a real browser: the list agrees with GET /events (rows, figures, facet
counts, filters), and the detail shows every span the API cites, cut from the article text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.browser.harness import PHONE, open_view
from tests.browser.test_dashboard import api, marks_on

if TYPE_CHECKING:
    from playwright.sync_api import Page


def _spans(value: Any) -> list[dict[str, Any]]:
    """Every cited span (article_id, start, end, text) inside an API document."""
    if isinstance(value, dict):
        found = [value] if {"article_id", "start", "end", "text"} <= value.keys() else []
        return found + [s for v in value.values() for s in _spans(v)]
    if isinstance(value, list):
        return [s for v in value for s in _spans(v)]
    return []


def test_the_list_shows_each_event_with_the_apis_figures_and_counts(
    page: Page, base_url: str
) -> None:
    expected = api(base_url, "/events", limit=50, facets="type,place,month")
    open_view(page, "/?view=events")
    assert page.inner_text(".summary") == f"{expected['total']} event" + (
        "" if expected["total"] == 1 else "s"
    )
    rows = page.locator("tr[data-event]")
    assert rows.count() == len(expected["events"]) >= 1
    for event in expected["events"]:
        row = page.locator(f"tr[data-event='{event['id']}']")
        cells = row.locator("td").all_inner_texts()
        assert cells[1] == event["type"]
        assert event["place"]["name"] in cells[2] and event["place"]["country"] in cells[2]
        assert cells[3] == (event["date"] or "undated")
        assert cells[6] == str(len(event["article_ids"]))
        for kind in ("killed", "injured"):
            figure = event["figures"][kind]
            cell = row.locator(f"td[data-kind='{kind}']")
            if figure is None:
                assert cell.inner_text() == "—"
                continue
            text = cell.inner_text()
            assert str(figure["stated"]) in text
            assert ("disputed" in text) == figure["disputed"]
            if figure["disputed"]:
                assert f"{figure['range_min']}–{figure['range_max']}" in text
    for name, buckets in expected["facets"].items():
        shown = page.eval_on_selector_all(
            f".facet[data-facet='{name}'] li",
            "lis => lis.map(li => [li.dataset.value, Number(li.lastChild.textContent)])",
        )
        assert shown == [[b["value"], b["count"]] for b in buckets], name


def test_filters_narrow_the_list_as_the_api_does(page: Page, base_url: str) -> None:
    open_view(page, "/?view=events")
    page.fill("input[name=place]", "Leeds")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**place=Leeds**")
    page.wait_for_selector("main[data-ready]")
    assert api(base_url, "/events", place="Leeds")["total"] == 0
    assert page.inner_text(".summary") == "0 events"
    assert page.locator("tr[data-event]").count() == 0
    # A month facet is a date range the API filters by.
    open_view(page, "/?view=events")
    page.click(".facet[data-facet='month'] li a")
    page.wait_for_selector("main[data-ready]")
    assert "since=" in page.url and "until=" in page.url
    since = page.input_value("input[name=since]")
    until = page.input_value("input[name=until]")
    total = api(base_url, "/events", since=since, until=until)["total"]
    assert total >= 1 and page.locator("tr[data-event]").count() == total


def test_the_detail_cites_every_span_from_the_article_text(page: Page, base_url: str) -> None:
    (event,) = api(base_url, "/events", limit=1)["events"]
    detail = api(base_url, f"/events/{event['id']}")
    open_view(page, "/?view=events")
    page.click(f"tr[data-event='{event['id']}'] a")
    page.wait_for_selector("main[data-ready]")
    assert f"view=event&id={event['id']}" in page.url
    texts = {
        article_id: api(base_url, f"/articles/{article_id}")["text"]
        for article_id in event["article_ids"]
    }
    marks = marks_on(page, ".event")
    for mark in marks:
        assert texts[mark["article"]][mark["start"] : mark["end"]] == mark["text"]
    cited = {(s["article_id"], s["start"], s["end"], s["text"]) for s in _spans(detail)}
    shown = {(m["article"], m["start"], m["end"], m["text"]) for m in marks}
    assert shown == cited and len(cited) > 20
    for kind, reports in detail["timeline"].items():
        items = page.locator(f".timeline-kind[data-kind='{kind}'] li")
        assert items.count() == len(reports)
        stated = [item.get_attribute("data-stated") for item in items.all()]
        assert stated == [str(r["stated"]) for r in reports]
    killed = page.inner_text(".figure-list dd[data-kind='killed']")
    assert str(detail["figures"]["killed"]["stated"]) in killed and "disputed" in killed
    assert page.locator("[data-article-id]").count() == len(detail["articles"])


def test_the_events_views_fit_a_phone_width(page: Page) -> None:
    page.set_viewport_size(PHONE)
    for url in ("/?view=events", "/?view=event&id=1"):
        open_view(page, url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, url
