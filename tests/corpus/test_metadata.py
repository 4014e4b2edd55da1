"""Metadata sniffing on the sample corpus and on constructions of our own."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.metadata import parse_date, sniff_metadata


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
