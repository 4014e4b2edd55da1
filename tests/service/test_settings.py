"""Settings from the environment: the extraction worker count, the search backend."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from service.settings import Settings


def test_extract_workers_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTDESK_EXTRACT_WORKERS", "0")
    assert Settings().extract_worker_count == 0
    monkeypatch.setenv("FACTDESK_EXTRACT_WORKERS", "3")
    assert Settings().extract_worker_count == 3
    monkeypatch.delenv("FACTDESK_EXTRACT_WORKERS")
    assert 0 <= Settings().extract_worker_count <= 4
    monkeypatch.setenv("FACTDESK_EXTRACT_WORKERS", "-1")
    with pytest.raises(ValidationError):
        Settings()


def test_the_postgres_search_backend_needs_a_postgres_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("FACTDESK_DATABASE_URL", raising=False)
    assert Settings().search_backend == "whoosh"
    monkeypatch.setenv("FACTDESK_SEARCH_BACKEND", "postgres")
    with pytest.raises(ValidationError, match="FACTDESK_DATABASE_URL"):
        Settings()
    monkeypatch.setenv("FACTDESK_DATABASE_URL", "sqlite:///elsewhere.db")
    with pytest.raises(ValidationError, match="PostgreSQL"):
        Settings()
    monkeypatch.setenv("FACTDESK_DATABASE_URL", "postgresql://factdesk@db/factdesk")
    assert Settings().search_backend == "postgres"
    monkeypatch.setenv("FACTDESK_SEARCH_BACKEND", "elastic")
    with pytest.raises(ValidationError):
        Settings()
