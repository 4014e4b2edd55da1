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


def _examples(document: dict) -> list[tuple[str, object, dict]]:
    """(where, example, schema) for every example the document gives."""
    found: list[tuple[str, object, dict]] = []
    for name, schema in document["components"]["schemas"].items():
        for example in schema.get("examples", []):
            found.append((f"components/{name}", example, schema))
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                for example in parameter["schema"].get("examples", []):
                    found.append((f"{method} {path} {parameter['name']}", example, parameter))
            responses = operation["responses"].items()
            for status, response in responses:
                for header, spec in response.get("headers", {}).items():
                    for example in spec["schema"].get("examples", []):
                        found.append((f"{method} {path} {status} {header}", example, spec))
            body = operation.get("requestBody", {}).get("content", {})
            for media, content in body.items():
                if "example" in content:
                    found.append((f"{method} {path} {media}", content["example"], content))
    return found


def test_every_example_validates_against_its_schema() -> None:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    document = json.loads(json.dumps(_document()))
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:doc", resource)
    examples = _examples(document)
    assert len(examples) > 20
    failures = []
    for where, example, holder in examples:
        schema = holder.get("schema", holder)
        schema = {k: v for k, v in schema.items() if k != "examples"}
        resolved = json.loads(json.dumps(schema).replace('"#/components', '"urn:doc#/components'))
        validator = Draft202012Validator(resolved, registry=registry)
        errors = [e.message for e in validator.iter_errors(example)]
        if errors:
            failures.append((where, errors[:2]))
    assert not failures, failures
