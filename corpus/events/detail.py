"""One event in full: its articles, figures reconciled as claims, the timeline of reported
tolls, participants with roles and status, places, and a citation for each.

Participants are the people facts of the member articles. A person's **role** is read from
the construction around each mention (``corpus.events.participants``: "<Name> was shot and
killed", "police arrested <Name>", "the suspect, <Name>"), or an official title or role
stated with the name (police, spokesman, sheriff, chief, mayor...); the role most mentions
give wins. **Status** is every one of killed / injured / arrested those constructions give
(killed outranks injured).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, select

from corpus.claim_store import stream_claims
from corpus.claims import Claim, claim_order
from corpus.events.participants import part_of
from corpus.events.queries import EventRow, load_event
from corpus.events.signature import FIGURE_KINDS, Signature
from corpus.fact_sentences import with_sentence_of
from corpus.tables import Article, EventSignature, Fact

MAX_PARTICIPANTS = 50
MAX_CITATIONS = 3  # per participant and per place
MAX_PLACES = 20

_OFFICIAL = re.compile(
    r"(?i)\b(?:police|spokes(?:man|woman|person)|sheriff|chief|mayor|officials?|"
    r"lieutenant|lt\.|sgt\.|sergeant|captain|capt\.|detective|det\.|minister|ministry|"
    r"governor|prosecutor|attorney|coroner|medical examiner|commander|general)\b"
)


@dataclass(frozen=True, slots=True)
class Cited:
    """A span of one article: ``article.text[start:end] == text``."""

    article_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ReportedFigure:
    """One article's figure of a kind, in the timeline."""

    article_id: int
    published: date | None
    stated: float | None
    min: float | None
    max: float | None
    qualifier: str | None
    citation: Cited


@dataclass(slots=True)
class Participant:
    """A person of the event, with a role, status and the spans naming them."""

    name: str
    role: str | None
    status: list[str]
    citations: list[Cited] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EventArticle:
    """A member article."""

    id: int
    title: str | None
    source: str | None
    published: date | None


@dataclass(frozen=True, slots=True)
class EventDetail:
    """Everything ``GET /events/{id}`` shows."""

    row: EventRow
    articles: list[EventArticle]
    claims: list[Claim]
    timeline: dict[str, list[ReportedFigure]]
    participants: list[Participant]
    places: list[tuple[str, str, list[Cited]]]  # name, kind, citations
    place_citation: Cited | None
    date_citations: list[Cited]


def event_detail(session: Session, event_id: int) -> EventDetail | None:
    """The full view of one event (None: no such event)."""
    row = load_event(session, event_id)
    if row is None:
        return None
    ids = list(row.article_ids)
    articles = session.exec(select(Article).where(col(Article.id).in_(ids))).all()
    by_id = {a.id: a for a in articles}
    members = [
        EventArticle(a.id or 0, a.title, a.source, a.published)
        for a in sorted(articles, key=lambda a: (a.published or date.min, a.id or 0))
    ]
    facts = [
        with_sentence_of(fact, by_id[fact.article_id])
        for fact in session.exec(
            select(Fact)
            .where(
                col(Fact.article_id).in_(ids),
                col(Fact.field).in_(["people", "places", "dates"]),
            )
            .order_by(col(Fact.article_id), col(Fact.start))
        )
    ]
    signatures = {
        a: Signature.from_json(data)
        for a, data in session.exec(
            select(EventSignature.article_id, EventSignature.data).where(
                col(EventSignature.article_id).in_(ids)
            )
        )
    }
    claims = sorted(
        (
            claim
            for claim in stream_claims(
                session=session, field="casualties", article_ids=ids, event=row.name()
            )
            if claim.kind in FIGURE_KINDS
        ),
        key=claim_order,
    )
    return EventDetail(
        row=row,
        articles=members,
        claims=claims,
        timeline=_timeline(members, signatures, {a.id: a.text for a in articles if a.id}),
        participants=_participants([f for f in facts if f.field == "people"]),
        places=_places([f for f in facts if f.field == "places"]),
        place_citation=_place_citation(row, by_id),
        date_citations=_date_citations(row, [f for f in facts if f.field == "dates"]),
    )


def _timeline(
    members: list[EventArticle], signatures: dict[int, Signature], texts: dict[int, str]
) -> dict[str, list[ReportedFigure]]:
    """Per kind, each report (by publication date) whose figure differs from the previous."""
    timeline: dict[str, list[ReportedFigure]] = {}
    for kind in FIGURE_KINDS:
        entries: list[ReportedFigure] = []
        for article in members:
            sig = signatures.get(article.id)
            figure = sig.figure(kind) if sig else None
            if figure is None:
                continue
            value = (figure.stated, figure.min, figure.max, figure.qualifier)
            if entries and value == (
                entries[-1].stated,
                entries[-1].min,
                entries[-1].max,
                entries[-1].qualifier,
            ):
                continue
            span = texts[article.id][figure.start : figure.end]
            cited = Cited(article.id, figure.start, figure.end, span)
            entries.append(ReportedFigure(article.id, article.published, *value, citation=cited))
        timeline[kind] = entries
    return timeline


def _cited(fact: Fact) -> Cited:
    return Cited(fact.article_id, fact.start, fact.end, fact.text)


def _participants(people: list[Fact]) -> list[Participant]:
    by_person: dict[str, list[Fact]] = {}
    for fact in people:
        entity = str((fact.value or {}).get("entity_id") or fact.text)
        by_person.setdefault(entity, []).append(fact)
    found = []
    for mentions in by_person.values():
        roles: Counter[str] = Counter()
        status: set[str] = set()
        for fact in mentions:
            role, told = _role(fact)
            if role:
                roles[role] += 1
            status |= told
        role = min(roles, key=lambda r: (-roles[r], r)) if roles else None
        if "killed" in status:
            status.discard("injured")
        name = str((mentions[0].value or {}).get("name") or mentions[0].text)
        found.append(
            Participant(
                name=name,
                role=role,
                status=sorted(status) if role in ("victim", "suspect") else [],
                citations=[_cited(f) for f in mentions[:MAX_CITATIONS]],
            )
        )
    found.sort(key=lambda p: (p.role is None, -len(p.citations), p.name))
    return found[:MAX_PARTICIPANTS]


def _role(fact: Fact) -> tuple[str | None, frozenset[str]]:
    """The role and status one mention's sentence gives (``participants.part_of``); an
    official title or role stated with the name makes an official."""
    value = fact.value or {}
    if value.get("role") and _OFFICIAL.search(str(value["role"])):
        return "official", frozenset()
    if _OFFICIAL.search(fact.text):
        return "official", frozenset()
    offset = fact.start - fact.sentence_start
    part = part_of(fact.sentence_text, offset, offset + (fact.end - fact.start))
    if part.role is not None:
        return part.role, part.status
    return ("official" if value.get("role") else None), frozenset()


def _places(places: list[Fact]) -> list[tuple[str, str, list[Cited]]]:
    grouped: dict[str, list[Fact]] = {}
    for fact in places:
        key = str((fact.value or {}).get("entity_id") or fact.text)
        grouped.setdefault(key, []).append(fact)
    ordered = sorted(grouped.values(), key=lambda fs: (-len(fs), fs[0].article_id, fs[0].start))
    return [
        (
            str((fs[0].value or {}).get("canonical") or fs[0].text),
            fs[0].kind,
            [_cited(f) for f in fs[:MAX_CITATIONS]],
        )
        for fs in ordered[:MAX_PLACES]
    ]


def _place_citation(row: EventRow, articles: dict[int | None, Article]) -> Cited | None:
    place = row.place
    if not place or place.get("article_id") not in articles:
        return None
    text = articles[place["article_id"]].text
    return Cited(
        place["article_id"], place["start"], place["end"], text[place["start"] : place["end"]]
    )


def _date_citations(row: EventRow, dates: list[Fact]) -> list[Cited]:
    """Spans stating the event's day (at most one an article)."""
    if row.date is None:
        return []
    day = row.date.isoformat()
    cited: dict[int, Cited] = {}
    for fact in dates:
        if (fact.value or {}).get("iso") == day and fact.article_id not in cited:
            cited[fact.article_id] = _cited(fact)
    return list(cited.values())
