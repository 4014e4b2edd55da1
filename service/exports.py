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
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, Header, Query
from fastapi.responses import StreamingResponse
from sqlalchemy import Engine
from sqlmodel import Session

Format = Literal["json", "csv", "jsonl"]
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
}  # fmt: skip


def export_format(
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
    rows: Callable[[Session], Iterable[dict[str, Any]]],
) -> StreamingResponse:
    """Stream ``rows`` (read in a session of their own) as ``fmt``, to file ``<name>.<fmt>``."""
    columns = COLUMNS[name]

    def chunks() -> Iterator[bytes]:
        with Session(engine, expire_on_commit=False) as session:
            buffer = io.StringIO()
            write = _csv_writer(buffer, columns) if fmt == "csv" else _jsonl_writer(buffer, columns)
            for count, row in enumerate(rows(session), 1):
                write(row)
                if count % CHUNK_ROWS == 0:
                    yield buffer.getvalue().encode()
                    buffer.seek(0)
                    buffer.truncate()
            yield buffer.getvalue().encode()

    return StreamingResponse(
        chunks(),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )


def _csv_writer(buffer: io.StringIO, columns: tuple[str, ...]) -> Callable[[dict[str, Any]], None]:
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)

    def write(row: dict[str, Any]) -> None:
        writer.writerow([_cell(row.get(c)) for c in columns])

    return write


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return "" if value is None else value


def _jsonl_writer(
    buffer: io.StringIO, columns: tuple[str, ...]
) -> Callable[[dict[str, Any]], None]:
    def write(row: dict[str, Any]) -> None:
        record = {c: row.get(c) for c in columns}
        buffer.write(json.dumps(record, ensure_ascii=False, default=_iso, separators=(",", ":")))
        buffer.write("\n")

    return write


def _iso(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__}")


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
