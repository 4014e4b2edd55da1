"""Schema management: databases made by an earlier version gain later indexes at startup."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlmodel import Session

from corpus.db import create_schema, make_engine, sqlite_url
from corpus.entities import variant_groups
from corpus.tables import Article, Fact


def test_a_missing_index_is_created(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path))
    create_schema(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_fact_spellings"))
    create_schema(engine)
    names = {index["name"] for index in inspect(engine).get_indexes("fact")}
    assert "ix_fact_spellings" in names


def test_variant_groups_are_spellings_of_places_and_organizations(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path))
    create_schema(engine)
    spellings = [
        ("places", "place:deir-ez-zor", "Deir ez-Zor"),
        ("places", "place:deir-ez-zor", "Deir al-Zor"),
        ("places", "place:deir-ez-zor", "Deir ez-Zor"),
        ("places", "place:aleppo", "Aleppo"),
        ("organizations", "org:sohr", "SOHR"),
        ("organizations", "org:sohr", "Syrian Observatory for Human Rights"),
        ("people", "person:igor-konashenkov", "Konashenkov"),
        ("people", "person:igor-konashenkov", "Igor Konashenkov"),
    ]
    with Session(engine) as session:
        article = Article(content_hash="x", text="x", passage_count=1)
        session.add(article)
        session.flush()
        for field, entity_id, spelling in spellings:
            session.add(
                Fact(
                    article_id=article.id or 0, field=field, kind="k", start=0, end=1,
                    text=spelling, sentence_start=0, sentence_end=1, entity_id=entity_id,
                )
            )  # fmt: skip
        session.commit()
        assert variant_groups(session) == [
            ["SOHR", "Syrian Observatory for Human Rights"],
            ["Deir al-Zor", "Deir ez-Zor"],
        ]
