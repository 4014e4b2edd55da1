"""The shared extraction pool over a unix socket: same results as in-process, and a pool that
is gone or wedged never makes the caller wait without bound."""

from __future__ import annotations

import multiprocessing
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from datetime import date
from multiprocessing.connection import Client
from pathlib import Path
from typing import Any

import pytest

from corpus.errors import Overloaded
from corpus.prepare import PrepareJob
from corpus.prepare_pool import PreparePool, prepare_in_process
from corpus.shared_pool import PoolServer, RemoteExecutor

TOWNS = ["Ardwell", "Brenmoor", "Calloway", "Dunrith", "Eskmere", "Farrowby"]


def _jobs(count: int) -> list[PrepareJob]:
    """Short articles of my own: a headline, a byline, a date and a number each."""
    jobs = []
    for k in range(count):
        town = TOWNS[k % len(TOWNS)]
        text = (
            f"Council vote number {k} in {town}\n\nBy Staff\n\n"
            f"Officials in {town} said on Tuesday, 4 October 2016, that {k + 2} buses were "
            f"added to the route. The mayor of {town} welcomed the change."
        )
        jobs.append(PrepareJob(text, date(2016, 10, 4) if k % 2 else None, True, True))
    return jobs


@pytest.fixture
def socket_dir() -> Iterator[Path]:
    """A short private path (unix socket paths are limited to about 100 bytes)."""
    with tempfile.TemporaryDirectory(prefix="fd-pool-") as path:
        yield Path(path)


def _client(address: str, timeout: float | None = 30.0) -> PreparePool:
    return PreparePool(
        1, min_batch=4, chunk=2, executor=lambda: RemoteExecutor(address), timeout=timeout
    )


@pytest.fixture(scope="module")
def server() -> Iterator[PoolServer]:
    """One real pool process behind a socket for the module (spawning costs seconds)."""
    with tempfile.TemporaryDirectory(prefix="fd-pool-") as path:
        pool_server = PoolServer(PreparePool(1), str(Path(path) / "pool.sock")).start()
        yield pool_server
        pool_server.close()


def test_results_through_the_socket_equal_in_process(server: PoolServer) -> None:
    jobs = _jobs(12)
    client = _client(server.address)
    try:
        assert list(client.prepare_all(jobs)) == list(prepare_in_process(jobs))
        executor = client._executor
        assert isinstance(executor, RemoteExecutor) and not executor._broken
    finally:
        client.close()


def test_two_clients_share_the_one_pool(server: PoolServer) -> None:
    jobs = _jobs(8)
    first, second = _client(server.address), _client(server.address)
    try:
        assert list(first.prepare_all(jobs)) == list(second.prepare_all(jobs[::-1]))[::-1]
    finally:
        first.close()
        second.close()


def test_a_wrong_authkey_is_refused(server: PoolServer) -> None:
    with pytest.raises(multiprocessing.AuthenticationError):
        Client(server.address, family="AF_UNIX", authkey=b"not the supervisor's key")


def test_a_pool_that_is_gone_falls_back_to_in_process(socket_dir: Path) -> None:
    jobs = _jobs(6)
    address = str(socket_dir / "gone.sock")
    client = _client(address)  # nothing listens there: every chunk is prepared here
    try:
        assert list(client.prepare_all(jobs)) == list(prepare_in_process(jobs))
    finally:
        client.close()


class _Wedged(Executor):
    """An executor whose work never finishes (a pool that is alive but stuck)."""

    def submit(  # type: ignore[override]
        self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any
    ) -> Future[Any]:
        return Future()


def test_a_wedged_pool_is_a_503_not_a_hang(socket_dir: Path) -> None:
    wedged = PoolServer(PreparePool(1, executor=_Wedged), str(socket_dir / "wedged.sock"))
    wedged.start()
    client = _client(wedged.address, timeout=0.5)
    try:
        with pytest.raises(Overloaded) as raised:
            list(client.prepare_all(_jobs(8)))
        assert raised.value.status == 503
    finally:
        client.close()
        wedged.close()


def test_a_pool_that_closes_mid_batch_loses_no_result(socket_dir: Path) -> None:
    """Chunks pending when the connection drops are prepared in-process instead."""
    wedged = PoolServer(PreparePool(1, executor=_Wedged), str(socket_dir / "closing.sock"))
    wedged.start()
    jobs = _jobs(8)
    client = _client(wedged.address)
    closer = threading.Timer(1.0, wedged.close)  # while the caller waits for the first chunk
    closer.start()
    try:
        started = time.monotonic()
        assert list(client.prepare_all(jobs)) == list(prepare_in_process(jobs))
        assert time.monotonic() - started < 20  # not the 30 s bound: the loss was noticed
    finally:
        closer.join()
        client.close()
