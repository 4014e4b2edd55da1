"""Health: liveness plus what the service holds."""

from __future__ import annotations

from fastapi import APIRouter

from corpus.articles import article_stats
from service.deps import IndexDep, SessionDep
from service.schemas.articles import Health

router = APIRouter(tags=["health"])


@router.get("/health", summary="Service health", response_model=Health)
def health(session: SessionDep, index: IndexDep) -> Health:
    """Status, article and passage counts and index generation (no software versions: they
    tell anyone which published flaws apply)."""
    articles, _expected = article_stats(session)
    return Health(
        status="ok",
        articles=articles,
        passages=index.passage_count,
        index_generation=index.generation,
        database=session.get_bind().dialect.name,
    )
