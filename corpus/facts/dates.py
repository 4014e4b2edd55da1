"""Dates and times, resolved to ISO values against the publication date.

Candidate spans come from our own regexes (English and French month and weekday names, ISO
dates, relative phrases, clock times); dateparser reads only those spans (see calendar_math).

Kinds: ``date`` (value precision year|month|week|day) and ``time`` (precision ``time``; ``iso``
joins the clock time to the day named in the same sentence, e.g. "5 p.m. (1400 GMT) on Saturday"
-> "2016-09-17T17:00" with ``utc`` "2016-09-17T14:00Z"; a time with no day there keeps "17:00").
``relative_to`` holds the publication date when the value was computed from it ("on Saturday",
"last week", "in December", "September 5"); relative phrases are skipped when there is none.

``role`` tells what the date is:

- ``publication``: the first fully stated date in the article's head (first three lines, first
  400 characters) that stands in a dateline -- in parentheses or after a dash, after
  "date"/"published"/"posted", or on a line of at most six other words ("Mondialisation.ca,
  18 septembre 2016", "WASHINGTON, March 3 (Reuters)");
- ``other``: dates on caption lines (starting "Caption"/"Photo", after a "Caption:" line, or
  ending with an agency credit such as "(AFP)" or "REUTERS"), embedded-post credit lines
  ("— Ben Norton (@BenjaminNorton) 17 September 2016") and copyright lines;
- ``event``: everything else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from corpus.facts.calendar_math import (
    Resolved,
    month_near,
    parse_absolute,
    relative_period,
    weekday_on_or_before,
)
from corpus.facts.document import Document
from corpus.facts.lexicons import (
    MONTHS,
    SEASONS,
    WEEKDAYS,
    fold,
    sentence_bounds,
    starts_word,
    trie_regex,
)
from corpus.facts.model import ExtractedFact


def _capitalised(words: Iterable[str]) -> list[str]:
    """Each word as written and with a capital, for patterns that must not ignore case."""
    words = list(words)
    return [*words, *(w[:1].upper() + w[1:] for w in words)]


_EN_MONTHS = trie_regex(name.capitalize() for name in list(MONTHS)[:12])
_ABBREVIATIONS = trie_regex(["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep",
                             "Oct", "Nov", "Dec"]) + r"\.?"  # fmt: skip
_FR_MONTHS = trie_regex(_capitalised(list(MONTHS)[12:]))
_MONTH = rf"(?:{_EN_MONTHS}|{_ABBREVIATIONS}|{_FR_MONTHS})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = trie_regex(
    [*(d.capitalize() for d in list(WEEKDAYS)[:7]), *_capitalised(list(WEEKDAYS)[7:])]
)
_MODIFIER = r"(?:last|next|this|Last|Next|This) "
_MONTH_CUES = trie_regex(
    _capitalised(
        [
            "in",
            "since",
            "until",
            "till",
            "by",
            "from",
            "through",
            "during",
            "of",
            "early",
            "late",
            "en",
            "depuis",
        ]
    )
)
_YEAR_CUES = trie_regex(
    _capitalised(
        [
            "in",
            "since",
            "until",
            "by",
            "from",
            "before",
            "after",
            "during",
            "through",
            "early",
            "late",
            "en",
            "depuis",
        ]
    )
)

_RELATIVE = {
    "today": ("day", 0), "tonight": ("day", 0), "this morning": ("day", 0),
    "this afternoon": ("day", 0), "this evening": ("day", 0), "earlier today": ("day", 0),
    "later today": ("day", 0), "aujourd'hui": ("day", 0), "ce matin": ("day", 0),
    "yesterday": ("day", -1), "last night": ("day", -1), "hier": ("day", -1),
    "tomorrow": ("day", 1), "demain": ("day", 1),
    "this week": ("week", 0), "earlier this week": ("week", 0), "later this week": ("week", 0),
    "cette semaine": ("week", 0), "last week": ("week", -1),
    "la semaine dernière": ("week", -1), "next week": ("week", 1),
    "la semaine prochaine": ("week", 1),
    "this month": ("month", 0), "earlier this month": ("month", 0), "ce mois-ci": ("month", 0),
    "last month": ("month", -1), "le mois dernier": ("month", -1), "next month": ("month", 1),
    "this year": ("year", 0), "earlier this year": ("year", 0), "cette année": ("year", 0),
    "last year": ("year", -1), "l'année dernière": ("year", -1), "next year": ("year", 1),
}  # fmt: skip

# Holidays on a fixed day (general knowledge), told "on New Year's Eve", "on the Fourth of
# July": the latest such day on or before publication (news tells what happened).
_HOLIDAYS = {
    "new year's eve": (12, 31), "new year's day": (1, 1), "christmas eve": (12, 24),
    "christmas day": (12, 25), "christmas": (12, 25), "halloween": (10, 31),
    "independence day": (7, 4), "fourth of july": (7, 4), "valentine's day": (2, 14),
}  # fmt: skip
_HOLIDAY_FORMS = [
    "New Year's Eve", "New Year's Day", "Christmas Eve", "Christmas Day", "Christmas",
    "Halloween", "Independence Day", "Fourth of July", "Valentine's Day",
]  # fmt: skip
_HOLIDAY_NAMES = trie_regex([*_HOLIDAY_FORMS, *(h.replace("'", "’") for h in _HOLIDAY_FORMS)])

# No pattern opens with \b: it would defeat re's first-character scan (candidates are checked
# for a word start in code instead).
_PATTERNS = {
    "iso": re.compile(rf"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"),
    "month_day": re.compile(rf"{_MONTH} {_DAY}(?:st|nd|rd|th)?\b(?:,? {_YEAR}\b)?"),
    "day_month": re.compile(rf"{_DAY}(?:er|st|nd|rd|th)?(?: of)? {_MONTH}(?:,? {_YEAR})?\b"),
    "month_year": re.compile(rf"{_MONTH},? {_YEAR}\b"),
    # A bare month needs a cue: "May" and "March" are also a verb and a noun.
    "month": re.compile(
        rf"(?:(?:{_MONTH_CUES}) |mid-)(?P<mod>{_MODIFIER})?(?P<month>{_EN_MONTHS}|{_FR_MONTHS})\b"
        r"(?![ ,]*\d)"
        rf"|(?P<mod2>{_MODIFIER})(?P<month2>{_EN_MONTHS}|{_FR_MONTHS})\b(?![ ,]*\d)"
    ),
    "year": re.compile(rf"(?:{_YEAR_CUES}) (?P<year>{_YEAR})\b(?![-–/]\d)"),
    "weekday": re.compile(rf"(?P<mod>{_MODIFIER})?(?P<weekday>{_WEEKDAY})\b"),
    "relative": re.compile(rf"{trie_regex(_capitalised(_RELATIVE))}\b"),
    "holiday": re.compile(rf"[Oo]n (?:the )?(?P<holiday>{_HOLIDAY_NAMES})(?![\w'’])"),
}
# "three days ago" is found from its last word: its first ("a", "two") is everywhere.
_AGO = re.compile(
    r"(?i:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r" (?:day|week|month|year)s? ago$"
)
_TIME = re.compile(
    r"(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))? ?(?P<ampm>[ap]\.m\.|[ap]m\b)"
    r"(?: ?\((?P<utc>[01]\d|2[0-3]):?(?P<utc_m>[0-5]\d) (?:GMT|UTC)\))?"
    r"|(?P<zh>[01]\d|2[0-3]):?(?P<zm>[0-5]\d) (?:GMT|UTC)\b"
    r"|(?<=\bat )(?P<h24>[01]?\d|2[0-3])[:h](?P<m24>[0-5]\d)\b"
    r"|(?<=\bà )(?P<fh>[01]?\d|2[0-3])h(?P<fm>[0-5]\d)?\b"
)


def _first_words(phrases: Iterable[str]) -> list[str]:
    return [p.split(" ")[0].split("-")[0] for p in phrases]


_MODIFIERS = ["last", "next", "this"]
# Which patterns may start at a word: re scans a text far faster for one factored alternation
# of first words than for ten patterns, and each pattern then only runs anchored there.
_TRIGGERS: dict[str, tuple[str, ...]] = {}
for _kinds, _words in (
    (("month_day", "month_year"), [*MONTHS, "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                   "sept", "sep", "oct", "nov", "dec"]),
    (("month", "year"), ["in", "since", "until", "till", "by", "from", "through", "during",
                         "of", "early", "late", "en", "depuis", "before", "after", "mid"]),
    (("weekday", "month"), _MODIFIERS),
    (("weekday",), list(WEEKDAYS)),
    (("relative",), _first_words(_RELATIVE)),
    (("holiday",), ["on"]),
):  # fmt: skip
    for _word in _words:
        _TRIGGERS[fold(_word).replace("’", "'")] = (*_TRIGGERS.get(fold(_word), ()), *_kinds)
_DIGIT_KINDS = ("iso", "day_month")
_ANCHOR = re.compile(
    r"\d+|"
    + trie_regex(_capitalised({w for w in _TRIGGERS} | {w.capitalize() for w in MONTHS}))
    + r"(?![^\W\d_])"
)
_DIGITS = re.compile(r"\d+")
_FRENCH = re.compile(_FR_MONTHS + "|" + trie_regex(_capitalised(list(WEEKDAYS)[7:])))
_HEAD_LINES, _HEAD_CHARS, _DATELINE_WORDS = 3, 400, 6
_DATELINE_MARK = re.compile(r"(?i)\b(?:date|published|posted|updated|publié|mis à jour)\b[:\s]*$")
_CAPTION_START = re.compile(r"(?i)^(?:caption|photo|image|picture|file photo|illustration)\b")
_CREDIT_END = re.compile(
    r"(?:\((?:AFP|Reuters|AP|EPA|Getty Images)\)|REUTERS|AFP|Getty Images)\W*$"
)
_EMBED = re.compile(r"^[—–]|^-- |pic\.twitter\.com|\(@\w+\)|^Copyright|©")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    kind: str
    match: re.Match[str]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in a text: ``text[start:end]``, its ISO value and precision. A day and
    month read without a year or a publication date to supply one is ``--MM-DD``."""

    start: int
    end: int
    text: str
    iso: str
    precision: str


def read_dates(
    text: str, published: date | None = None, *, weekdays: bool = False
) -> list[DateMention]:
    """The dates written in ``text`` (no times), resolved against ``published`` as ``extract``
    resolves them; without ``published`` a written day and month is kept without its year,
    and with ``weekdays`` a bare weekday ("on Monday night") as ISO 8601's truncated day of any
    week (``-W-1``, precision ``weekday``): an undated story's only date is often its day."""
    out = []
    for cand in _non_overlapping(_found(text)):
        resolved = _resolve(cand, published)
        span = cand.match.group()
        if resolved is not None:
            value, start = resolved
            iso, precision = value["iso"], value["precision"]
        elif cand.kind in ("month_day", "day_month"):
            day = parse_absolute(span, _language(span), None)  # the year is not used
            if day is None:
                continue
            start, iso, precision = cand.start, f"--{day.day.month:02d}-{day.day.day:02d}", "day"
        elif weekdays and cand.kind == "weekday" and not cand.match["mod"]:
            number = WEEKDAYS[fold(cand.match["weekday"])] + 1
            start, iso, precision = cand.match.start("weekday"), f"-W-{number}", "weekday"
        else:
            continue
        out.append(DateMention(start, cand.end, text[start : cand.end], iso, precision))
    return out


def extract(doc: Document) -> list[ExtractedFact]:
    """Dates and times in ``doc``, with ISO values and their role (publication|event|other)."""
    text, published = doc.text, doc.published
    facts: list[ExtractedFact] = []
    publication_seen = False
    for cand in _non_overlapping(_found(text)):
        resolved = _resolve(cand, published)
        if resolved is None:
            continue
        value, start = resolved
        role = _role(text, start, cand, value, published, publication_seen)
        publication_seen = publication_seen or role == "publication"
        value["role"] = role
        facts.append(_fact(doc, "date", value, start, cand.end))
    facts.extend(_times(doc, facts))
    return sorted(facts, key=lambda f: f.start)


def _found(text: str) -> list[_Candidate]:
    """Every candidate date span of ``text`` (overlapping ones too)."""
    found = []
    for anchor in _ANCHOR.finditer(text):
        start = anchor.start()
        if not starts_word(text, start):
            continue
        word = anchor.group()
        kinds = _DIGIT_KINDS if word[0].isdigit() else _TRIGGERS.get(fold(word).replace("’", "'"))
        for kind in kinds or ():
            m = _PATTERNS[kind].match(text, start)
            if m is not None:
                found.append(_Candidate(start, m.end(), kind, m))
    pos = 0
    while (pos := text.find(" ago", pos) + 1) > 0:
        m = _AGO.search(text, max(0, pos - 20), pos + 3)
        if m is not None and starts_word(text, m.start()) and not text[pos + 3 : pos + 4].isalnum():
            found.append(_Candidate(m.start(), m.end(), "ago", m))
    return found


def _non_overlapping(found: list[_Candidate]) -> list[_Candidate]:
    kept: list[_Candidate] = []
    for cand in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if not any(cand.start < k.end and k.start < cand.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _language(span: str) -> str:
    return "fr" if _FRENCH.search(span) else "en"


def _value(resolved: Resolved, relative_to: date | None) -> dict[str, Any]:
    return {
        "iso": resolved.iso,
        "precision": resolved.precision,
        "relative_to": relative_to.isoformat() if relative_to else None,
    }


def _resolve(cand: _Candidate, published: date | None) -> tuple[dict[str, Any], int] | None:
    """The value and span start of a candidate; None if it needs a publication date we lack."""
    m, span = cand.match, cand.match.group()
    if cand.kind in ("iso", "month_day", "day_month", "month_year"):
        stated_year = re.search(_YEAR, span) is not None
        if not stated_year and published is None:
            return None
        resolved = parse_absolute(span, _language(span), published)
        if resolved is None:
            return None
        return _value(resolved, None if stated_year else published), cand.start
    if cand.kind == "year":
        return _value(Resolved(date(int(m["year"]), 1, 1), "year"), None), m.start("year")
    if published is None:
        return None
    if cand.kind in ("month", "weekday"):
        second = cand.kind == "month" and m["month2"] is not None
        group = "mod2" if second else "mod" if m["mod"] else None
        modifier = m[group].strip().lower() if group else None
        name = "month2" if second else cand.kind
        start = m.start(group) if group else m.start(name)
        if cand.kind == "month":
            day = month_near(published, MONTHS[fold(m[name])], modifier)
            return _value(Resolved(day, "month"), published), start
        day = weekday_on_or_before(published, WEEKDAYS[fold(m["weekday"])], modifier)
        return _value(Resolved(day, "day"), published), start
    if cand.kind == "holiday":
        month, day_of_month = _HOLIDAYS[m["holiday"].lower().replace("’", "'")]
        holiday = date(published.year, month, day_of_month)
        if holiday > published:
            holiday = date(published.year - 1, month, day_of_month)
        return _value(Resolved(holiday, "day"), published), m.start("holiday")
    if cand.kind == "relative":
        unit, offset = _RELATIVE[span.lower().replace("’", "'")]
        return _value(relative_period(published, unit, offset), published), cand.start
    resolved = parse_absolute(span, "en", published)  # "three days ago"
    return (_value(resolved, published), cand.start) if resolved else None


def _line(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _role(
    text: str, start: int, cand: _Candidate, value: dict[str, Any], published: date | None,
    publication_seen: bool,
) -> str:  # fmt: skip
    line_start, line_end = _line(text, start)
    line = text[line_start:line_end].strip()
    previous = text[:line_start].rstrip().rsplit("\n", 1)[-1].strip()
    if (
        _CAPTION_START.match(line)
        or re.match(r"(?i)^(?:caption|photo|image)s?:?$", previous)
        or _CREDIT_END.search(line)
        or _EMBED.search(line)
    ):
        return "other"
    if not publication_seen and _in_head(text, line_start) and value["relative_to"] is None:
        before = text[line_start:start]
        rest = (text[line_start:start] + text[cand.end : line_end]).split()
        dateline = (
            len(rest) <= _DATELINE_WORDS
            or before.rstrip().endswith(("(", "—", "–"))
            or _DATELINE_MARK.search(before) is not None
            or (published is not None and value["iso"] == published.isoformat())
        )
        if dateline and value["precision"] == "day":
            return "publication"
    return "event"


def _in_head(text: str, line_start: int) -> bool:
    if line_start > _HEAD_CHARS:
        return False
    return len([ln for ln in text[:line_start].split("\n") if ln.strip()]) < _HEAD_LINES


def _times(doc: Document, dates: list[ExtractedFact]) -> list[ExtractedFact]:
    out = []
    for m in _times_in(doc.text):
        if m["h"]:
            hour = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
            minute = int(m["m"] or 0)
        elif m["zh"]:
            hour, minute = int(m["zh"]), int(m["zm"])
        elif m["h24"]:
            hour, minute = int(m["h24"]), int(m["m24"])
        else:
            hour, minute = int(m["fh"]), int(m["fm"] or 0)
        sentence = doc.sentence_at(m.start())
        day = next(
            (
                d for d in sorted(dates, key=lambda d: abs(d.start - m.start()))
                if d.sentence_start == sentence.start and d.value["precision"] == "day"
            ),
            None,
        )  # fmt: skip
        prefix = f"{day.value['iso']}T" if day else ""
        value: dict[str, Any] = {
            "iso": f"{prefix}{hour:02d}:{minute:02d}",
            "precision": "time",
            "relative_to": day.value["relative_to"] if day else None,
            "role": day.value["role"] if day else "event",
        }
        if m["utc"] or m["zh"]:
            utc_h, utc_m = (m["utc"], m["utc_m"]) if m["utc"] else (m["zh"], m["zm"])
            value["utc"] = f"{prefix}{int(utc_h):02d}:{utc_m}Z"
        out.append(_fact(doc, "time", value, m.start(), m.end()))
    return out


def _times_in(text: str) -> Iterable[re.Match[str]]:
    pos = 0
    while (digit := _DIGITS.search(text, pos)) is not None:
        pos = digit.end()
        if starts_word(text, digit.start()) and (m := _TIME.match(text, digit.start())):
            pos = m.end()
            yield m


def _fact(doc: Document, kind: str, value: dict[str, Any], start: int, end: int) -> ExtractedFact:
    sentence_start, sentence_end = sentence_bounds(doc, start, end)
    return ExtractedFact(
        field="dates",
        kind=kind,
        value=value,
        start=start,
        end=end,
        text=doc.text[start:end],
        sentence_start=sentence_start,
        sentence_end=sentence_end,
    )


_CALENDAR_WORDS = frozenset([*MONTHS, *WEEKDAYS, *SEASONS])
# Words that only qualify a calendar word ("mid-September", "early spring", "the fall of 2019").
_CALENDAR_QUALIFIERS = frozenset(["mid", "early", "late", "of", "the", "last", "next", "this"])
_YEAR_WORD = re.compile(r"(?:19|20)\d\d")


def reads_as_date(span: str) -> bool:
    """Whether ``span`` names a time and nothing else: the dates reader reads all of it
    ("September 2016", "17 September"), or its words are calendar words -- months, weekdays,
    seasons, years -- and their qualifiers ("March", "Spring 2020", "mid-September")."""
    stripped = span.strip(" ,.;:")
    if not stripped:
        return False
    if any(m.start == 0 and m.end == len(stripped) for m in read_dates(stripped)):
        return True
    words = [w for w in re.split(r"[\s\-–]+", stripped.lower().replace(".", "")) if w]
    return any(w in _CALENDAR_WORDS or _YEAR_WORD.fullmatch(w) for w in words) and all(
        w in _CALENDAR_WORDS or w in _CALENDAR_QUALIFIERS or _YEAR_WORD.fullmatch(w) for w in words
    )
