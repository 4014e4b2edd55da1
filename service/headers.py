"""Headers added to every HTTP response, as plain ASGI middleware.

``ResponseHeadersMiddleware`` adds what its ``headers`` method returns when the response
starts; ``SecurityHeadersMiddleware`` adds the security headers: ``nosniff`` stops a browser
reading a JSON or text body as something else, ``Referrer-Policy`` keeps query strings (search
terms) out of other sites' logs, and ``frame-ancestors 'none'`` keeps the API out of frames. The
server software is not advertised (``factdesk serve`` turns uvicorn's ``server`` header off).
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
)


class ResponseHeadersMiddleware:
    """Add ``headers(started)`` to each HTTP response (``started``: ``time.perf_counter()`` when
    the request reached this middleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    def headers(self, started: float) -> Iterable[tuple[bytes, bytes]]:
        """The headers to add as the response starts."""
        raise NotImplementedError

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", ()), *self.headers(started)]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class SecurityHeadersMiddleware(ResponseHeadersMiddleware):
    """Add ``SECURITY_HEADERS`` to each HTTP response."""

    def headers(self, started: float) -> Iterable[tuple[bytes, bytes]]:
        return SECURITY_HEADERS
