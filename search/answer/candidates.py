"""Candidates: facts near the passages BM25 retrieves for a question, scored by how well their
sentence matches the question's content words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlmodel import Session

from corpus.fact_store import facts_for_answer
from corpus.tables import Article, Fact
from search.analysis import passage_analyzer
from search.answer.questions import Interpretation
from search.answer.types import Citation, SentenceRef
from search.backend import PassageBackend

RETRIEVE = 40


@dataclass(frozen=True, slots=True)
class Retrieved:
    """A passage BM25 found for the question, with its score relative to the best."""

    article_id: int
    start: int
    end: int
    relative_score: float
    text: str
    title: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A fact that may answer the question, and how well its context matches it."""

    fact: Fact
    article: Article
    overlap: float
    retrieval: float

    @property
    def score(self) -> float:
        """Blend of content-word overlap (dominant) and BM25 rank of its passage."""
        return 0.75 * self.overlap + 0.25 * self.retrieval

    @property
    def publisher(self) -> str:
        """Who published it (an unnamed publisher counts per article)."""
        return self.article.source or f"article {self.article.id}"

    def citation(self) -> Citation:
        """This candidate as a citation."""
        fact = self.fact
        return Citation(
            article_id=fact.article_id,
            source=self.article.source,
            title=self.article.title,
            start=fact.start,
            end=fact.end,
            text=fact.text,
            sentence=SentenceRef(fact.sentence_text, fact.sentence_start, fact.sentence_end),
            attributed_to=fact.attributed_to,
        )


def retrieve(index: PassageBackend, terms: Sequence[str]) -> list[Retrieved]:
    """Top passages for the question's words (OR query: BM25 rewards passages with more)."""
    words = [t for t in terms if t.isalnum()]
    if not words:
        return []
    page = index.search(" OR ".join(words), limit=RETRIEVE)
    best = max((hit.score for hit in page.hits), default=0.0) or 1.0
    return [
        Retrieved(
            hit.article_id,
            hit.passage.start,
            hit.passage.end,
            hit.score / best,
            hit.passage.text,
            hit.title,
            hit.source,
        )
        for hit in page.hits
    ]


@lru_cache(maxsize=4096)
def stems(text: str) -> frozenset[str]:
    """The analyzed words of a text (cached: sentences repeat across questions)."""
    return frozenset(token.text for token in passage_analyzer()(text))


def overlap(terms: Sequence[str], text: str) -> float:
    """Fraction of the question's content words found in ``text``."""
    if not terms:
        return 0.0
    found = stems(text)
    return sum(term in found for term in terms) / len(terms)


def gather(
    session: Session,
    index: PassageBackend,
    interpretation: Interpretation,
    *,
    field: str,
    kind: str | None = None,
    name_like: str | None = None,
    everywhere: bool = False,
) -> list[Candidate]:
    """Facts of ``field`` in retrieved articles (or everywhere), scored against the question."""
    passages = retrieve(index, interpretation.terms)
    article_ids = None if everywhere else {p.article_id for p in passages}
    rows = facts_for_answer(
        session, field=field, article_ids=article_ids, kind=kind, name_like=name_like
    )
    by_article: dict[int, list[Retrieved]] = {}
    for passage in passages:
        by_article.setdefault(passage.article_id, []).append(passage)
    out = []
    for fact, article in rows:
        retrieval = max(
            (
                p.relative_score
                for p in by_article.get(fact.article_id, [])
                if p.start <= fact.start < p.end
            ),
            default=0.0,
        )
        context = f"{fact.sentence_text} {article.title or ''}"
        out.append(Candidate(fact, article, overlap(interpretation.terms, context), retrieval))
    return out
