"""Dates read at question time for "When ...?" in the best retrieved passages, with the corpus
dates reader (``corpus.facts.dates.read_dates``): a date ingest could not store because the
article has no publication date to give it a year ("on October 2") is still an answer, said
as written ("October 2"). Only the best few passages are read (bounded work)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise

from lemminflect import getAllInflections, getAllLemmas
from sqlmodel import Session

from corpus.facts.dates import read_dates
from corpus.facts.lexicons import MONTHS, WEEKDAYS, fold
from corpus.tables import Fact
from search.answer.candidates import Candidate, overlap, read_sentences, stems
from search.answer.questions import Interpretation
from search.backend import PassageBackend

PASSAGES_READ = 6
# Words that say a sentence tells the event itself, so a date in it is likely its date.
_EVENT_CUES = re.compile(
    r"\b(?:shot|shooting|shootings|killed|died|wounded|injured|fired|happened|occurred|"
    r"attack(?:ed)?|struck|stabbed|found|crash(?:ed)?|exploded|broke\s+out)\b",
    re.I,
)
# A reporting verb right before a date: when something was said, not when it happened.
_REPORTED = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|confirmed|added|stated|released|"
    r"identified\s+\w+|updated)\s+(?:on\s+|late\s+|early\s+|this\s+)?$",
    re.I,
)


# A date in a wire dateline ("NEW YORK, March 2 - ..."): the day of the report.
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{1,30}\)\s*)?[-–—]")
DATELINE_CUE = 0.5


def in_dateline(fact: Fact) -> bool:
    """Whether a date is a wire dateline's ("CORNING, N.Y., March 2 -"): it opens its sentence
    after a place and a comma, and a dash follows it."""
    offset = fact.start - fact.sentence_start
    after = fact.sentence_text[fact.end - fact.sentence_start :]
    return (
        offset <= 40 and "," in fact.sentence_text[:offset] and bool(_DATELINE_AFTER.match(after))
    )


def event_cue(fact: Fact) -> float:
    """How surely a date tells when the event happened, by its sentence: 1 when the sentence
    tells the event, 0.7 otherwise, and less after a reporting verb ("police said Wednesday":
    when it was said)."""
    sentence = fact.sentence_text
    cue = 1.0 if _EVENT_CUES.search(sentence) else 0.7
    if _REPORTED.search(sentence[: fact.start - fact.sentence_start]):
        cue *= 0.6
    if in_dateline(fact):
        cue *= DATELINE_CUE
    return cue


NEAR_CHARS = 40  # an asked word this close to a date, in its sentence, is what it dates


def asked_near(fact: Fact, words: Sequence[str]) -> bool:
    """Whether one of the question's event words ("arrested", "died", "funeral") stands
    next to the date in its sentence ("was arrested Sunday", "died early Monday"): the date
    is then that event's, not another's the sentence also tells."""
    return asked_distance(fact, words) is not None


def asked_distance(fact: Fact, words: Sequence[str]) -> int | None:
    """How many characters lie between a date and the nearest of the question's event words
    in its sentence, when one is within ``NEAR_CHARS``; else None."""
    if not words:
        return None
    wanted = set(words)
    sentence = fact.sentence_text
    start, end = fact.start - fact.sentence_start, fact.end - fact.sentence_start
    best = None
    for m in _TOKEN.finditer(sentence, max(0, start - NEAR_CHARS), end + NEAR_CHARS):
        if (m.end() <= start or m.start() >= end) and stems(m.group(0)) & wanted:
            gap = start - m.end() if m.end() <= start else m.start() - end
            best = gap if best is None else min(best, gap)
    return best


NEAR_BONUS = 0.05  # at most this much added to a date right next to an asked word
DATELINE_BONUS = -0.15  # a dateline's date is the report's day, rarely the asked event's


def nearness_bonus(fact: Fact, words: Sequence[str]) -> float:
    """A small score bonus for a date the nearer an asked word stands to it ("meeting Tuesday"
    over "announcement yesterday" for a question about the meeting), and a penalty for a
    dateline's date."""
    if in_dateline(fact):
        return DATELINE_BONUS
    gap = asked_distance(fact, words)
    return 0.0 if gap is None else NEAR_BONUS * (1 - gap / NEAR_CHARS)


_TOKEN = re.compile(r"[A-Za-z]+")
# Words before a date that put it ahead of the report: "will vote on March 31", "is scheduled
# for April 2", "an offer to begin Thursday", "the meeting, set for ...", and a company's
# yearly or special meeting named right before its day ("at the annual meeting April 23"):
# wire copy announces those ahead.
_FUTURE = re.compile(
    r"(?:\b(?:will|shall|must|(?:is|are|was|were)\s+(?:scheduled|expected|set|due|slated|to\s+be)|"
    r"(?:is|are)\s+going\s+to|plans?\s+to|to\s+be\s+held|next)\b[^.;]*|\b(?:annual|special)\s+(?:(?:shareholders|stockholders|"
    r"general)['’]?\s+)?meeting\s+(?:on\s+)?|"
    # "a tender offer to begin Thursday", "nominations to close on Wednesday": a start or an
    # end that the infinitive puts ahead
    r"\bto\s+(?:begin|start|commence|open|close|end|expire|resume|take\s+effect)\s+(?:on\s+)?)$",
    re.I,
)
# Words after which a participle is the future's own passive ("will be held Saturday", "is
# scheduled for Tuesday"), not a past event.
_AUXILIARIES = frozenset({"be", "is", "are", "was", "were", "been", "being"})
FUTURE_DAYS = 300  # a date moved a year ahead must fall within this many days of publication


def in_the_future(candidate: Candidate) -> Candidate:
    """A day written without its year ("on March 31") is read as the last one on or before
    publication; when its sentence tells it ahead ("will vote on March 31") and that reading
    lies in the past, it is the next one."""
    fact = candidate.fact
    published = candidate.article.published
    iso = str(fact.value.get("iso") or "")
    month = re.fullmatch(r"\d{4}-\d{2}", iso) is not None  # "will have to wait until June"
    if published is None or (len(iso) < 10 and not month) or re.search(r"\d{4}", fact.text):
        return candidate
    weekday = fold(fact.text.split()[-1]) in WEEKDAYS if fact.text.split() else False
    try:
        day = date.fromisoformat(f"{iso}-01" if month else iso[:10])
        # "will vote on Tuesday": the next Tuesday, a week on from the last one
        ahead = day + timedelta(days=7) if weekday else day.replace(year=day.year + 1)
    except ValueError:  # a 29 February
        return candidate
    before = fact.sentence_text[: max(0, fact.start - fact.sentence_start)]
    # a month ahead: its first day after the report's month, within the same bound
    current = published.replace(day=1) if month else published
    if day >= current or not (ahead - published).days <= FUTURE_DAYS:
        return candidate
    cue = _FUTURE.search(before)
    if cue is None or (weekday and _past_between(cue.group(0))):
        return candidate  # "will bury the man shot Saturday": the day is the shooting's
    moved = ahead.isoformat()[:7] if month else ahead.isoformat() + iso[10:]
    value = {**fact.value, "iso": moved}
    return replace(candidate, fact=fact.model_copy(update={"value": value}))


def _past_between(cue: str) -> bool:
    """Whether a past form stands in the words after a future cue, not as the passive of an
    auxiliary: "will name the man shot Saturday" dates the shooting, not a day ahead."""
    words = [w.lower() for w in _TOKEN.findall(cue)]
    return any(before not in _AUXILIARIES and _past_form(word) for before, word in pairwise(words))


@lru_cache(maxsize=4096)
def _past_form(word: str) -> bool:
    """Whether ``word`` is a verb's past tense or participle in lemminflect's English lexicon
    ("shot", "left", "killed"), regular or not. A form spelt as its verb's base ("plead",
    "hit", "set") is read as the base: after "will" it is most often the future's verb."""
    for lemma in getAllLemmas(word).get("VERB", ()):
        if lemma == word:
            continue
        forms = getAllInflections(lemma, upos="VERB")
        if word in forms.get("VBD", ()) or word in forms.get("VBN", ()):
            return True
    return False


_MONTH_NAMES = [name.capitalize() for name in list(MONTHS)[:12]]
_WEEKDAY_NAMES = [name.capitalize() for name in list(WEEKDAYS)[:7]]


def date_text(iso: str) -> str:
    """A date as answered: ISO ("2016-09-17", "2016-09-17 17:00"), "October 2" for a day
    and month without a year (``--10-02``), "Monday" for a weekday alone (``-W-1``), and
    "September 2016" for a month (``2016-09``: ISO's month form reads as a day to a user)."""
    if re.fullmatch(r"\d{4}-\d{2}", iso):
        return f"{_MONTH_NAMES[int(iso[5:7]) - 1]} {iso[:4]}"
    if iso.startswith("--"):
        return f"{_MONTH_NAMES[int(iso[2:4]) - 1]} {int(iso[5:7])}"
    if iso.startswith("-W-"):
        return _WEEKDAY_NAMES[int(iso[3:]) - 1]
    return iso.replace("T", " ")


def recognised_dates(
    session: Session, index: PassageBackend, interp: Interpretation
) -> list[Candidate]:
    """Dates written in the best passages' sentences, scored by their sentence's match."""
    out = []
    for read in read_sentences(session, index, interp, PASSAGES_READ):
        published = read.article.published
        found = [
            (m.start, m.end, m.iso, m.precision)
            for m in read_dates(read.text, published, weekdays=published is None)
        ]
        if interp.focus == "year":
            found += [
                (m.start(), m.end(), m.group(0), "year")
                for m in _YEAR_MODIFIER.finditer(read.text)
                if not any(s <= m.start() < e for s, e, _, _ in found)
            ]
        for s, e, iso, precision in found:
            value = {"iso": iso, "precision": precision, "role": "event"}
            fact = read.fact("dates", "date", value, read.start + s, read.start + e)
            match = overlap(interp.terms, read.text)
            out.append(Candidate(fact, read.article, match, read.passage.relative_score))
    return out


# A year written as a modifier of the event it dates ("<Town>'s 1954 annexation", "the 1998
# election"), which the dates reader leaves to be an amount: read for "In what year ...?".
_YEAR_MODIFIER = re.compile(
    r"(?:(?<=['’]s )|(?<=\bthe )|(?<=\bits )|(?<=\bhis )|(?<=\bher )|(?<=\btheir ))"
    r"(?:1[89]|20)\d{2}(?= [a-z]{3,})(?! block)"
)
