"""What an article *states*: the figures, dates and places a pure extractor can be expected to find.

Gold describes the incident; an article may state it, another figure, or nothing. Scores are
taken where the text states the gold value, by these rules (sentences from syntok, independent
of the extractor under test):

* A casualty **figure** of a kind (killed / injured) is a number, as digits or a number word
  zero..twenty, within ``WINDOW`` tokens of a casualty word of that kind in the same clause (a
  sentence cut at ``; : — – ( )``). Numbers that count something else are not figures: ages
  ("Name, 23,", "aged 23", "23-year-old"), times ("8 p.m."), days after a month name, years,
  street numbers ("1600 block"), numbers glued to a word by a hyphen ("AR-15") and numbers
  followed by a unit ("three shots", "two hours").
* A **singular victim** with no numeral states 1: "a/an" and up to two words before a person
  noun ("a 20-year-old man", "an off-duty officer"), or "the victim", in a clause with a
  casualty word of the kind ("a man was shot and killed" states 1 killed).
* Killed words: kill, dead, die, death, fatal(ly), murder(ed), slain, "lives". Injured words:
  injure, wound, hurt, hospitalised, and "shot" only in a clause with no killed word ("a man
  was shot" is injured; "five were shot, two fatally" states no injured figure). "Shot" within
  two words of a killed word is a killed phrase ("shot and killed", "fatally shot").
* A number belongs to the casualty word nearest to it, preferring one it is not separated from
  by "and" or a comma ("a woman was killed and three were hurt": three hurt), the later one on a
  tie.
* Zero is never stated ("no one was hurt" is not counted).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from syntok import segmenter

from bench.accuracy.matching import parse_number

WINDOW = 6
KINDS = ("killed", "injured")

_KILLED = re.compile(
    r"kill\w*|dead|deaths?|die[ds]?|dying|fatal(?:ly|ity|ities)?|murder\w*|slain|lives", re.I
)
_INJURED = re.compile(r"injur\w*|wound\w*|hurt|hospitali[sz]\w*", re.I)
_BOUNDARIES = {"and", ",", "but", "while", "or", "as"}
_CLAUSE_BREAKS = {";", ":", "—", "–", "(", ")"}
# Words after a number that make it count something other than people.
_UNITS = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
    "minute", "minutes", "second", "seconds", "shot", "shots", "round", "rounds", "time",
    "times", "bullet", "bullets", "feet", "foot", "yards", "mile", "miles", "percent", "%",
    "caliber", "calibre", "mm", "block", "a.m", "p.m", "am", "pm", "o'clock", "dollars",
    "counts", "count", "grade", "th", "st", "nd", "rd",
}  # fmt: skip
_BEFORE_NOT_FIGURE = {
    "age", "aged", "ages", "no", "number", "$", "#", "route", "highway", "interstate",
}  # fmt: skip
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTH_WORDS = {m.lower() for m in _MONTH_NAMES} | {m.lower()[:3] for m in _MONTH_NAMES} | {"sept"}
_PERSON_NOUNS = {
    "man", "woman", "boy", "girl", "teen", "teenager", "person", "child", "toddler", "infant",
    "baby", "student", "officer", "deputy", "trooper", "driver", "resident", "father",
    "mother", "son", "daughter", "husband", "wife", "brother", "sister", "victim", "youth",
    "juvenile", "male", "female", "bystander", "customer", "clerk", "employee", "guard",
    "neighbor", "neighbour", "friend", "relative",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a clause: its text and where it starts and ends in the article."""

    value: str
    start: int
    end: int


def clauses(text: str) -> Iterator[list[Token]]:
    """The article's clauses: syntok sentences cut at semicolons, colons, dashes, brackets."""
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            clause: list[Token] = []
            for tok in sentence:
                if tok.value in _CLAUSE_BREAKS:
                    if clause:
                        yield clause
                    clause = []
                    continue
                clause.append(Token(tok.value, tok.offset, tok.offset + len(tok.value)))
            if clause:
                yield clause


def is_killed_word(word: str) -> bool:
    """A word that says someone died."""
    return _KILLED.fullmatch(word) is not None


def is_injured_word(word: str) -> bool:
    """A word that says someone was hurt (``shot`` is decided per clause, see the module)."""
    return _INJURED.fullmatch(word) is not None


def _word_kind(word: str) -> str | None:
    if is_killed_word(word):
        return "killed"
    if is_injured_word(word):
        return "injured"
    return "shot" if word.lower() == "shot" else None


def _attach(
    words: Sequence[str], kinds: Sequence[str | None], i: int, killed_here: bool
) -> str | None:
    """The kind of the casualty word token ``i`` belongs to: the nearest within ``WINDOW``,
    one not across "and" or a comma first ("a woman was killed and three were hurt"), the
    later one on a tie."""
    best: tuple[int, int, int] | None = None
    for j, kind in enumerate(kinds):
        if kind is None or j == i or abs(j - i) > WINDOW:
            continue
        between = words[min(i, j) + 1 : max(i, j)]
        crosses = any(w in _BOUNDARIES for w in between)
        key = (int(crosses), abs(j - i), -j)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    kind = kinds[-best[2]]
    if kind == "shot":
        return None if killed_here else "injured"
    return kind


def _figure_at(clause: Sequence[Token], i: int, text: str) -> int | None:
    """The number token ``i`` spells, unless it counts something other than people."""
    tok = clause[i]
    value = parse_number(tok.value)
    if value is None or value == 0 or 1900 <= value <= 2100:
        return None
    if text[tok.start - 1 : tok.start] == "-" or text[tok.end : tok.end + 1] == "-":
        return None
    before = clause[i - 1].value.lower() if i > 0 else ""
    after = clause[i + 1].value.lower() if i + 1 < len(clause) else ""
    if before in _BEFORE_NOT_FIGURE or before.rstrip(".") in _MONTH_WORDS:
        return None
    if after in _UNITS:
        return None
    # "Name, 23, died": a number between commas right after a capitalised word is an age.
    if before == "," and after == "," and i > 1 and clause[i - 2].value[:1].isupper():
        return None
    return value


def _singular_victim_at(clause: Sequence[Token], i: int) -> bool:
    """Token ``i`` is a person noun led by "a"/"an" ("a 20-year-old man"), or "the victim"."""
    word = clause[i].value.lower()
    if word == "victim":
        return i > 0 and clause[i - 1].value.lower() == "the"
    if word not in _PERSON_NOUNS:
        return False
    return any(t.value.lower() in {"a", "an"} for t in clause[max(0, i - 4) : i])


def figures(text: str, kind: str) -> set[int]:
    """Every figure of ``kind`` the article states (see the module for the rules)."""
    found: set[int] = set()
    for clause in clauses(text):
        kinds = [_word_kind(t.value) for t in clause]
        if not any(kinds):
            continue
        # "shot and killed", "fatally shot", "shot dead", "shot to death" are one killed phrase.
        kinds = [
            "killed" if k == "shot" and "killed" in kinds[max(0, j - 2) : j + 3] else k
            for j, k in enumerate(kinds)
        ]
        killed_here = "killed" in kinds
        words = [t.value.lower() for t in clause]
        for i in range(len(clause)):
            if _attach(words, kinds, i, killed_here) != kind:
                continue
            value = _figure_at(clause, i, text)
            if value is not None:
                found.add(value)
            elif _singular_victim_at(clause, i):
                found.add(1)
    return found


def states_figure(text: str, kind: str, values: set[int]) -> bool:
    """Whether the article states any of ``values`` as a figure of ``kind``."""
    return bool(figures(text, kind) & values)


_AP_MONTHS = {1: "Jan", 2: "Feb", 8: "Aug", 9: "Sept?", 10: "Oct", 11: "Nov", 12: "Dec"}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def month_day_pattern(day: date) -> re.Pattern[str]:
    """ "Month D" for a date, with AP abbreviations ("Sept. 11", "September 11th")."""
    names = [_MONTH_NAMES[day.month - 1]]
    if day.month in _AP_MONTHS:
        names.append(_AP_MONTHS[day.month] + r"\.?")
    return re.compile(rf"\b(?:{'|'.join(names)})\s+{day.day}(?:st|nd|rd|th)?(?!\d)")


def states_date(text: str, event: date, published: date | None) -> bool:
    """Whether an article states its event's date: "Month D", or a weekday or "yesterday" /
    "today" that resolves to it against the publication date (within six days)."""
    if month_day_pattern(event).search(text):
        return True
    if published is None:
        return False
    delta = (published - event).days
    if 0 <= delta <= 6 and re.search(rf"\b{_WEEKDAYS[event.weekday()]}\b", text):
        return True
    if delta == 1 and re.search(r"\byesterday\b", text, re.IGNORECASE):
        return True
    return delta == 0 and re.search(r"\b(?:today|tonight|this morning)\b", text, re.I) is not None


def states_name(text: str, name: str) -> bool:
    """Whether a name occurs verbatim in the text, on word boundaries."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None
