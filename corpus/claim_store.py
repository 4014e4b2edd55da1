"""Loading claims from the database: casualty-like facts plus each article's event context."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
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
    rows = list(session.exec(query))
    implicit = _article_victims(fact for fact, _ in rows)
    facts = [claim_fact(fact, source, implicit) for fact, source in rows]
    facts = [f for f in facts if f.min is not None or f.max is not None]
    return build_claims(facts, article_contexts(session, {f.article_id for f in facts}))


def _article_victims(facts: Iterable[Fact]) -> dict[tuple[int, str], str]:
    """Per (article, kind), the victims class most of its casualty figures name."""
    counts: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)
    for fact in facts:
        if fact.field == "casualties" and (fact.value or {}).get("victims"):
            counts[(fact.article_id, fact.kind)][victim_class(fact.value["victims"])] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in counts.items()}


def claim_fact(
    fact: Fact, source: str | None, implicit: dict[tuple[int, str], str] | None = None
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
    """Publication date and most-mentioned places of each article."""
    if not article_ids:
        return {}
    rows = session.exec(select(Article).where(col(Article.id).in_(article_ids)))
    published = {article.id: article.published for article in rows}
    places: dict[int, Counter[str]] = defaultdict(Counter)
    for article_id, value in session.exec(
        select(Fact.article_id, Fact.value).where(
            Fact.field == "places",
            Fact.kind != "country",  # "Syria" or "US" would link every story of a week
            col(Fact.article_id).in_(article_ids),
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
