"""A request-body size limit as plain ASGI middleware: 413 before the body is read in full."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.problems import problem


class BodyLimitMiddleware:
    """Answer 413 problem+json when a body is larger than ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        length = _content_length(scope)
        if length is not None and length > self.max_bytes:
            await self._reject(scope, receive, send, path)
            return
        received = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not response_started:
                await self._reject(scope, receive, send, path)

    async def _reject(self, scope: Scope, receive: Receive, send: Send, path: str) -> None:
        response = problem(
            413,
            f"The request body is larger than {self.max_bytes} bytes.",
            instance=path,
            title="Payload too large",
            slug="payload-too-large",
        )
        await response(scope, receive, send)


class _TooLarge(Exception):
    pass


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
