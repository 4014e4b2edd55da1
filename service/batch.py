"""Parsing a batch body: a JSON list of articles, or JSON Lines (one article per line)."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import TypeAdapter, ValidationError

from corpus.errors import FactdeskError, InvalidInput
from corpus.ingest import MAX_BATCH
from service.schemas.articles import ArticleCreate

_ITEMS = TypeAdapter(list[ArticleCreate])
# An article is an object in a list: nothing deeper is ever valid, and a parser recursing into
# ten thousand "[" would exhaust the stack.
MAX_JSON_DEPTH = 32
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


async def batch_body(request: Request) -> list[ArticleCreate]:
    """The articles in the request body, validated; 422 names the failing item and field."""
    raw = await request.body()
    items = _decode(raw)
    if len(items) > MAX_BATCH:
        raise InvalidInput(f"A batch holds at most {MAX_BATCH} articles; got {len(items)}.")
    try:
        return _ITEMS.validate_python(items)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
        ) from None


def _decode(raw: bytes) -> list[Any]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput("The body must be UTF-8.") from exc
    if not text.strip():
        raise InvalidInput("The body is empty; send a JSON list or JSON Lines of articles.")
    if _depth(text) > MAX_JSON_DEPTH:
        raise FactdeskError(f"The body nests JSON deeper than {MAX_JSON_DEPTH} levels.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
        lines = [line for line in text.splitlines() if line.strip()]
        items = []
        for number, line in enumerate(lines, 1):
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InvalidInput(
                    f"Line {number} is not JSON: {exc.msg}.", field=f"line {number}"
                ) from exc
        return items
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        return [data]  # one JSON Lines line is also a one-article batch
    raise InvalidInput("The body must be a JSON list of articles or JSON Lines.")


def _depth(text: str) -> int:
    """The deepest nesting of brackets outside strings (unbalanced text counts what opens)."""
    deepest = depth = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest
