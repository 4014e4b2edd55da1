"""The clients: ``FactdeskClient`` (blocking) and ``AsyncFactdeskClient``, over httpx."""

from __future__ import annotations

from types import TracebackType
from typing import Self

import httpx

from factdesk_client.operations import AsyncOperations, Operations

DEFAULT_TIMEOUT = 30.0


def _headers(api_key: str | None) -> dict[str, str]:
    headers = {"Accept": "application/json"}
    if api_key is not None:
        headers["Authorization"] = f"Bearer {api_key}"
    return headers


class FactdeskClient(Operations):
    """A blocking factdesk client: one method per operation, typed results, typed errors.

    Use it as a context manager (or call ``close()``) to release its connections."""

    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8000",
        api_key: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = _headers(api_key)
        super().__init__(
            httpx.Client(base_url=base_url, headers=headers, timeout=timeout, transport=transport)
        )

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncFactdeskClient(AsyncOperations):
    """The async twin of ``FactdeskClient``: the same methods, awaited."""

    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8000",
        api_key: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        headers = _headers(api_key)
        super().__init__(
            httpx.AsyncClient(
                base_url=base_url, headers=headers, timeout=timeout, transport=transport
            )
        )

    async def aclose(self) -> None:
        """Close the connections."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
