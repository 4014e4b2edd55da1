"""The committed OpenAPI document matches the app; every route documents its errors."""

from __future__ import annotations

import json
from pathlib import Path

from service.app import create_app
from service.settings import Settings

OPENAPI = Path(__file__).parents[2] / "openapi" / "openapi.json"


def _document() -> dict:
    return create_app(Settings(seed_samples=False)).openapi()


def test_committed_openapi_matches_the_app() -> None:
    committed = json.loads(OPENAPI.read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(_document())), "run `make openapi` and commit it"


def test_every_operation_has_summary_id_and_problem_errors() -> None:
    ids = set()
    for path, operations in _document()["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), (method, path)
            assert operation["operationId"] not in ids
            ids.add(operation["operationId"])
            errors = [s for s in operation["responses"] if s.startswith("4")]
            if operation.get("parameters") or operation.get("requestBody"):
                assert errors, (method, path)  # anything that takes input can refuse it
            for status in errors:
                content = operation["responses"][status]["content"]
                assert list(content) == ["application/problem+json"]
