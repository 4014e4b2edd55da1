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


def test_every_operation_has_an_example() -> None:
    document = _document()
    schemas = document["components"]["schemas"]

    def has_example(node: object) -> bool:
        if isinstance(node, dict):
            if "example" in node or "examples" in node:
                return True
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                target = schemas[ref.rsplit("/", 1)[1]]
                return "examples" in target or "example" in target
            return any(has_example(v) for v in node.values())
        if isinstance(node, list):
            return any(has_example(v) for v in node)
        return False

    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            success = {k: v for k, v in operation["responses"].items() if k.startswith("2")}
            parts = [operation.get("parameters"), operation.get("requestBody"), success]
            assert has_example(parts), (method, path)
