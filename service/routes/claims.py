"""Claims: conflicting figures across sources, reconciled but never averaged away."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from corpus.claim_store import load_claims
from service.cursors import decode_cursor, encode_cursor
from service.deps import SessionDep
from service.problems import problem_responses
from service.schemas import ClaimKindSummary, ClaimList, ClaimSummary, RangeOut, claim_out

router = APIRouter(tags=["claims"])

ClaimField = Literal["casualties", "quantities", "equipment"]


@router.get(
    "/claims",
    summary="List claims",
    response_model=ClaimList,
    responses=problem_responses(400, 422),
)
def get_claims(
    session: SessionDep,
    field: Annotated[ClaimField, Query(description="Which numeric field.")] = "casualties",
    kind: Annotated[str | None, Query(max_length=32, examples=["killed"])] = None,
    disputed: Annotated[
        bool | None, Query(description="Only disputed (or undisputed) claims.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
) -> ClaimList:
    """Facts stating the same quantity grouped into claims, with range, dispute and picks."""
    claims = load_claims(session=session, field=field, kind=kind)
    if disputed is not None:
        claims = [c for c in claims if c.disputed == disputed]
    offset = decode_cursor("claims", cursor) or 0
    page = claims[offset : offset + limit]
    more = offset + limit < len(claims)
    return ClaimList(
        claims=[claim_out(c) for c in page],
        total=len(claims),
        next_cursor=encode_cursor("claims", offset + limit) if more else None,
    )


@router.get(
    "/claims/{field}/summary",
    summary="Per-kind totals of a field's claims",
    response_model=ClaimSummary,
    responses=problem_responses(422),
)
def get_claim_summary(session: SessionDep, field: Annotated[ClaimField, Path()]) -> ClaimSummary:
    """For each kind: how many claims and facts, how many disputed, and the overall range."""
    by_kind: dict[str, list] = {}
    for claim in load_claims(session=session, field=field):
        by_kind.setdefault(claim.kind, []).append(claim)
    kinds = []
    for kind, claims in sorted(by_kind.items()):
        lows = [c.range_min for c in claims if c.range_min is not None]
        highs = [c.range_max for c in claims if c.range_max is not None]
        kinds.append(
            ClaimKindSummary(
                kind=kind,
                claims=len(claims),
                facts=sum(len(v.citations) for c in claims for v in c.values),
                disputed=sum(c.disputed for c in claims),
                range=RangeOut(min=min(lows, default=None), max=max(highs, default=None)),
            )
        )
    return ClaimSummary(field=field, kinds=kinds)
