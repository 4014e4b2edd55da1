"""What the sync and async clients share: building requests, reading responses, pages, rows.

The generated ``operations`` module holds one thin method per operation; each calls ``_send``
(or ``_stream``) here and parses with ``parse``, so only the transport differs between the two.
"""

from __future__ import annotations

import csv
import datetime
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from typing import Any, Protocol, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel

from factdesk_client.errors import error_for

M = TypeVar("M", bound=BaseModel)


class Page(Protocol):
    """A list response: its items, plus where the next page starts."""

    @property
    def next_cursor(self) -> str | None: ...


P = TypeVar("P", bound=Page)


def expand(template: str, **values: Any) -> str:
    """A path with its ``{name}`` parameters filled in, each quoted."""
    return template.format(**{k: quote(str(v), safe="") for k, v in values.items()})


def _plain(value: Any) -> Any:
    """A query or JSON value as the API reads it."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _query(params: Mapping[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in (params or {}).items():
        if value is None:
            continue
        value = _plain(value)
        out[key] = ("true" if value else "false") if isinstance(value, bool) else value
    return out


def build_request(
    http: httpx.Client | httpx.AsyncClient,
    method: str,
    path: str,
    *,
    params: Mapping[str, Any] | None = None,
    json: Any = None,
) -> httpx.Request:
    """The request for an operation: ``None`` arguments are left out."""
    body = None if json is None else _plain(json)
    return http.build_request(method, path, params=_query(params), json=body)


def check(response: httpx.Response) -> None:
    """Raise the matching ``FactdeskError`` when the response has an error status."""
    if response.is_error:
        raise error_for(response)


def parse(response: httpx.Response, model: type[M]) -> M:
    """The response body as ``model``; raises the matching ``FactdeskError`` on an error status."""
    check(response)
    return model.model_validate_json(response.content)


def body(response: httpx.Response) -> Any:
    """The response's JSON body, for an operation whose schema names no model."""
    check(response)
    return response.json()


def text(response: httpx.Response) -> str:
    """The response body as text; raises on an error status."""
    check(response)
    return response.text


def pages(fetch: Callable[[str | None], P]) -> Iterator[P]:
    """Every page, fetching the next one only when asked for it."""
    cursor: str | None = None
    while True:
        page = fetch(cursor)
        yield page
        cursor = page.next_cursor
        if cursor is None:
            return


async def apages(fetch: Callable[[str | None], Awaitable[P]]) -> AsyncIterator[P]:
    """``pages`` for the async client."""
    cursor: str | None = None
    while True:
        page = await fetch(cursor)
        yield page
        cursor = page.next_cursor
        if cursor is None:
            return


class RowDecoder:
    """Turns the lines of a csv or jsonl export into rows as they arrive.

    A csv record whose quoted field holds a line break spans several lines: lines are held
    until the record's quotes balance."""

    def __init__(self, format: str) -> None:
        self.format = format
        self.header: list[str] | None = None
        self.pending: list[str] = []

    def feed(self, line: str) -> list[dict[str, Any]]:
        """The rows this line completes (none, or one)."""
        if self.format != "csv":
            return [json.loads(line)] if line.strip() else []
        self.pending.append(line)
        record = "\n".join(self.pending)
        if record.count('"') % 2:
            return []
        self.pending = []
        if not record:
            return []
        values = next(csv.reader([record + "\n"]))
        if self.header is None:
            self.header = values
            return []
        return [dict(zip(self.header, values, strict=False))]


class SyncCore:
    """Sends the requests of the blocking client."""

    def __init__(self, http: httpx.Client) -> None:
        self._http = http

    def _send(self, method: str, path: str, **parts: Any) -> httpx.Response:
        return self._http.send(build_request(self._http, method, path, **parts))

    @contextmanager
    def _stream(self, method: str, path: str, **parts: Any) -> Iterator[httpx.Response]:
        """A streamed response, its problem raised first if it failed."""
        request = build_request(self._http, method, path, **parts)
        response = self._http.send(request, stream=True)
        try:
            if response.is_error:
                response.read()
                raise error_for(response)
            yield response
        finally:
            response.close()


class AsyncCore:
    """Sends the requests of the async client."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self._http = http

    async def _send(self, method: str, path: str, **parts: Any) -> httpx.Response:
        return await self._http.send(build_request(self._http, method, path, **parts))

    @asynccontextmanager
    async def _stream(self, method: str, path: str, **parts: Any) -> AsyncIterator[httpx.Response]:
        """``SyncCore._stream`` for the async client."""
        request = build_request(self._http, method, path, **parts)
        response = await self._http.send(request, stream=True)
        try:
            if response.is_error:
                await response.aread()
                raise error_for(response)
            yield response
        finally:
            await response.aclose()
