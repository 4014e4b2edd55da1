"""Events: incidents reported across articles, with their most-cited figures."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import StreamingResponse

from corpus.errors import NotFound
from corpus.events.detail import event_detail
from corpus.events.kinds import TYPES
from corpus.events.queries import (
    FACETS,
    EventFilter,
    EventRow,
    facet_counts,
    load_events,
    select_events,
    sort_events,
)
from corpus.facets import parse_facets
from service.cursors import decode_cursor, encode_cursor, offset_of, query_digest
from service.deps import SessionDep
from service.exports import EXPORT_RESPONSES, FormatDep, export_response
from service.problems import problem_responses
from service.query_params import comma_separated
from service.reads import NOT_MODIFIED, ConditionalRead, CorpusRead, ReadDep
from service.schemas.events import (
    EventDetailOut,
    EventList,
    FacetValueOut,
    event_detail_out,
    event_out,
    event_record,
)

router = APIRouter(tags=["events"])

EventSort = Literal["-date", "date", "-killed", "killed", "-articles"]
EventType = Literal[TYPES]  # type: ignore[valid-type]


@router.get(
    "/events",
    summary="List or export events",
    response_model=EventList,
    dependencies=[ConditionalRead],
    responses={**EXPORT_RESPONSES, **NOT_MODIFIED, **problem_responses(400, 409, 422)},
)
async def get_events(
    read: ReadDep,
    fmt: FormatDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[
        str | None,
        Query(
            description="next_cursor of the previous page; 409 once the corpus has changed "
            "(events are regrouped): start again without it."
        ),
    ] = None,
    type: Annotated[EventType | None, Query(description="Only events of this type.")] = None,
    place: Annotated[
        str | None,
        Query(
            max_length=100,
            description="Only events in this place or anywhere inside it (a city's "
            "neighbourhoods, a region's towns, a country).",
            examples=["Deir ez-Zor"],
        ),
    ] = None,
    since: Annotated[date | None, Query(description="Events on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Events on or before this day.")] = None,
    min_killed: Annotated[
        int | None, Query(ge=0, description="Events whose killed figure is at least this.")
    ] = None,
    sort: Annotated[EventSort, Query(description="Order: by date, killed figure, articles.")] = (
        "-date"
    ),
    facets: Annotated[
        str | None,
        Query(
            description="Comma-separated facets to count: type, place, month.",
            examples=["type"],
            json_schema_extra=comma_separated(FACETS),
        ),
    ] = None,
) -> EventList | StreamingResponse:
    """Events (incidents reported by one or more articles) with their most-cited figures.
    Exports have one row per event, its place and figures flattened to columns."""
    names = parse_facets(facets, FACETS)
    rows = await _events(read)
    where = EventFilter(type=type, place=place, since=since, until=until, min_killed=min_killed)
    selected = sort_events(select_events(rows, where), sort)
    if fmt != "json":
        return export_response(
            engine=read.engine,
            name="events",
            fmt=fmt,
            rows=lambda _s: map(event_record, selected),
        )
    bound = query_digest(type, place, since, until, min_killed, sort, limit)
    position = decode_cursor("events", bound, cursor, version=read.version)
    offset = 0 if position is None else offset_of(position)
    page = selected[offset : offset + limit]
    more = offset + limit < len(selected)
    return EventList(
        events=[event_out(row) for row in page],
        total=len(selected),
        next_cursor=encode_cursor("events", bound, offset + limit, version=read.version)
        if more
        else None,
        facets={
            name: [FacetValueOut(value=v, count=c) for v, c in values]
            for name, values in facet_counts(selected, names).items()
        }
        if names
        else None,
    )


async def _events(read: CorpusRead) -> list[EventRow]:
    def load() -> list[EventRow]:
        with read.session() as session:
            return load_events(session)

    return await read.cached_in_thread(("events",), load)


@router.get(
    "/events/{event_id}",
    summary="Get one event",
    response_model=EventDetailOut,
    dependencies=[ConditionalRead],
    responses={**NOT_MODIFIED, **problem_responses(404, 422)},
)
def get_event(
    session: SessionDep, event_id: Annotated[int, Path(ge=1, examples=[1])]
) -> EventDetailOut:
    """An event with its articles, reconciled figures, timeline, participants and places."""
    detail = event_detail(session, event_id)
    if detail is None:
        raise NotFound(f"No event has id {event_id}.")
    return event_detail_out(detail)
