"""Fixtures of the search tests: ``make_backend`` runs a test against both backends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.search.backends import BACKENDS, MakeBackend, backend_maker


@pytest.fixture(params=BACKENDS)
def make_backend(request: pytest.FixtureRequest) -> Iterator[MakeBackend]:
    """A maker of empty backends of each kind (a fresh PostgreSQL database per test)."""
    yield from backend_maker(request.param, request, "postgres_url")


@pytest.fixture(scope="module", params=BACKENDS)
def make_module_backend(request: pytest.FixtureRequest) -> Iterator[MakeBackend]:
    """As ``make_backend``, with one PostgreSQL database for the module: each backend made
    starts empty, so a test module uses it for one index at a time."""
    yield from backend_maker(request.param, request, "postgres_module_url")
