"""One error shape for the whole API: RFC 9457 ``application/problem+json``.

Every 4xx/5xx body is ``{"type", "title", "status", "detail", "instance", "errors"}`` where
``errors`` lists ``{"field", "message"}`` for validation failures and is empty otherwise.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from corpus.errors import FactdeskError
from service.logs import request_id

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("factdesk")


def problem(
    status: int,
    detail: str,
    *,
    instance: str,
    title: str | None = None,
    slug: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """Render a problem+json response."""
    phrase = HTTPStatus(status).phrase
    body = {
        "type": f"/problems/{slug or phrase.lower().replace(' ', '-')}",
        "title": title or phrase,
        "status": status,
        "detail": detail,
        "instance": instance,
        "errors": errors or [],
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or ".".join(str(p) for p in loc)


def install_problem_handlers(app: FastAPI) -> None:
    """Route every error the app can raise through ``problem``."""

    @app.exception_handler(FactdeskError)
    def domain_error(request: Request, exc: FactdeskError) -> JSONResponse:
        errors = []
        if "field" in exc.extra:
            errors.append({"field": str(exc.extra["field"]), "message": exc.detail})
        retry = exc.extra.get("retry_after")
        return problem(
            exc.status,
            exc.detail,
            instance=request.url.path,
            title=exc.title,
            slug=exc.slug,
            errors=errors,
            headers={"Retry-After": str(retry)} if retry is not None else None,
        )

    @app.exception_handler(RequestValidationError)
    def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": _field_name(tuple(e.get("loc", ()))), "message": e.get("msg", "invalid")}
            for e in exc.errors()
        ]
        fields = ", ".join(sorted({e["field"] for e in errors}))
        return problem(
            422,
            f"Invalid input in: {fields}.",
            instance=request.url.path,
            title="Invalid input",
            slug="invalid-input",
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:  # Starlette names only the first route matching the path
            headers["Allow"] = ", ".join(allowed_methods(request))
        return problem(exc.status_code, detail, instance=request.url.path, headers=headers)

    @app.exception_handler(Exception)
    def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        # This handler answers outside the access middleware, which cannot add the id itself.
        headers = {"X-Request-ID": request_id.get()}
        return problem(
            500, "An unexpected error occurred.", instance=request.url.path, headers=headers
        )


def _leaf_routes(routes: Sequence[Any]) -> Iterator[Any]:
    """Routes, with those of included routers (``original_router``) in their place."""
    for route in routes:
        router = getattr(route, "original_router", None)
        yield from _leaf_routes(router.routes) if router is not None else (route,)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route answers on the request's path."""
    methods: set[str] = set()
    scope = {**request.scope, "method": "GET"}
    for route in _leaf_routes(request.app.router.routes):
        if (
            isinstance(getattr(route, "methods", None), set)
            and route.matches(scope)[0] != Match.NONE
        ):
            methods |= route.methods
    if "GET" in methods:
        methods.add("HEAD")  # HeadMiddleware answers HEAD wherever GET is
    return sorted(methods)


PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail", "instance", "errors"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the given error statuses, all problem+json."""
    return {
        status: {
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }
