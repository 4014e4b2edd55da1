"""Search: cited passages with exact offsets."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.concurrency import run_in_threadpool
from sqlmodel import Session

from search.passages import search_passages
from search.types import SearchFilters
from service.cursors import decode_cursor, encode_cursor
from service.deps import AliasesDep, EngineDep, IndexDep, ResultCacheDep
from service.problems import problem_responses
from service.schemas.articles import SearchResponse

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    summary="Search passages",
    response_model=SearchResponse,
    responses=problem_responses(400, 422, 503),
)
async def search(
    engine: EngineDep,
    index: IndexDep,
    aliases: AliasesDep,
    cache: ResultCacheDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=1000,
            description='Whoosh syntax: AND/OR/NOT, "phrases", prefix*, fuzzy~.',
            examples=["Tharda", '"Deir ez-Zor"', "killed AND soldiers"],
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    source: Annotated[str | None, Query(description="Publisher, case-insensitive.")] = None,
    since: Annotated[date | None, Query(description="Published on or after.")] = None,
    until: Annotated[date | None, Query(description="Published on or before.")] = None,
) -> Response:
    """Passages matching ``q`` or another spelling of what it names, best first; ties break on
    article id then passage start."""
    offset = decode_cursor("search", cursor) or 0
    filters = SearchFilters(source=source, since=since, until=until)

    def render() -> bytes:
        with Session(engine, expire_on_commit=False) as session:
            page = search_passages(
                session=session,
                index=index,
                aliases=aliases,
                query=q,
                limit=limit,
                offset=offset,
                filters=filters,
            )
        body = SearchResponse.model_validate(
            {
                "query": page.query,
                "total": page.total,
                "hits": page.hits,
                "next_cursor": encode_cursor("search", page.next_offset)
                if page.next_offset
                else None,
                "variants": list(page.variants),
            },
            from_attributes=True,
        )
        return body.model_dump_json().encode()

    # Dashboards repeat queries: keep the rendered bytes until the next write. A hit is served
    # on the event loop; a miss searches in the worker thread pool (Whoosh and SQL block).
    generation = index.generation
    key = ("search", q, limit, offset, filters)
    body = cache.get(generation, key)
    if body is None:
        body = await run_in_threadpool(render)
        cache.put(generation, key, body)
    return Response(body, media_type="application/json")
