"""Counting questions over events: "How many bombings were reported in Baghdad in May 2013?",
"How many people were killed in floods in Bavaria in 2021?", "How many incidents injured more
than three people?".

A counting question asks "how many" of a plural incident noun (bombings, shootings,
incidents...) or how many people were killed or hurt in them ("in floods", not "in the
floods": that is one incident), in a place (a comma-separated "City, State" must match both),
in a month or year, or above a threshold ("more than three people", "at least 2"); without
any of these it asks for a figure an article states ("How many attacks were reported in the
past 24 hours?"). The answer is read from the stored events (``corpus.events``): the number of
events selected, or the sum of their figures, where each event's figure is its most cited one
(ties: the later report). Every counted event is cited through its articles: each one's span
stating the event's figure (or its own figure, or, stating none, the incident's place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session, col, select

from corpus.events.kinds import type_named
from corpus.events.queries import EventFilter, EventRow, load_events, select_events
from corpus.events.signature import Signature
from corpus.facts.dates import reads_as_date
from corpus.facts.lexicons import MONTHS
from corpus.facts.numbers import parse_number_words
from corpus.spans import sentences
from corpus.tables import Article, EventSignature
from search.answer.questions import analyze_question
from search.answer.types import AnswerItem, AnswerResult, Citation, SentenceRef

FIGURE_RULE = "per event, the most cited figure; ties: the later report"
MAX_CITED_EVENTS = 20
MAX_CITED_ARTICLES = 5  # per counted event
CONFIDENCE = 0.8

_EVENT_NOUNS = (
    r"(?:incidents|events|shootings|bombings|airstrikes|air strikes|attacks|stabbings|fires|"
    r"crashes|floods|earthquakes|explosions|storms|blasts|killings)"
)
_COUNT_EVENTS = re.compile(rf"(?i)^how many (?:\w+ )?(?P<noun>{_EVENT_NOUNS})\b(?P<rest>.*)$")
_COUNT_PEOPLE = re.compile(
    r"(?i)^how many (?:people|persons|victims)? ?(?:were |have been |was )?"
    rf"(?P<kind>killed|died|dead|injured|wounded|hurt)\b.*?\b(?:in|by) (?!the\b)(?:\w+ )?"
    rf"(?P<noun>{_EVENT_NOUNS})\b(?P<rest>.*)$"
)
_THRESHOLD = re.compile(
    r"(?i)\b(?P<kind>killed|killing|injured|injuring|wounded|wounding|hurt)\s+"
    r"(?P<op>more than|over|at least|fewer than|less than|exactly)?\s*"
    r"(?P<number>\d+|[a-z]+)\s+(?:people|persons|or more)"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_MONTH_YEAR = re.compile(rf"(?i)\bin (?P<month>[a-z]+) {_YEAR}\b")
_IN_YEAR = re.compile(rf"(?i)\bin {_YEAR}\b")
_NAME_WORD = r"(?:[a-z]{1,3}-)?[A-Z][\w.'’-]*"  # "Dayton", "ez-Zor"
_PLACE = re.compile(rf"\b(?:in|at|near) (?P<place>{_NAME_WORD}(?:[ ,]+{_NAME_WORD})*)")


@dataclass(frozen=True, slots=True)
class CountingQuestion:
    """What a counting question selects and what it counts (events, or a figure's sum)."""

    where: EventFilter
    places: tuple[str, ...]
    counts: str  # "events" | "killed" | "injured"
    noun: str


def read_counting_question(question: str) -> CountingQuestion | None:
    """The counting question ``question`` asks, or None when it is not one."""
    text = " ".join(question.strip().rstrip("?").split())
    people = _COUNT_PEOPLE.match(text)
    events = None if people else _COUNT_EVENTS.match(text)
    match = people or events
    if match is None:
        return None
    counts = "events"
    if people:
        counts = "killed" if people["kind"].lower() in ("killed", "died", "dead") else "injured"
    noun = match["noun"].lower()
    since, until = _period(text)
    where = EventFilter(type=type_named([noun]), since=since, until=until)
    threshold = _THRESHOLD.search(text)
    if threshold:
        bound = _bound(threshold["op"], threshold["number"])
        if bound is not None:
            if threshold["kind"].lower().startswith("kill"):
                where = replace(where, min_killed=bound)
            else:
                where = replace(where, min_injured=bound)
    places = _places(match["rest"])
    restricted = places or where.since or where.min_killed is not None or where.min_injured
    if not restricted:
        return None  # "How many attacks were reported in the past 24 hours?" asks a stated figure
    return CountingQuestion(where, places, counts, noun)


def _period(text: str) -> tuple[date | None, date | None]:
    month = _MONTH_YEAR.search(text)
    if month and month["month"].lower() in MONTHS:
        number, year = MONTHS[month["month"].lower()], int(month["year"])
        end = date(year + (number == 12), number % 12 + 1, 1)
        return date(year, number, 1), date.fromordinal(end.toordinal() - 1)
    in_year = _IN_YEAR.search(text)
    if in_year:
        return date(int(in_year["year"]), 1, 1), date(int(in_year["year"]), 12, 31)
    return None, None


def _bound(op: str | None, number: str) -> float | None:
    value = int(number) if number.isdigit() else parse_number_words(number)
    if value is None:
        return None
    op = (op or "").lower()
    if op in ("more than", "over"):
        return float(value) + 1
    if op in ("fewer than", "less than", "exactly"):
        return None  # an upper bound: not what the threshold filter selects
    return float(value)


def _places(rest: str) -> tuple[str, ...]:
    """The first place list after "in"/"at"/"near"; a run naming a time ("in September 2016")
    is not one."""
    for found in _PLACE.finditer(rest):
        words = [w.strip(" ,") for w in found["place"].split(",")]
        places = tuple(w for w in words if w and not reads_as_date(w))
        if places:
            return places
    return ()


def answer_counting(*, session: Session, question: str) -> AnswerResult | None:
    """The answer to a counting question from the stored events; None when ``question`` is not
    a counting question (the other answerers take it)."""
    asked = read_counting_question(question)
    if asked is None:
        return None
    interpretation = replace(analyze_question(question), type="count_events")
    # An event no report dates is counted in the period it was reported in: news tells an
    # incident within days, and leaving it out of every month undercounts each.
    rows = [r if r.date else replace(r, date=r.last_published) for r in load_events(session)]
    for place in asked.places:
        rows = select_events(rows, replace(asked.where, place=place))
    if not asked.places:
        rows = select_events(rows, asked.where)
    if asked.counts != "events":
        rows = [r for r in rows if r.figures.get(asked.counts)]
    if not rows:
        return AnswerResult(
            question, interpretation, (), False, True,
            f"No event in the corpus matches ({asked.noun}"
            + (f" in {', '.join(asked.places)}" if asked.places else "") + ").",
        )  # fmt: skip
    citations = _citations(session, rows[:MAX_CITED_EVENTS], asked.counts)
    noun = asked.noun if len(rows) != 1 else _singular(asked.noun)
    if asked.counts == "events":
        value: float = len(rows)
        text = f"{len(rows)} {noun} reported"
    else:
        value = sum(_figure(r, asked.counts) for r in rows)
        shown = int(value) if float(value).is_integer() else value
        text = f"{shown} {asked.counts} in {len(rows)} {noun} (figure rule: {FIGURE_RULE})"
    item = AnswerItem(
        text=text,
        value=int(value) if float(value).is_integer() else value,
        confidence=CONFIDENCE,
        citations=citations,
        sources=tuple(dict.fromkeys(c.source or f"article {c.article_id}" for c in citations)),
    )
    return AnswerResult(question, interpretation, (item,), False, False, None)


def _singular(noun: str) -> str:
    return noun[:-2] if noun.endswith(("shes", "ches", "xes")) else noun[:-1]


def _figure(row: EventRow, kind: str) -> float:
    figure = row.figures[kind]
    number = figure["stated"] if figure["stated"] is not None else figure["min"]
    return float(number or 0)


def _citations(session: Session, rows: list[EventRow], kind: str) -> tuple[Citation, ...]:
    """For each event, each member article (at most ``MAX_CITED_ARTICLES``): the span stating
    the event's figure of ``kind`` (killed for plain counts); else the article's own figure of
    that kind; else where it names the incident's place."""
    figure_kind = "killed" if kind == "events" else kind
    wanted: list[tuple[int, int, int]] = []  # (article, start, end)
    signature_ids = sorted({a for r in rows for a in r.article_ids[:MAX_CITED_ARTICLES]})
    signatures = {
        a: Signature.from_json(data)
        for a, data in session.exec(
            select(EventSignature.article_id, EventSignature.data).where(
                col(EventSignature.article_id).in_(signature_ids)
            )
        )
    }
    for row in rows:
        before = len(wanted)
        figure = row.figures.get(figure_kind) or {}
        event_value = (figure.get("stated"), figure.get("min"), figure.get("max"),
                       figure.get("qualifier"))  # fmt: skip
        for article_id in row.article_ids[:MAX_CITED_ARTICLES]:
            sig = signatures.get(article_id)
            if sig is None:
                continue
            stated = sig.figures.get(figure_kind, ())
            same = [f for f in stated if (f.stated, f.min, f.max, f.qualifier) == event_value]
            own = sig.figure(figure_kind)
            place = sig.place or sig.locality
            if same or own is not None:
                span = same[0] if same else own
                assert span is not None
                wanted.append((article_id, span.start, span.end))
            elif place:
                wanted.append((article_id, int(place["start"]), int(place["end"])))
        if len(wanted) == before and row.place:
            wanted.append((row.place["article_id"], row.place["start"], row.place["end"]))
    articles = {
        a.id: a
        for a in session.exec(
            select(Article).where(col(Article.id).in_(sorted({a for a, _, _ in wanted})))
        )
    }
    cited = []
    for article_id, start, end in wanted:
        article = articles[article_id]
        sentence = next((s for s in sentences(article.text) if s.start <= start < s.end), None)
        ref = (
            SentenceRef(sentence.text, sentence.start, sentence.end)
            if sentence
            else SentenceRef(article.text[start:end], start, end)
        )
        cited.append(
            Citation(article_id, article.source, article.title, start, end,
                     article.text[start:end], ref)
        )  # fmt: skip
    return tuple(cited)
