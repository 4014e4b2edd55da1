"""``factdesk serve``: one process, or a supervisor and N uvicorn worker processes on one port.

One worker (``--workers 1``) is the app in this process, as an embedder would run it: startup
repair in a background thread while it listens, its own extraction pool.

With N > 1 this process is the supervisor, and it

1. runs the startup work once, in a thread of its own: index repair against the database and
   seeding the samples (``service.app._prepare_corpus``), so N workers never repair the same
   index at once.
   The port opens at once as with one process: each worker's startup work is warming its own
   caches and then waiting for the supervisor's to be done (a file in the private directory
   says so), so ``/ready`` answers 503 and writes wait until the repair is done everywhere;
2. starts the one extraction pool and serves it on a unix socket in a private temporary
   directory (``corpus.shared_pool``); every worker's ``PreparePool`` submits to it;
3. points ``PROMETHEUS_MULTIPROC_DIR`` at an empty directory (its own, or the one set in the
   environment, emptied), so ``/metrics`` from any worker sums every worker's counters;
4. hands uvicorn the import string of ``worker_app``: uvicorn's supervisor binds the port, spawns
   the workers (they share the listening socket), and replaces a worker that dies.

The workers share the database and the index directory exactly as two separate ``factdesk
serve`` processes do (tests/test_two_processes.py).
"""

from __future__ import annotations

import logging
import logging.config
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from corpus.db import create_schema, make_engine, sqlite_url
from corpus.facts.gazetteer import warm_up
from corpus.prepare_pool import PreparePool
from corpus.shared_pool import PoolServer, RemoteExecutor
from service.backends import open_backend
from service.logs import log_config
from service.readiness import Startup
from service.settings import Settings

log = logging.getLogger("factdesk")

# The supervisor's private directory (set by ``serve`` for its workers only): the extraction
# pool's socket, and the files that say the startup work is done or failed.
SUPERVISOR_VARIABLE = "FACTDESK_SUPERVISOR_DIR"
POOL_SOCKET, STARTED, FAILED = "extract.sock", "startup-done", "startup-failed"
METRICS_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"
# How long a worker waits for one chunk (16 articles, ~0.3 s of extraction) from the shared
# pool before answering 503: every worker's queue ahead of it is bounded, so only a wedged pool
# takes this long.
CHUNK_SECONDS = 60.0
# uvicorn kills a worker that does not answer its supervisor's ping in time. A spawned worker
# imports the service before it can answer (seconds on a busy machine), so uvicorn's 5 s
# default made workers be killed and respawned while starting.
HEALTHCHECK_SECONDS = 60


def serve(settings: Settings, *, host: str, port: int, workers: int) -> None:
    """Serve the API on ``host:port`` with ``workers`` processes until stopped."""
    import uvicorn

    from service.app import create_app

    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_config": log_config(settings.log_format),
        "access_log": False,  # factdesk.access logs each request with its route and request id
        "server_header": False,
    }
    if workers <= 1:
        app = create_app(settings, start_workers=True, background_startup=True)
        uvicorn.run(app, **options)
        return
    logging.config.dictConfig(options["log_config"])
    os.environ["FACTDESK_DATA_DIR"] = str(settings.data_dir.resolve())  # the workers' Settings()
    private = Path(tempfile.mkdtemp(prefix="factdesk-"))  # 0700: the socket and metrics
    os.environ[SUPERVISOR_VARIABLE] = str(private)
    server: PoolServer | None = None
    startup = Startup()
    try:
        metrics = _fresh_metrics_dir(private)
        log.info("serving with %d workers; metrics of all workers in %s", workers, metrics)
        if settings.extract_worker_count > 0:
            address = str(private / POOL_SOCKET)
            server = PoolServer(PreparePool(settings.extract_worker_count), address).start()
            log.info("%d extraction workers shared by every worker", settings.extract_worker_count)
        startup.run_in_background(lambda: prepare_corpus_once(settings, private))
        uvicorn.run(
            "service.workers:worker_app",
            factory=True,
            workers=workers,
            timeout_worker_healthcheck=HEALTHCHECK_SECONDS,
            **options,
        )
    finally:
        startup.wait()
        if server is not None:
            server.close()
        shutil.rmtree(private, ignore_errors=True)


def worker_app() -> FastAPI:
    """The app of one serving worker (uvicorn calls this in each worker it spawns)."""
    from service.app import create_app

    private = Path(os.environ[SUPERVISOR_VARIABLE])
    address = str(private / POOL_SOCKET)

    def shared_pool(settings: Settings) -> PreparePool:
        if settings.extract_worker_count <= 0:  # none configured: prepare in-process
            return PreparePool(0)
        return PreparePool(
            settings.extract_worker_count,
            executor=lambda: RemoteExecutor(address),
            timeout=CHUNK_SECONDS,
        )

    def startup() -> None:
        warm_up()  # this process's own gazetteer, while the supervisor repairs
        _wait_for_supervisor(private)

    return create_app(
        Settings(), background_startup=True, startup=startup, prepare_pool=shared_pool
    )


def prepare_corpus_once(settings: Settings, private: Path) -> None:
    """The startup work (repair, seeding) in the supervisor; a file in ``private`` tells the
    workers how it ended."""
    from service.app import _prepare_corpus  # the one definition of the startup work

    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.database_url or sqlite_url(settings.data_dir))
        try:
            create_schema(engine)
            index = open_backend(settings, engine)
            try:
                _prepare_corpus(settings=settings, engine=engine, index=index, warm=False)
            finally:
                index.close()
        finally:
            engine.dispose()
    except Exception as exc:
        (private / FAILED).write_text(f"{type(exc).__name__}: {exc}")
        raise
    (private / STARTED).touch()


def _wait_for_supervisor(private: Path) -> None:
    """Until the supervisor's startup work is done; its failure is this worker's."""
    while not (private / STARTED).exists():
        if (private / FAILED).exists():
            reason = (private / FAILED).read_text()
            raise RuntimeError(f"the supervisor's startup work failed: {reason}")
        time.sleep(0.1)


def _fresh_metrics_dir(private: Path) -> Path:
    """The multiprocess metrics directory, empty: a dead run's counters must not add up."""
    given = os.environ.get(METRICS_VARIABLE)
    directory = Path(given) if given else private / "metrics"
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()
    os.environ[METRICS_VARIABLE] = str(directory)
    return directory
