"""Facets: counts of matching rows per value, over every row a listing's filters match.

The facets of a request are counted together, in one pass per level (fact, article), under the
listing's own WHERE clauses, so filters and facets compose (``count_facets`` says how). Names:
``source``, ``published`` (day), ``published_month``, ``place`` (the canonical name of the
article's main-event place, ``corpus.facts.main_event``), and for facts ``field`` and ``kind``.
Buckets come most frequent first, then by value; a missing value is ``None``; at most
``MAX_BUCKETS`` per facet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlmodel import Session, col

from corpus.errors import InvalidQuery
from corpus.tables import Article, ArticleEvent, Entity, Fact

MAX_BUCKETS = 100
ARTICLE_FACETS = ("source", "published", "published_month", "place")
FACT_FACETS = (*ARTICLE_FACETS, "field", "kind")

Buckets = list[tuple[Any, int]]


def parse_facets(text: str | None, allowed: Sequence[str]) -> tuple[str, ...]:
    """The facet names in a comma-separated list, checked against ``allowed``."""
    names = tuple(dict.fromkeys(n.strip() for n in (text or "").split(",") if n.strip()))
    unknown = [n for n in names if n not in allowed]
    if unknown:
        raise InvalidQuery(
            f"Unknown facet {unknown[0]!r}; facets here: {', '.join(allowed)}.", field="facets"
        )
    return names


def _expression(name: str) -> Any:
    published = cast(col(Article.published), String)
    return {
        "source": col(Article.source),
        "published": func.substr(published, 1, 10),
        "published_month": func.substr(published, 1, 7),
        "place": col(Entity.name),
        "field": col(Fact.field),
        "kind": col(Fact.kind),
    }[name]


_FACT_LEVEL = ("field", "kind")


def count_facets(
    session: Session, *, names: Sequence[str], clauses: Sequence[Any], of_facts: bool
) -> dict[str, Buckets]:
    """Buckets for each facet over the articles (or facts, ``of_facts``: then ``clauses`` name
    Fact columns only) that ``clauses`` match.

    Each level takes one query whatever the number of its facets: a GROUP BY over all of them
    together, whose groups are then summed per facet here (for facts, field and kind come from
    the facts; the others from the matching facts counted per article, joined to the
    articles). Groups are bounded by the fields and kinds there are, or by the articles."""
    fact_level = [n for n in names if of_facts and n in _FACT_LEVEL]
    article_level = [n for n in names if n not in fact_level]
    counters: dict[str, Counter[Any]] = {name: Counter() for name in names}
    if fact_level:
        values = [_expression(n) for n in fact_level]
        query = select(*values, func.count()).select_from(Fact).where(*clauses).group_by(*values)
        _add_groups(session.connection().execute(query), fact_level, counters)
    if article_level:
        values = [_expression(n) for n in article_level]
        if of_facts:
            # Count per article first (an index walk), then join each counted article once:
            # joining every fact to its article costs ~10x more at 600k facts.
            per_article = (
                select(col(Fact.article_id), func.count().label("n"))
                .where(*clauses)
                .group_by(col(Fact.article_id))
                .subquery()
            )
            query = select(*values, func.sum(per_article.c.n)).select_from(per_article)
            query = query.join(Article, col(Article.id) == per_article.c.article_id)
            where: Sequence[Any] = ()
        else:
            query, where = select(*values, func.count()).select_from(Article), clauses
        if "place" in article_level:
            query = _with_place(query)
        query = query.where(*where).group_by(*values)
        _add_groups(session.connection().execute(query), article_level, counters)
    return {name: _buckets(counters[name]) for name in names}


def count_facets_of_articles(
    session: Session, *, names: Sequence[str], article_ids: Iterable[int], chunk: int = 5000
) -> dict[str, Buckets]:
    """Buckets for each facet over the given articles (a search's matches), read ``chunk`` ids
    at a time (an IN list has a bound on every database)."""
    ids = sorted(set(article_ids))
    counters: dict[str, Counter[Any]] = {name: Counter() for name in names}
    values = [_expression(name) for name in names]
    for begin in range(0, len(ids), chunk):
        query = _with_place(select(*values).select_from(Article)).where(
            col(Article.id).in_(ids[begin : begin + chunk])
        )
        for row in session.execute(query):  # rows, even of one column
            for name, value in zip(names, row, strict=True):
                counters[name][value] += 1
    return {name: _buckets(counter) for name, counter in counters.items()}


def _with_place(query: Any) -> Any:
    """``query`` over Article, joined to each article's main-event place entity (if any)."""
    return query.outerjoin(ArticleEvent, col(ArticleEvent.article_id) == Article.id).outerjoin(
        Entity, col(Entity.id) == ArticleEvent.place_entity_id
    )


def _add_groups(
    rows: Iterable[Any], names: Sequence[str], counters: dict[str, Counter[Any]]
) -> None:
    """Add each group's count (its last column) to the bucket of each of its values."""
    for *values, count in rows:
        for name, value in zip(names, values, strict=True):
            counters[name][value] += int(count)


def _buckets(counter: Counter[Any]) -> Buckets:
    """Most frequent first, then by value (code point order on every database), None last."""
    ordered = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0] is None, str(kv[0])))
    return ordered[:MAX_BUCKETS]
