"""``Server-Timing: app;dur=<ms>`` on every response, as plain ASGI middleware.

Clients (dashboards, the benchmark) can then tell the service's own time from the network's.
The duration runs from the request reaching the app to the response headers being sent.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from service.headers import ResponseHeadersMiddleware


class ServerTimingMiddleware(ResponseHeadersMiddleware):
    """Add the time spent inside the app to each HTTP response's headers."""

    def headers(self, started: float) -> Iterable[tuple[bytes, bytes]]:
        ms = (time.perf_counter() - started) * 1000
        return [(b"server-timing", f"app;dur={ms:.3f}".encode())]
