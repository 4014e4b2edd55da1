"""Settings from the environment: the extraction worker count."""

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
