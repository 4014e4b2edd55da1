"""Storing and querying facts: rows from extracted facts, filtered listings, the field catalogue,
and re-extraction (facts and main events) after the rules change."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from itertools import islice
from typing import Any

from sqlalchemy import Text, cast, delete, func, insert, null, or_
from sqlmodel import Session, col, select

from corpus.articles import iter_articles
from corpus.changes import REEXTRACT, record_change
from corpus.entities import link_entities, rebuild_entities
from corpus.errors import NotFound
from corpus.event_store import delete_events, store_events
from corpus.events.assign import assign_events, delete_all_events
from corpus.events.signature import Signature, article_signature
from corpus.facets import Buckets, count_facets
from corpus.fact_sentences import SENTENCE, with_sentence, with_sentence_of
from corpus.facts import EXTRACTOR_VERSION, ExtractedFact
from corpus.facts.main_event import MainEvent
from corpus.facts.model import ENTITY_FIELDS, EXTRACTED_COLUMNS
from corpus.facts.pipeline import extract
from corpus.ordering import Sort, pick_sort
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
    next_after: list[Any] | None


# The number each numeric field's value states: what ``sort=value`` orders by.
NUMERIC_VALUE_KEYS = {"casualties": "stated", "quantities": "number", "equipment": "count"}
FACT_SORTS = {
    s.name: s
    for s in (
        Sort("id", None),
        Sort("article_id", col(Fact.article_id)),
        Sort("-article_id", col(Fact.article_id), descending=True),
        Sort("value", None),  # keyed per field by ``fact_sort``
        Sort("-value", None, descending=True),
    )
}


def fact_sort(name: str | None, filters: FactFilters) -> Sort:
    """The sort called ``name`` for a listing under ``filters``: ``value`` and ``-value`` order
    by the number a numeric fact states (its field's key, or whichever of the numeric fields'
    keys it has when no numeric field is chosen); facts of other fields have none and come last."""
    sort = pick_sort(FACT_SORTS, name, "id")
    if sort.name.lstrip("-") != "value":
        return sort
    key = NUMERIC_VALUE_KEYS.get(filters.field or "")
    keys = [key] if key else list(dict.fromkeys(NUMERIC_VALUE_KEYS.values()))
    numbers = [_FACT_TABLE.c.value[k].as_float() for k in keys]
    number = numbers[0] if len(numbers) == 1 else func.coalesce(*numbers)
    return Sort(sort.name, number, descending=sort.descending, parse=float)


def fact_clauses(filters: FactFilters) -> list[Any]:
    """WHERE clauses selecting the facts ``filters`` keep (on Fact columns only)."""
    clauses: list[Any] = []
    if filters.field:
        clauses.append(col(Fact.field) == filters.field)
    if filters.kind:
        clauses.append(col(Fact.kind) == filters.kind)
    if filters.article_id is not None:
        clauses.append(col(Fact.article_id) == filters.article_id)
    if filters.entity_id:
        clauses.append(col(Fact.entity_id) == filters.entity_id)
    if filters.source:  # a subquery, so that counting and facets need no join per fact
        publisher = func.lower(col(Article.source)) == filters.source.lower()
        clauses.append(col(Fact.article_id).in_(select(Article.id).where(publisher)))
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
    counted = select(func.count()).select_from(Fact).where(*fact_clauses(filters))
    return int(session.exec(counted).one())


def list_facts(
    *,
    session: Session,
    filters: FactFilters,
    limit: int,
    total: int,
    sort: Sort = FACT_SORTS["id"],
    after: Any = None,
) -> FactPage:
    """Facts in ``sort`` order (by id: article order, then position), ``limit`` at a time,
    continuing after position ``after``; ``total`` is ``count_facts`` for the same filters
    (callers cache it per corpus version)."""
    rows = _fact_page(session, fact_clauses(filters), sort, limit + 1, after)
    more = len(rows) > limit
    rows = rows[:limit]
    return FactPage(
        [(with_sentence(fact, sentence), source) for fact, source, sentence, _key in rows],
        total,
        sort.position(rows[-1][3], rows[-1][0].id or 0) if more and rows else None,
    )


def _fact_page(
    session: Session, clauses: list[Any], sort: Sort, limit: int, after: Any
) -> list[Any]:
    query = select(Fact, Article.source, SENTENCE)
    return list(session.exec(_keyset(query, clauses, sort, limit, after)))


def _keyset(query: Any, clauses: list[Any], sort: Sort, limit: int, after: Any) -> Any:
    """``query`` (of facts) with the sort key as its last column, filtered, after ``after``."""
    key = sort.key if sort.key is not None else null()
    query = query.add_columns(key).join(Article, col(Article.id) == Fact.article_id).where(*clauses)
    if after is not None:
        query = query.where(sort.after(col(Fact.id), sort.read_position(after)))
    return query.order_by(*sort.order_by(col(Fact.id))).limit(limit)


EXPORT_BATCH = 5000
# What an export row holds: the columns, the article's source, and the value as its stored
# JSON text (decoding and re-encoding it would cost more than the rest of the row).
_EXPORT_COLUMNS = [
    *(_FACT_TABLE.c[name] for name in ("id", "article_id")),
    col(Article.source).label("source"),
    *(_FACT_TABLE.c[name] for name in ("field", "kind")),
    cast(_FACT_TABLE.c.value, Text).label("value"),
    *(
        _FACT_TABLE.c[name]
        for name in (
            "text", "start", "end", "sentence_start", "sentence_end", "attributed_to",
            "qualifier",
        )
    ),
]  # fmt: skip


EXPORT_FIELDS = tuple(column.key for column in _EXPORT_COLUMNS)


def stream_fact_records(
    *, session: Session, filters: FactFilters, sort: Sort
) -> Iterator[tuple[Any, ...]]:
    """Every fact ``filters`` keep as a flat tuple of ``EXPORT_FIELDS`` (its columns, its
    article's ``source``, and ``value`` as JSON text), in ``sort`` order, read ``EXPORT_BATCH``
    rows at a time without building ORM objects or a mapping per row (memory stays flat however
    many match, and a row costs little more than the driver's own tuple)."""
    clauses = fact_clauses(filters)
    after = None
    query = select(*_EXPORT_COLUMNS).select_from(Fact)
    width = len(EXPORT_FIELDS)  # the column after them is the sort key
    connection = session.connection()  # plain rows: no ORM loading
    while True:
        rows = connection.execute(_keyset(query, clauses, sort, EXPORT_BATCH, after)).all()
        if not rows:
            return
        for row in rows:
            yield tuple(row[:width])
        after = sort.position(rows[-1][-1], rows[-1][0])


def fact_facets(
    *, session: Session, filters: FactFilters, names: Sequence[str]
) -> dict[str, Buckets]:
    """Facet buckets (``corpus.facets``) over every fact ``filters`` keep."""
    return count_facets(session, names=names, clauses=fact_clauses(filters), of_facts=True)


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
    delete_all_events(session)
    delete_events(session)
    session.flush()
    articles = facts = 0
    stream = iter_articles(session, batch)
    while chunk := list(islice(stream, batch)):
        pairs = []
        events: list[tuple[Article, MainEvent | None]] = []
        signatures: list[tuple[int, Signature]] = []
        for article in chunk:
            extraction = extract(article.text, article.published)
            rows = fact_rows(article.text, extraction.facts)
            article.extractor_version = EXTRACTOR_VERSION
            session.add(article)
            pairs.append((article, rows))
            events.append((article, extraction.main_event))
            signature = article_signature(
                extraction.doc, extraction.by_field, extraction.main_event
            )
            signatures.append((article.id, signature))  # type: ignore[arg-type]
            facts += len(rows)
        store_facts(session, pairs)
        store_events(session, events)
        assign_events(session, signatures)
        session.flush()
        articles += len(chunk)
    rebuild_entities(session)
    record_change(session, REEXTRACT, [])
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
    return [
        (with_sentence_of(fact, by_id[fact.article_id]), by_id[fact.article_id]) for fact in facts
    ]
