"""Metadata sniffing on the sample corpus and on constructions of our own."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.metadata import parse_date, sniff_metadata, split_site_title


@pytest.mark.parametrize(
    ("stem", "source", "published", "title_start"),
    [
        ("000_046abefa6c9f4edb", "Newswire.net", date(2016, 9, 18), "US-led coalition jets"),
        ("001_57aa5e1661221538", None, date(2016, 9, 17), "Syria’s army general command"),
        ("002_cf8551d73f26d5b1", "Asharq Al-awsat", None, "U.S.-led Jets Kill Dozens"),
        ("003_2ffd1e761a622c82", None, None, "The Syrian army is claiming"),
        ("004_b1dd98b1a800801c", "Middle East Eye", date(2016, 9, 18), "US-Led Coalition Air Raid"),
    ],
)
def test_sample_metadata(
    sample_texts: dict[str, str],
    stem: str,
    source: str | None,
    published: date | None,
    title_start: str,
) -> None:
    meta = sniff_metadata(sample_texts[stem])
    assert meta.source == source
    assert meta.published == published  # 002's only date is in a photo caption: not published
    assert meta.title is not None and meta.title.startswith(title_start)
    assert meta.language == "en"


@pytest.mark.parametrize(
    ("text", "source", "published"),
    [
        ("(Reuters — March 3, 2021) — Floods hit the coast.", "Reuters", date(2021, 3, 3)),
        ("(AP - 4 May 2019) Storm kills five.", "AP", date(2019, 5, 4)),
        ("date 2020-01-02 Quake strikes city\n\nBody text here.", None, date(2020, 1, 2)),
        (
            "Quake Strikes Northern City\nBy Example Daily\nlemonde.fr, 3 mars 2022\nText.",
            "Example Daily",
            date(2022, 3, 3),
        ),
        ("Caption:\n\nA photo taken June 1, 2015. REUTERS\n\nThe story begins here.", None, None),
        ("Headline Of The Story\nJanuary 5, 2018\nThe story.", None, date(2018, 1, 5)),
    ],
)
def test_constructions(text: str, source: str | None, published: date | None) -> None:
    meta = sniff_metadata(text)
    assert meta.source == source
    assert meta.published == published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("18 septembre 2016", date(2016, 9, 18)),
        ("September 18, 2016", date(2016, 9, 18)),
        ("2016-09-17", date(2016, 9, 17)),
        ("September 2016", None),  # no day: not a publication date
        ("Saturday", None),
        ("no date here", None),
    ],
)
def test_parse_date(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_french_text_is_detected() -> None:
    text = "Les frappes aériennes ont tué des dizaines de soldats syriens selon l'armée russe."
    assert sniff_metadata(text).language == "fr"


@pytest.mark.parametrize(
    ("title", "headline", "site"),
    [
        ("Two hurt in crash on Elm Road - KXYZ-TV: News, Weather and Sports for Springfield, IL",
         "Two hurt in crash on Elm Road", "KXYZ-TV"),
        ("Bridge closed after barge strike | Fox 12", "Bridge closed after barge strike", "Fox 12"),
        ("Fire guts downtown bakery - WQRS - Northern Ohio Breaking News, Weather, Closings",
         "Fire guts downtown bakery", "WQRS"),
        ("Storm knocks out power to 4,000 homes - Lakeside13.com | Lakeside, MN | News, Weather",
         "Storm knocks out power to 4,000 homes", "Lakeside13.com"),
        ("Council approves new budget : Valley Courier Online", "Council approves new budget",
         "Valley Courier Online"),
        ("Man rescued from frozen pond :: KPLM.com", "Man rescued from frozen pond", "KPLM.com"),
        ("Three arrested after chase « CBS Springfield", "Three arrested after chase",
         "CBS Springfield"),
        ("School reopens after flood - KXYZ5", "School reopens after flood", "KXYZ5"),
        # No site: a colon or dash inside a headline stays.
        ("Police: Teen hurt in fall from bridge", "Police: Teen hurt in fall from bridge", None),
        ("Mayor - a profile of the new city leader", "Mayor - a profile of the new city leader",
         None),
        ("Flood waters rise - residents told to leave now.",
         "Flood waters rise - residents told to leave now.", None),
    ],
)  # fmt: skip
def test_site_names_are_split_from_crawled_titles(
    title: str, headline: str, site: str | None
) -> None:
    assert split_site_title(title) == (headline, site)


@pytest.mark.parametrize(
    ("text", "title", "source", "published"),
    [
        ("Two hurt in crash on Elm Road - KXYZ-TV: News and Weather\n\nTwo people were hurt.",
         "Two hurt in crash on Elm Road", "KXYZ-TV", None),
        ("# Bridge Closed After Barge Strike\n\nThe bridge closed on Monday.",
         "Bridge Closed After Barge Strike", None, None),
        ("Floods Hit Coastal Towns\n\nNAIROBI, April 28, 2024 — Floods hit the coast today.",
         "Floods Hit Coastal Towns", None, date(2024, 4, 28)),
        ("Two Hurt In Warehouse Fire\n\nBUCKSPORT, SC (WXYZ) – Two people were hurt on Monday.",
         "Two Hurt In Warehouse Fire", "WXYZ", None),
        ("Markets Slide On Rate Fears\n\n(Reuters) - Stocks fell sharply on Tuesday.",
         "Markets Slide On Rate Fears", "Reuters", None),
        ("Storm Damage Spreads Inland\nBy Jane Doe, Reuters\n\nThe storm moved inland.",
         "Storm Damage Spreads Inland", "Reuters", None),
        ("Storm Damage Spreads Inland\nBy JANE DOE Associated Press\n\nThe storm moved inland.",
         "Storm Damage Spreads Inland", "Associated Press", None),
    ],
)  # fmt: skip
def test_real_page_shapes(
    text: str, title: str, source: str | None, published: date | None
) -> None:
    meta = sniff_metadata(text)
    assert (meta.title, meta.source, meta.published) == (title, source, published)
