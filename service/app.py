"""The application factory: nothing is opened at import time; lifespan owns engine and index."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.routing import APIRoute
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel
from pydantic_core import to_jsonable_python
from sqlalchemy import Engine
from sqlmodel import Session
from starlette.middleware.gzip import GZipMiddleware

from corpus.articles import article_stats
from corpus.db import create_schema, make_engine, sqlite_url
from corpus.facts.gazetteer import warm_up
from corpus.files import read_articles, sample_paths
from corpus.ingest import ingest_articles
from corpus.prepare_pool import PreparePool
from corpus.version import read_version
from search.aliases import AliasCache
from search.backend import PassageBackend
from search.cache import VersionCache
from search.maintenance import repair_index
from search.whoosh.follower import IndexFollower
from search.whoosh.index import WhooshIndex
from service.access import AccessMiddleware
from service.backends import open_backend
from service.cors import install_cors
from service.headers import SecurityHeadersMiddleware
from service.limits import BodyLimitMiddleware
from service.methods import HeadMiddleware
from service.metrics import CacheObserver, CorpusCollector
from service.problems import PROBLEM_SCHEMA, install_problem_handlers, problem_responses
from service.readiness import Startup
from service.reads import RESPONSE_ENTRIES, document_etags, install_conditional_reads
from service.routes import articles, ask, claims, entities, events, facts, health, metrics, search
from service.settings import Settings
from service.ui import install_dashboard
from service.unknown_params import reject_unknown_query_params

log = logging.getLogger("factdesk")
UNKNOWN_PARAMETER = "Bad request, such as a query parameter the route does not take (named)."

DESCRIPTION = (
    "Structured, cited access to a corpus of news articles. Every offset is a Python str index "
    "into the stored article text: `text[start:end]` equals the span it claims."
)


def operation_id(route: APIRoute) -> str:
    """Stable operation ids: the route function's name."""
    return route.name


def create_app(
    settings: Settings | None = None,
    *,
    start_workers: bool = False,
    background_startup: bool = False,
    startup: Callable[[], None] | None = None,
    prepare_pool: Callable[[Settings], PreparePool] | None = None,
) -> FastAPI:
    """Build a factdesk app; the database and index open when its lifespan starts.

    ``start_workers`` spawns and warms the extraction workers at startup (the server does);
    otherwise they start with the first large batch (tests and embedders rarely send one).
    ``background_startup`` (the server) serves while index repair and seeding run, with
    ``/ready`` answering 503 and writes waiting until they are done; otherwise they run before
    the app takes a request. ``startup`` replaces that work (``serve --workers N``: the
    supervisor repairs and seeds once, each worker warms its caches and waits for it).
    ``prepare_pool`` makes the extraction pool (default: one of this process's own)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        make_pool = prepare_pool or (lambda s: PreparePool(s.extract_worker_count))
        pool = app.state.prepare_pool = make_pool(settings)
        if start_workers:  # they warm up while this process does
            pool.start()
        try:
            engine = make_engine(settings.database_url or sqlite_url(settings.data_dir))
            create_schema(engine)
            index = open_backend(settings, engine)
            app.state.settings, app.state.engine, app.state.index = settings, engine, index
            # A local index follows the writes other processes make (corpus.changes); a
            # backend whose passages live in the shared database has nothing to follow.
            follower = (
                IndexFollower(engine=engine, index=index, directory=settings.index_dir)
                if isinstance(index, WhooshIndex)
                else None
            )
            app.state.follower = follower
            app.state.aliases = AliasCache()
            app.state.results = VersionCache(on_lookup=CacheObserver("results"))
            app.state.responses = VersionCache(
                RESPONSE_ENTRIES, on_lookup=CacheObserver("responses")
            )
            app.state.corpus_metrics = CorpusCollector(
                engine=engine, index=index, index_dir=settings.index_dir
            )
            log.info("database %s, index %s", engine.url.render_as_string(), settings.index_dir)

            version = read_version(engine)  # repair brings the index at least this far

            def work() -> None:
                if startup is not None:
                    startup()
                else:
                    _prepare_corpus(settings=settings, engine=engine, index=index)
                if follower is not None:
                    follower.start(version)

            if background_startup:
                app.state.startup.run_in_background(work)
            else:
                app.state.startup.run(work)
            try:
                yield
            finally:
                app.state.startup.wait()
                if follower is not None:
                    follower.stop()
                index.close()
                engine.dispose()
        finally:
            pool.close()

    # /docs and /redoc load Swagger UI and ReDoc from the installed package, not a CDN.
    app = FastAPIOffline(
        title="factdesk",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
        dependencies=[Depends(reject_unknown_query_params)],
        responses={400: {**problem_responses(400)[400], "description": UNKNOWN_PARAMETER}},
    )
    app.state.settings = settings
    app.state.startup = Startup()
    install_problem_handlers(app)
    install_conditional_reads(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    install_cors(app, settings.cors_origin_list)  # its preflight answers skip the body limit
    app.add_middleware(SecurityHeadersMiddleware)
    # Compress bodies of 1 KB and more for clients that accept gzip; streamed bodies are
    # compressed chunk by chunk. Level 1: a third of the CPU of zlib's default 6 for bodies
    # about a third larger (an export streams faster than level 6 can compress it).
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=1)
    app.add_middleware(HeadMiddleware)
    # Outermost: request id, Server-Timing (including the body limit and gzip), metrics, log.
    app.add_middleware(AccessMiddleware)
    for module in (articles, search, facts, entities, claims, events, ask, health, metrics):
        app.include_router(module.router)
    install_dashboard(app)
    _add_problem_schema(app)
    return app


def _prepare_corpus(
    *, settings: Settings, engine: Engine, index: PassageBackend, warm: bool = True
) -> None:
    """Startup work: warm the gazetteer, repair the index from the database, seed samples.
    ``warm=False``: a process that does not ingest afterwards (the supervisor of workers)."""
    if warm:
        warm_up()  # build the gazetteer index now, not during the first ingest
    with Session(engine, expire_on_commit=False) as session:
        check = repair_index(session=session, index=index)
        if check.repaired:
            log.warning("index repaired from the database: %s", check)
        if settings.seed_samples and article_stats(session)[0] == 0:
            inputs = [a for path in sample_paths() for a in read_articles(path)]
            ingest_articles(session=session, index=index, articles_in=inputs)
            log.info("ingested %d sample articles into an empty database", len(inputs))
    log.info("startup done: the index matches the database")


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
        _restore_examples(components)
        document_etags(schema.get("paths", {}))
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


def _restore_examples(components: dict[str, Any]) -> None:
    """Put back the schemas' own examples: FastAPI encodes the document without None values,
    which drops every null from an example (and with it a required key)."""
    models: dict[str, type[BaseModel]] = {}
    pending: list[type[BaseModel]] = [BaseModel]
    while pending:
        for model in pending.pop().__subclasses__():
            if model.__module__.startswith("service."):
                models[model.__name__] = model
            pending.append(model)
    for name, schema in components.items():
        found = models.get(name)
        extra = found.model_config.get("json_schema_extra") if found else None
        if isinstance(extra, dict) and "examples" in extra:
            schema["examples"] = to_jsonable_python(extra["examples"])
