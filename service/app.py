"""The application factory: nothing is opened at import time; lifespan owns engine and index."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from sqlmodel import Session

from corpus.articles import article_stats
from corpus.db import create_schema, make_engine, sqlite_url
from corpus.facts.gazetteer import warm_up
from corpus.files import read_articles, sample_paths
from corpus.ingest import ingest_articles
from corpus.prepare_pool import PreparePool
from search.aliases import AliasCache
from search.cache import GenerationCache
from search.maintenance import repair_index
from search.whoosh_index import WhooshIndex
from service.headers import SecurityHeadersMiddleware
from service.limits import BodyLimitMiddleware
from service.methods import HeadMiddleware
from service.problems import PROBLEM_SCHEMA, install_problem_handlers
from service.routes import articles, ask, claims, entities, facts, health, search
from service.settings import Settings
from service.timing import ServerTimingMiddleware

log = logging.getLogger("factdesk")

DESCRIPTION = (
    "Structured, cited access to a corpus of news articles. Every offset is a Python str index "
    "into the stored article text: `text[start:end]` equals the span it claims."
)


def operation_id(route: APIRoute) -> str:
    """Stable operation ids: the route function's name."""
    return route.name


def create_app(settings: Settings | None = None, *, start_workers: bool = False) -> FastAPI:
    """Build a factdesk app; the database and index open when its lifespan starts.

    ``start_workers`` spawns and warms the extraction workers at startup (the server does);
    otherwise they start with the first large batch (tests and embedders rarely send one)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        pool = app.state.prepare_pool = PreparePool(settings.extract_worker_count)
        if start_workers:  # they warm up while this process does
            pool.start()
        try:
            warm_up()  # build the gazetteer index now, not during the first ingest
            engine = make_engine(settings.database_url or sqlite_url(settings.data_dir))
            create_schema(engine)
            index = WhooshIndex.open(settings.index_dir)
            app.state.settings, app.state.engine, app.state.index = settings, engine, index
            app.state.aliases = AliasCache()
            app.state.results = GenerationCache()
            with Session(engine, expire_on_commit=False) as session:
                check = repair_index(session=session, index=index)
                if check.repaired:
                    log.warning("index repaired from the database: %s", check)
                if settings.seed_samples and article_stats(session)[0] == 0:
                    inputs = [a for path in sample_paths() for a in read_articles(path)]
                    ingest_articles(session=session, index=index, articles_in=inputs)
                    log.info("ingested %d sample articles into an empty database", len(inputs))
            try:
                yield
            finally:
                index.close()
                engine.dispose()
        finally:
            pool.close()

    app = FastAPI(
        title="factdesk",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    install_problem_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(HeadMiddleware)
    app.add_middleware(ServerTimingMiddleware)  # outermost: its time includes the body limit
    for module in (articles, search, facts, entities, claims, ask, health):
        app.include_router(module.router)
    _add_problem_schema(app)
    return app


def _add_problem_schema(app: FastAPI) -> None:
    """Register the one error shape as a component and use it for 422s too."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Problem"] = PROBLEM_SCHEMA
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                if "requestBody" in operation:  # a body that is not JSON at all
                    operation["responses"].setdefault("400", {"description": "Bad Request"})
                for status, response in operation.get("responses", {}).items():
                    if status.startswith(("4", "5")):
                        response["content"] = {
                            "application/problem+json": {
                                "schema": {"$ref": "#/components/schemas/Problem"}
                            }
                        }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
