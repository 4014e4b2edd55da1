"""Loading claims from the database: casualty-like facts plus each article's event context."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlmodel import Session, col, select

from corpus.claims import ArticleContext, Claim, ClaimFact, build_claims, victim_class
from corpus.tables import Article, Fact

CLAIM_FIELDS = ("casualties", "quantities", "equipment")
_MAIN_PLACES = 3


def load_claims(*, session: Session, field: str, kind: str | None = None) -> list[Claim]:
    """Every claim of ``field`` (and ``kind``), most-cited first."""
    query = (
        select(Fact, Article.source)
        .join(Article, col(Article.id) == Fact.article_id)
        .where(Fact.field == field)
        .order_by(col(Fact.id))
    )
    if kind:
        query = query.where(Fact.kind == kind)
    facts = [claim_fact(fact, source) for fact, source in session.exec(query)]
    facts = [f for f in facts if f.min is not None or f.max is not None]
    return build_claims(facts, article_contexts(session, {f.article_id for f in facts}))


def claim_fact(fact: Fact, source: str | None) -> ClaimFact:
    """The reconciliation view of a stored fact, whatever its field."""
    value: dict[str, Any] = fact.value or {}
    if fact.field == "casualties":
        low, high, subject = value.get("min"), value.get("max"), victim_class(value.get("victims"))
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
    """Publication date and most-mentioned places of each article."""
    if not article_ids:
        return {}
    rows = session.exec(select(Article).where(col(Article.id).in_(article_ids)))
    published = {article.id: article.published for article in rows}
    places: dict[int, Counter[str]] = defaultdict(Counter)
    for article_id, value in session.exec(
        select(Fact.article_id, Fact.value).where(
            Fact.field == "places", col(Fact.article_id).in_(article_ids)
        )
    ):
        name = (value or {}).get("canonical") or (value or {}).get("name")
        if name:
            places[article_id][name] += 1
    return {
        article_id: ArticleContext(
            published=published.get(article_id),
            places=tuple(
                name
                for name, _ in sorted(places[article_id].items(), key=lambda kv: (-kv[1], kv[0]))
            )[:_MAIN_PLACES],
        )
        for article_id in article_ids
    }
