"""Per-request bookkeeping as plain ASGI middleware: request id, timing, metrics, access log.

``Server-Timing: app;dur=<ms>`` on every response gives the time from the request reaching the
app to the response headers being sent, so clients (dashboards, the benchmark) can tell the
service's own time from the network's. ``X-Request-ID`` is taken from the request when it is
1-128 characters of letters, digits and ``._:-`` (what UUIDs and trace ids use), else a new one
is made; either way it is echoed on the response and set in ``service.logs.request_id`` so every
log line of the request carries it. When the response ends, the request is counted by route
template, method and status (``service.metrics``) and one ``factdesk.access`` line is logged.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.logs import request_id
from service.metrics import UNMATCHED_ROUTE, observe_request

HEADER = "x-request-id"
_VALID_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
log = logging.getLogger("factdesk.access")


def accept_request_id(value: str | None) -> str:
    """The client's request id when it is acceptable, else a new random one."""
    if value is not None and _VALID_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


class AccessMiddleware:
    """Assign the request id, echo it with the server time, and record each request once it
    is answered."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = next((v for k, v in scope["headers"] if k == HEADER.encode()), None)
        rid = accept_request_id(sent.decode("latin-1") if sent is not None else None)
        token = request_id.set(rid)
        start = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                ms = (time.perf_counter() - start) * 1000
                headers = [
                    *message.get("headers", ()),
                    (b"server-timing", f"app;dur={ms:.3f}".encode()),
                    (HEADER.encode(), rid.encode()),
                ]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except BaseException:
            # The id stays set: the error handler outside this middleware logs with it.
            self._record(scope, 500, start)
            raise
        self._record(scope, status, start)
        request_id.reset(token)

    @staticmethod
    def _record(scope: Scope, status: int, start: float) -> None:
        seconds = time.perf_counter() - start
        route = getattr(scope.get("route"), "path_format", UNMATCHED_ROUTE)
        method = scope["method"]
        observe_request(route=route, method=method, status=status, seconds=seconds)
        log.info(
            "%s %s %d %.1f ms",
            method,
            scope["path"],
            status,
            seconds * 1000,
            extra={
                "route": route,
                "method": method,
                "status": status,
                "ms": round(seconds * 1000, 3),
            },
        )
