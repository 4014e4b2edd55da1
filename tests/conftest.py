"""Shared fixtures: every test gets its own data directory (SQLite file and index)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from corpus.files import sample_paths
from service.app import create_app
from service.settings import Settings

POSTGRES_URL = os.environ.get("FACTDESK_TEST_POSTGRES_URL")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for an empty, isolated service (no sample seeding)."""
    return Settings(data_dir=tmp_path / "data", seed_samples=False, database_url=None)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    """A client for an empty service; ``with`` runs the lifespan."""
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def sample_texts() -> dict[str, str]:
    """The sample corpus, by file stem."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sample_paths()}


@pytest.fixture(scope="module")
def sample_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A read-only service holding the sample corpus (shared by one test module)."""
    data_dir = tmp_path_factory.mktemp("samples") / "data"
    with TestClient(create_app(Settings(data_dir=data_dir, seed_samples=True))) as test_client:
        yield test_client


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards; skips without a server."""
    yield from _fresh_postgres()


@pytest.fixture(scope="module")
def postgres_module_url() -> Iterator[str]:
    """A fresh PostgreSQL database shared by one test module; skips without a server."""
    yield from _fresh_postgres()


def _fresh_postgres() -> Iterator[str]:
    if not POSTGRES_URL:
        pytest.skip("FACTDESK_TEST_POSTGRES_URL is not set")
    from sqlalchemy import create_engine, text

    name = f"factdesk_test_{uuid.uuid4().hex[:12]}"
    admin_url = "postgresql+psycopg://" + POSTGRES_URL.split("://", 1)[1]
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    base = POSTGRES_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
