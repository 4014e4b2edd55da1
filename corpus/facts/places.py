"""Places: gazetteer names in the text, spelling variants grouped under one canonical place.

Fact kinds are the gazetteer's: ``country``, ``city``, ``region`` (provinces, areas,
continents) and ``landmark`` (mountains, bases; their value names the place they are ``near``).
Candidates are runs of up to five capitalised words, allowing transliteration articles and
connectors inside ("Deir ez-Zor", "al-Tharda Mountain", "Bosnia and Herzegovina"); the longest
run the gazetteer knows wins. A candidate is not a place when:

- it lies inside an organization or a person ("Islamic State of Iraq", "President Obama"),
  except for the owner of a state or local body ("Tampa" in "Tampa police");
- it is a demonym or adjective ("Syrian", "Russian": the gazetteer has no such names anyway);
- it is a city without a locative cue ("in", "near", "from" ... before it) whose name is an
  everyday English word ("Split", "Mobile", "Of"), or is only some city's foreign or historic
  alternate name ("Une" for Ünye), or that is small (under 100,000 people) and lies in a country
  the article never names ("The Obama administration" is not about Obama, Japan);
- it is a city with another capitalised word glued to it, which makes it part of some other
  name ("Ben Norton", "Washington Post") -- except in title-case headlines, where every word is
  capitalised, and before words that name places or offices ("Aleppo Province", "Moscow Mayor").

Mountains the gazetteer lacks are landmarks by their construction ("Jebel X", "Jabal al-X",
"al-X Mountain" -> "Jebel X"; "Mount X"; "X Mountain"), ``near`` the city or region their
sentence names, whose coordinates they take as an approximation.

Metonyms stay places: "Washington said" mentions Washington. Where a name fits several places,
the one whose country the article names wins ("Tripoli" in an article about Lebanon).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from corpus.events.geo import km_between
from corpus.facts.document import Document
from corpus.facts.gazetteer import Place, is_alternate_spelling, lookup_place, lookup_places
from corpus.facts.grounding import distinctive_words
from corpus.facts.lexicons import (
    Occupancy,
    demonyms,
    fold,
    function_words,
    is_title_case,
    load_data,
    sentence_bounds,
    starts_word,
    trie_regex,
)
from corpus.facts.model import ExtractedFact

# A word, an initialism ("U.S.", "U. S."), or a lower-case connector inside a name.
_PIECE = re.compile(r"[A-Z]\.(?: ?[A-Z]\.)+|[^\W\d_]+(?:['’](?!s\b)[^\W\d_]+)*")
_CONNECTORS = frozenset(
    [
        "al", "el", "ez", "az", "as", "ad", "an", "ar", "ash", "at", "es", "ed", "de", "da",
        "do", "del", "della", "di", "du", "des", "la", "le", "les", "of", "and", "the", "upon",
        "on", "am", "im", "sur", "en", "y"
    ]
)  # fmt: skip
_ARTICLE_STARTS = frozenset(
    ["al", "el", "ez", "az", "as", "ad", "an", "ar", "ash", "at", "es", "ed"]
)
_CAPITALISED = r"(?:[A-Z]\.(?: ?[A-Z]\.)+|[A-ZÀ-ÖØ-ÞĀ-ſ][^\W\d_]*(?:['’](?!s\b)[^\W\d_]+)*)"
# Runs of capitalised words (with connectors inside) are the only places a name can be; the
# pieces inside a run are then tried longest first. Scanning for runs skips lower-case text fast.
_RUN = re.compile(rf"{_CAPITALISED}(?:[ -](?:(?:{trie_regex(_CONNECTORS)})[ -])*{_CAPITALISED})*")
_ARTICLE_BEFORE = re.compile(rf"(?:{trie_regex(_ARTICLE_STARTS)})-$")
_MAX_PIECES = 5
# Compiled once: these run for every candidate name (re.match(str) pays a cache lookup a call).
_CAPITAL_NEXT = re.compile(r" [A-Z]")
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w’'.-]*) $")
_CAPITALISED_AFTER = re.compile(r" ([A-Z][\w’'-]*)")
_COMPARABLE = 0.15  # Tripoli, Lebanon is a fifth of Tripoli, Libya; Geneva, Illinois a tenth
_SMALL_CITY = 100_000
_LOCATIVE = re.compile(
    r"(?:\b(?:in|near|from|to|at|outside|around|of|into|towards?|across|via|through|between|"
    r"and|en|à|de|du|dans|près)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
# Capitalised words that may follow a city without making it part of another name.
_PLACE_FOLLOWERS = frozenset(
    [
        "Province", "Governorate", "Region", "District", "County", "City", "Airport", "Airbase",
        "Air", "Base", "Mountain", "Mountains", "Valley", "River", "Lake", "Sea", "Bay", "Gulf",
        "Strait", "Peninsula", "Square", "Bridge", "Dam", "Mayor",
        "Governor", "Prefecture", "Oblast", "Municipality", "Port", "Harbour", "Harbor", "Camp",
        "Prison"
    ]
)  # fmt: skip


# Words that qualify a city's part or surroundings ("SW Houston", "East Pittsburgh", "Central
# Florida"): before a city they glue it to no other name; as a "city" before a place name they
# are the qualifier of that place, not a town of their own.
_DIRECTIONS = frozenset(
    [
        "North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest",
        "Central", "Northern", "Southern", "Eastern", "Western", "Upper", "Lower", "Downtown",
        "Midtown", "NE", "NW", "SE", "SW", "N", "S", "E", "W"
    ]
)  # fmt: skip
# A town's name before one of these is a street's ("Summit Street", "Austin Ave."), which may
# lie in any city: it names no town.
_STREET_AFTER = re.compile(
    r" (?:Street|St\.|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.|Lane|Ln\.|Court|"
    r"Ct\.|Parkway|Pkwy\.?|Highway|Hwy\.?|Terrace|Circle|Pike|Trail|Expressway|Freeway)(?!\w)"
)
# "near West End and Kilbourn Avenues": two streets named together, the first without its noun.
_STREET_PAIR_AFTER = re.compile(
    r" (?:and|&) (?:[A-Z][\w’'.-]* ){1,2}(?:Streets|Avenues|Roads|Boulevards|Drives|streets|"
    r"avenues|roads)\b"
)
_STREET_BEFORE = re.compile(r"\b(?:block|blocks|corner|intersection) of (?:the )?$", re.IGNORECASE)
_COUNTY_AFTER = re.compile(r" (?:[Cc]ounty|Parish)\b")
# "Sulphur man", "Largo teen", "Tampa police": a town's people named by it, a locative cue.
_RESIDENTS_AFTER = re.compile(
    r"\s(?i:man|woman|men|women|teen|teens|teenager|boy|boys|girl|girls|resident|residents|"
    r"couple|family|student|students|native|police|officers?|deputies|homeowner|mother|father)\b"
)
# "Hagen, 24, had been", "Bryant Silk, 34,": a name with an age in apposition is a person's.
_AGE_AFTER = re.compile(r"(?: [A-Z][\w’'-]+){0,2},\s+\d{1,3}\s*[,;)]")
# Before a word that is also a person's name in the article, only these cues make it a place
# ("shot to death in Jackson"); "to Jackson", "of Jackson" are as often the person.
_STRONG_LOCATIVE = re.compile(
    r"(?:\b(?:in|near|outside|around|at|across|through)\s+(?:the\s+)?(?:city\s+of\s+)?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end: int
    text: str


def extract(
    doc: Document, *, organizations: Sequence[ExtractedFact], people: Sequence[ExtractedFact]
) -> list[ExtractedFact]:
    """Place mentions in ``doc`` outside its organizations and people, with canonical name,
    country and coordinates."""
    text = doc.text
    blocked = Occupancy(len(text))
    people = _real_people(text, people, organizations)
    for fact in (*organizations, *people):
        start, end = fact.extra.get("body", (fact.start, fact.end))
        if fact.field == "organizations" and "body" not in fact.extra:
            start = _local_body_start(text, start, end)
        blocked.take(start, end)
    found = [
        (start, end, places) for start, end, places in _candidates(text) if blocked.free(start, end)
    ]
    named = {p.country for _, _, places in found for p in places[:1] if p.kind != "city"}
    person_words = _person_words(people) | _named_like_people(text, found)
    neighbourhoods = _neighbourhood_names(text, found)
    facts = []
    for start, end, places in found:
        place = _choose(places, named)
        place = _county(text, start, end, place)
        if not _plausible(doc, start, end, place, named, person_words):
            continue
        sentence_start, sentence_end = sentence_bounds(doc, start, end)
        value = {
            "name": text[start:end],
            "entity_id": place.entity_id,
            "canonical": place.canonical,
            "country": place.country,
            "lat": place.lat,
            "lon": place.lon,
        }
        if place.near:
            value["near"] = place.near
        facts.append(
            ExtractedFact(
                field="places",
                kind=place.kind,
                value=value,
                start=start,
                end=end,
                text=text[start:end],
                sentence_start=sentence_start,
                sentence_end=sentence_end,
            )
        )
    facts = _county_shorthand(facts)
    return _near(_foreign_variants(_local_neighbourhoods(facts, neighbourhoods), named))


def _county_shorthand(facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """A small town's name the article also gives as a county's ("Kankakee County police ...
    a shooting in Kankakee") is that county throughout: local copy shortens the county's name,
    and the town of that name may lie in another state."""
    counties = {
        fold(f.text): f.value
        for f in facts
        if f.kind == "region" and str(f.value.get("canonical", "")).endswith(" County")
    }
    if not counties:
        return facts
    changed = []
    for fact in facts:
        county = counties.get(fold(fact.text)) if fact.kind == "city" else None
        found = lookup_place(str(fact.value.get("canonical"))) if county else None
        if county is None or found is None or found.population >= _SMALL_CITY:
            changed.append(fact)
            continue
        value = {**county, "name": fact.text}
        changed.append(dataclasses.replace(fact, kind="region", value=value))
    return changed


def _foreign_variants(facts: list[ExtractedFact], named: set[str | None]) -> list[ExtractedFact]:
    """Without the towns matched only through a variant spelling, the one mention of a country
    the article never names, while it names places in another: "Lowry City" is no Lower Hutt, New
    Zealand, and "Zariah" no Zaria, Nigeria, in a report of American towns."""
    countries = Counter(f.value["country"] for f in facts if f.value.get("country"))
    if not countries:
        return facts

    def lone(country: str | None) -> bool:
        # Its only mention, while the article names places elsewhere ("Kiev" beside "Kyiv" stays).
        others = [n for c, n in countries.items() if c != country]
        return country is not None and bool(others) and countries[country] == 1

    return [
        f
        for f in facts
        if f.kind != "city"
        or f.value.get("country") in named
        or not lone(f.value.get("country"))
        or fold(f.text) == fold(str(f.value["canonical"]))
    ]


def _candidates(text: str) -> Iterable[tuple[int, int, tuple[Place, ...]]]:
    for run in _RUN.finditer(text):
        start = run.start()
        if not starts_word(text, start) and text[start - 1 : start] != "-":
            continue
        article = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
        if article is not None and starts_word(text, article.start()):
            start = article.start()  # "al-Tharda Mountain"
        pieces = [
            _Piece(m.start(), m.end(), m.group()) for m in _PIECE.finditer(text, start, run.end())
        ]
        i = 0
        while i < len(pieces):
            hit = _longest_at(text, pieces, i) if _may_start(text, pieces, i) else None
            if hit is None:
                i += 1
                continue
            j, places = hit
            if _overlapped(text, pieces, i, j):
                i += 1  # "South Los" of "South Los Angeles", "Central" of "Central Florida"
                continue
            yield pieces[i].start, pieces[j].end, places
            i = j + 1


def _overlapped(text: str, pieces: list[_Piece], i: int, j: int) -> bool:
    """Whether the name on pieces ``i..j`` is a fragment of a longer one starting inside it: a
    direction word before a place ("Central Florida"), or a name whose last word opens a place
    that runs past it ("South Los" before "Angeles")."""
    if j + 1 >= len(pieces):
        return False
    if i == j:
        return pieces[i].text in _DIRECTIONS and _longest_at(text, pieces, i + 1) is not None
    for k in range(i + 1, j + 1):
        if not pieces[k].text[0].isupper():
            continue
        longer = _longest_at(text, pieces, k)
        if longer is not None and longer[0] > j:
            return True
    return False


def _may_start(text: str, pieces: list[_Piece], i: int) -> bool:
    piece = pieces[i]
    if piece.text[0].isupper():
        return True
    # "al-Tharda Mountain": an article hyphenated to a capitalised word may open a name.
    return (
        piece.text.lower() in _ARTICLE_STARTS
        and i + 1 < len(pieces)
        and text[piece.end : pieces[i + 1].start] == "-"
        and pieces[i + 1].text[0].isupper()
    )


def _longest_at(text: str, pieces: list[_Piece], i: int) -> tuple[int, tuple[Place, ...]] | None:
    last = i
    while last + 1 < len(pieces) and last - i + 1 < _MAX_PIECES:
        gap = text[pieces[last].end : pieces[last + 1].start]
        nxt = pieces[last + 1].text
        if gap not in (" ", "-") or not (nxt[0].isupper() or nxt.lower() in _CONNECTORS):
            break
        last += 1
    for j in range(last, i - 1, -1):
        if not pieces[j].text[0].isupper():
            continue  # a name never ends on a connector
        name = text[pieces[i].start : pieces[j].end]
        places = lookup_places(name)
        # A mountain by construction, unless another capitalised word makes it part of some
        # other name ("Mount Vernon Street").
        if not places and not _CAPITAL_NEXT.match(text, pieces[j].end):
            places = _landmark(name)
        if places:
            return j, places
    return None


_ARTICLE = trie_regex(_ARTICLE_STARTS)
_JEBEL = re.compile(rf"^(?:Jebel|Jabal|Djebel|Jbel) (?:(?:{_ARTICLE})-)?(?P<x>[A-Z][\w’'-]+)$")
_ARABIC_MOUNTAIN = re.compile(rf"^(?:{_ARTICLE})-(?P<x>[A-Z][\w’'-]+) Mountains?$")
_MOUNTAIN = re.compile(r"^(?P<x>[A-Z][\w’'-]+) (?P<m>Mountains?)$")
_MOUNT = re.compile(r"^Mount (?P<x>[A-Z][\w’'-]+)$")


@lru_cache(maxsize=4096)
def _landmark(name: str) -> tuple[Place, ...]:
    """A mountain the gazetteer lacks, named by its construction: "Jebel X" for the Arabic forms
    ("Jabal X", "al-X Mountain"), else "Mount X" or "X Mountain" as written."""
    if fold(name.split()[-1]) in function_words():
        return ()  # "Mount Vernon The"
    if (match := _JEBEL.match(name) or _ARABIC_MOUNTAIN.match(name)) is not None:
        canonical = f"Jebel {match['x']}"
    elif (match := _MOUNT.match(name)) is not None:
        canonical = f"Mount {match['x']}"
    elif (match := _MOUNTAIN.match(name)) is not None and not lookup_places(match["x"]):
        canonical = f"{match['x']} {match['m']}"
    else:
        return ()
    return (Place(canonical, "landmark", None, None, None),)


def _near(facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """Landmarks found by rule take the place they lie near: the nearest city or region named in
    their sentence, after them first ("Jebel X near Y", "X Mountain in the region of Y")."""
    out = []
    for fact in facts:
        if fact.kind != "landmark" or fact.value.get("near") or fact.value["lat"] is not None:
            out.append(fact)
            continue
        same = [
            f for f in facts
            if f.kind in ("city", "region") and f.sentence_start == fact.sentence_start
        ]  # fmt: skip
        after = [f for f in same if f.start > fact.start]
        near = after[0] if after else (same[-1] if same else None)
        if near is not None:
            fact = dataclasses.replace(
                fact,
                value={
                    **fact.value,
                    "country": near.value["country"],
                    "lat": near.value["lat"],  # approximate: the place it is near
                    "lon": near.value["lon"],
                    "near": near.value["canonical"],
                },
            )
        out.append(fact)
    return out


def _choose(places: tuple[Place, ...], named: set[str | None]) -> Place:
    """The best-ranked place, unless a comparable one lies in a country the article names."""
    best = places[0]
    if best.country in named:
        return best
    for place in places[1:]:
        if place.country in named and place.population >= _COMPARABLE * best.population:
            return place
    return best


@cache
def _english_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load_data("places")["english_words"])


# A capitalised local body after its owner's name: "Chicago Police", "Dayton Police
# Department" (the lower-case "Tampa police" is the organizations' rule 2).
_LOCAL_BODY_AFTER = re.compile(
    r" (?:Police(?: Department| Dept\.?)?|Sheriff['’]s (?:Office|Department)|Fire Department|"
    r"City Council)$"
)
# A dateline opening a paragraph: "CHICAGO —", "DAYTON, Ohio (AP) —", "MOON LAKE --".
_DATELINE_AFTER = re.compile(r"(?:,[^\n—–]{1,30})?(?: \([A-Z]{2,}\))? ?(?:—|–|--)")


def _local_body_start(text: str, start: int, end: int) -> int:
    """Where an organization's own words start: after the town that owns a local body ("Chicago
    Police" -> "Police"), so the town stays a place; else ``start``."""
    match = _LOCAL_BODY_AFTER.search(text, start, end)
    if match is None or match.end() != end or match.start() <= start:
        return start
    return match.start() + 1


def _real_people(
    text: str, people: Sequence[ExtractedFact], organizations: Sequence[ExtractedFact]
) -> list[ExtractedFact]:
    """The people that are not a town misread: an upper-case dateline ("CHICAGO — A man was
    shot") or the owner inside an organization's name ("Chicago" of "Chicago Police")."""
    spans = [(f.start, f.end) for f in organizations]
    return [
        f
        for f in people
        if not _dateline_at(text, f.start, f.end)
        and not any(s <= f.start and f.end <= e and (s, e) != (f.start, f.end) for s, e in spans)
    ]


def _dateline_at(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is an upper-case dateline opening its line ("CHICAGO —")."""
    surface = text[start:end]
    at_line_start = start == 0 or text[start - 1] == "\n"
    return at_line_start and surface.isupper() and bool(_DATELINE_AFTER.match(text, end))


def _person_words(people: Sequence[ExtractedFact]) -> frozenset[str]:
    """The words of the people's names the article mentions ("Willie C. Jackson": willie,
    jackson): a town named like one of them is, without a strong locative, that person."""
    words: set[str] = set()
    for fact in people:
        for name in (fact.text, str(fact.value.get("name") or "")):
            words.update(fold(w) for w in re.findall(r"[^\W\d_]{2,}", name))
    return frozenset(words)


_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sgt|Lt|Capt|Det|Officer|Detective|Deputy|Constable|Trooper|Chief|"
    r"Sheriff|Judge|Rev|Pastor|Coach|Sen|Rep|Gov|Mayor)\.? (?:[A-Z][\w’'-]+ (?:[A-Z]\. )?)?$"
)
# A name followed by its age or a relative clause about a person.
_PERSON_AFTER = re.compile(rf"{_AGE_AFTER.pattern}|,? (?:who|whose)\b")
# A verb of saying after a small town's name makes it a person ("Hagen said"); a big city's is
# a metonym ("Washington said", "Moscow denied").
_SAYS_AFTER = re.compile(r" (?:said|says|told|added|wrote|testified|pleaded|admitted|denied)\b")


def _named_like_people(text: str, found: list[tuple[int, int, tuple[Place, ...]]]) -> set[str]:
    """Town names the article uses for a person somewhere: one after a title and perhaps a
    first name ("Det. Jackson", "Constable Henry Jackson"), or followed by an age, "who" or
    a verb of saying ("Bryant Silk, 34,", "Zariah, whose father", "Hagen said"), not after a
    locative ("of Joliet, who" is a town). Elsewhere in
    the article the same word is that person too, unless a strong locative says otherwise."""
    words = set()
    for start, end, places in found:
        if places[0].kind != "city" or _LOCATIVE.search(text, max(0, start - 40), start):
            continue  # "17, of Joliet, who": the town a person is from
        says = places[0].population < _SMALL_CITY and _SAYS_AFTER.match(text, end)
        if (
            says
            or _PERSON_AFTER.match(text, end)
            or _TITLE_BEFORE.search(text, max(0, start - 40), start)
        ):
            words.add(fold(text[start:end]))
    return words


def _county(text: str, start: int, end: int, place: Place) -> Place:
    """A small town's name before "County" names a county of unknown state ("Kankakee County" is
    Georgia's as often as Illinois'): a region without coordinates. A big city's county holds
    the city ("Dallas County"), which stays."""
    match = _COUNTY_AFTER.match(text, end)
    if place.kind != "city" or place.population >= _SMALL_CITY or match is None:
        return place
    county = match.group().strip().capitalize()  # "Mason county" is Mason County
    return Place(f"{text[start:end]} {county}", "region", place.country, None, None)


_NEIGHBOURHOOD_AFTER = re.compile(
    r" (?:neighborhood|neighbourhood|community area)\b", re.IGNORECASE
)


def _neighbourhood_names(text: str, found: list[tuple[int, int, tuple[Place, ...]]]) -> set[str]:
    """Town names the article uses for a neighbourhood ("the Austin neighborhood" of a Chicago
    report): anywhere in it, the name is that neighbourhood, not the faraway town."""
    return {
        fold(text[start:end])
        for start, end, places in found
        if places[0].kind == "city" and _NEIGHBOURHOOD_AFTER.match(text, end)
    }


_LOCAL_KM = 80.0


def _local_neighbourhoods(
    facts: list[ExtractedFact], neighbourhoods: set[str]
) -> list[ExtractedFact]:
    """Without the towns whose name the article uses for a neighbourhood, unless the town lies
    within ``_LOCAL_KM`` of another town it names ("West Englewood" by Chicago is that part of
    it; "Austin" in a Chicago report is no Texas city), or, naming no other town, the town is a
    small one (the gazetteer's "East Garfield Park"; a big city's name is a namesake's)."""
    if not neighbourhoods:
        return facts
    towns = [f for f in facts if f.kind == "city" and f.value.get("lat") is not None]

    def local(fact: ExtractedFact) -> bool:
        here = (float(fact.value["lat"]), float(fact.value["lon"]))
        if all(other.value["entity_id"] == fact.value["entity_id"] for other in towns):
            found = lookup_place(str(fact.value["canonical"]))
            return found is not None and found.population < _SMALL_CITY
        return any(
            other.value["entity_id"] != fact.value["entity_id"]
            and km_between(here, (float(other.value["lat"]), float(other.value["lon"])))
            <= _LOCAL_KM
            for other in towns
        )

    return [
        f
        for f in facts
        if f.kind != "city"
        or fold(f.text) not in neighbourhoods
        or (f.value.get("lat") is not None and local(f))
    ]


def _plausible(
    doc: Document,
    start: int,
    end: int,
    place: Place,
    named: set[str | None],
    person_words: frozenset[str] = frozenset(),
) -> bool:
    text = doc.text
    surface = text[start:end]
    if fold(surface) in demonyms() or fold(surface) in function_words():
        return False
    if " " in surface and not distinctive_words(surface):
        return False  # "Fire Department" is a kind of body, never a place
    if place.kind != "city":
        return True
    sentence = doc.sentence_at(start)
    before = text[max(sentence.start, start - 40) : start]
    if _fragment(text, surface, end) or _STREET_AFTER.match(text, end):
        return False
    if _STREET_PAIR_AFTER.match(text, end):
        return False
    if _STREET_BEFORE.search(before):
        return False  # "the 3000 block of Miami" is a street
    if _AGE_AFTER.match(text, end):
        return False  # "Hagen, 24," is a person
    if fold(surface) in person_words and not _STRONG_LOCATIVE.search(before):
        return False  # "Constable Henry Jackson ... Jackson continued to state"
    weak = (
        fold(surface) in _english_words()
        or is_alternate_spelling(surface)
        or (place.population < _SMALL_CITY and place.country not in named)
    )
    if weak and not (_LOCATIVE.search(before) or _RESIDENTS_AFTER.match(text, end)):
        return False
    if is_title_case(sentence.text):
        return True
    return not (_glued_before(before, start == sentence.start) or _glued_after(text, end))


def _fragment(text: str, surface: str, end: int) -> bool:
    """Whether the city ``surface`` is only the first part of a longer place name: a direction
    before a place ("Central Florida", "Southern California"), or words ending where the next
    word completes another place ("South Los" before "Angeles")."""
    match = _CAPITALISED_AFTER.match(text, end, end + 40)
    if match is None:
        return False
    word = match.group(1)
    if surface in _DIRECTIONS:
        return bool(lookup_places(word))
    last = surface.split()[-1]
    longer = lookup_places(f"{last} {word}")
    return bool(longer) and fold(longer[0].canonical) == fold(f"{last} {word}")


def _glued_before(before: str, sentence_initial: bool) -> bool:
    if sentence_initial:
        return False
    match = _CAPITALISED_BEFORE.search(before)
    if match is None:
        return False
    word = match.group(1)
    if word in _DIRECTIONS:
        return False  # "SW Houston", "East Pittsburgh": a part of the city

    whole_before = before[: match.start()]
    at_sentence_start = not whole_before.strip() or whole_before.rstrip()[-1:] in '.!?:"“«('
    if at_sentence_start and word.lower() in function_words():
        return False
    return not (word.lower() in demonyms() or lookup_places(word))


def _glued_after(text: str, end: int) -> bool:
    match = _CAPITALISED_AFTER.match(text, end, end + 40)
    if match is None:
        return False
    word = match.group(1)
    return not (word in _PLACE_FOLLOWERS or word.lower() in demonyms() or lookup_places(word))
