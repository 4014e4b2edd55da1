"""The article's main event: its day and its most specific place, each grounded by a span.

Found once per article by the pipeline from the date, place and casualty facts and one pass over
the sentences' words, and stored, so questions like "How many were hurt in the March 3 fire in
Leeds?" can be pinned to articles by a stored row rather than by reading every article again.

Evidence counts more where news copy tells the event: the headline and first sentences (the
lead: ``_LEAD_WEIGHT``, else 1) and sentences that state casualties or name an incident
(shooting, killed, blast...: ``+ _CASUALTY_BONUS``). Each day or place sums its mentions'
scores; the highest wins (ties: the earlier first mention).

- **Date**: day-precision ``event`` dates ("on Saturday", "yesterday", "Tuesday night",
  "March 3"; the dates extractor resolved them against the publication date). A date in a
  sentence about the aftermath (charged, court, arrested, vigil...) or told as when someone
  spoke ("police said Sunday") counts ``_LATER_STEP`` as much, unless it names the incident
  itself ("the March 3 shooting"); lines that date the page ("Posted: ...") count nothing.
  Without one: the dateline's date (``publication`` role, with its span), else the publication
  date without a span. ``date_from`` says which (text | dateline | published).
- **Place**: the most specific of the places named where the event is told (anywhere when
  nowhere there), by kind: street or landmark < neighbourhood < town or city < county < region
  or state < country (kinds the gazetteer does not give sort with counties). ``locality`` is the
  best town or city among them, so a landmark still says which city it is in.

Measured on news-dev (tests cannot carry its text; see the README's figures): day exact 81%,
within a day 90%; place names the incident's city or neighbourhood in 57-65%.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from corpus.facts.document import Document
from corpus.facts.model import ExtractedFact

# How specific each place kind is: lower is more specific.
_SPECIFICITY = {
    "street": 0, "landmark": 0, "neighbourhood": 1, "neighborhood": 1, "city": 2, "town": 2,
    "county": 3, "region": 4, "state": 4, "country": 5,
}  # fmt: skip
_UNKNOWN_KIND = 3
_CITY_KINDS = frozenset({"city", "town"})

_LEAD_SENTENCES = 4  # the headline and about three sentences of body
_LEAD_WEIGHT = 2.0
_CASUALTY_BONUS = 2.0  # a sentence stating casualties, or naming the incident
# Where someone lives ("Addison, 18, of Pittsburgh", "a resident of Lorain") is not where the
# incident happened; such a place counts this much of a plain mention.
_RESIDENCE_STEP = 0.3
_RESIDENCE_BEFORE = re.compile(
    r"(?:,\s*\d{1,3},?\s+(?:both\s+|all\s+)?|\bresidents?\s+|\bnatives?\s+)of\s+(?:nearby\s+)?$"
)
_LATER_STEP = 0.3  # a date of what followed: charges, court, arrests, or when police spoke


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Sentences that tell the incident itself (violence, disasters, their casualties).
_INCIDENT_WORDS = _wordset(
    """shoot shooting shootings shot shots gunfire gunshot gunshots gunman stabbed stabbing kill
    killed killing kills dead died dies death wounded injured injuries injury injuring hurt
    attack attacked explosion blast bomb bombed bombing fire crash crashed struck strike strikes
    airstrike airstrikes collapse collapsed fled robbery robbed"""
)
# Sentences that tell what came after it: dates there are not the incident's.
_AFTERMATH_WORDS = _wordset(
    """court judge jury trial sentenced sentencing sentence plead pleaded pleads pled guilty
    charged charge charges arraigned arraignment indicted indictment bond hearing arrested
    arrest booked custody surrendered vigil funeral memorial autopsy identified released
    update updated updates"""
)
_AFTERMATH_PHRASES = ("turned himself", "turned herself", "press conference")
_WORD = re.compile(r"[a-z]+")
_INCIDENT_ALTERNATION = r"\b(?:" + "|".join(sorted(_INCIDENT_WORDS, key=len, reverse=True)) + r")\b"
# "police said Sunday", "Sunday said", "in a Friday statement": when it was told, not done.
_SPEECH_BEFORE = re.compile(r"(?i)\b(?:said|says|told|announced|confirmed|reported)(?: on)?\s*$")
_SPEECH_AFTER = re.compile(r"(?i)^[\w\s]{0,12}?\b(?:said|statement|news conference)\b")
# "the March 3 shooting", "Saturday's attack", "the shooting on Saturday": the incident's own date.
_NAMES_INCIDENT_AFTER = re.compile(r"(?i)^(?:['’]s)?\s+(?:[a-z-]+\s+)?" + _INCIDENT_ALTERNATION)
_NAMES_INCIDENT_BEFORE = re.compile(
    r"(?i)" + _INCIDENT_ALTERNATION + r"\s+(?:on|early|late|that|last)?\s*(?:on\s+)?$"
)
_HEAD_LINE = re.compile(r"(?i)^\W*(?:posted|updated|published|last updated)\b")

_Weight = Callable[[ExtractedFact], float]


@dataclass(frozen=True, slots=True)
class EventPlace:
    """A place of the main event: as written at ``start:end``, and its canonical entity."""

    name: str
    canonical: str
    kind: str
    entity_id: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MainEvent:
    """One article's main event; spans index the article text (None: no span grounds it)."""

    date: date | None
    date_from: str | None  # text (a date in the article) | dateline | published
    date_start: int | None
    date_end: int | None
    place: EventPlace | None  # the most specific place
    locality: EventPlace | None  # the town or city


def find_main_event(
    doc: Document, by_field: Mapping[str, Sequence[ExtractedFact]]
) -> MainEvent | None:
    """The main event of ``doc`` from its date, place and casualty facts; None if nothing is
    known (no date in the text, no publication date, no place)."""
    casualty_sentences = {f.sentence_start for f in by_field.get("casualties", ())}
    lead_end = _lead_end(doc)
    incident, aftermath = _marked_sentences(doc)

    def weight(fact: ExtractedFact) -> float:
        score = _LEAD_WEIGHT if fact.start < lead_end else 1.0
        if fact.sentence_start in casualty_sentences or fact.sentence_start in incident:
            score += _CASUALTY_BONUS
        return score

    def date_weight(fact: ExtractedFact) -> float:
        score = weight(fact)
        before = doc.text[max(fact.sentence_start, fact.start - 30) : fact.start]
        after = doc.text[fact.end : min(fact.sentence_end, fact.end + 30)]
        if _NAMES_INCIDENT_AFTER.match(after) or _NAMES_INCIDENT_BEFORE.search(before):
            return score
        if fact.sentence_start in aftermath:
            score *= _LATER_STEP
        if _SPEECH_BEFORE.search(before) or _SPEECH_AFTER.match(after):
            score *= _LATER_STEP
        return score

    def place_weight(fact: ExtractedFact) -> float:
        before = doc.text[max(fact.sentence_start, fact.start - 40) : fact.start]
        residence = _RESIDENCE_BEFORE.search(before)
        return weight(fact) * (_RESIDENCE_STEP if residence else 1.0)

    day, date_from, date_span = _event_date(doc, by_field.get("dates", ()), date_weight)
    place, locality = _event_place(by_field.get("places", ()), place_weight)
    if day is None and place is None:
        return None
    start, end = date_span if date_span else (None, None)
    return MainEvent(day, date_from, start, end, place, locality)


def _marked_sentences(doc: Document) -> tuple[set[int], set[int]]:
    """Start offsets of the sentences that tell the incident, and of those that tell its
    aftermath (word sets: several times cheaper than case-insensitive alternation regexes)."""
    incident: set[int] = set()
    aftermath: set[int] = set()
    for sentence in doc.sentences:
        lowered = sentence.text.lower()
        words = _WORD.findall(lowered)
        if not _INCIDENT_WORDS.isdisjoint(words):
            incident.add(sentence.start)
        if not _AFTERMATH_WORDS.isdisjoint(words) or any(p in lowered for p in _AFTERMATH_PHRASES):
            aftermath.add(sentence.start)
    return incident, aftermath


def _lead_end(doc: Document) -> int:
    if not doc.sentences:
        return 0
    return doc.sentences[min(_LEAD_SENTENCES, len(doc.sentences)) - 1].end


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _best(scores: dict[str, float], first: dict[str, int]) -> str | None:
    if not scores:
        return None
    return min(scores, key=lambda key: (-scores[key], first[key]))


def _event_date(
    doc: Document, dates: Sequence[ExtractedFact], weight: _Weight
) -> tuple[date | None, str | None, tuple[int, int] | None]:
    scores: dict[str, float] = {}
    first: dict[str, int] = {}
    span: dict[str, tuple[int, int]] = {}
    dateline: ExtractedFact | None = None
    # A line that dates the page ("Posted: Wednesday, April 8, 2015") tells no event.
    head_lines = {
        _line_start(doc.text, f.start) for f in dates if f.value.get("role") == "publication"
    }
    for fact in dates:
        if fact.kind != "date" or fact.value.get("precision") != "day":
            continue
        role = fact.value.get("role")
        if role == "publication" and dateline is None:
            dateline = fact
        line = _line_start(doc.text, fact.start)
        if role != "event" or line in head_lines or _HEAD_LINE.match(doc.text, line):
            continue
        iso = fact.value["iso"]
        scores[iso] = scores.get(iso, 0.0) + weight(fact)
        if iso not in first:
            first[iso], span[iso] = fact.start, (fact.start, fact.end)
    best = _best(scores, first)
    if best is not None:
        return date.fromisoformat(best), "text", span[best]
    if dateline is not None:
        return date.fromisoformat(dateline.value["iso"]), "dateline", (dateline.start, dateline.end)
    if doc.published is not None:
        return doc.published, "published", None
    return None, None, None


def _event_place(
    places: Sequence[ExtractedFact], weight: _Weight
) -> tuple[EventPlace | None, EventPlace | None]:
    weighed = [(fact, weight(fact)) for fact in places]
    # Where the event is told (the lead, incident sentences); anywhere when it names none there.
    told = [(fact, w) for fact, w in weighed if w > 1.0] or weighed
    scores: dict[str, float] = {}
    first: dict[str, int] = {}
    mention: dict[str, ExtractedFact] = {}
    for fact, w in told:
        key = str(fact.value.get("entity_id") or fact.text)
        scores[key] = scores.get(key, 0.0) + w
        if key not in first:
            first[key], mention[key] = fact.start, fact
    if not scores:
        return None, None
    specific = min(
        scores,
        key=lambda k: (_SPECIFICITY.get(mention[k].kind, _UNKNOWN_KIND), -scores[k], first[k]),
    )
    cities = {k: s for k, s in scores.items() if mention[k].kind in _CITY_KINDS}
    town = _best(cities, first)
    return event_place_of(mention[specific]), event_place_of(mention[town]) if town else None


def event_place_of(fact: ExtractedFact) -> EventPlace:
    """The event place a place fact names (its text, canonical name, kind and span)."""
    value = fact.value
    return EventPlace(
        name=fact.text,
        canonical=str(value.get("canonical") or value.get("name") or fact.text),
        kind=fact.kind,
        entity_id=value.get("entity_id"),
        start=fact.start,
        end=fact.end,
    )
