"""Loading claims from the database: casualty-like facts plus each article's event context."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from corpus.claims import (
    ArticleContext,
    Claim,
    ClaimFact,
    iter_claims,
    victim_class,
)
from corpus.facts.hedges import interval
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
_STREAM_ROWS = 2000
_MAIN_PLACES = 3


def stream_claims(*, session: Session, field: str, kind: str | None = None) -> Iterator[Claim]:
    """Every claim of ``field`` (and ``kind``), one at a time and in no set order (sort them
    by ``claims.claim_order``: most cited first)."""
    facts = _claim_facts(session, field, kind)
    return iter_claims(facts, article_contexts(session, {f.article_id for f in facts}))


def _claim_facts(session: Session, field: str, kind: str | None) -> list[ClaimFact]:
    # Plain rows of the needed columns, streamed: ORM objects or a buffered result for 100k
    # facts cost seconds and hundreds of MB; only the slim ClaimFacts are kept.
    query = (
        sa_select(*_COLUMNS, col(Article.source))
        .join(Article, col(Article.id) == Fact.article_id)
        .where(col(Fact.field) == field)
        .order_by(col(Fact.id))
        .execution_options(yield_per=_STREAM_ROWS)
    )
    if kind:
        query = query.where(col(Fact.kind) == kind)
    facts: list[ClaimFact] = []
    unnamed: list[int] = []  # positions of casualty figures that name no victims
    victims: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)
    for row in session.execute(query):
        fact = claim_fact(row, row.source)
        named = (row.value or {}).get("victims") if row.field == "casualties" else None
        if named:
            victims[(row.article_id, row.kind)][fact.subject] += 1
        if fact.min is None and fact.max is None:
            continue
        if row.field == "casualties" and not named:
            unnamed.append(len(facts))
        facts.append(fact)
    # A figure with no victims noun ("killing up to 83") is about what the article's other
    # figures name; the whole article must be read before that is known.
    for position in unnamed:
        fact = facts[position]
        counts = victims.get((fact.article_id, fact.kind))
        if counts:
            facts[position] = replace(fact, subject=counts.most_common(1)[0][0])
    return facts


def claim_fact(fact: Any, source: str | None) -> ClaimFact:
    """The reconciliation view of a stored fact, whatever its field (a casualty figure that
    names no victims is about "people" here; ``_claim_facts`` refines that per article)."""
    value: dict[str, Any] = fact.value or {}
    if fact.field == "casualties":
        stated, low, high = value.get("stated"), value.get("min"), value.get("max")
        subject = victim_class(value["victims"]) if value.get("victims") else "people"
    else:
        # Equipment and quantities store the number as stated; its hedge gives the interval.
        is_equipment = fact.field == "equipment"
        stated = value.get("count") if is_equipment else value.get("number")
        low, high = (None, None) if stated is None else interval(stated, fact.qualifier or "exact")
        subject = str(value.get("type" if is_equipment else "unit") or (
            "equipment" if is_equipment else "things"
        ))
    return ClaimFact(
        fact_id=fact.id or 0,
        article_id=fact.article_id,
        source=source,
        field=fact.field,
        kind=fact.kind,
        stated=stated,
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
                # ``x || ''``: look up by article (ix_fact_article_id); on ix_fact_field SQLite
                # walked every place fact of the corpus once per chunk (2.7 s at 20k articles).
                col(Fact.field).concat("") == "places",
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
