"""API schemas for events: incidents reported across articles."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from corpus.events.detail import Cited, EventDetail
from corpus.events.queries import EventRow, country_of
from corpus.events.signature import FIGURE_KINDS
from service.schemas.answers import ClaimOut, SpanOut, claim_out


class EventFigureOut(BaseModel):
    """An event's figure of one kind: the most cited one (ties: the later report), with the
    range of every figure stated about the same victims and whether they disagree."""

    stated: int | float | None
    min: int | float | None
    max: int | float | None
    qualifier: str | None
    subject: str
    disputed: bool
    range_min: int | float | None
    range_max: int | float | None
    article_ids: list[int]


class EventPlaceOut(BaseModel):
    """The event's most specific place, the place it is near, and its region and country."""

    name: str
    kind: str
    near: str | None
    region: str | None
    country: str | None
    citation: SpanOut | None = None


class EventOut(BaseModel):
    """One event in a listing."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 1,
                    "type": "airstrike",
                    "place": {
                        "name": "Jebel Tharda",
                        "kind": "landmark",
                        "near": "Deir ez-Zor",
                        "region": None,
                        "country": "Syria",
                    },
                    "date": "2016-09-17",
                    "article_ids": [1, 2, 3, 4, 5],
                    "figures": {
                        "killed": {
                            "stated": 62,
                            "min": 62,
                            "max": 62,
                            "qualifier": "exact",
                            "subject": "soldiers",
                            "disputed": True,
                            "range_min": 30,
                            "range_max": 83,
                            "article_ids": [1, 2, 4, 5],
                        },
                        "injured": None,
                    },
                }
            ]
        }
    )

    id: int
    type: str
    place: EventPlaceOut | None
    date: date | None
    article_ids: list[int]
    figures: dict[str, EventFigureOut | None]


class FacetValueOut(BaseModel):
    """One value of a facet and how many selected events have it."""

    value: str
    count: int


class EventList(BaseModel):
    """A page of events, and facet counts over every selected event when asked."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "events": [],
                    "total": 1,
                    "next_cursor": None,
                    "facets": {"type": [{"value": "airstrike", "count": 1}]},
                }
            ]
        }
    )

    events: list[EventOut]
    total: int
    next_cursor: str | None
    facets: dict[str, list[FacetValueOut]] | None = None


class EventArticleOut(BaseModel):
    """A member article."""

    id: int
    title: str | None
    source: str | None
    published: date | None


class ReportedFigureOut(BaseModel):
    """A report's figure in the timeline (only reports that changed it are listed)."""

    article_id: int
    published: date | None
    stated: int | float | None
    min: int | float | None
    max: int | float | None
    qualifier: str | None
    citation: SpanOut


class ParticipantOut(BaseModel):
    """A person of the event: role (victim, suspect, official, or null when unsaid), status
    (killed, injured, arrested) and the spans naming them."""

    name: str
    role: str | None
    status: list[str]
    citations: list[SpanOut]


class PlaceMentionOut(BaseModel):
    """A place the event's articles name, with spans."""

    name: str
    kind: str
    citations: list[SpanOut]


class EventDetailOut(EventOut):
    """One event in full: articles, reconciled figures as claims, timeline, participants,
    places, and citations for its place and day."""

    # The listing's example lacks the fields below: this schema documents no example of its own.
    model_config = ConfigDict(json_schema_extra={})

    articles: list[EventArticleOut]
    claims: list[ClaimOut]
    timeline: dict[str, list[ReportedFigureOut]]
    participants: list[ParticipantOut]
    places: list[PlaceMentionOut]
    date_citations: list[SpanOut]


def span_out(cited: Cited) -> SpanOut:
    """The API view of a cited span."""
    return SpanOut(article_id=cited.article_id, start=cited.start, end=cited.end, text=cited.text)


def _figure(value: dict[str, Any] | None) -> EventFigureOut | None:
    return EventFigureOut(**value) if value else None


def event_out(row: EventRow) -> EventOut:
    """The listing view of an event."""
    return EventOut(**_event_fields(row))


def _event_fields(row: EventRow, citation: Cited | None = None) -> dict[str, Any]:
    place = None
    if row.place:
        place = EventPlaceOut(
            name=row.place["name"],
            kind=row.place["kind"],
            near=row.place.get("near"),
            region=row.region,
            country=country_of(row),
            citation=span_out(citation) if citation else None,
        )
    return {
        "id": row.id,
        "type": row.type,
        "place": place,
        "date": row.date,
        "article_ids": list(row.article_ids),
        "figures": {kind: _figure(row.figures.get(kind)) for kind in FIGURE_KINDS},
    }


def event_detail_out(detail: EventDetail) -> EventDetailOut:
    """The full view of an event."""
    return EventDetailOut(
        **_event_fields(detail.row, detail.place_citation),
        articles=[
            EventArticleOut(id=a.id, title=a.title, source=a.source, published=a.published)
            for a in detail.articles
        ],
        claims=[claim_out(c) for c in detail.claims],
        timeline={
            kind: [
                ReportedFigureOut(
                    article_id=r.article_id,
                    published=r.published,
                    stated=r.stated,
                    min=r.min,
                    max=r.max,
                    qualifier=r.qualifier,
                    citation=span_out(r.citation),
                )
                for r in reports
            ]
            for kind, reports in detail.timeline.items()
        },
        participants=[
            ParticipantOut(
                name=p.name,
                role=p.role,
                status=p.status,
                citations=[span_out(c) for c in p.citations],
            )
            for p in detail.participants
        ],
        places=[
            PlaceMentionOut(name=name, kind=kind, citations=[span_out(c) for c in cites])
            for name, kind, cites in detail.places
        ],
        date_citations=[span_out(c) for c in detail.date_citations],
    )


# An exported event is flat: its place's parts, and each figure kind's fields (all but its
# article_ids) as "<kind>_<field>" columns (empty when the event states no such figure).
_FIGURE_PARTS = tuple(name for name in EventFigureOut.model_fields if name != "article_ids")
EVENT_COLUMNS = (
    "id", "type", "date", "place", "place_kind", "near", "region", "country",
    *(f"{kind}_{part}" for kind in FIGURE_KINDS for part in _FIGURE_PARTS),
    "article_count", "article_ids",
)  # fmt: skip


def event_record(row: EventRow) -> tuple[Any, ...]:
    """An event as one export row, its values in ``EVENT_COLUMNS`` order."""
    place = row.place or {}
    figures: list[Any] = []
    for kind in FIGURE_KINDS:
        figure = row.figures.get(kind) or {}
        figures.extend(figure.get(part) for part in _FIGURE_PARTS)
    return (
        row.id, row.type, row.date, place.get("name"), place.get("kind"), place.get("near"),
        row.region, country_of(row), *figures, len(row.article_ids), list(row.article_ids),
    )  # fmt: skip
