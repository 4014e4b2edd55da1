"""Search: cited passages with exact offsets."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from corpus.facets import ARTICLE_FACETS, parse_facets
from search.passages import search_passages, stream_passages
from search.types import Hit, SearchFilters
from service.cursors import decode_cursor, encode_cursor, offset_of, query_digest
from service.deps import AliasesDep, IndexDep
from service.exports import EXPORT_RESPONSES, FormatDep, export_response
from service.problems import problem_responses
from service.query_params import (
    DEFAULT_TRACK_TOTAL_HITS,
    TRACK_TOTAL_HITS_PATTERN,
    comma_separated,
    parse_track_total_hits,
)
from service.reads import NOT_MODIFIED, ConditionalRead, ReadDep
from service.schemas.articles import SearchResponse
from service.schemas.pages import facets_out

router = APIRouter(tags=["search"])


def _hit_row(hit: Hit) -> dict[str, Any]:
    return {
        "article_id": hit.article_id,
        "title": hit.title,
        "source": hit.source,
        "published": hit.published,
        "score": hit.score,
        "start": hit.passage.start,
        "end": hit.passage.end,
        "text": hit.passage.text,
        "highlights": [[h.start, h.end] for h in hit.highlights],
    }


@router.get(
    "/search",
    summary="Search or export passages",
    response_model=SearchResponse,
    dependencies=[ConditionalRead],
    responses={**EXPORT_RESPONSES, **NOT_MODIFIED, **problem_responses(400, 409, 422, 503)},
)
async def search(
    read: ReadDep,
    index: IndexDep,
    aliases: AliasesDep,
    fmt: FormatDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=1000,
            pattern=r"\S",
            description='Whoosh syntax: AND/OR/NOT, "phrases", prefix*, fuzzy~. A query of '
            "stop words or syntax alone matches nothing.",
            examples=["Tharda", '"Deir ez-Zor"', "killed AND soldiers"],
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    cursor: Annotated[
        str | None,
        Query(
            description="next_cursor of the previous page; 409 once the corpus has changed "
            "(the ranking may have): start again without it."
        ),
    ] = None,
    source: Annotated[str | None, Query(description="Publisher, case-insensitive.")] = None,
    since: Annotated[date | None, Query(description="Published on or after.")] = None,
    until: Annotated[date | None, Query(description="Published on or before.")] = None,
    facets: Annotated[
        str | None,
        Query(
            description="Comma-separated, counted over the matching articles: source, "
            "published, published_month, place.",
            examples=["source"],
            json_schema_extra=comma_separated(ARTICLE_FACETS),
        ),
    ] = None,
    track_total_hits: Annotated[
        str,
        Query(
            description="Count matching passages exactly up to this many (`true`: always). "
            'Above it, `total` is the bound, a lower bound, and `total_relation` is "gte".',
            pattern=TRACK_TOTAL_HITS_PATTERN,
            examples=["true", "100000"],
        ),
    ] = str(DEFAULT_TRACK_TOTAL_HITS),
) -> Response:
    """Passages matching ``q`` or another spelling of what it names, best first; ties break on
    article id then passage start. A cursor is pinned to the corpus version of its first page."""
    filters = SearchFilters(source=source, since=since, until=until)
    names = parse_facets(facets, ARTICLE_FACETS)
    if fmt != "json":
        return export_response(
            engine=read.engine,
            name="search",
            fmt=fmt,
            rows=lambda session: map(
                _hit_row,
                stream_passages(
                    session=session,
                    index=index,
                    aliases=aliases,
                    version=read.version,
                    query=q,
                    filters=filters,
                ),
            ),
        )
    count_limit = parse_track_total_hits(track_total_hits)
    # Not in the cursor's digest: the bound changes what the total says, never the pages.
    bound = query_digest(q, filters, limit)
    position = decode_cursor("search", bound, cursor, version=read.version)
    offset = 0 if position is None else offset_of(position)

    def render() -> bytes:
        with read.session() as session:
            page = search_passages(
                session=session,
                index=index,
                aliases=aliases,
                version=read.version,
                query=q,
                limit=limit,
                offset=offset,
                filters=filters,
                facets=names,
                count_limit=count_limit,
            )
        more = page.next_offset
        body = SearchResponse.model_validate(
            {
                "query": page.query,
                "total": page.total,
                "total_relation": page.total_relation,
                "hits": page.hits,
                "next_cursor": encode_cursor("search", bound, more, version=read.version)
                if more
                else None,
                "variants": list(page.variants),
                "facets": facets_out(page.facets),
            },
            from_attributes=True,
        )
        return body.model_dump_json().encode()

    # Dashboards repeat queries: keep the rendered bytes until the next write.
    key = ("search", q, limit, offset, filters, names, count_limit)
    return Response(await read.cached_in_thread(key, render), media_type="application/json")
