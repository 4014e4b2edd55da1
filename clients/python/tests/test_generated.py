"""The generated models and operations match openapi/openapi.json, and cover every operation."""

from __future__ import annotations

import importlib.util
import inspect
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from factdesk_client import AsyncFactdeskClient, FactdeskClient
from factdesk_client.operations import EXCLUDED, METHODS

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("generate", TOOLS / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


generate = _generator()
needs_openapi = pytest.mark.skipif(
    not generate.DEFAULT_OPENAPI.exists(), reason="openapi/openapi.json is not beside the client"
)


@needs_openapi
def test_generated_modules_match_the_openapi_document() -> None:
    for path, text in generate.outputs(generate.DEFAULT_OPENAPI).items():
        assert path.read_text() == text, f"{path.name} is stale: run python tools/generate.py"


@needs_openapi
def test_every_operation_has_a_method_or_is_excluded_on_purpose() -> None:
    document = json.loads(generate.DEFAULT_OPENAPI.read_text())
    for verbs in document["paths"].values():
        for operation in verbs.values():
            operation_id = operation["operationId"]
            assert operation_id in METHODS or operation_id in EXCLUDED, operation_id
    for name in METHODS.values():
        assert callable(getattr(FactdeskClient, name))
        assert inspect.iscoroutinefunction(getattr(AsyncFactdeskClient, name))


def test_sync_and_async_methods_take_the_same_arguments() -> None:
    for name in METHODS.values():
        for prefix in ("", "iter_", "export_"):
            sync = getattr(FactdeskClient, prefix + name, None)
            if sync is not None:
                asynchronous = getattr(AsyncFactdeskClient, prefix + name)
                both = (inspect.signature(f).parameters for f in (sync, asynchronous))
                assert next(both) == next(both), prefix + name


def test_the_issue_names_are_methods() -> None:
    wanted = "search ask facts claims articles article ingest ingest_batch delete_article entities"
    for name in [*wanted.split(), "health", "iter_facts", "iter_search", "iter_articles"]:
        assert hasattr(FactdeskClient, name), name
    assert list(inspect.signature(FactdeskClient.search).parameters)[:2] == ["self", "q"]
    ingest = inspect.signature(FactdeskClient.ingest).parameters
    assert ingest["text"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert ingest["title"].kind is inspect.Parameter.KEYWORD_ONLY


# A document of our own with a route the service does not have yet: a paged list with exports.
THINGS = {
    "paths": {
        "/things": {
            "get": {
                "operationId": "get_things",
                "summary": "List things",
                "parameters": [
                    {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}},
                    {"name": "cursor", "in": "query", "schema": {"type": "string"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    {
                        "name": "format",
                        "in": "query",
                        "schema": {"enum": ["json", "csv", "jsonl"], "type": "string"},
                    },
                ],
                "responses": {
                    "200": {
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ThingList"}
                            },
                            "text/csv": {},
                            "application/x-ndjson": {},
                        }
                    }
                },
            }
        },
        "/stats": {
            "get": {
                "operationId": "get_stats",
                "responses": {"200": {"content": {"application/json": {"schema": {}}}}},
            }
        },
        "/live": {
            "get": {
                "operationId": "get_live",
                "responses": {"200": {"content": {"text/event-stream": {}}}},
            }
        },
        "/metrics": {
            "get": {
                "operationId": "metrics",
                "responses": {"200": {"content": {"text/plain": {}}}},
            }
        },
    },
    "components": {
        "schemas": {
            "Thing": {
                "type": "object",
                "required": ["name", "from"],
                "properties": {
                    "name": {"type": "string"},
                    "from": {"type": "string", "format": "date"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                },
            },
            "ThingList": {
                "type": "object",
                "required": ["things", "total", "next_cursor"],
                "properties": {
                    "things": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                    "total": {"type": "integer"},
                    "next_cursor": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                },
            },
        }
    },
}


def test_a_new_paged_route_gets_a_method_an_iterator_and_an_export(tmp_path: Path) -> None:
    operations = generate.generate_operations(THINGS)
    assert '"get_things": "things"' in operations
    left_out = operations.split("EXCLUDED = {")[1]
    assert '"metrics"' in left_out and '"get_live"' in left_out and "def live(" not in operations
    for name in ("things", "iter_things", "export_things"):
        assert f"    def {name}(" in operations and f"    async def {name}(" in operations
    assert 'format: Literal["csv", "jsonl"]' in operations
    assert "    ) -> Any:\n" in operations.split("def stats(")[1]  # JSON without a model
    path = tmp_path / "things_models.py"
    path.write_text(generate.generate_models(THINGS))
    spec = importlib.util.spec_from_file_location("things_models", path)
    assert spec is not None and spec.loader is not None
    models = sys.modules["things_models"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(models)
    thing = models.Thing.model_validate({"name": "a", "from": "2020-01-02"})
    assert thing.from_.isoformat() == "2020-01-02" and thing.tags == []
