"""Pinning a question to the articles about its event: candidates from BM25 (on the names the
question gives, or its content words when it names nothing) and from the publication-date
window of the date it asks about that contain one of its names, each
scored by how well its main event matches the question's constraints. A place or person the
question names that an article does not contain, or a date it neither states nor was published
just after, rules the article out: with many similar events in a corpus, the best-scoring
passage is often about another one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from sqlmodel import Session, col, or_, select

from corpus.tables import Article, Fact
from search.answer.candidates import retrieve, stems
from search.answer.constraints import Constraints
from search.answer.questions import Interpretation
from search.backend import PassageBackend

# An article published this many days after the asked date (or one day before it, for a
# publication date off by a time zone) reports the event without having to restate its date:
# 89% of news-dev's evidence articles fall inside it; most later ones (follow-ups) restate it.
DAYS_AFTER = 8
WINDOW_ARTICLES = 400  # at most this many articles read from one date window
PIN_MARGIN = 0.75  # articles scoring at least this share of the best one are kept
MAX_PINNED = 4
NAMED_CHARS = 50_000  # names are looked for this far into an article (bounds a huge upload)


@dataclass(frozen=True, slots=True)
class MainEvent:
    """What an article says its event is: the day dates it states, and its publication date.

    Computed from stored date facts until ingest stores a main event per article; every
    caller goes through ``main_events``."""

    published: date | None
    dates: frozenset[str]


@dataclass(frozen=True, slots=True)
class Pinned:
    """An article that matches the question's constraints, and how well."""

    article: Article
    score: float
    retrieval: float


def main_events(
    session: Session, articles: Sequence[tuple[int, date | None]], with_dates: bool = True
) -> dict[int, MainEvent]:
    """Each (article id, publication date)'s main event: the day dates it states (read only
    ``with_dates``) and its publication date."""
    ids = sorted(i for i, _ in articles)
    stated: dict[int, set[str]] = {i: set() for i in ids}
    if ids and with_dates:
        rows = session.exec(
            select(Fact.article_id, Fact.value).where(
                col(Fact.article_id).in_(ids), col(Fact.field).concat("") == "dates"
            )
        )
        for article_id, value in rows:
            iso = str((value or {}).get("iso") or "")
            if (value or {}).get("role") != "publication" and len(iso) >= 10:
                stated[article_id].add(iso[:10])
    return {i: MainEvent(published, frozenset(stated.get(i, ()))) for i, published in articles}


def pin(
    session: Session, index: PassageBackend, interp: Interpretation, constraints: Constraints
) -> list[Pinned]:
    """Articles about the event the question pins, best first (empty: none matches)."""
    retrieved = _candidates(session, index, interp, constraints)
    if not retrieved:
        return []
    # Names first (text only, no ORM objects), dates for the survivors, rows for the pinned.
    rows = session.exec(
        select(col(Article.id), col(Article.text), col(Article.published)).where(
            col(Article.id).in_(sorted(retrieved))
        )
    ).all()
    named = {
        i: (p, s)
        for i, text, p in rows
        if i is not None and (s := _named(text, constraints)) is not None
    }
    events = main_events(session, [(i, p) for i, (p, _) in named.items()], bool(constraints.dates))
    scored = []
    for article_id, (_, names_score) in named.items():
        dated = _dated(events[article_id], constraints)
        if dated is not None:
            retrieval = retrieved[article_id]
            scored.append((names_score + dated + 0.3 * retrieval, retrieval, article_id))
    if not scored:
        return []
    scored.sort(key=lambda t: (-t[0], t[2]))
    floor = PIN_MARGIN * scored[0][0]
    kept = [t for t in scored if t[0] >= floor][:MAX_PINNED]
    articles = {
        a.id: a
        for a in session.exec(select(Article).where(col(Article.id).in_([t[2] for t in kept])))
    }
    return [Pinned(articles[i], score, retrieval) for score, retrieval, i in kept]


def _candidates(
    session: Session, index: PassageBackend, interp: Interpretation, constraints: Constraints
) -> dict[int, float]:
    """Candidate article ids with their best passage's relative BM25 score: the top passages
    for the question's names and words, and the articles published just after the asked date
    that contain one of its places or people."""
    found: dict[int, float] = {}
    named = " ".join([*constraints.places, *constraints.people, *constraints.address])
    # The names alone: the question's common words ("shooting", "killed") would rank every
    # article about a similar event, and their postings are the costly ones to read.
    terms = tuple(sorted(stems(named))) or interp.terms
    for passage in retrieve(index, terms):
        found[passage.article_id] = max(found.get(passage.article_id, 0.0), passage.relative_score)
    words = [*constraints.places, *(p.split()[-1] for p in constraints.people)]
    for iso in constraints.dates:
        if iso.startswith("--"):
            continue
        day = date.fromisoformat(iso)
        query = (
            select(Article.id)
            .where(col(Article.published) >= day - timedelta(days=1))
            .where(col(Article.published) <= day + timedelta(days=DAYS_AFTER))
        )
        if words:
            query = query.where(
                or_(*(col(Article.text).ilike(f"%{_escape_like(w)}%") for w in words))
            )
        window = session.exec(
            query.order_by(col(Article.published), col(Article.id)).limit(WINDOW_ARTICLES)
        ).all()
        for article_id in window:
            if article_id is not None:
                found.setdefault(article_id, 0.0)
    return found


def _escape_like(value: str) -> str:
    return value.replace("%", "").replace("_", "")


def _named(text: str, constraints: Constraints) -> float | None:
    """How well an article's text matches the places, people and address the question names,
    or None when a place or person it names is missing."""
    text = _folded(text[:NAMED_CHARS])
    score = 0.0
    if constraints.people:
        found = [p for p in constraints.people if _person_in(p, text)]
        if not found:
            return None
        score += len(found) / len(constraints.people)
    if constraints.places:
        found = [p for p in constraints.places if _place_in(p, text)]
        if not found:
            return None
        score += 0.5 + 0.5 * len(found) / len(constraints.places)
    if constraints.states:
        score += (
            0.2 * sum(_phrase_in(s, text) for s in constraints.states) / len(constraints.states)
        )
    if constraints.address:
        score += (
            0.6 * sum(_phrase_in(w, text) for w in constraints.address) / len(constraints.address)
        )
    return score


def _dated(event: MainEvent, constraints: Constraints) -> float | None:
    """How well the article's main event matches the asked dates; None rules it out."""
    score = 0.0
    for iso in constraints.dates:
        agreement = date_agreement(iso, event)
        if agreement == 0.0:
            return None
        score += agreement
    return score


def date_agreement(iso: str, event: MainEvent) -> float:
    """1 when the article states the date, 0.8 when it was published just after it, else 0."""
    if iso.startswith("--"):
        if any(d[4:] == iso[1:] for d in event.dates):
            return 1.0
        if event.published is None:
            return 0.0
        try:
            asked = date(event.published.year, int(iso[2:4]), int(iso[5:7]))
        except ValueError:  # 29 February, asked without a year, in a common year
            return 0.0
        return 0.8 if 0 <= (event.published - asked).days <= DAYS_AFTER else 0.0
    if iso in event.dates:
        return 1.0
    if event.published is None:
        return 0.0
    delta = (event.published - date.fromisoformat(iso)).days
    return 0.8 if -1 <= delta <= DAYS_AFTER else 0.0


def _folded(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _phrase_in(phrase: str, text: str) -> bool:
    return _phrase_pattern(phrase).search(text) is not None


@lru_cache(maxsize=1024)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(_folded(phrase))}(?!\w)")


# Abbreviations place names are written with either way ("St. Paul", "Saint Paul").
_PLACE_ABBREVIATIONS = (("saint ", "st. "), ("fort ", "ft. "), ("mount ", "mt. "))


def _place_in(place: str, text: str) -> bool:
    """The place's name (abbreviated or spelled out), or "X Co." for "X County"."""
    if _phrase_in(place, text):
        return True
    lowered = place.lower()
    for long, short in _PLACE_ABBREVIATIONS:
        for a, b in ((long, short), (short, long)):
            if lowered.startswith(a) and _phrase_in(b + lowered[len(a) :], text):
                return True
    county = re.fullmatch(r"(.+?)\s+county", place, re.I)
    if county is None:
        return False
    return _phrase_in(f"{county[1]} co.", text) or _phrase_in(county[1], text)


def _person_in(person: str, text: str) -> bool:
    """A person's first and last names (middle names, initials and suffixes may be left out)."""
    words = [w for w in person.split() if len(w.rstrip(".")) > 1 and w.lower() not in _SUFFIXES]
    if not words:
        return False
    return _phrase_in(words[-1], text) and (len(words) == 1 or _phrase_in(words[0], text))


_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
