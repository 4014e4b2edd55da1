"""Loading claims from the database: casualty-like facts plus each article's event context."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from corpus.claims import ArticleContext, Claim, ClaimFact, build_claims, victim_class
from corpus.tables import Article, Entity, Fact

_COLUMNS = (
    col(Fact.id),
    col(Fact.article_id),
    col(Fact.field),
    col(Fact.kind),
    col(Fact.value),
    col(Fact.start),
    col(Fact.end),
    col(Fact.text),
    col(Fact.qualifier),
    col(Fact.attributed_to),
)
_CHUNK = 900  # ids per IN (...) clause, under every SQLite build's variable limit
_MAIN_PLACES = 3


def load_claims(*, session: Session, field: str, kind: str | None = None) -> list[Claim]:
    """Every claim of ``field`` (and ``kind``), most-cited first."""
    # Plain rows of the needed columns: building ORM objects for 100k facts costs seconds.
    query = (
        sa_select(*_COLUMNS, col(Article.source))
        .join(Article, col(Article.id) == Fact.article_id)
        .where(col(Fact.field) == field)
        .order_by(col(Fact.id))
    )
    if kind:
        query = query.where(col(Fact.kind) == kind)
    rows = list(session.execute(query))
    implicit = _article_victims(rows)
    facts = [claim_fact(row, row.source, implicit) for row in rows]
    facts = [f for f in facts if f.min is not None or f.max is not None]
    return build_claims(facts, article_contexts(session, {f.article_id for f in facts}))


def _article_victims(facts: Iterable[Any]) -> dict[tuple[int, str], str]:
    """Per (article, kind), the victims class most of its casualty figures name."""
    counts: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)
    for fact in facts:
        if fact.field == "casualties" and (fact.value or {}).get("victims"):
            counts[(fact.article_id, fact.kind)][victim_class(fact.value["victims"])] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in counts.items()}


def claim_fact(
    fact: Any, source: str | None, implicit: dict[tuple[int, str], str] | None = None
) -> ClaimFact:
    """The reconciliation view of a stored fact, whatever its field. A casualty figure that
    names no victims ("killing up to 83") is about what the article's other figures name."""
    value: dict[str, Any] = fact.value or {}
    if fact.field == "casualties":
        low, high = value.get("min"), value.get("max")
        if value.get("victims"):
            subject = victim_class(value["victims"])
        else:
            subject = (implicit or {}).get((fact.article_id, fact.kind), "people")
    elif fact.field == "equipment":
        low = high = value.get("count")
        subject = str(value.get("type") or "equipment")
    else:
        low = high = value.get("number")
        subject = str(value.get("unit") or "things")
    return ClaimFact(
        fact_id=fact.id or 0,
        article_id=fact.article_id,
        source=source,
        field=fact.field,
        kind=fact.kind,
        min=low,
        max=high,
        qualifier=fact.qualifier,
        subject=subject,
        attributed_to=fact.attributed_to,
        start=fact.start,
        end=fact.end,
        text=fact.text,
    )


def article_contexts(session: Session, article_ids: set[int]) -> dict[int, ArticleContext]:
    """Publication date and most-mentioned non-country places of each article."""
    published: dict[int, Any] = {}
    mentions: dict[int, Counter[str]] = defaultdict(Counter)
    ids = sorted(article_ids)
    for chunk in (ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
        for article_id, day in session.execute(
            sa_select(col(Article.id), col(Article.published)).where(col(Article.id).in_(chunk))
        ):
            published[article_id] = day
        for article_id, entity_id, count in session.execute(
            sa_select(col(Fact.article_id), col(Fact.entity_id), func.count())
            .where(
                col(Fact.field) == "places",
                col(Fact.kind) != "country",  # "Syria" or "US" would link every story of a week
                col(Fact.article_id).in_(chunk),
            )
            .group_by(col(Fact.article_id), col(Fact.entity_id))
        ):
            if entity_id:
                mentions[article_id][entity_id] = int(count)
    main = {
        article_id: [e for e, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][
            :_MAIN_PLACES
        ]
        for article_id, counts in mentions.items()
    }
    names = _entity_names(session, {e for places in main.values() for e in places})
    return {
        article_id: ArticleContext(
            published=published.get(article_id),
            places=tuple(names.get(e, e) for e in main.get(article_id, [])),
        )
        for article_id in article_ids
    }


def _entity_names(session: Session, entity_ids: set[str]) -> dict[str, str]:
    ids = sorted(entity_ids)
    names: dict[str, str] = {}
    for chunk in (ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
        query = sa_select(col(Entity.id), col(Entity.name)).where(col(Entity.id).in_(chunk))
        names.update((row.id, row.name) for row in session.execute(query))
    return names
