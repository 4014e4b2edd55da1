"""Two ``factdesk serve`` processes on one data directory, eight writers each, while one of
them restarts: no 5xx, and every acknowledged article is stored, indexed and found.

The restarted process repairs the index at startup while the other one writes; writers whose
server is down retry (a refused connection is not an answer). Real processes, so the Whoosh
lock file, the database and startup repair are shared as in production."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

WRITERS = 8
WRITES = 4  # per writer


def _start(data_dir: Path, env: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    command = [sys.executable, "-m", "service.cli", "serve", "--port", str(port)]
    environment = {**os.environ, **env, "FACTDESK_DATA_DIR": str(data_dir)}
    environment |= {"FACTDESK_SEED_SAMPLES": "false", "FACTDESK_EXTRACT_WORKERS": "0"}
    with log.open("ab") as out:
        process = subprocess.Popen(command, env=environment, stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"factdesk serve did not start; see {log}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_two_processes_and_a_restart(
    database: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    env = {}
    if database == "postgresql":
        env["FACTDESK_DATABASE_URL"] = request.getfixturevalue("postgres_url")
    data_dir, log = tmp_path / "data", tmp_path / "servers.log"
    first, first_url = _start(data_dir, env, log)
    second, second_url = _start(data_dir, env, log)
    urls = {"first": first_url, "second": second_url}
    acknowledged: list[int] = []
    server_errors: list[str] = []
    lock = threading.Lock()

    def write(server: str, writer: int) -> None:
        for i in range(WRITES):
            text = f"Note {server} {writer} {i}: the Ardwell council met and voted {i} to {writer}."
            for _ in range(300):
                try:
                    response = httpx.post(
                        f"{urls[server]}/articles", json={"text": text}, timeout=60
                    )
                except httpx.TransportError:  # the server is restarting
                    time.sleep(0.2)
                    continue
                with lock:
                    if response.status_code >= 500:
                        server_errors.append(response.text[:300])
                    elif response.status_code in (200, 201):
                        acknowledged.append(response.json()["id"])
                break

    threads = [
        threading.Thread(target=write, args=(server, writer))
        for server in urls
        for writer in range(WRITERS)
    ]
    try:
        for thread in threads:
            thread.start()
        time.sleep(2)
        _stop(second)
        second, urls["second"] = _start(data_dir, env, log)
        for thread in threads:
            thread.join(timeout=300)
        assert server_errors == []
        assert len(set(acknowledged)) == 2 * WRITERS * WRITES
        with httpx.Client(base_url=first_url, timeout=30) as client:
            health = client.get("/health").json()
            assert health["articles"] == health["passages"] == 2 * WRITERS * WRITES
            found = client.get("/search", params={"q": "Ardwell", "limit": 1}).json()
            assert found["total"] == 2 * WRITERS * WRITES
    finally:
        _stop(first)
        _stop(second)
