"""The article's main event: its day and most specific place, each grounded by a span."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from corpus.articles import delete_article
from corpus.db import create_schema, make_engine, sqlite_url
from corpus.event_store import articles_with_event, main_event, main_events
from corpus.fact_store import reextract_all
from corpus.facts.pipeline import extract
from corpus.ingest import ArticleInput, ingest_article, ingest_articles
from search.whoosh.index import WhooshIndex

MONDAY = date(2021, 3, 8)

# (text, publication date, expected day, the words that ground it, how it was found)
DATES = [
    ("Two people were shot on Saturday night outside a bar.", MONDAY, "2021-03-06", "Saturday",
     "text"),
    ("A woman was wounded yesterday in a shooting at a park.", MONDAY, "2021-03-07", "yesterday",
     "text"),
    # When it was told or what followed is not when it happened.
    ("Police said Sunday that a man was killed in a shooting on Friday.", MONDAY, "2021-03-05",
     "Friday", "text"),
    ("A man was charged Monday with the March 3 shooting that wounded two people.", MONDAY,
     "2021-03-03", "March 3", "text"),
    ("The trial opened on Tuesday.\n\nThree people died in the fire on Sunday, officials said.",
     date(2021, 3, 10), "2021-03-07", "Sunday", "text"),
    # A line that dates the page tells no event.
    ("Posted: Monday, March 8, 2021\n\nTwo men were hurt in a crash on Saturday.", MONDAY,
     "2021-03-06", "Saturday", "text"),
    ("Nothing here says when it happened.", MONDAY, "2021-03-08", None, "published"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "iso", "grounding", "found"), DATES)
def test_event_date(
    text: str, published: date, iso: str, grounding: str | None, found: str
) -> None:
    event = extract(text, published).main_event
    assert event is not None and event.date is not None
    assert (event.date.isoformat(), event.date_from) == (iso, found)
    if grounding is None:
        assert event.date_start is None and event.date_end is None
    else:
        assert event.date_start is not None and event.date_end is not None
        assert text[event.date_start : event.date_end] == grounding


def test_no_date_and_no_place_is_no_event() -> None:
    assert extract("Nothing here says when or where.", None).main_event is None


def test_the_most_specific_place_and_its_city() -> None:
    text = "Shells hit Jebel Tharda near Deir ez-Zor on Saturday, killing 12 soldiers."
    event = extract(text, date(2016, 9, 18)).main_event
    assert event is not None and event.place is not None and event.locality is not None
    assert (event.place.name, event.place.kind) == ("Jebel Tharda", "landmark")
    assert (event.locality.name, event.locality.kind) == ("Deir ez-Zor", "city")
    for place in (event.place, event.locality):
        assert text[place.start : place.end] == place.name


def test_places_where_the_event_is_told_win() -> None:
    text = (
        "Storm warning\n\nForecasters in Paris had warned of the storm. Tourists were away. "
        "Markets were shut. Buses ran late.\n\nFour people were killed in Lyon when a roof fell."
    )
    event = extract(text, date(2021, 3, 8)).main_event
    assert event is not None and event.place is not None
    assert event.place.canonical == "Lyon"


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("A man was shot dead in Dayton on Friday. The victim, Sam Reed, 19, of Columbus, "
         "died at the scene.", "Dayton"),
        ("Sam Reed, 19, of Columbus, was shot dead on Friday in Dayton.", "Dayton"),
        ("Two people were wounded on Friday in Tulsa. Both were residents of Dallas.", "Tulsa"),
        # A residence that is the only place is still the best guess.
        ("Sam Reed, 19, of Columbus, was shot dead on Friday.", "Columbus"),
    ],
)  # fmt: skip
def test_where_someone_lives_is_not_where_it_happened(text: str, town: str) -> None:
    event = extract(text, date(2021, 3, 8)).main_event
    assert event is not None and event.locality is not None
    assert event.locality.canonical == town


def _engine_and_index(url: str) -> tuple[Engine, WhooshIndex]:
    engine = make_engine(url)
    create_schema(engine)
    return engine, WhooshIndex.in_memory()


def _check_event_lifecycle(engine: Engine, index: WhooshIndex) -> None:
    text = "Lyon shooting\n\nTwo people were shot on Saturday night in Lyon, police said."
    with Session(engine) as session:
        stored = ingest_article(
            session=session, index=index, article_in=ArticleInput(text=text, published=MONDAY)
        ).article
        session.commit()
        assert stored.id is not None
        event = main_event(session, stored.id)
        assert event == extract(text, MONDAY).main_event
        assert event is not None and event.date == date(2021, 3, 6)
        assert event.place is not None and text[event.place.start : event.place.end] == "Lyon"
        reextract_all(session=session)
        assert main_event(session, stored.id) == event
        delete_article(session=session, index=index, article=stored)
        assert main_event(session, stored.id) is None


def test_stored_at_ingest_rewritten_by_reextract_deleted_with_the_article(tmp_path: Path) -> None:
    _check_event_lifecycle(*_engine_and_index(sqlite_url(tmp_path)))


@pytest.mark.postgres
def test_event_lifecycle_on_postgres(postgres_url: str) -> None:
    engine, index = _engine_and_index(postgres_url)
    try:
        _check_event_lifecycle(engine, index)
    finally:
        engine.dispose()


def test_read_for_many_articles_at_once(tmp_path: Path) -> None:
    engine, index = _engine_and_index(sqlite_url(tmp_path))
    texts = [f"Item {k}\n\nA man was wounded on Sunday in Lyon, item {k} says." for k in range(3)]
    with Session(engine) as session:
        ids = [
            i.article.id
            for i in ingest_articles(
                session=session,
                index=index,
                articles_in=[ArticleInput(text=t, published=MONDAY) for t in texts],
            )
        ]
        session.commit()
        events = main_events(session, [i for i in ids if i is not None] + [999])
        assert sorted(events) == sorted(i for i in ids if i is not None)
        assert {e.date for e in events.values()} == {date(2021, 3, 7)}


def test_articles_found_by_event_day_and_place(tmp_path: Path) -> None:
    engine, index = _engine_and_index(sqlite_url(tmp_path))
    texts = [
        "Lyon fire\n\nThree people were hurt in a fire on Saturday in Lyon, officials said.",
        "Paris crash\n\nTwo people died in a crash on Saturday in Paris, police said.",
        "Lyon storm\n\nA roof fell on Thursday in Lyon, killing one man.",
    ]
    with Session(engine) as session:
        ids = [
            i.article.id
            for i in ingest_articles(
                session=session,
                index=index,
                articles_in=[ArticleInput(text=t, published=MONDAY) for t in texts],
            )
        ]
        session.commit()
        saturday = date(2021, 3, 6)
        assert articles_with_event(session, day=saturday) == ids[:2]
        assert articles_with_event(session, day=saturday, place="lyon") == ids[:1]
        assert articles_with_event(session, day=saturday, slack_days=2, place="Lyon") == [
            ids[0],
            ids[2],
        ]
        assert articles_with_event(session, day=date(2021, 3, 1), slack_days=1) == []
