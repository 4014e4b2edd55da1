"""Reading the articles a question pins (``events.pin``): how much each pinned article counts,
the part of it read (its first ``READ_CHARS`` characters), where in it a statement sits
(headline and opening first), its sentences, and mentions recognised at question time carried
as transient ``Fact`` rows (never added to a session) so that they cite as stored facts do.
Shared by the pinned answers for counts, people and dates (``incident``) and places
(``event_places``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from sqlmodel import Session, col, select

from corpus.fact_sentences import SENTENCE, with_sentence
from corpus.tables import Article, Fact
from search.answer.candidates import Candidate
from search.answer.events import Pinned
from search.answer.questions import Interpretation
from search.answer.recognisers import Mention

# Where in an article a statement sits says how central it is: a headline or opening sentence
# states the event; later paragraphs add background, other events, a roundup's totals.
HEADLINE_WEIGHT = 1.0
READ_CHARS = 20_000  # news-dev's longest body is 12,000 characters; bounds a huge upload
OPENING_CHARS = 600


def article_weights(pinned: Sequence[Pinned]) -> dict[int, float]:
    best = pinned[0].score or 1.0
    return {p.article.id or 0: p.score / best for p in pinned}


def readable(article: Article) -> str:
    """The part of an article the recognisers read: its first ``READ_CHARS`` characters (a
    prefix, so offsets into it are offsets into the article)."""
    return article.text[:READ_CHARS]


def body_start(article: Article) -> int:
    """Where the body starts: after the headline's blank line, or 0."""
    cut = article.text.find("\n\n")
    return cut + 2 if 0 <= cut < 400 else 0


def position_weight(article: Article, offset: int) -> float:
    """1 in the headline, 0.9 in the opening, falling to 0.5 deep in the article."""
    body = body_start(article)
    if offset < body:
        return HEADLINE_WEIGHT
    depth = offset - body
    if depth < OPENING_CHARS:
        return 0.9
    return max(0.5, 0.9 - 0.1 * (depth - OPENING_CHARS) / OPENING_CHARS)


def stored_facts(session: Session, ids: Sequence[int], field: str, kind: str | None) -> list[Fact]:
    # ``x || ''`` keeps SQLite on ix_fact_article_id (a few articles' facts) rather than
    # ix_fact_field or ix_fact_kind, which would walk every fact of the field in the corpus.
    query = select(Fact, SENTENCE).where(
        col(Fact.article_id).in_(sorted(ids)),
        col(Fact.field).concat("") == field,
        col(Fact.start) < READ_CHARS,  # the part of the article the recognisers read too
    )
    if kind:
        query = query.where(col(Fact.kind).concat("") == kind)
    ordered = query.order_by(col(Fact.article_id), col(Fact.start))
    return [with_sentence(fact, sentence) for fact, sentence in session.exec(ordered)]


# Sentence ends for reading cues around a mention: a stop, then space, then a capital or a
# quote. Cheaper than the ingest splitter (a question reads whole articles); an abbreviation
# ("Sgt.") may end a sentence early, which only narrows the window read; a middle initial
# ("Jane Q. Roe") never does: it would cut a name from its own sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])|\n+")


@lru_cache(maxsize=64)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``, stripped of surrounding space."""
    spans = []
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        if m:
            start = m.end()
    return tuple(spans)


def sentence_at(text: str, offset: int) -> tuple[int, int, int]:
    """(index, start, end) of the sentence holding ``offset`` (the nearest before it)."""
    spans = sentence_spans(text)
    i = max(0, bisect_right(spans, (offset, len(text) + 1)) - 1)
    if not spans:
        return 0, 0, len(text)
    return i, spans[i][0], spans[i][1]


_KINDS = {"people": "person", "places": "city", "dates": "date", "casualties": "killed"}


def transient(article: Article, mention: Mention, field: str, value: Mapping[str, object]) -> Fact:
    """A recognised mention as an unsaved fact (for grouping and citing only)."""
    assert article.id is not None
    _, s_start, s_end = sentence_at(readable(article), mention.start)
    s_start, s_end = min(s_start, mention.start), max(s_end, mention.end)
    return Fact(
        article_id=article.id,
        field=field,
        kind=_KINDS.get(field, field),
        value=dict(value),
        start=mention.start,
        end=mention.end,
        text=mention.text,
        sentence_start=s_start,
        sentence_end=s_end,
        sentence_text=article.text[s_start:s_end],
    )


def sentence_of(article: Article, offset: int) -> str:
    _, start, end = sentence_at(readable(article), offset)
    return article.text[start:end]


def by_frequency(candidates: list[Candidate], key: Callable[[Candidate], str]) -> list[Candidate]:
    """Each candidate nudged up by how often its answer is stated (at most +0.15)."""
    counts = Counter(key(c) for c in candidates)
    return [replace(c, bonus=c.bonus + min(0.15, 0.05 * (counts[key(c)] - 1))) for c in candidates]


def constraint_words(interp: Interpretation) -> list[str]:
    c = interp.constraints
    return [*c.places, *c.states, *c.people, *c.address]
