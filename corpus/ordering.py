"""Sorted listings with keyset continuation: missing values last in both directions.

A ``Sort`` orders rows by one key and then by id (ascending), or by id alone. A page ends at a
row whose (key, id) is the position to continue after; ``after`` selects the rows that come
later in that order, so pages neither repeat nor skip rows however the corpus changes between
them (a row added later shows up where it sorts, if that is still ahead). ``key IS NULL`` leads
the ORDER BY, so missing values come last on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, or_
from sqlalchemy.sql.elements import ColumnElement

from corpus.errors import InvalidQuery
from corpus.tables import MAX_ID

Position = tuple[Any, int]  # (the last row's key, its id)


@dataclass(frozen=True, slots=True)
class Sort:
    """An order of rows: ``key`` (None: by id alone) and a direction; ties by id ascending."""

    name: str
    key: Any  # a column or SQL expression; None: by id alone
    descending: bool = False
    parse: Callable[[Any], Any] = lambda value: value

    def order_by(self, id_column: Any) -> list[Any]:
        """ORDER BY terms for this sort."""
        if self.key is None:
            return [id_column.desc() if self.descending else id_column]
        key = self.key.desc() if self.descending else self.key
        return [self.key.is_(None), key, id_column]

    def after(self, id_column: Any, position: Position) -> ColumnElement[bool]:
        """Rows that sort after ``position``."""
        value, last_id = position
        if self.key is None:
            return id_column < last_id if self.descending else id_column > last_id
        if value is None:
            return and_(self.key.is_(None), id_column > last_id)
        beyond = self.key < value if self.descending else self.key > value
        return or_(beyond, and_(self.key == value, id_column > last_id), self.key.is_(None))

    def position(self, key: Any, row_id: int) -> list[Any]:
        """The JSON-ready position of a row (for a cursor)."""
        if isinstance(key, date | datetime):
            key = key.isoformat()
        return [key if self.key is not None else None, row_id]

    def read_position(self, raw: Any) -> Position:
        """A position from a cursor, checked (InvalidQuery when it does not fit this sort)."""
        try:
            value, row_id = raw
            if not isinstance(row_id, int) or not 0 <= row_id <= MAX_ID:
                raise TypeError
            return (None if value is None else self.parse(value)), row_id
        except (TypeError, ValueError) as exc:
            raise InvalidQuery(
                "The cursor is not valid for this sort; omit it to start over."
            ) from exc


def pick_sort(sorts: dict[str, Sort], name: str | None, default: str) -> Sort:
    """The sort called ``name`` (the default when None); InvalidQuery naming the choices."""
    found = sorts.get(name or default)
    if found is None:
        choices = ", ".join(sorts)
        raise InvalidQuery(f"Unknown sort {name!r}; one of: {choices}.", field="sort")
    return found


def parse_date(value: Any) -> date:
    """A date from its ISO form."""
    return date.fromisoformat(str(value))


def parse_datetime(value: Any) -> datetime:
    """A date and time from its ISO form."""
    return datetime.fromisoformat(str(value))
