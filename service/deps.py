"""Request dependencies: sessions, the index, settings, auth, and lookup-or-404.

Getters of app state are ``async def`` so FastAPI calls them on the event loop: a plain ``def``
dependency costs a hop to the worker thread pool on every request.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlmodel import Session

from corpus.articles import get_article
from corpus.prepare_pool import PreparePool
from corpus.tables import MAX_ID, Article
from search.aliases import AliasCache
from search.backend import PassageBackend
from service.metrics import CorpusCollector
from service.readiness import Startup
from service.settings import Settings


async def get_settings(request: Request) -> Settings:
    """The app's settings."""
    return request.app.state.settings  # type: ignore[no-any-return]


async def get_engine(request: Request) -> Engine:
    """The database engine, for routes that open a session only when they need one."""
    return request.app.state.engine  # type: ignore[no-any-return]


def get_session(request: Request) -> Iterator[Session]:
    """One database session per request, closed afterwards."""
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session


async def get_index(request: Request) -> PassageBackend:
    """The passage index opened at startup."""
    return request.app.state.index  # type: ignore[no-any-return]


async def get_prepare_pool(request: Request) -> PreparePool:
    """The extraction workers for large ingest batches."""
    return request.app.state.prepare_pool  # type: ignore[no-any-return]


async def get_aliases(request: Request) -> AliasCache:
    """The alias table cache (rebuilt when the corpus version changes)."""
    return request.app.state.aliases  # type: ignore[no-any-return]


async def get_startup(request: Request) -> Startup:
    """The app's startup work (index repair, seeding) and whether it is done."""
    return request.app.state.startup  # type: ignore[no-any-return]


# A restarting replica repairs its index and warms its gazetteer in ~5–20 s: a write that
# arrives then waits rather than failing, as index writers wait for another process's lock.
STARTUP_WAIT_SECONDS = 60.0


async def require_started(startup: Annotated[Startup, Depends(get_startup)]) -> None:
    """Writes wait until startup repair is done (it compares the index with the database): up
    to ``STARTUP_WAIT_SECONDS``, then a 503 with ``Retry-After`` (or at once if startup failed)."""
    if startup.done:
        return
    if not await run_in_threadpool(startup.finished_within, STARTUP_WAIT_SECONDS):
        raise HTTPException(
            status_code=503,
            detail="The service is starting (repairing the index); retry shortly.",
            headers={"Retry-After": "5"},
        )


async def get_corpus_metrics(request: Request) -> CorpusCollector:
    """The scrape-time gauges of this app's database and index."""
    return request.app.state.corpus_metrics  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
EngineDep = Annotated[Engine, Depends(get_engine)]
IndexDep = Annotated[PassageBackend, Depends(get_index)]
AliasesDep = Annotated[AliasCache, Depends(get_aliases)]
PreparePoolDep = Annotated[PreparePool, Depends(get_prepare_pool)]
StartupDep = Annotated[Startup, Depends(get_startup)]
CorpusMetricsDep = Annotated[CorpusCollector, Depends(get_corpus_metrics)]


# Documents the API key in the OpenAPI ``securitySchemes``; the check is ``require_writer``'s.
_BEARER = HTTPBearer(
    auto_error=False,
    scheme_name="apiKey",
    description="The FACTDESK_API_KEY, when one is set: 'Authorization: Bearer <key>'.",
)


def require_writer(
    settings: SettingsDep,
    _started: Annotated[None, Depends(require_started)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
) -> None:
    """When an API key is configured, writes need ``Authorization: Bearer <key>``."""
    if settings.api_key is None:
        return
    expected = settings.api_key.get_secret_value()
    token = credentials.credentials if credentials is not None else ""
    if not secrets.compare_digest(token.strip().encode(), expected.encode()):
        raise HTTPException(
            status_code=401,
            detail="Writes need an 'Authorization: Bearer <key>' header with the API key.",
            headers={"WWW-Authenticate": "Bearer"},
        )


def valid_article(
    session: SessionDep,
    article_id: Annotated[int, Path(ge=1, le=MAX_ID, description="Article id.", examples=[1])],
) -> Article:
    """The article named in the path, or 404."""
    return get_article(session=session, article_id=article_id)


WriterDep = Depends(require_writer)
ArticleDep = Annotated[Article, Depends(valid_article)]
