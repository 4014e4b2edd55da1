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


def assert_top_answer(
    client: TestClient, question: str, accepted: tuple[str, ...]
) -> dict[str, Any]:
    """``/ask``'s top answer, asserted to state one of ``accepted`` (in its text or value, any
    case) and to cite spans that slice their articles exactly."""
    body = client.get("/ask", params={"q": question}).json()
    assert body["answers"], body["reason"]
    top = body["answers"][0]
    value = top.get("value")
    said = [top["text"], *(map(str, value.values()) if isinstance(value, dict) else [str(value)])]
    assert any(a.lower() in s.lower() for a in accepted for s in said), top["text"]
    for citation in top["citations"]:
        text = client.get(f"/articles/{citation['article_id']}").json()["text"]
        assert text[citation["start"] : citation["end"]] == citation["text"]
    return top
