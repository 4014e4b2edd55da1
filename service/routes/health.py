"""Health: liveness plus what the service holds."""

from __future__ import annotations

import platform
from functools import cache
from importlib.metadata import version

from fastapi import APIRouter

from corpus.articles import article_stats
from corpus.version import session_version
from service.deps import IndexDep, SessionDep
from service.schemas.articles import Health

router = APIRouter(tags=["health"])


@cache  # importlib.metadata scans every installed distribution: about 1 ms a name
def _versions() -> dict[str, str]:
    names = ("factdesk", "fastapi", "sqlmodel", "whoosh-reloaded", "uvicorn")
    return {"python": platform.python_version(), **{n: version(n) for n in names}}


@router.get("/health", summary="Service health", response_model=Health)
def health(session: SessionDep, index: IndexDep) -> Health:
    """Status, article and passage counts, the corpus version, index generation and versions."""
    articles, _expected = article_stats(session)
    return Health(
        status="ok",
        articles=articles,
        passages=index.passage_count,
        corpus_version=session_version(session),
        index_generation=index.generation,
        database=session.get_bind().dialect.name,
        versions=_versions(),
    )
