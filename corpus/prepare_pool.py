"""Preparing large batches in worker processes while the request thread indexes.

Extraction is CPU-bound pure Python, so threads would only take turns on the GIL; worker
processes run it on another core. A batch is cut into chunks, handed to the workers in order a
few at a time. The caller consumes results in order (it flushes rows and indexes passages as
they arrive) and, whenever the next chunk is not ready yet, prepares the last chunk no worker
was given itself. The load balances over every core without tuning, and a cold or slow worker
costs nothing but its share. ``prepare`` is pure, so results do not depend on where a chunk
ran.

Workers are spawned (never forked from a threaded server) on first use, or at startup by
``start`` (``factdesk serve``: the warm-up takes seconds, which the first batch would otherwise
pay); each warms its caches once, and a crashed one is replaced, its chunk prepared in-process.

With ``factdesk serve --workers N`` the processes belong to the supervisor and every serving
worker reaches them through ``corpus.shared_pool`` (``executor=``): one pool, never one each.

The workers' queue is bounded over all batches (``AHEAD_PER_WORKER`` unfinished chunks per
worker): concurrent batches share it instead of each queueing its own, so a second large batch
prepares in its own thread rather than pushing every later request's work further back.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from corpus.errors import Overloaded
from corpus.prepare import Prepared, PrepareJob, prepare

log = logging.getLogger("factdesk")

MIN_BATCH = 64  # below this a batch is prepared in-process: pickling and waiting cost more
CHUNK = 16  # articles a task (~0.3 s of extraction): small enough to balance, large to amortise
AHEAD_PER_WORKER = 2  # unfinished chunks a worker is given at a time, over all batches


def prepare_in_process(jobs: Sequence[PrepareJob]) -> Iterator[Prepared]:
    """Results in order, computed here and now: before the caller takes the index and database
    write locks, so other writers do not wait while a large article is extracted."""
    return iter([prepare(job) for job in jobs])


def _prepare_chunk(jobs: Sequence[PrepareJob]) -> list[Prepared]:
    return [prepare(job) for job in jobs]


def _nothing() -> None:
    """A task that makes the executor start a worker (which warms up in its initializer)."""


def _warm_worker() -> None:
    """Load what extraction loads lazily (gazetteer, date and language models) once per worker."""
    from corpus.facts.gazetteer import warm_up

    warm_up()
    prepare(
        PrepareJob(
            "Warm-up headline\n\nBy Reuters\n\nOfficials said on Monday, 12 September 2016, "
            "that 3 people were killed in Aleppo.",
            None,
            sniff_header=True,
            sniff_language=True,
        )
    )


class PreparePool:
    """Worker processes that prepare articles for large batches; ``workers=0`` never starts any.

    ``executor`` makes the executor the chunks go to instead of a process pool of this
    process's own (a shared pool's ``RemoteExecutor``: ``workers`` is then that pool's size);
    ``timeout`` bounds the wait for one chunk, past which the request fails with a 503."""

    def __init__(
        self,
        workers: int,
        *,
        min_batch: int = MIN_BATCH,
        chunk: int = CHUNK,
        executor: Callable[[], Executor] | None = None,
        timeout: float | None = None,
    ) -> None:
        self.workers = workers
        self.min_batch = min_batch
        self.chunk = chunk
        self.timeout = timeout
        self._make_executor = executor or self._process_pool
        self._executor: Executor | None = None
        self._lock = threading.Lock()
        self._given: set[Future[list[Prepared]]] = set()  # every batch's unfinished chunks

    def prepare_all(self, jobs: Sequence[PrepareJob]) -> Iterator[Prepared]:
        """Results in job order, prepared by the workers and by the consuming thread."""
        if self.workers <= 0 or len(jobs) < self.min_batch:
            return prepare_in_process(jobs)
        chunks = [list(jobs[i : i + self.chunk]) for i in range(0, len(jobs), self.chunk)]
        batch = _Batch(chunks)
        # The workers start before the caller asks for results.
        batch.top_up(self._submit, self._room)
        return self._collect(batch)

    def _collect(self, batch: _Batch) -> Iterator[Prepared]:
        for i, chunk in enumerate(batch.chunks):
            batch.top_up(self._submit, self._room)
            future = batch.futures.pop(i, None)
            # While the next chunk in order is not ready, prepare the last unsubmitted one here.
            while future is not None and not future.done() and batch.steal_last():
                batch.top_up(self._submit, self._room)
            if future is not None:
                yield from self._result(future, chunk)
            elif i in batch.stolen:
                yield from batch.stolen.pop(i)
            else:  # never given (the queue was full of other batches' chunks): prepare it here
                batch.pass_over(i)
                yield from _prepare_chunk(chunk)

    def _room(self) -> int:
        """How many more chunks the workers may be given now."""
        with self._lock:
            self._given = {future for future in self._given if not future.done()}
            return AHEAD_PER_WORKER * self.workers - len(self._given)

    def start(self) -> None:
        """Start and warm the workers now, in the background, instead of on the first batch."""
        if self.workers > 0:
            for _ in range(self.workers):
                self._running().submit(_nothing)

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        """Run ``fn(*args)`` in a worker (a shared pool's server submits its clients' work
        here); a pool found broken while idle is replaced first."""
        try:
            return self._running().submit(fn, *args)
        except BrokenProcessPool:  # a worker died while idle: start afresh
            self.discard_broken()
            return self._running().submit(fn, *args)

    def _submit(self, chunk: list[PrepareJob]) -> Future[list[Prepared]]:
        future = self.submit(_prepare_chunk, chunk)
        with self._lock:
            self._given.add(future)
        return future

    def _result(self, future: Future[list[Prepared]], chunk: list[PrepareJob]) -> list[Prepared]:
        try:
            return future.result(timeout=self.timeout)
        except BrokenProcessPool:
            log.warning("an extraction worker died; preparing its chunk in-process")
            self.discard_broken()
            return _prepare_chunk(chunk)
        except FutureTimeout:
            raise Overloaded(
                f"The extraction workers did not answer within {self.timeout:g} s; retry later.",
                retry_after=int(self.timeout or 1),
            ) from None

    def _process_pool(self) -> Executor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_warm_worker,
        )

    def _running(self) -> Executor:
        with self._lock:
            if self._executor is None:
                self._executor = self._make_executor()
            return self._executor

    def discard_broken(self) -> None:
        """Drop the executor if it is broken (a later one, started since, is kept)."""
        with self._lock:
            executor = self._executor
            if executor is None or not getattr(executor, "_broken", True):
                return
            self._executor = None
        executor.shutdown(wait=False)

    def close(self) -> None:
        """Stop the workers once the chunks they were given are done (a few at most)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)


class _Batch:
    """One batch's chunks: given to the workers from the front a few at a time, taken back
    from the end by the consumer.

    Nothing is ever cancelled: in CPython 3.11, a cancelled future still queued when a worker
    dies makes the executor's manager thread fail (InvalidStateError in ``terminate_broken``)
    and leaves every later future unresolved, so a caller would wait forever. Submitting a
    bounded window instead bounds the work a failed consumer leaves behind."""

    def __init__(self, chunks: list[list[PrepareJob]]) -> None:
        self.chunks = chunks
        self.futures: dict[int, Future[list[Prepared]]] = {}
        self.stolen: dict[int, list[Prepared]] = {}
        self._front = 0  # the next chunk to submit
        self._back = len(chunks)  # chunks from here on were taken back

    def top_up(
        self,
        submit: Callable[[list[PrepareJob]], Future[list[Prepared]]],
        room: Callable[[], int],
    ) -> None:
        """Give the workers the next chunks while the shared queue has ``room`` for them."""
        while self._front < self._back and room() > 0:
            self.futures[self._front] = submit(self.chunks[self._front])
            self._front += 1

    def pass_over(self, i: int) -> None:
        """Chunk ``i`` is prepared by the consumer: never give it to the workers."""
        self._front = max(self._front, i + 1)

    def steal_last(self) -> bool:
        """Prepare the last chunk nobody was given, here; False when there is none."""
        if self._back <= self._front:
            return False
        self._back -= 1
        self.stolen[self._back] = _prepare_chunk(self.chunks[self._back])
        return True
