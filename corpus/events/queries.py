"""Reading events: every event's summary at once (for listing, filtering, facets and counting),
one event's members, and the names /claims groups by.

Filtering is done on the loaded summaries (``EventRow``), which callers keep per corpus
generation: a place filter reads keys, regions and coordinates no single SQL index serves.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from corpus.events.geo import km_between
from corpus.facts.gazetteer import country_name, lookup_place, place_key
from corpus.tables import Event, EventMember

INSIDE_KM = 15.0  # a place this close to a city's centre is in it ("Englewood" in Chicago)
FACETS = ("type", "place", "month")
SORTS = ("-date", "date", "-killed", "killed", "-articles")


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event's stored summary and its member articles."""

    id: int
    type: str
    date: date | None
    place: dict[str, Any] | None
    region: str | None
    country: str | None
    keys: tuple[str, ...]
    figures: dict[str, Any]
    killed: float | None
    injured: float | None
    article_ids: tuple[int, ...]
    last_published: datetime.date | None = None  # the latest member's publication date

    @property
    def place_name(self) -> str | None:
        """The event's place as named (None: unknown)."""
        return str(self.place["name"]) if self.place else None

    def name(self) -> str:
        """A readable name: place and day ("Jebel Tharda 2016-09-17")."""
        parts = [self.place_name or f"event {self.id}"]
        if self.date:
            parts.append(self.date.isoformat())
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``GET /events`` and counting questions select events by (None: anything)."""

    type: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None
    min_killed: float | None = None
    min_injured: float | None = None


def load_events(session: Session) -> list[EventRow]:
    """Every event with its members, by id."""
    members: dict[int, list[int]] = {}
    for event_id, article_id in session.exec(
        select(EventMember.event_id, EventMember.article_id).order_by(
            col(EventMember.event_id), col(EventMember.article_id)
        )
    ):
        members.setdefault(event_id, []).append(article_id)
    return [
        _row(event, members.get(event.id or 0, ()))
        for event in session.exec(select(Event).order_by(col(Event.id)))
    ]


def load_event(session: Session, event_id: int) -> EventRow | None:
    """One event with its members (None: no such event)."""
    event = session.get(Event, event_id)
    if event is None:
        return None
    members = session.exec(
        select(EventMember.article_id)
        .where(col(EventMember.event_id) == event_id)
        .order_by(col(EventMember.article_id))
    )
    return _row(event, list(members))


def _row(event: Event, article_ids: Iterable[int]) -> EventRow:
    return EventRow(
        id=event.id or 0,
        type=event.type,
        date=event.event_date,
        place=event.place,
        region=event.region,
        country=event.country,
        keys=tuple(event.keys),
        figures=event.figures,
        killed=event.killed,
        injured=event.injured,
        article_ids=tuple(article_ids),
        last_published=event.last_published,
    )


def event_names(session: Session) -> dict[int, str]:
    """Each article's event name for grouping claims (a roundup: its lowest event)."""
    names: dict[int, str] = {}
    for row in load_events(session):
        label = f"{row.name()} (event {row.id})"
        for article_id in row.article_ids:
            names.setdefault(article_id, label)
    return names


def select_events(rows: Iterable[EventRow], where: EventFilter) -> list[EventRow]:
    """The rows ``where`` selects, in the given order."""
    inside = place_test(where.place) if where.place else None
    kept = []
    for row in rows:
        if where.type and row.type != where.type:
            continue
        if where.since and (row.date is None or row.date < where.since):
            continue
        if where.until and (row.date is None or row.date > where.until):
            continue
        if where.min_killed is not None and (row.killed is None or row.killed < where.min_killed):
            continue
        if where.min_injured is not None and (
            row.injured is None or row.injured < where.min_injured
        ):
            continue
        if inside is not None and not inside(row):
            continue
        kept.append(row)
    return kept


def place_test(name: str) -> Any:
    """A test of whether an event lies in the place ``name``: the place itself (any spelling),
    a place near it, in its region (a US state) or in its country, or within ``INSIDE_KM`` of
    the city it names."""
    wanted = name.strip().casefold()
    key = place_key(name)
    found = lookup_place(name)
    entity = found.entity_id if found else None
    country = found.country if found and found.kind == "country" else None
    centre = None
    if found and found.kind == "city" and found.lat is not None and found.lon is not None:
        centre = (found.lat, found.lon)

    def inside(row: EventRow) -> bool:
        if key in row.keys or (entity and entity in row.keys):
            return True
        if row.region and row.region.casefold() == wanted:
            return True
        if country and row.country == country:
            return True
        place = row.place or {}
        if place.get("near") and place_key(str(place["near"])) == key:
            return True
        if centre and place.get("lat") is not None:
            return km_between(centre, (place["lat"], place["lon"])) <= INSIDE_KM
        return False

    return inside


def sort_events(rows: Sequence[EventRow], sort: str) -> list[EventRow]:
    """Rows in the order ``sort`` names (ties: the lower id); unknown values sort last."""
    descending = sort.startswith("-")
    field = sort.lstrip("-")

    def value(row: EventRow) -> float:
        if field == "date":
            return row.date.toordinal() if row.date else -math.inf
        if field == "killed":
            return row.killed if row.killed is not None else -math.inf
        return len(row.article_ids)

    ordered = sorted(rows, key=lambda r: r.id)
    return sorted(ordered, key=lambda r: -value(r) if descending else value(r))


def facet_counts(
    rows: Sequence[EventRow], names: Sequence[str]
) -> dict[str, list[tuple[str, int]]]:
    """For each facet name: its values over ``rows`` with counts, most first (ties: by value)."""
    facets: dict[str, list[tuple[str, int]]] = {}
    for name in names:
        counts: Counter[str] = Counter()
        for row in rows:
            if name == "type":
                counts[row.type] += 1
            elif name == "place" and row.place_name:
                counts[row.place_name] += 1
            elif name == "month" and row.date:
                counts[row.date.strftime("%Y-%m")] += 1
        facets[name] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return facets


def country_of(row: EventRow) -> str | None:
    """The event's country by name (None: unknown)."""
    return country_name(row.country) if row.country else None
