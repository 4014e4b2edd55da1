"""Claims: conflicting figures across sources, reconciled but never averaged away."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from sqlmodel import Session

from corpus.claim_store import load_claims
from corpus.claims import Claim
from search.backend import PassageBackend
from search.cache import GenerationCache
from service.cursors import decode_cursor, encode_cursor
from service.deps import IndexDep, ResultCacheDep, SessionDep
from service.problems import problem_responses
from service.schemas.answers import ClaimKindSummary, ClaimList, ClaimSummary, RangeOut, claim_out

router = APIRouter(tags=["claims"])

ClaimField = Literal["casualties", "quantities", "equipment"]


def _claims(
    session: Session, index: PassageBackend, cache: GenerationCache, field: str, kind: str | None
) -> list[Claim]:
    """Claims are rebuilt from every matching fact: remember them until the next write."""
    key = ("claims", index.generation, field, kind)
    return cache.get_or_compute(key, lambda: load_claims(session=session, field=field, kind=kind))


@router.get(
    "/claims",
    summary="List claims",
    response_model=ClaimList,
    responses=problem_responses(400, 422),
)
def get_claims(
    session: SessionDep,
    index: IndexDep,
    cache: ResultCacheDep,
    field: Annotated[ClaimField, Query(description="Which numeric field.")] = "casualties",
    kind: Annotated[str | None, Query(max_length=32, examples=["killed"])] = None,
    disputed: Annotated[
        bool | None, Query(description="Only disputed (or undisputed) claims.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
) -> ClaimList:
    """Facts stating the same quantity grouped into claims, with range, dispute and picks."""
    claims = _claims(session, index, cache, field, kind)
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
def get_claim_summary(
    session: SessionDep,
    index: IndexDep,
    cache: ResultCacheDep,
    field: Annotated[ClaimField, Path()],
) -> ClaimSummary:
    """For each kind: how many claims and facts, how many disputed, and the overall range."""
    by_kind: dict[str, list] = {}
    for claim in _claims(session, index, cache, field, None):
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
