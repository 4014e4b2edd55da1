"""Domain errors. Each carries the HTTP status it maps to, so the service renders one shape."""

from __future__ import annotations

from typing import Any


class FactdeskError(Exception):
    """Base of every error a client can cause; ``status`` is the HTTP status to answer with."""

    status = 400
    title = "Bad request"
    slug = "bad-request"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class NotFound(FactdeskError):
    """The named resource does not exist."""

    status = 404
    title = "Not found"
    slug = "not-found"


class InvalidInput(FactdeskError):
    """A parameter or body is well-formed JSON but not acceptable."""

    status = 422
    title = "Invalid input"
    slug = "invalid-input"


class InvalidQuery(FactdeskError):
    """A search query or cursor that cannot be parsed."""

    status = 400
    title = "Invalid query"
    slug = "invalid-query"


class Overloaded(FactdeskError):
    """Work that ran past its time budget; ``retry_after`` (seconds) goes in ``Retry-After``."""

    status = 503
    title = "Service unavailable"
    slug = "overloaded"


class PayloadTooLarge(FactdeskError):
    """A request body over the configured limit."""

    status = 413
    title = "Payload too large"
    slug = "payload-too-large"


class Conflict(FactdeskError):
    """The request cannot continue against the corpus as it is now (it changed underneath)."""

    status = 409
    title = "Corpus changed"
    slug = "corpus-changed"
