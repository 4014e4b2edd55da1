"""Amounts in running text: numbers with their hedges, cited by character offsets.

Rule families, in the order ``find_amounts`` applies them:

- **Numbers.** Digits with separators and scales ("62", "300,000", "1.5 million", "$5 million");
  number words read by text2num behind ``parse_number_words`` ("Sixty-two", "one hundred and
  twenty"), plus what text2num does not read: "a hundred", "a dozen", "two dozen".
- **Vague amounts** (qualifier ``vague``, ``min`` only, ``max`` None). The floor is the least the
  plural can honestly mean, i.e. two of the unit: dozens 24, scores 40, hundreds 200, thousands
  2,000, tens of thousands 20,000, hundreds of thousands 200,000, millions 2,000,000; "several"
  3, "a few" and "a handful" 2 (times a following scale: "several hundred" 300).
- **Calendar numbers and labels are not amounts**: ISO dates, days of the month next to a month
  name, clock times ("5 p.m.", "1400 GMT"), years (four digits 1800-2100 after a year cue such
  as "in", or not followed by a lower-case noun), digits after a label ("Resolution 2254",
  "Flight 370", "Chapter 11") and codes ("F-16", "COVID-19", "G20", "9/11", telephone
  numbers) are skipped.
- **Ranges** ``range`` min..max: "30 to 62", "30-62", "between 30 and 62", "two or three".
  "from 30 to 62" is a change, not a range: it yields two amounts.
- **Hedges** before the number (``hedges.HEDGES``) or after it ("or more", "or so", "-plus");
  ``hedges.interval`` derives min/max from the stated number, the one place that does.
  at_least: "more than/over 60" min 61 (strict), "at least 80" min 80; at_most: "up to 83" and
  "as many as 80" max 83/80, "fewer than/less than/under 50" max 49; "nearly/almost 50" max 49
  (they mean just short of the figure); approx: "about/around/some/roughly 50" min = max = 50.
  The strict +1/-1 applies to whole numbers only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from corpus.facts.hedges import AFTER_HEDGES, HEDGES, interval
from corpus.facts.lexicons import trie_regex

Number = int | float

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9}
_WORDS = [*_UNITS, *_TENS, *_SCALE_WORDS, "dozen"]
_WORD = trie_regex(_WORDS)
_VAGUE_WORDS = ["tens", "hundreds", "thousands", "millions", "dozens", "scores", "several"]

_VAGUE_FLOORS = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "millions": 2_000_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "tens of millions": 20_000_000,
    "hundreds of millions": 200_000_000,
}
_FEW_FLOORS = {"several": 3, "a few": 2, "a handful": 2}

# The leading lookahead only lets the alternation start where a number can: a currency sign,
# a digit, "a"/"an", or a word opening with the first three letters of some number word. Most
# words fail it at once ("the", "for", "said"), which keeps the scan of news copy cheap.
_NUMBER_START = trie_regex({w[:3] for w in [*_WORDS, *_VAGUE_WORDS]})
_NUMBER = re.compile(
    rf"(?=[$€£]|\b(?:\d|an?\s|{_NUMBER_START}))"
    r"(?:(?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores(?=\s+of\b)"
    r"|hundreds|thousands|millions)\b"
    r"|\b(?:several|a\s+few|a\s+handful)\b(?:\s+(?:hundred|thousand|million|dozen)\b)?)"
    rf"|(?P<words>\b(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?:{_WORD})\b"
    rf"(?:(?:\s+and\s+|[ \t\u00a0-]+)(?:{_WORD})\b)*)"
    r"|(?P<digits>(?<![\w.,:/#@\u2011])(?<![A-Za-z]-)(?P<currency>[$€£])?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w\u2011])(?![.,:/]\d)"
    r"(?:\s*(?P<scale>hundred|thousand|million|billion|bn)\b)?))",
    re.IGNORECASE,
)

_ONE_WORD = re.compile(rf"\b(?:{_WORD})\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
# French copy (syndicated pages) writes months in lower case.
_MONTHS_FR = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
# Every calendar form opens with a digit or a capitalised month: the lookahead skips other
# positions without trying the alternation.
_CALENDAR = re.compile(
    r"(?=[\dJFMASOND])(?:\b\d{4}-\d{2}-\d{2}\b"
    rf"|\b(?:{trie_regex(_MONTHS.split('|'))})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS}|{_MONTHS_FR})\b"
    r"|\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.m\.|(?i:[ap]m)\b)"
    r"|\b\d{1,2}:\d{2}\b"
    r"|\b\d{3,4}\s*(?:GMT|UTC|hrs|local\s+time)\b)"
)
# Telephone numbers are codes, not amounts: "(555) 014-2290", "555-014-2290", "1-800-555-0199".
_PHONE = re.compile(r"(?:\b1-)?(?:\(\d{3}\)\s*|\b\d{3}[-.])\d{3}[-.](?:\d{4}|[A-Z]{4})\b")
# A number right after one of these labels names something ("Resolution 2254", "Flight 370").
_LABEL_BEFORE = re.compile(
    r"\b(?:resolution|article|chapter|section|paragraph|clause|flight|route|highway|page|no\."
    r"|number|brigade|division|battalion|regiment|corps|unit|room|gate|terminal|platform|building"
    r"|block|sector|zone|camp|ward|district|phase|stage|level|category|version|model|channel"
    r"|item|rule|protocol|act)\s+$",
    re.IGNORECASE,
)
_YEAR_CUE = re.compile(
    rf"\b(?:the|in|since|of|by|until|till|from|during|before|after|early|late|mid|year|{_MONTHS})"
    r"[\s,.-]*$",
    re.IGNORECASE,
)
_LOWER_WORD_NEXT = re.compile(r"\s+[a-z]")

_HEDGE_BEFORE = re.compile(
    r"(?<![\w-])(?P<hedge>"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True))
    + r"|between|from)\s+$",
    re.IGNORECASE,
)
_HEDGE_AFTER = re.compile(r"(?:\s+or\s+more\b|\s+or\s+so\b|-?plus\b|\+)", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|or)\s*$|\s+and\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Amount:
    """A hedged number: ``[start, end)`` covers hedge and number, ``number_*`` the number alone.

    ``number`` is the figure as stated (the lower end of a range, the floor of a vague amount).
    """

    start: int
    end: int
    number_start: int
    number_end: int
    number: Number
    min: Number | None
    max: Number | None
    qualifier: str
    in_words: bool = False


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    value: Number
    vague: bool
    in_words: bool


def parse_number_words(phrase: str) -> Number | None:
    """The value of an English number phrase ("Sixty-two", "a hundred", "two dozen"), or None."""
    words = re.sub(r"[\s\u00a0-]+", " ", phrase.strip().lower()).split(" ")
    if words and words[0] in {"a", "an"}:
        words[0] = "one"
    if words and words[-1] == "dozen":
        head = parse_number_words(" ".join(words[:-1])) if len(words) > 1 else 1
        return None if head is None else head * 12
    try:
        return int(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every hedged amount in ``text[start:end]``, in order; calendar numbers are skipped."""
    return list(_amounts(text, start, len(text) if end is None else end))


# Casualties, equipment and quantities all read the amounts of the same sentences.
@lru_cache(maxsize=4096)
def _amounts(text: str, start: int, end: int) -> tuple[Amount, ...]:
    tokens = _tokens(text, start, end)
    amounts: list[Amount] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        before = _HEDGE_BEFORE.search(text, max(start, tok.start - 25), tok.start)
        hedge = before.group("hedge").lower() if before else None
        hedge = _SPACES.sub(" ", hedge) if hedge else None
        if nxt is not None and _is_range(text, tok, nxt, hedge):
            lo = before.start() if hedge == "between" and before else tok.start
            amounts.append(
                Amount(
                    lo,
                    nxt.end,
                    tok.start,
                    nxt.end,
                    tok.value,
                    tok.value,
                    nxt.value,
                    "range",
                    tok.in_words,
                )
            )
            i += 2
            continue
        amounts.append(_hedged(text, tok, before, hedge, end))
        i += 1
    return tuple(amounts)


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    calendar = [m.span() for m in _CALENDAR.finditer(text, start, end)]
    if "-" in text[start:end]:
        calendar += [m.span() for m in _PHONE.finditer(text, start, end)]
    out: list[_Token] = []
    pos = start
    while (m := _NUMBER.search(text, pos, end)) is not None:
        pos = m.end()
        if any(cs < m.end() and m.start() < ce for cs, ce in calendar):
            continue
        token = _token(text, m, start)
        if token is not None:
            out.append(token)
            pos = token.end
    return out


def _token(text: str, m: re.Match[str], region_start: int) -> _Token | None:
    s, e = m.span()
    phrase = _SPACES.sub(" ", m.group().lower())
    if m.group("vague"):
        few = next((w for w in _FEW_FLOORS if phrase.startswith(w)), None)
        if few is None:
            return _Token(s, e, _VAGUE_FLOORS[phrase], True, True)
        rest = phrase[len(few) :].strip()
        scale = 12 if rest == "dozen" else _SCALE_WORDS.get(rest, 1)
        return _Token(s, e, _FEW_FLOORS[few] * scale, True, True)
    if m.group("words"):
        if phrase == "one" and re.search(r"\bno\s+$", text[max(region_start, s - 4) : s], re.I):
            return None  # "no one was hurt"
        # "two and three" is two numbers: keep the longest prefix text2num can read.
        ends = [w.end() for w in _ONE_WORD.finditer(text, s, e)]
        for stop in reversed(ends):
            read = parse_number_words(text[s:stop])
            if read is not None:
                return _Token(s, stop, read, False, True)
        return None
    digits = m.group("digits")
    number_text = digits.lstrip("$€£").strip()
    scale_word = (m.group("scale") or "").lower()
    if scale_word:
        number_text = number_text[: -len(m.group("scale"))].strip()
    raw = number_text.replace(",", "")
    value: Number = (float(raw) if "." in raw else int(raw)) * {"bn": 10**9, **_SCALE_WORDS}.get(
        scale_word, 1
    )
    value = int(value) if float(value).is_integer() else value
    if not scale_word and _is_year(text, s, e, raw, region_start):
        return None
    if _LABEL_BEFORE.search(text, max(region_start, s - 12), s):
        return None
    return _Token(s, e, value, False, False)


def _is_year(text: str, s: int, e: int, raw: str, region_start: int) -> bool:
    if len(raw) != 4 or not raw.isdigit() or not 1800 <= int(raw) <= 2100:
        return False
    if _YEAR_CUE.search(text, max(region_start, s - 12), s):
        return True
    return not _LOWER_WORD_NEXT.match(text, e)


def _is_range(text: str, tok: _Token, nxt: _Token, hedge: str | None) -> bool:
    if tok.vague or nxt.vague or hedge == "from" or not nxt.value > tok.value:
        return False
    join = _RANGE_JOIN.match(text[tok.end : nxt.start] + " ")
    if join is None or nxt.start - tok.end > 6:
        return False
    return hedge == "between" if "and" in join.group().lower() else True


def _hedged(
    text: str, tok: _Token, before: re.Match[str] | None, hedge: str | None, end: int
) -> Amount:
    if tok.vague:
        return Amount(
            tok.start,
            tok.end,
            tok.start,
            tok.end,
            tok.value,
            tok.value,
            None,
            "vague",
            tok.in_words,
        )
    value = tok.value
    if before is not None and hedge in HEDGES:
        qualifier, step = HEDGES[hedge]
        lo, hi = interval(value, qualifier, step)
        return Amount(
            before.start(), tok.end, tok.start, tok.end, value, lo, hi, qualifier, tok.in_words
        )
    after = _HEDGE_AFTER.match(text, tok.end, end)
    if after is not None:
        word = re.sub(r"[\s+-]+", " ", after.group().lower()).strip() or "plus"
        qualifier = AFTER_HEDGES[word]
        lo, hi = interval(value, qualifier)
        return Amount(
            tok.start, after.end(), tok.start, tok.end, value, lo, hi, qualifier, tok.in_words
        )
    return Amount(
        tok.start, tok.end, tok.start, tok.end, value, value, value, "exact", tok.in_words
    )
