"""What every read shares: the corpus version read once, the result cache keyed on it, and the
``ETag`` / ``If-None-Match`` exchange derived from it, with the last answers kept by ETag.

The version a read keys on is the one this process's index has applied: when another replica
wrote and the index has not caught up yet (``search.whoosh.follower``), the read lets it catch up
for up to half a second and keys on what it reached, never on a database version whose passages
the index may still lack (results cached under it would stay stale after the catch-up).

A read's dependencies read the corpus version first (``corpus.version``), then the data, so a
cached value or an ETag is never older than the version it is filed under. ``ETag`` is
``W/"<version>-<digest of method, path, query and Accept>"``; a matching ``If-None-Match``
answers 304 before the route runs, and an identical read at the same version gets the same
bytes back without running the route. ``ETagMiddleware`` puts the header on the response (so
routes that stream or return their own ``Response`` get it too) and keeps small JSON answers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Header, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine
from sqlmodel import Session
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from corpus.version import read_version
from search.cache import VersionCache

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CorpusRead:
    """The corpus version a request reads at, with the result cache for that version."""

    version: int
    cache: VersionCache
    engine: Engine

    def session(self) -> Session:
        """A session of its own, for work done in another thread or after the route returns."""
        return Session(self.engine, expire_on_commit=False)

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()`` once per corpus version and key."""
        return self.cache.get_or_compute(self.version, key, compute)

    async def cached_in_thread(self, key: Hashable, compute: Callable[[], T]) -> T:
        """As ``cached``; a hit is served on the event loop, a miss computes in the thread pool
        (SQL and Whoosh block)."""
        value: T | None = self.cache.get(self.version, key)
        if value is None:
            value = await run_in_threadpool(compute)
            self.cache.put(self.version, key, value)
        return value


async def corpus_read(request: Request) -> CorpusRead:
    """The request's view of the corpus; the version is read once per request."""
    found: CorpusRead | None = getattr(request.state, "corpus_read", None)
    if found is None:
        state = request.app.state
        version = read_version(state.engine)
        follower = getattr(state, "follower", None)
        if follower is not None and follower.version_for(version) is None:
            # This process's index is behind the database (another replica wrote): key on what
            # it has applied, after letting it catch up for a moment.
            version = await run_in_threadpool(follower.catch_up)
        found = CorpusRead(version, state.results, state.engine)
        request.state.corpus_read = found
    return found


ReadDep = Annotated[CorpusRead, Depends(corpus_read)]


class NotModified(Exception):
    """The client's cached copy (its ``If-None-Match``) is current: answer 304."""

    def __init__(self, etag: str) -> None:
        super().__init__(etag)
        self.etag = etag


class AlreadyAnswered(Exception):
    """The same request was answered at this corpus version: send that answer again."""

    def __init__(self, etag: str, body: bytes) -> None:
        super().__init__(etag)
        self.etag, self.body = etag, body


# Whole JSON answers of reads, by ETag: a repeated identical read skips the route. Bounded:
# at most RESPONSE_ENTRIES answers of at most RESPONSE_BYTES each (32 MB).
RESPONSE_ENTRIES = 512
RESPONSE_BYTES = 64 * 1024


def etag_for(version: int, request: Request) -> str:
    """A weak ETag for this request's answer at ``version``."""
    return _etag(version, request_digest(request.scope))


def request_digest(scope: Scope) -> str:
    """What names a read's answer apart from the version: method, path, query (in any order)
    and Accept."""
    raw = scope.get("query_string", b"").decode("latin-1")
    query = "&".join(sorted(raw.split("&"))) if raw else ""
    accept = Headers(scope=scope).get("accept", "")
    return hashlib.blake2b(
        f"{scope['method']} {scope['path']}?{query}\n{accept}".encode(), digest_size=8
    ).hexdigest()


def _etag(version: int, digest: str) -> str:
    return f'W/"{version}-{digest}"'


def _matches(if_none_match: str, etag: str) -> bool:
    tags = {tag.strip() for tag in if_none_match.split(",")}
    # Weak comparison (RFC 9110 13.1.2): W/ does not matter.
    return "*" in tags or etag.removeprefix("W/") in {t.removeprefix("W/") for t in tags}


async def conditional_read(
    request: Request,
    read: ReadDep,
    if_none_match: Annotated[
        str | None,
        Header(description="An ETag from an earlier answer: 304 with no body while it is current."),
    ] = None,
) -> CorpusRead:
    """Tag the answer with its ETag; raise NotModified when the client's copy is current, or
    AlreadyAnswered when this answer is cached. (``async``: it runs on the event loop.)"""
    etag = etag_for(read.version, request)
    if if_none_match and _matches(if_none_match, etag):
        raise NotModified(etag)
    body = request.app.state.responses.get(read.version, etag)
    if body is not None:
        raise AlreadyAnswered(etag, body)
    request.state.etag = etag
    request.state.etag_version = read.version
    return read


ConditionalRead = Depends(conditional_read)

ETAG_HEADERS: dict[str, Any] = {
    "ETag": {
        "description": "Changes with the corpus version and the request; send it back in "
        "If-None-Match to get 304 while the answer is unchanged.",
        "schema": {"type": "string", "examples": ['W/"12-3f9a2c41d07be815"']},
    }
}
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {
        "description": "Not modified: the If-None-Match ETag is current.",
        "headers": ETAG_HEADERS,
    }
}


class ETagMiddleware:
    """Send the ETag a read computed (``request.state.etag``) with its successful response, and
    keep a small JSON answer under that ETag for the next identical read.

    A read whose answer was kept once is answered here when it comes again: one version read,
    then the kept answer (or 304) at that version, without routing, dependencies or the route.
    A write bumps the version, so an answer kept before it is never found after it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        # The requests (by digest) whose answers were kept, with their route (for metrics).
        self._kept: dict[str, Any] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        digest = request_digest(scope)
        if digest in self._kept and await self._answer_kept(scope, send, digest):
            return
        chunks: list[bytes] | None = None
        size = 0

        async def send_tagged(message: Message) -> None:
            nonlocal chunks, size
            state = scope.get("state", {})
            etag = state.get("etag")
            if message["type"] == "http.response.start" and etag and message["status"] == 200:
                headers = list(message.get("headers", ()))
                headers.append((b"etag", etag.encode()))
                headers.append((b"cache-control", b"no-cache"))
                message = {**message, "headers": headers}
                if (b"content-type", b"application/json") in headers:
                    chunks = []
            elif message["type"] == "http.response.body" and chunks is not None:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > RESPONSE_BYTES:
                    chunks = None
                elif not message.get("more_body"):
                    responses = scope["app"].state.responses
                    responses.put(state["etag_version"], state["etag"], b"".join(chunks))
                    if len(self._kept) >= RESPONSE_ENTRIES * 4:
                        self._kept.clear()
                    self._kept[digest] = scope.get("route")
            await send(message)

        await self.app(scope, receive, send_tagged)

    async def _answer_kept(self, scope: Scope, send: Send, digest: str) -> bool:
        """Send the kept answer (or 304) of this read at the current version, if there is one;
        the version read is left for the route otherwise."""
        read = await corpus_read(Request(scope))
        etag = _etag(read.version, digest)
        body = scope["app"].state.responses.get(read.version, etag)
        if body is None:
            return False
        scope["route"] = self._kept.get(digest)
        if_none_match = Headers(scope=scope).get("if-none-match")
        response = (
            _not_modified(etag)
            if if_none_match and _matches(if_none_match, etag)
            else _answered(etag, body)
        )
        await response(scope, _no_body, send)
        return True


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def _not_modified(etag: str) -> Response:
    return Response(status_code=304, headers={"ETag": etag, "Cache-Control": "no-cache"})


def _answered(etag: str, body: bytes) -> Response:
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    return Response(body, media_type="application/json", headers=headers)


def install_conditional_reads(app: FastAPI) -> None:
    """Answer NotModified with an empty 304 and send each read's ETag."""

    @app.exception_handler(NotModified)
    def not_modified(_request: Request, exc: NotModified) -> Response:
        return _not_modified(exc.etag)

    @app.exception_handler(AlreadyAnswered)
    def answered(_request: Request, exc: AlreadyAnswered) -> Response:
        return _answered(exc.etag, exc.body)

    app.add_middleware(ETagMiddleware)


def document_etags(paths: dict[str, Any]) -> None:
    """Name the ETag header on the 200 of every operation that takes If-None-Match."""
    for operations in paths.values():
        for operation in operations.values():
            names = {p.get("name", "").lower() for p in operation.get("parameters", [])}
            if "if-none-match" in names and "200" in operation["responses"]:
                headers = operation["responses"]["200"].setdefault("headers", {})
                headers.update(ETAG_HEADERS)
