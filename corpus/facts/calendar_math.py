"""Calendar arithmetic for dates: dateparser behind ``parse_absolute``, and relative resolution.

Absolute spans ("September 18, 2016", "18 septembre 2016", "Sept. 5", "three days ago") go to
dateparser, configured for determinism: an explicit language, ``RELATIVE_BASE`` set to the
publication date (or a fixed date when there is none, whose parts are then never used), dates
preferred from the past, no timezone. Relative phrases with a newsroom meaning dateparser does
not share are resolved here by plain arithmetic:

- a weekday ("on Saturday") is the latest such day on or before publication ("last Saturday":
  strictly before; "next Saturday": strictly after; "this Saturday": in the publication week);
- a bare month ("in December") is the latest such month up to publication ("last December":
  strictly before the publication month; "next December": strictly after);
- "last week" / "earlier this week" / "next week" give the week's Monday with precision ``week``;
  "last month", "this year" and the like give the month or year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

# Any fixed date serves when there is no publication date: only fully stated dates are parsed
# then, so none of its parts reaches a result.
_NEUTRAL_BASE = date(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A calendar value: ``iso`` written to its ``precision`` (year|month|week|day)."""

    day: date
    precision: str

    @property
    def iso(self) -> str:
        """ISO 8601 text cut to the precision ("2014", "2014-09", "2016-09-17")."""
        if self.precision == "year":
            return f"{self.day.year:04d}"
        if self.precision == "month":
            return f"{self.day.year:04d}-{self.day.month:02d}"
        return self.day.isoformat()


@lru_cache(maxsize=16)
def _parser(language: str, base: date) -> DateDataParser:
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=[language], settings=settings)


@lru_cache(maxsize=4096)
def parse_absolute(span: str, language: str, base: date | None) -> Resolved | None:
    """Parse one candidate span with dateparser; None when it does not read as a date."""
    data = _parser(language, base or _NEUTRAL_BASE).get_date_data(span)
    if data is None or data.date_obj is None:
        return None
    period = data.period or "day"
    precision = {"time": "day"}.get(period, period)
    if precision not in ("year", "month", "week", "day"):
        precision = "day"
    day = data.date_obj.date()
    if precision == "week":  # a week is named by its Monday, as relative_period does
        day -= timedelta(days=day.weekday())
    return Resolved(day, precision)


def weekday_on_or_before(base: date, weekday: int, modifier: str | None = None) -> date:
    """The weekday (0 = Monday) nearest ``base`` in the direction ``modifier`` implies."""
    if modifier == "next":
        return base + timedelta(days=(weekday - base.weekday() - 1) % 7 + 1)
    if modifier == "this":
        return base + timedelta(days=weekday - base.weekday())
    back = (base.weekday() - weekday) % 7
    if modifier == "last" and back == 0:
        back = 7
    return base - timedelta(days=back)


def month_near(base: date, month: int, modifier: str | None = None) -> date:
    """The latest ``month`` up to ``base`` ("in December"), or the next one for "next"."""
    if modifier == "next":
        year = base.year if month > base.month else base.year + 1
    elif modifier == "last":
        year = base.year if month < base.month else base.year - 1
    else:
        year = base.year if month <= base.month else base.year - 1
    return date(year, month, 1)


def relative_period(base: date, unit: str, offset: int) -> Resolved:
    """The week, month or year ``offset`` units from the one holding ``base``."""
    if unit == "day":
        return Resolved(base + timedelta(days=offset), "day")
    if unit == "week":
        monday = base - timedelta(days=base.weekday())
        return Resolved(monday + timedelta(weeks=offset), "week")
    if unit == "month":
        index = base.year * 12 + base.month - 1 + offset
        return Resolved(date(index // 12, index % 12 + 1, 1), "month")
    return Resolved(date(base.year + offset, 1, 1), "year")
