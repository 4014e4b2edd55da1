"""Dates read at question time for "When ...?" in the best retrieved passages, with the corpus
dates reader (``corpus.facts.dates.read_dates``): a date ingest could not store because the
article has no publication date to give it a year ("on October 2") is still an answer, said
as written ("October 2"). Only the best few passages are read (bounded work)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlmodel import Session

from corpus.facts.dates import read_dates
from corpus.facts.lexicons import MONTHS
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


def event_cue(fact: Fact) -> float:
    """How surely a date tells when the event happened, by its sentence: 1 when the sentence
    tells the event, 0.7 otherwise, and less after a reporting verb ("police said Wednesday":
    when it was said)."""
    sentence = fact.sentence_text
    cue = 1.0 if _EVENT_CUES.search(sentence) else 0.7
    if _REPORTED.search(sentence[: fact.start - fact.sentence_start]):
        cue *= 0.6
    return cue


NEAR_CHARS = 40  # an asked word this close to a date, in its sentence, is what it dates


def asked_near(fact: Fact, words: Sequence[str]) -> bool:
    """Whether one of the question's event words ("arrested", "died", "funeral") stands
    next to the date in its sentence ("was arrested Sunday", "died early Monday"): the date
    is then that event's, not another's the sentence also tells."""
    if not words:
        return False
    wanted = set(words)
    sentence = fact.sentence_text
    start, end = fact.start - fact.sentence_start, fact.end - fact.sentence_start
    for m in _TOKEN.finditer(sentence, max(0, start - NEAR_CHARS), end + NEAR_CHARS):
        if (m.end() <= start or m.start() >= end) and stems(m.group(0)) & wanted:
            return True
    return False


_TOKEN = re.compile(r"[A-Za-z]+")
_MONTH_NAMES = [name.capitalize() for name in list(MONTHS)[:12]]


def date_text(iso: str) -> str:
    """A date as answered: ISO ("2016-09-17", "2016-09-17 17:00"), or "October 2" for a day
    and month without a year (``--10-02``)."""
    if iso.startswith("--"):
        return f"{_MONTH_NAMES[int(iso[2:4]) - 1]} {int(iso[5:7])}"
    return iso.replace("T", " ")


def recognised_dates(
    session: Session, index: PassageBackend, interp: Interpretation
) -> list[Candidate]:
    """Dates written in the best passages' sentences, scored by their sentence's match."""
    out = []
    for read in read_sentences(session, index, interp, PASSAGES_READ):
        for mention in read_dates(read.text, read.article.published):
            value = {"iso": mention.iso, "precision": mention.precision, "role": "event"}
            start, end = read.start + mention.start, read.start + mention.end
            fact = read.fact("dates", "date", value, start, end)
            match = overlap(interp.terms, read.text)
            out.append(Candidate(fact, read.article, match, read.passage.relative_score))
    return out
