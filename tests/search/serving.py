"""A fresh service holding only the given articles, for answer tests over text we wrote."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings


@contextmanager
def serving(folder: Path, articles: list[dict[str, Any]]) -> Iterator[TestClient]:
    """A client of a service in ``folder`` (no samples) once ``articles`` are ingested."""
    with TestClient(create_app(Settings(data_dir=folder, seed_samples=False))) as client:
        assert client.post("/articles/batch", json=articles).status_code == 200
        yield client
