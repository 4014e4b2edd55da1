"""factdesk-client: a typed Python client for the factdesk API, on httpx and pydantic.

Every model and error is importable from here::

    from factdesk_client import FactdeskClient, NotFound

    with FactdeskClient("http://127.0.0.1:8000") as client:
        for fact in client.iter_facts(field="casualties"):
            print(fact.text)
"""

from factdesk_client import models
from factdesk_client.client import AsyncFactdeskClient, FactdeskClient
from factdesk_client.errors import (
    Conflict,
    FactdeskError,
    InvalidRequest,
    NotFound,
    PayloadTooLarge,
    ServerError,
    Unauthorized,
)
from factdesk_client.models import *  # noqa: F403

__all__ = [
    "AsyncFactdeskClient",
    "Conflict",
    "FactdeskClient",
    "FactdeskError",
    "InvalidRequest",
    "NotFound",
    "PayloadTooLarge",
    "ServerError",
    "Unauthorized",
]
__all__ += models.__all__  # the form type checkers read
