"""Exports: every matching row as CSV or JSON Lines, streamed in chunks (memory stays flat).

``format=csv|jsonl`` or ``Accept: text/csv`` / ``application/x-ndjson`` picks an export;
``format=json`` (the default) is the paged JSON listing. Each export flattens its records to
the documented columns of ``COLUMNS`` (offsets included; a nested value is JSON text in CSV and
a JSON value in JSON Lines), and names a file in ``Content-Disposition``. Rows are produced by
an iterator that reads the database in keyset batches inside its own session, so nothing but
the current chunk is held.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from itertools import islice
from operator import itemgetter
from typing import Annotated, Any, Literal

import orjson
from fastapi import Depends, Header, Query
from fastapi.responses import StreamingResponse
from pydantic_core import to_json, to_jsonable_python
from sqlalchemy import Engine
from sqlmodel import Session

from service.schemas.events import EVENT_COLUMNS

Format = Literal["json", "csv", "jsonl"]
Row = Mapping[str, Any] | tuple[Any, ...]
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}
_ACCEPTED = {"text/csv": "csv", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl"}
CHUNK_ROWS = 500

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id", "content_hash", "title", "source", "url", "published", "language",
        "ingested_at", "passage_count",
    ),
    "facts": (
        "id", "article_id", "source", "field", "kind", "value", "text", "start", "end",
        "sentence_start", "sentence_end", "attributed_to", "qualifier",
    ),
    "claims": (
        "field", "kind", "subject", "event", "disputed", "range_min", "range_max", "stated",
        "min", "max", "qualifier", "sources", "attributed_to", "article_id", "source", "start",
        "end", "text",
    ),
    "search": (
        "article_id", "title", "source", "published", "score", "start", "end", "text",
        "highlights",
    ),
    "events": EVENT_COLUMNS,
}  # fmt: skip


async def export_format(
    format: Annotated[
        Format | None,
        Query(
            description="json (default: the paged listing), csv or jsonl (every matching row, "
            "streamed). Without it, Accept: text/csv or application/x-ndjson picks an export."
        ),
    ] = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Format:
    """The answer format the client asked for."""
    if format is not None:
        return format
    for part in (accept or "").split(","):
        found = _ACCEPTED.get(part.split(";")[0].strip().lower())
        if found:
            return found  # type: ignore[return-value]
    return "json"


FormatDep = Annotated[Format, Depends(export_format)]


def export_response(
    *,
    engine: Engine,
    name: str,
    fmt: Format,
    rows: Callable[[Session], Iterable[Row]],
    json_columns: frozenset[str] = frozenset(),
) -> StreamingResponse:
    """Stream ``rows`` (read in a session of their own) as ``fmt``, to file ``<name>.<fmt>``;
    each row is a mapping of the columns or a tuple of them in ``COLUMNS`` order (the cheaper:
    no lookup by name). ``json_columns`` hold JSON text already (written as is in CSV, as JSON
    in JSON Lines)."""
    columns = COLUMNS[name]
    encode = _csv_chunk if fmt == "csv" else _jsonl_chunk

    def chunks() -> Iterator[bytes]:
        if fmt == "csv":
            yield (",".join(columns) + "\n").encode()
        with Session(engine, expire_on_commit=False) as session:
            stream = iter(rows(session))
            while batch := list(islice(stream, CHUNK_ROWS)):
                yield encode(batch, name, json_columns)

    return StreamingResponse(
        chunks(),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )


# Columns whose values the csv module would not write as we document them (it writes None as
# an empty cell, str(date) as ISO, numbers and text as they are): converted one by one.
_CONVERTED = {
    "articles": ("ingested_at",),
    "claims": ("disputed", "sources", "attributed_to"),
    "search": ("highlights",),
    "events": ("killed_disputed", "injured_disputed", "article_ids"),
}


def _cells(rows: list[Row], columns: tuple[str, ...]) -> Iterable[tuple[Any, ...]]:
    """Each row's values in ``columns`` order (a tuple row holds them so already)."""
    if not rows or isinstance(rows[0], tuple):
        return rows  # type: ignore[return-value]
    values = itemgetter(*columns)
    return (values(row) for row in rows)  # type: ignore[misc]


def _csv_chunk(rows: list[Row], name: str, _json: frozenset[str]) -> bytes:
    columns = COLUMNS[name]
    converted = [columns.index(c) for c in _CONVERTED.get(name, ())]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if not converted:
        writer.writerows(_cells(rows, columns))
    else:
        for cells_in in _cells(rows, columns):
            cells = list(cells_in)
            for i in converted:
                cells[i] = _cell(cells[i])
            writer.writerow(cells)
    return buffer.getvalue().encode()


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return to_json(value).decode()  # a list or mapping: JSON text


def _jsonl_chunk(rows: list[Row], name: str, json_columns: frozenset[str]) -> bytes:
    # orjson encodes a row in a third of the time pydantic_core's to_json takes, and embeds the
    # JSON text the database holds in ``json_columns`` as is (a Fragment) instead of decoding it
    # to encode it again.
    columns = COLUMNS[name]
    embedded = [c for c in json_columns if c in columns]
    lines = []
    for cells in _cells(rows, columns):
        record = dict(zip(columns, cells, strict=True))
        for c in embedded:
            text = record[c]
            if isinstance(text, str):
                record[c] = orjson.Fragment(text)
        lines.append(orjson.dumps(record, default=to_jsonable_python))
    lines.append(b"")
    return b"\n".join(lines)


EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The paged JSON listing; with format=csv or jsonl (or the matching "
        "Accept), every matching row streamed as a file.",
        "headers": {
            "Content-Disposition": {
                "description": 'On exports: attachment; filename="<listing>.<format>".',
                "schema": {"type": "string", "examples": ['attachment; filename="facts.csv"']},
            }
        },
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    }
}
