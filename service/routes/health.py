"""Health (the process is up, and what it holds) and readiness (it can take traffic)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from corpus.articles import article_stats
from corpus.version import session_version
from service.deps import EngineDep, IndexDep, SessionDep, StartupDep
from service.problems import problem_responses
from service.readiness import readiness_problems
from service.schemas.articles import Health, Ready

router = APIRouter(tags=["health"])


@router.get("/health", summary="Service health", response_model=Health)
def health(session: SessionDep, index: IndexDep) -> Health:
    """Status, article and passage counts, the corpus version and index generation (library
    versions are on /metrics)."""
    articles, _expected = article_stats(session)
    return Health(
        status="ok",
        articles=articles,
        passages=index.passage_count,
        corpus_version=session_version(session),
        index_generation=index.generation,
        database=session.get_bind().dialect.name,
    )


@router.get("/ready", summary="Readiness", response_model=Ready, responses=problem_responses(503))
def ready(request: Request, startup: StartupDep, engine: EngineDep, index: IndexDep) -> Ready:
    """200 once startup repair is done, the database answers and the index holds the passages
    the database expects; 503 problem+json saying what is missing until then."""
    follower = getattr(request.app.state, "follower", None)
    problems = readiness_problems(startup=startup, engine=engine, index=index, follower=follower)
    if problems:
        detail = "Not ready: " + "; ".join(problems) + "."
        raise HTTPException(503, detail=detail, headers={"Retry-After": "5"})
    return Ready(status="ready")
