"""Pinning a question to the articles about its event: candidates from BM25 (on the names the
question gives, or its content words when it names nothing), from the articles whose stored main
event (``corpus.event_store``) falls on the date it asks about, and from the publication-date
window of that date, each holding one of its names; each is scored by how well its main event
matches the question's constraints. A place or person the question names that an article does
not contain, or a date that is neither its main event's day nor just before its publication,
rules the article out: with many similar events in a corpus, the best-scoring passage is often
about another one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from sqlmodel import Session, col, or_, select

from corpus.event_store import articles_with_event, main_events
from corpus.facts.main_event import MainEvent
from corpus.tables import Article
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
# The stored main event's day is exact for 81% of news-dev's articles and within a day for 90%
# (an evening incident, a source a day off): a day off still agrees, a little less.
EVENT_SLACK_DAYS = 1
NEAR_DAY = 0.9
PUBLISHED_AFTER = 0.8
PLACE_AGREES = 0.3  # the main event's place is the asked one (not just named somewhere)
RETRIEVAL_WEIGHT = 0.3
PLACE_ONLY_RETRIEVAL_WEIGHT = 1.0
NAMED_CHARS = 50_000  # names are looked for this far into an article (bounds a huge upload)


@dataclass(frozen=True, slots=True)
class Pinned:
    """An article that matches the question's constraints, how well, and its stored main event."""

    article: Article
    score: float
    retrieval: float
    event: MainEvent | None = None


def pin(
    session: Session, index: PassageBackend, interp: Interpretation, constraints: Constraints
) -> list[Pinned]:
    """Articles about the event the question pins, best first (empty: none matches)."""
    retrieved = _candidates(session, index, interp, constraints)
    if not retrieved:
        return []
    # Names first (text only, no ORM objects), dates for the survivors, rows for the pinned.
    precise = bool(constraints.dates or constraints.people or constraints.address)
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
    events = main_events(session, named)
    scored = []
    for article_id, (published, names_score) in named.items():
        event = events.get(article_id)
        dated = _dated(event, published, constraints)
        if dated is not None:
            retrieval = retrieved[article_id]
            placed = _placed(event, constraints)
            # A place alone pins loosely: the question's words must tell its event.
            weight = RETRIEVAL_WEIGHT if precise else PLACE_ONLY_RETRIEVAL_WEIGHT
            scored.append(
                (names_score + dated + placed + weight * retrieval, retrieval, article_id)
            )
    if not scored:
        return []
    scored.sort(key=lambda t: (-t[0], t[2]))
    floor = PIN_MARGIN * scored[0][0]
    kept = [t for t in scored if t[0] >= floor][:MAX_PINNED]
    articles = {
        a.id: a
        for a in session.exec(select(Article).where(col(Article.id).in_([t[2] for t in kept])))
    }
    return [Pinned(articles[i], score, retrieval, events.get(i)) for score, retrieval, i in kept]


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
    precise = constraints.dates or constraints.people or constraints.address
    terms = tuple(sorted(stems(named))) if precise else ()
    terms = terms or interp.terms
    for passage in retrieve(index, terms):
        found[passage.article_id] = max(found.get(passage.article_id, 0.0), passage.relative_score)
    words = [*constraints.places, *(p.split()[-1] for p in constraints.people)]
    for iso in constraints.dates:
        if iso.startswith("--"):
            continue
        day = date.fromisoformat(iso)
        # Articles whose main event is that day, however late they were published (follow-ups).
        on_day = articles_with_event(session, day=day, slack_days=EVENT_SLACK_DAYS)
        for event_article in on_day[:WINDOW_ARTICLES]:
            found.setdefault(event_article, 0.0)
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


def _dated(
    event: MainEvent | None, published: date | None, constraints: Constraints
) -> float | None:
    """How well the article's main event matches the asked dates; None rules it out."""
    score = 0.0
    for iso in constraints.dates:
        agreement = date_agreement(iso, event.date if event else None, published)
        if agreement == 0.0:
            return None
        score += agreement
    return score


def _placed(event: MainEvent | None, constraints: Constraints) -> float:
    """``PLACE_AGREES`` when the article's main event is in a place the question names."""
    if event is None or not constraints.places:
        return 0.0
    asked = {_folded(p) for p in constraints.places}
    for place in (event.place, event.locality):
        if place is not None and {_folded(place.name), _folded(place.canonical)} & asked:
            return PLACE_AGREES
    return 0.0


def date_agreement(iso: str, event_day: date | None, published: date | None) -> float:
    """1 when the article's main event is on the asked day, ``NEAR_DAY`` when a day off,
    ``PUBLISHED_AFTER`` when it was published just after it, else 0. An ``iso`` of the form
    ``--MM-DD`` (no year) is the last such day on or before publication (the event's year
    without one)."""
    if iso.startswith("--"):
        known = published or event_day
        if known is None:
            return 0.0
        try:
            asked = date(known.year, int(iso[2:4]), int(iso[5:7]))
        except ValueError:  # 29 February, asked without a year, in a common year
            return 0.0
        if published is not None and asked > published:
            asked = asked.replace(year=asked.year - 1)  # "Dec. 30" asked of a January article
    else:
        asked = date.fromisoformat(iso)
    if event_day is not None:
        off = abs((event_day - asked).days)
        if off == 0:
            return 1.0
        if off <= EVENT_SLACK_DAYS:
            return NEAR_DAY
    if published is None:
        return 0.0
    delta = (published - asked).days
    return PUBLISHED_AFTER if -1 <= delta <= DAYS_AFTER else 0.0


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
