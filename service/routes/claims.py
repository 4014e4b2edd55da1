"""Claims: conflicting figures across sources, reconciled but never averaged away."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response
from fastapi.concurrency import run_in_threadpool
from pydantic_core import to_json
from sqlalchemy import Engine
from sqlmodel import Session

from corpus.claim_store import stream_claims
from search.cache import GenerationCache
from service.claim_pages import RenderedClaims
from service.cursors import decode_cursor, encode_cursor
from service.deps import EngineDep, IndexDep, ResultCacheDep
from service.problems import problem_responses
from service.schemas.answers import ClaimList, ClaimSummary

router = APIRouter(tags=["claims"])

ClaimField = Literal["casualties", "quantities", "equipment"]


async def _rendered(
    engine: Engine, generation: int, cache: GenerationCache, field: str, kind: str | None
) -> RenderedClaims:
    key = ("claims", field, kind)
    rendered: RenderedClaims | None = cache.get(generation, key)
    if rendered is None:

        def load() -> RenderedClaims:
            with Session(engine) as session:
                return RenderedClaims.of(stream_claims(session=session, field=field, kind=kind))

        rendered = await run_in_threadpool(load)
        cache.put(generation, key, rendered)
    return rendered


@router.get(
    "/claims",
    summary="List claims",
    response_model=ClaimList,
    responses=problem_responses(400, 422),
)
async def get_claims(
    engine: EngineDep,
    index: IndexDep,
    cache: ResultCacheDep,
    field: Annotated[ClaimField, Query(description="Which numeric field.")] = "casualties",
    kind: Annotated[str | None, Query(max_length=32, examples=["killed"])] = None,
    disputed: Annotated[
        bool | None, Query(description="Only disputed (or undisputed) claims.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
) -> Response:
    """Facts stating the same quantity grouped into claims, with range, dispute and picks."""
    offset = decode_cursor("claims", cursor) or 0
    rendered = await _rendered(engine, index.generation, cache, field, kind)
    claims = [
        body
        for body, is_disputed in zip(rendered.json, rendered.disputed, strict=True)
        if disputed is None or is_disputed == disputed
    ]
    more = offset + limit < len(claims)
    next_cursor = encode_cursor("claims", offset + limit) if more else None
    body = b"".join(
        [
            b'{"claims":[',
            b",".join(claims[offset : offset + limit]),
            b'],"total":',
            to_json(len(claims)),
            b',"next_cursor":',
            to_json(next_cursor),
            b"}",
        ]
    )
    return Response(body, media_type="application/json")


@router.get(
    "/claims/{field}/summary",
    summary="Per-kind totals of a field's claims",
    response_model=ClaimSummary,
    responses=problem_responses(422),
)
async def get_claim_summary(
    engine: EngineDep,
    index: IndexDep,
    cache: ResultCacheDep,
    field: Annotated[ClaimField, Path()],
) -> ClaimSummary:
    """For each kind: how many claims and facts, how many disputed, and the overall range."""
    rendered = await _rendered(engine, index.generation, cache, field, None)
    return ClaimSummary(field=field, kinds=list(rendered.kinds))
