"""Storing and querying facts: rows from extracted facts, filtered listings, the field catalogue,
and re-extraction (facts and main events) after the rules change."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from itertools import islice
from typing import Any

from sqlalchemy import delete, func, insert, null, or_
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from corpus.articles import iter_articles
from corpus.entities import link_entities, rebuild_entities
from corpus.errors import NotFound
from corpus.event_store import delete_events, store_events
from corpus.facts import EXTRACTOR_VERSION, ExtractedFact
from corpus.facts.main_event import MainEvent
from corpus.facts.model import ENTITY_FIELDS, EXTRACTED_COLUMNS
from corpus.facts.pipeline import extract
from corpus.tables import Article, Entity, Fact


@dataclass(slots=True)
class FactRow(ExtractedFact):
    """An extracted fact ready to insert: the record plus the columns storage adds.

    Building a SQLModel ``Fact`` runs pydantic and SQLAlchemy instrumentation (~0.25 ms each, 30
    facts an article: more than indexing the article); rows are only ever bulk-inserted, so a
    plain slotted record is enough, and it pickles cheaply from an extraction worker."""

    sentence_text: str = ""  # stored empty: the sentence is read from the article's text
    entity_id: str | None = None
    article_id: int = 0


# A fact's sentence as SQL: the slice of its article's text its offsets name. Facts store the
# offsets, not the text (a sentence holds up to ~60 facts: storing it with each multiplied the
# article's size), and every query that returns facts selects this beside them.
SENTENCE = func.substr(
    col(Article.text),
    col(Fact.sentence_start) + 1,
    col(Fact.sentence_end) - col(Fact.sentence_start),
)


def with_sentence(fact: Fact, sentence: str) -> Fact:
    """``fact`` carrying its sentence text (read with ``SENTENCE``), as loaded, not as a change
    the session would write back."""
    set_committed_value(fact, "sentence_text", sentence)
    return fact


def fact_rows(article_text: str, extracted: Sequence[ExtractedFact]) -> list[FactRow]:
    """Rows for extracted facts (the article id is set when the article has one)."""
    rows = []
    for f in extracted:
        entity_id = f.value.get("entity_id") if f.field in ENTITY_FIELDS else None
        columns = {name: getattr(f, name) for name in EXTRACTED_COLUMNS}
        columns["value"] = dict(f.value)
        rows.append(FactRow(**columns, entity_id=entity_id))
    return rows


def store_facts(
    session: Session, articles_facts: Sequence[tuple[Article, Sequence[FactRow]]]
) -> None:
    """Insert fact rows for freshly flushed articles and keep the entity table in step."""
    all_facts = []
    for article, facts in articles_facts:
        assert article.id is not None, "facts are stored after their article has an id"
        for fact in facts:
            fact.article_id = article.id
            all_facts.append(fact)
    link_entities(session, all_facts)
    if all_facts:
        # One executemany INSERT on the table, not the entity: the ORM's bulk path re-maps every
        # row dict (~0.6 s of a 30,000-fact batch in a profile) and builds no state we use.
        session.execute(insert(_FACT_TABLE), [_row(fact) for fact in all_facts])


_FACT_TABLE = Fact.__table__  # type: ignore[attr-defined]
_FACT_COLUMNS = [c.name for c in _FACT_TABLE.columns if c.name != "id"]
# The table declares SQL types and indexes; its columns are the record's plus the stored ones.
_ROW_COLUMNS = [f.name for f in fields(FactRow) if f.name != "extra"]
assert set(_FACT_COLUMNS) == set(_ROW_COLUMNS), "the Fact table must store the fact record"


def _row(fact: FactRow) -> dict[str, Any]:
    return {name: getattr(fact, name) for name in _FACT_COLUMNS}


@dataclass(frozen=True, slots=True)
class FactFilters:
    """Restrictions on a listing of facts."""

    field: str | None = None
    kind: str | None = None
    article_id: int | None = None
    source: str | None = None
    q: str | None = None
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class FactPage:
    """One page of facts with their articles' sources; ``next_after`` continues the listing."""

    facts: list[tuple[Fact, str | None]]
    total: int
    next_after: int | None


def _where(filters: FactFilters) -> list[Any]:
    clauses: list[Any] = []
    if filters.field:
        clauses.append(col(Fact.field) == filters.field)
    if filters.kind:
        clauses.append(col(Fact.kind) == filters.kind)
    if filters.article_id is not None:
        clauses.append(col(Fact.article_id) == filters.article_id)
    if filters.entity_id:
        clauses.append(col(Fact.entity_id) == filters.entity_id)
    if filters.source:
        clauses.append(func.lower(col(Article.source)) == filters.source.lower())
    if filters.q:
        pattern = f"%{_escape_like(filters.q.lower())}%"
        clauses.append(
            or_(
                func.lower(col(Fact.text)).like(pattern, escape="\\"),
                func.lower(SENTENCE).like(pattern, escape="\\"),
            )
        )
    return clauses


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def count_facts(*, session: Session, filters: FactFilters) -> int:
    """How many facts pass ``filters``."""
    counted = select(func.count()).select_from(Fact)
    if filters.source or filters.q:  # the join is only needed to filter on the article
        counted = counted.join(Article, col(Article.id) == Fact.article_id)
    return int(session.exec(counted.where(*_where(filters))).one())


def list_facts(
    *,
    session: Session,
    filters: FactFilters,
    limit: int,
    total: int,
    after: int | None = None,
) -> FactPage:
    """Facts in id order (article order, then position), ``limit`` at a time; ``total`` is
    ``count_facts`` for the same filters (callers cache it per index generation)."""
    query = (
        select(Fact, Article.source, SENTENCE)
        .join(Article, col(Article.id) == Fact.article_id)
        .where(*_where(filters))
        .order_by(col(Fact.id))
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(col(Fact.id) > after)
    rows = [
        (with_sentence(fact, sentence), source) for fact, source, sentence in session.exec(query)
    ]
    more = len(rows) > limit
    rows = rows[:limit]
    return FactPage(rows, total, rows[-1][0].id if more and rows else None)


def get_fact(*, session: Session, fact_id: int) -> tuple[Fact, str | None]:
    """The fact with this id and its article's source, or NotFound."""
    row = session.exec(
        select(Fact, Article.source, SENTENCE)
        .join(Article, col(Article.id) == Fact.article_id)
        .where(col(Fact.id) == fact_id)
    ).first()
    if row is None:
        raise NotFound(f"No fact has id {fact_id}.")
    return with_sentence(row[0], row[2]), row[1]


def field_catalogue(session: Session) -> list[tuple[str, str, int]]:
    """(field, kind, count) for every field and kind present."""
    rows = session.exec(
        select(Fact.field, Fact.kind, func.count())
        .group_by(col(Fact.field), col(Fact.kind))
        .order_by(col(Fact.field), col(Fact.kind))
    )
    return [(field, kind, int(count)) for field, kind, count in rows]


def reextract_all(*, session: Session, batch: int = 200) -> tuple[int, int]:
    """Recompute every article's facts with the current rules; return (articles, facts)."""
    session.exec(delete(Fact))  # type: ignore[call-overload]
    session.exec(delete(Entity))  # type: ignore[call-overload]
    delete_events(session)
    session.flush()
    articles = facts = 0
    stream = iter_articles(session, batch)
    while chunk := list(islice(stream, batch)):
        pairs = []
        events: list[tuple[Article, MainEvent | None]] = []
        for article in chunk:
            extraction = extract(article.text, article.published)
            rows = fact_rows(article.text, extraction.facts)
            article.extractor_version = EXTRACTOR_VERSION
            session.add(article)
            pairs.append((article, rows))
            events.append((article, extraction.main_event))
            facts += len(rows)
        store_facts(session, pairs)
        store_events(session, events)
        session.flush()
        articles += len(chunk)
    rebuild_entities(session)
    session.commit()
    return articles, facts


def facts_for_answer(
    session: Session,
    *,
    field: str,
    kind: str | None = None,
    name_like: str | None = None,
    spans: Sequence[tuple[int, int, int]] | None = None,
    keep: Callable[[Mapping[str, Any]], bool] | None = None,
    limit: int = 2000,
) -> list[tuple[Fact, Article]]:
    """Facts of ``field`` (inside the given (article, start, end) spans, of ``kind``, naming
    ``name_like``, whose value ``keep`` accepts) with their articles, for the answerer, in id
    order."""
    # The value (JSON) is read only for ``keep``: decoding it for every row costs.
    query = select(Fact.id, Fact.article_id, Fact.start, Fact.value if keep else null())
    if spans is not None:
        if not spans:
            return []
        # Look facts up by article (ix_fact_article_id, ~30 facts an article) and keep those
        # inside a span below. ``x || ''`` keeps SQLite off ix_fact_field and ix_fact_kind,
        # which it would otherwise pick and walk every fact of the field (90k casualties at
        # 20k articles) for each question.
        query = query.where(
            col(Fact.article_id).in_(sorted({a for a, _, _ in spans})),
            col(Fact.field).concat("") == field,
        )
        if kind:
            query = query.where(col(Fact.kind).concat("") == kind)
    else:
        query = query.where(Fact.field == field)
        if kind:
            query = query.where(Fact.kind == kind)
    if name_like:
        query = query.where(func.lower(col(Fact.text)).like(f"%{_escape_like(name_like.lower())}%"))
    # Ids first, rows second: only the facts kept become ORM objects (most of the cost).
    found = [
        (int(i or 0), a, start)
        for i, a, start, value in session.exec(query.order_by(col(Fact.id)))
        if keep is None or keep(value or {})
    ]
    if spans is not None:
        inside: dict[int, list[tuple[int, int]]] = {}
        for a, s, e in spans:
            inside.setdefault(a, []).append((s, e))
        found = [row for row in found if any(s <= row[2] < e for s, e in inside.get(row[1], ()))]
    ids = [row[0] for row in found[:limit]]
    if not ids:
        return []
    facts = session.exec(select(Fact).where(col(Fact.id).in_(ids)).order_by(col(Fact.id))).all()
    articles = session.exec(
        select(Article).where(col(Article.id).in_(sorted({f.article_id for f in facts})))
    ).all()
    by_id = {article.id: article for article in articles}
    return [(_sliced(fact, by_id[fact.article_id]), by_id[fact.article_id]) for fact in facts]


def _sliced(fact: Fact, article: Article) -> Fact:
    return with_sentence(fact, article.text[fact.sentence_start : fact.sentence_end])
