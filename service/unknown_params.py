"""Strict query strings: a parameter an API route does not declare is a 400 that names it.

``limt=1`` silently ignored looks like a working ``limit``. The check is one app-wide
dependency that reads the matched route's declared query parameters (its own and its
dependencies'), so new routes and parameters need nothing. Only routes in the OpenAPI document
are API routes: pages left out of it (a dashboard at ``/`` or ``/ui/...``) and the docs pages,
which are not API routes at all, keep whatever query strings they like.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel

from corpus.errors import FactdeskError


class UnknownParameter(FactdeskError):
    """A query parameter the route does not take."""

    status = 400
    title = "Unknown query parameter"
    slug = "unknown-parameter"


def declared_query_params(route: APIRoute) -> frozenset[str]:
    """The query parameter names a route accepts, through all its dependencies (a walk over a
    few objects: cheaper than a cache keyed on routes, which are not hashable)."""
    return frozenset(_query_names(route.dependant))


def _query_names(dependant: Dependant) -> Iterator[str]:
    for param in dependant.query_params:
        yield from _names(param)
    for dependency in dependant.dependencies:
        yield from _query_names(dependency)


def _names(param: Any) -> Iterator[str]:
    """A parameter's name, or each field's of a query parameter model."""
    annotation = param.field_info.annotation
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from (info.alias or name for name, info in annotation.model_fields.items())
    else:
        yield param.alias


async def reject_unknown_query_params(request: Request) -> None:
    """Raise ``UnknownParameter`` naming the query parameters the route does not declare."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not route.include_in_schema:
        return
    declared = declared_query_params(route)
    unknown = sorted(set(request.query_params) - declared)
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        accepted = (
            f"this route accepts: {', '.join(sorted(declared))}"
            if declared
            else "this route takes no query parameters"
        )
        raise UnknownParameter(f"Unknown query parameter {names} ({accepted}).", field=unknown[0])
