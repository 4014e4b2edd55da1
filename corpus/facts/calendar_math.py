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

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from corpus.facts.lexicons import MONTHS, fold

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
    """Parse one candidate span; None when it does not read as a date.

    The common written forms are read directly (``_stated``), which gives what dateparser gives
    for them (tests/corpus/test_dates.py compares the two) at a hundredth of the cost; anything
    else, and any date the calendar rejects, goes to dateparser.
    """
    stated = _stated(span, language, base or _NEUTRAL_BASE)
    if stated is not None:
        return stated
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


# The forms dates.py finds: "2016-09-18", "September 18, 2016", "Sept. 5", "18th of September",
# "1er septembre 2016", "September 2016". ASCII digits only: other scripts' digits go to dateparser.
_ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")
_MONTH_DAY = re.compile(
    r"(?P<name>[^\W\d_]+)\.? (?P<day>[0-9]{1,2})(?P<suffix>st|nd|rd|th)?(?:,? (?P<year>[0-9]{4}))?"
)
_DAY_MONTH = re.compile(
    r"(?P<day>[0-9]{1,2})(?P<suffix>er|st|nd|rd|th)?(?P<of> of)? (?P<name>[^\W\d_]+)\.?"
    r"(?:,? (?P<year>[0-9]{4}))?"
)
_MONTH_YEAR = re.compile(r"(?P<name>[^\W\d_]+)\.?,? (?P<year>[0-9]{4})")
_ENGLISH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_ENGLISH_MONTHS = {**dict(list(MONTHS.items())[:12]), **_ENGLISH_ABBREVIATIONS}
_FRENCH_MONTHS = dict(list(MONTHS.items())[12:])


def _stated(span: str, language: str, base: date) -> Resolved | None:
    """A common date form read without dateparser, or None to leave the span to dateparser."""
    if m := _ISO.fullmatch(span):
        return _calendar_day(int(m["year"]), int(m["month"]), int(m["day"]))
    if (m := _MONTH_DAY.fullmatch(span) or _DAY_MONTH.fullmatch(span)) is not None:
        month = _month(m["name"], language)
        if month is None or not _ordinal_fits(m, language):
            return None
        if m["year"]:
            return _calendar_day(int(m["year"]), month, int(m["day"]))
        # No year: dateparser's PREFER_DATES_FROM="past" takes this year's date unless it lies
        # after the base, then last year's. 29 February has its own leap-year rule: left to it.
        day = int(m["day"])
        if (month, day) == (2, 29):
            return None
        this_year = _calendar_day(base.year, month, day)
        if this_year is None or this_year.day <= base:
            return this_year
        return _calendar_day(base.year - 1, month, day)
    if m := _MONTH_YEAR.fullmatch(span):
        month = _month(m["name"], language)
        # PREFER_DAY_OF_MONTH="first": a month is named by its first day.
        first = None if month is None else _calendar_day(int(m["year"]), month, 1)
        return None if first is None else Resolved(first.day, "month")
    return None


def _month(name: str, language: str) -> int | None:
    months = _ENGLISH_MONTHS if language == "en" else _FRENCH_MONTHS
    return months.get(fold(name))


def _ordinal_fits(m: re.Match[str], language: str) -> bool:
    """Ordinals belong to the span's language: "1er" is French, "1st" and "the 1st of" English."""
    if language == "fr":
        return m["suffix"] in (None, "er") and not m.groupdict().get("of")
    return m["suffix"] != "er"


def _calendar_day(year: int, month: int, day: int) -> Resolved | None:
    try:
        return Resolved(date(year, month, day), "day")
    except ValueError:
        return None


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
