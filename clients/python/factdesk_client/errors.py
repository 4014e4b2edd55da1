"""Errors raised for problem+json responses (RFC 9457), one class per status family.

Network failures are not wrapped: they stay ``httpx.TransportError`` and its subclasses.
"""

from __future__ import annotations

from typing import Any

import httpx


class FactdeskError(Exception):
    """A response the service answered with an error status."""

    def __init__(
        self,
        status: int,
        *,
        type: str = "about:blank",
        title: str = "",
        detail: str = "",
        instance: str = "",
        errors: list[dict[str, Any]] | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(f"{status} {title}: {detail}" if detail else f"{status} {title}")
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.instance = instance
        self.errors = errors or []
        self.response = response


class InvalidRequest(FactdeskError):
    """400 or 422: the request was malformed; ``errors`` lists ``{"field", "message"}``."""


class Unauthorized(FactdeskError):
    """401 or 403: a write without the right API key."""


class NotFound(FactdeskError):
    """404: no such article, fact or entity."""


class Conflict(FactdeskError):
    """409: the request conflicts with what is stored."""


class PayloadTooLarge(FactdeskError):
    """413: the body is larger than the service accepts."""


class ServerError(FactdeskError):
    """5xx: the service failed; retrying later may help."""


_BY_STATUS: dict[int, type[FactdeskError]] = {
    400: InvalidRequest,
    401: Unauthorized,
    403: Unauthorized,
    404: NotFound,
    409: Conflict,
    413: PayloadTooLarge,
    422: InvalidRequest,
}


def error_for(response: httpx.Response) -> FactdeskError:
    """The error a failed response stands for, from its problem+json body when it has one."""
    status = response.status_code
    cls = _BY_STATUS.get(status, ServerError if status >= 500 else FactdeskError)
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        body = {"title": response.reason_phrase, "detail": response.text[:500]}
    return cls(
        status,
        type=str(body.get("type", "about:blank")),
        title=str(body.get("title", response.reason_phrase)),
        detail=str(body.get("detail", "")),
        instance=str(body.get("instance", response.request.url.path)),
        errors=list(body.get("errors") or []),
        response=response,
    )
