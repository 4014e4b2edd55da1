"""CORS for browser clients on other origins, off unless ``FACTDESK_CORS_ORIGINS`` is set.

Named origins may read and write (writes still need the API key when one is configured: CORS
only lets the browser send the request). ``*`` lets any origin read: GET and HEAD only, and no
credentials, so a page anywhere can search but cannot ingest or delete through a visitor.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.types import Receive, Scope, Send

from service.problems import problem

READ_METHODS = ["GET", "HEAD"]
ALL_METHODS = ["GET", "HEAD", "POST", "DELETE"]
# Headers a browser client sends: JSON bodies, the API key, conditional reads.
ALLOWED_HEADERS = ["Authorization", "Content-Type", "If-None-Match"]
EXPOSED_HEADERS = ["Server-Timing", "ETag"]
PREFLIGHT_MAX_AGE = 600


class ProblemCORSMiddleware(CORSMiddleware):
    """Starlette's CORS middleware, with refused preflights in the API's one error shape."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = Headers(scope=scope) if scope["type"] == "http" else None
        if (
            headers is not None
            and scope["method"] == "OPTIONS"
            and "origin" in headers
            and "access-control-request-method" in headers
        ):
            response = self.preflight_response(request_headers=headers)
            if response.status_code >= 400:
                kept = {
                    k: v for k, v in response.headers.items() if k.startswith(("access-", "vary"))
                }
                response = problem(
                    response.status_code,
                    f"{bytes(response.body).decode()}: see FACTDESK_CORS_ORIGINS.",
                    instance=scope["path"],
                    slug="cors-refused",
                    title="Cross-origin request refused",
                    headers=kept,
                )
            await response(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def install_cors(app: FastAPI, origins: list[str]) -> None:
    """Answer preflights and add CORS headers for ``origins``; nothing when it is empty."""
    if not origins:
        return
    any_origin = "*" in origins
    app.add_middleware(
        ProblemCORSMiddleware,
        allow_origins=["*"] if any_origin else origins,
        allow_methods=READ_METHODS if any_origin else ALL_METHODS,
        allow_headers=ALLOWED_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        allow_credentials=False,
        max_age=PREFLIGHT_MAX_AGE,
    )
