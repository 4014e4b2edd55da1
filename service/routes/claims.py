"""Claims: conflicting figures across sources, reconciled but never averaged away."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import StreamingResponse

from corpus.claim_store import stream_claims
from service.claim_pages import RenderedClaims
from service.cursors import decode_cursor, encode_cursor, offset_of, query_digest
from service.exports import EXPORT_RESPONSES, FormatDep, export_response
from service.problems import problem_responses
from service.reads import NOT_MODIFIED, ConditionalRead, CorpusRead, ReadDep
from service.schemas.answers import ClaimList, ClaimOut, ClaimSummary

router = APIRouter(tags=["claims"])

ClaimField = Literal["casualties", "quantities", "equipment"]


async def _rendered(read: CorpusRead, field: str, kind: str | None) -> RenderedClaims:
    def load() -> RenderedClaims:
        with read.session() as session:
            return RenderedClaims.of(stream_claims(session=session, field=field, kind=kind))

    return await read.cached_in_thread(("claims", field, kind), load)


def _claim_rows(bodies: list[bytes]) -> Iterator[dict[str, Any]]:
    """One row per citation of each stated value, with the claim's columns repeated."""
    for body in bodies:
        claim = json.loads(body)
        for value in claim["values"]:
            for citation in value["citations"]:
                yield {
                    "field": claim["field"],
                    "kind": claim["kind"],
                    "subject": claim["subject"],
                    "event": claim["event"],
                    "disputed": claim["disputed"],
                    "range_min": claim["range"]["min"],
                    "range_max": claim["range"]["max"],
                    "stated": value["stated"],
                    "min": value["min"],
                    "max": value["max"],
                    "qualifier": value["qualifier"],
                    "sources": value["sources"],
                    "attributed_to": value["attributed_to"],
                    **citation,
                }


@router.get(
    "/claims",
    summary="List or export claims",
    response_model=ClaimList,
    dependencies=[ConditionalRead],
    responses={**EXPORT_RESPONSES, **NOT_MODIFIED, **problem_responses(400, 409, 422)},
)
async def get_claims(
    read: ReadDep,
    fmt: FormatDep,
    field: Annotated[ClaimField, Query(description="Which numeric field.")] = "casualties",
    kind: Annotated[str | None, Query(max_length=32, examples=["killed"])] = None,
    disputed: Annotated[
        bool | None, Query(description="Only disputed (or undisputed) claims.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[
        str | None,
        Query(
            description="next_cursor of the previous page; 409 once the corpus has changed "
            "(claims are regrouped): start again without it."
        ),
    ] = None,
) -> ClaimList | StreamingResponse:
    """Facts stating the same quantity grouped into claims, with range, dispute and picks.
    Exports have one row per citation. A cursor is pinned to the corpus version of its first
    page."""
    rendered = await _rendered(read, field, kind)
    claims = [
        body
        for body, is_disputed in zip(rendered.json, rendered.disputed, strict=True)
        if disputed is None or is_disputed == disputed
    ]
    if fmt != "json":
        return export_response(
            engine=read.engine, name="claims", fmt=fmt, rows=lambda _s: _claim_rows(claims)
        )
    bound = query_digest(field, kind, disputed, limit)
    position = decode_cursor("claims", bound, cursor, version=read.version)
    offset = 0 if position is None else offset_of(position)
    more = offset + limit < len(claims)
    return ClaimList(
        claims=[ClaimOut.model_validate_json(body) for body in claims[offset : offset + limit]],
        total=len(claims),
        next_cursor=encode_cursor("claims", bound, offset + limit, version=read.version)
        if more
        else None,
    )


@router.get(
    "/claims/{field}/summary",
    summary="Per-kind totals of a field's claims",
    response_model=ClaimSummary,
    dependencies=[ConditionalRead],
    responses={**NOT_MODIFIED, **problem_responses(422)},
)
async def get_claim_summary(read: ReadDep, field: Annotated[ClaimField, Path()]) -> ClaimSummary:
    """For each kind: how many claims and facts, how many disputed, and the overall range."""
    rendered = await _rendered(read, field, None)
    return ClaimSummary(field=field, kinds=list(rendered.kinds))
