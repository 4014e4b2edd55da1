"""One pool of extraction processes shared by every serving worker, over a local socket.

``factdesk serve --workers N`` runs N uvicorn worker processes. Each one starting its own
``PreparePool`` would put N × ``extract_workers`` processes on the same cores, and N copies of
the warmed-up extraction models in memory. Instead the supervisor runs the one pool and serves
it on a unix socket in a private (0700) temporary directory (``PoolServer``); each serving
worker's ``PreparePool`` submits its chunks through a ``RemoteExecutor`` in place of its own
process pool, and keeps doing everything else (ordering, taking chunks back, the bounded queue)
itself.

The handshake is ``multiprocessing.connection``'s HMAC challenge with the supervisor's process
``authkey``, which spawned children (uvicorn's workers are spawned) inherit: nothing secret
passes through the environment or the file system.

Failure never hangs a request: a lost connection fails the pending chunks with
``BrokenProcessPool``, which ``PreparePool`` answers by preparing them in-process, and a pool
that is alive but does not answer within the caller's bound is a 503 (``PreparePool``'s
``timeout``).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import multiprocessing
import socket
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Client, Connection, Listener
from typing import Any

from corpus.prepare_pool import PreparePool

log = logging.getLogger("factdesk")


def _authkey() -> bytes:
    return bytes(multiprocessing.current_process().authkey)


class PoolServer:
    """Serves one ``PreparePool``'s processes to other local processes on a unix socket."""

    def __init__(self, pool: PreparePool, address: str) -> None:
        self.pool = pool
        self.address = address
        self._listener = Listener(address, family="AF_UNIX", authkey=_authkey())
        self._connections: set[Connection] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._accept, name="factdesk-pool", daemon=True)

    def start(self) -> PoolServer:
        """Start the pool's processes (they warm up) and accept connections in a thread."""
        self.pool.start()
        self._thread.start()
        return self

    def _accept(self) -> None:
        while not self._closed:
            try:
                connection = self._listener.accept()
            except (OSError, EOFError, multiprocessing.AuthenticationError) as exc:
                if self._closed:
                    return
                log.warning("extraction pool: a connection was refused: %s", exc)
                continue
            with self._lock:
                self._connections.add(connection)
            threading.Thread(
                target=self._serve, args=(connection,), name="factdesk-pool-client", daemon=True
            ).start()

    def _serve(self, connection: Connection) -> None:
        """Answer one client's chunks as they finish (in any order, tagged with its ids)."""
        send_lock = threading.Lock()

        def reply(request_id: int, future: Future[Any]) -> None:
            error = future.exception()
            if isinstance(error, BrokenProcessPool):
                self.pool.discard_broken()
                message: tuple[int, str, Any] = (request_id, "broken", None)
            elif error is not None:
                message = (request_id, "error", error)
            else:
                message = (request_id, "ok", future.result())
            with send_lock:
                try:
                    connection.send(message)
                except Exception:  # the client left, or the error does not pickle
                    if error is not None and message[1] == "error":
                        _try_send(connection, (request_id, "error", RuntimeError(repr(error))))

        try:
            while True:
                request_id, function, args = connection.recv()
                future = self.pool.submit(function, *args)
                future.add_done_callback(functools.partial(reply, request_id))
        except (EOFError, OSError):
            pass  # the worker closed its end (or exited)
        finally:
            with self._lock:
                self._connections.discard(connection)
            connection.close()

    def close(self) -> None:
        """Stop accepting, drop the clients (their pending chunks fail over to in-process),
        and stop the pool's processes."""
        self._closed = True
        self._listener.close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            _hang_up(connection)
        self.pool.close()


def _hang_up(connection: Connection) -> None:
    """Shut the socket down, which (unlike ``close``) wakes a thread blocked reading it and
    tells the other end at once."""
    with (
        contextlib.suppress(OSError),
        socket.fromfd(connection.fileno(), socket.AF_UNIX, socket.SOCK_STREAM) as duplicate,
    ):
        duplicate.shutdown(socket.SHUT_RDWR)


def _try_send(connection: Connection, message: tuple[int, str, Any]) -> None:
    with contextlib.suppress(Exception):
        connection.send(message)


class RemoteExecutor(Executor):
    """An ``Executor`` whose work runs in a ``PoolServer``'s pool; one connection, any thread.

    ``_broken`` (the attribute ``ProcessPoolExecutor`` has) turns true when the connection is
    lost, so ``PreparePool`` drops this executor and connects afresh for the next batch."""

    def __init__(self, address: str) -> None:
        self.address = address
        self._broken = False
        self._lock = threading.Lock()
        self._pending: dict[int, Future[Any]] = {}
        self._next_id = 0
        self._connection: Connection | None = None
        try:
            self._connection = Client(address, family="AF_UNIX", authkey=_authkey())
        except (OSError, EOFError, multiprocessing.AuthenticationError) as exc:
            log.warning("the shared extraction pool at %s is unreachable: %s", address, exc)
            self._broken = True
            return
        threading.Thread(target=self._read, name="factdesk-pool-reader", daemon=True).start()

    def submit(  # type: ignore[override]
        self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any
    ) -> Future[Any]:
        """Send ``fn(*args)`` to the pool; a lost pool fails the future (never raises here)."""
        if kwargs:
            raise TypeError("RemoteExecutor.submit takes positional arguments only")
        future: Future[Any] = Future()
        with self._lock:
            if self._broken or self._connection is None:
                future.set_exception(BrokenProcessPool("the shared extraction pool is gone"))
                return future
            request_id, self._next_id = self._next_id, self._next_id + 1
            self._pending[request_id] = future
            try:
                self._connection.send((request_id, fn, args))
            except (OSError, ValueError) as exc:
                self._fail_all(f"sending to the shared extraction pool failed: {exc}")
        return future

    def _read(self) -> None:
        connection = self._connection
        assert connection is not None
        try:
            while True:
                request_id, status, value = connection.recv()
                with self._lock:
                    future = self._pending.pop(request_id, None)
                if future is None:
                    continue
                if status == "ok":
                    future.set_result(value)
                elif status == "broken":
                    future.set_exception(BrokenProcessPool("an extraction worker died"))
                else:
                    future.set_exception(value)
        except (EOFError, OSError):
            with self._lock:
                self._fail_all("the shared extraction pool closed the connection")
            connection.close()

    def _fail_all(self, reason: str) -> None:
        """Mark the executor broken and fail every pending future (hold ``_lock``)."""
        self._broken = True
        pending, self._pending = self._pending, {}
        for future in pending.values():
            if not future.done():
                future.set_exception(BrokenProcessPool(reason))

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Close the connection; chunks still pending fail over to in-process preparation."""
        with self._lock:
            self._fail_all("the executor was shut down")
        if self._connection is not None:
            _hang_up(self._connection)  # the reader thread sees the end and closes it
