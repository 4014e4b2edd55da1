"""The most specific place a sentence gives, read at question time for "Where ...?": a
capitalised name after a locative preposition ("at the <Name> Center", "near <Name> Creek",
"to <Town>", "on <Name> Road", "at the <Name> Police department") in the best retrieved
passages, even when ingest stored no place for it. A name ending in a facility or street noun
(hospital, center, road, creek...) is the most specific; one the question itself names is its
subject, not its answer. Only the best few passages are read (bounded work).

``locative_places`` is the recogniser on plain text (the pinned path reads the articles about
the question's event with it); ``recognised_places`` runs it on the retrieved passages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lemminflect import getAllLemmas
from sqlmodel import Session

from search.answer.candidates import (
    Candidate,
    names_in,
    read_sentences,
    sentence_match,
    stems,
)
from search.answer.constraints import PLACE_KINDS
from search.answer.counts import article_sentences
from search.answer.questions import Interpretation
from search.answer.recognisers import STATE_ABBREVIATION, Mention, blocked_words
from search.backend import PassageBackend

PASSAGES_READ = 6
# Last words that make a name a facility, a street or a natural feature.
SPECIFIC_HEADS = frozenset(
    " ".join(
        (
            "center centre hospital clinic school college university church cathedral mosque",
            "temple park apartments apartment complex mall plaza square station airport port",
            "harbor harbour bridge road street avenue boulevard drive lane way highway creek",
            "river lake bay beach mountain hill village club bar grill restaurant hotel motel",
            "stadium arena building tower plant factory base camp prison jail court courthouse",
            "market circle court place terrace parkway pike trail department store shop",
            "nightclub lounge academy reactor refinery terminal island",
            "dome oval wharf pier dock docks marina",
            # venues, and natural features a site is named by
            "room ballroom hall lodge inn tavern pub saloon cafe diner casino resort theater",
            "theatre cinema museum library gym cemetery pool garage estates pond woods forest",
            "canyon trailhead route interstate hwy st ave rd blvd ln ct pkwy lot",
        )
    ).split()
)
# "the <Store> parking lot": a lot or garage is named by what it serves, after the word parking
_HEADS = r"parking\s+(?:lot|garage|deck)|" + "|".join(sorted(SPECIFIC_HEADS, key=len, reverse=True))
# A word of a place's name: capitalised, or an ordinal ("N. 60th Street", "33rd Avenue").
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)\b"
_WORD = rf"(?:[A-Z][\w'’.-]*|{_ORDINAL})"
_S = r"[^\S\n]+"
# A street's name abbreviated as US papers write it keeps its period ("1420 Wren St.").
_ABBREVIATED = re.compile(r"\b(?:St|Ave|Rd|Blvd|Dr|Ln|Ct|Pl|Pkwy|Hwy|Ter|Cir)\.$")
# A compass word in lower case before a name ("in northern <Region>", "on north <Region>'s
# ...") and a part of a place named by its relation to it ("in the heart of", "on the outskirts
# of"): the name after them is still where.
_COMPASS = (
    r"(?:(?:far|outback|inner|outer|greater|rural|regional|central|"
    r"(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?)\s+)?"
)
_PART_OF = (
    r"(?:(?:the\s+)?(?:heart|centre|center|middle|edge|outskirts|site|top|foot|bottom|banks?|"
    r"shores?|entrance|grounds|fringes?|suburbs)\s+of\s+(?:the\s+)?)?"
)
_LOCATIVE = re.compile(
    # a sentence may open with its preposition ("At <Town>, two people were hurt")
    r"\b(?P<preposition>(?i:in|at|near|to|into|outside|inside|on|from|toward|towards|off|aboard|"
    r"behind|opposite|beside|along|across|past|up|down|through|throughout|via|around|within))"
    r"\s+"
    r"(?:the\s+){0,2}"  # "near the the 2300 block": pages repeat words
    # "at the intersection of <Street> and <Street>", "on the corner of ...": the streets
    r"(?:(?:intersection|corner|junction)\s+of\s+)?"
    + _PART_OF
    + _COMPASS
    # a name never runs across a line break (a paragraph's last word and the next one's first)
    + rf"(?P<name>(?:\d{{1,5}}(?:-\d{{1,5}})?{_S}(?:block{_S}of{_S})?)?{_WORD}"
    rf"(?:{_S}(?:of{_S}|and{_S}|&{_S})?{_WORD}){{0,5}}(?:{_S}(?:village|town)\b)?)"
    # a facility noun written in lower case after the name ("the Heath Police department")
    rf"(?:{_S}(?P<head>(?:{_HEADS})s?)\b)?"
)
# Last words that make a name a company's ("from Halbrook Corp"): a body, not a place ("Co."
# is left out: US papers abbreviate County so too).
_COMPANY_ENDS = frozenset(
    ("corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.", "plc", "llc", "holdings")
)
_ROUTES = frozenset(("highway", "route", "interstate", "hwy", "road", "loop", "spur"))
_ROUTE_NUMBER = re.compile(r"\s+\d{1,4}[A-Z]?(?!\w|,\d)")
# Last words of streets' names, spelled out or abbreviated as US papers write them.
_STREETS = frozenset(
    " ".join(
        (
            "street road avenue boulevard drive lane way circle court place terrace parkway pike",
            "highway route trail st ave rd blvd dr ln ct pl pkwy hwy",
        )
    ).split()
)
# "Which <noun> ...?" asks for a place whose name ends in one of these words.
FOCUS_HEADS = {
    "hospital": frozenset(("hospital", "center", "centre", "clinic", "infirmary")),
    "building": frozenset(
        ("building", "center", "centre", "department", "hall", "tower", "house", "station")
    ),
    "street": _STREETS,
    "address": _STREETS,
    "block": _STREETS,
    "intersection": _STREETS,
    "subdivision": frozenset(("estates", "estate", "subdivision", "village", "park", "heights")),
    "community": frozenset(("estates", "estate", "village", "park", "heights", "community")),
    "complex": frozenset(("apartments", "apartment", "complex", "homes", "court", "village")),
    "apartment": frozenset(("apartments", "apartment", "complex", "homes", "court", "village")),
    "apartments": frozenset(("apartments", "apartment", "complex", "homes", "court", "village")),
    "motel": frozenset(("motel", "hotel", "inn", "lodge")),
    "road": frozenset(("road", "street", "avenue", "highway", "drive", "lane", "way")),
    "park": frozenset(("park",)),
    "school": frozenset(("school", "academy", "college")),
    "airport": frozenset(("airport", "airfield", "airbase")),
    "base": frozenset(("base", "airbase", "airfield", "camp")),
    "club": frozenset(("club", "nightclub", "bar", "grill", "lounge", "tavern", "pub")),
    "nightclub": frozenset(("club", "nightclub", "bar", "lounge")),
    "bar": frozenset(("bar", "grill", "lounge", "tavern", "pub", "club")),
    "restaurant": frozenset(("restaurant", "grill", "cafe", "diner", "kitchen", "bar")),
    "hotel": frozenset(("hotel", "motel", "inn", "resort", "lodge")),
    "church": frozenset(("church", "cathedral", "chapel", "temple", "mosque")),
    "store": frozenset(("store", "market", "shop", "mart", "supermarket")),
    "mall": frozenset(("mall", "center", "centre", "plaza")),
    "stadium": frozenset(("stadium", "arena", "field", "park")),
    "station": frozenset(("station",)),
    "bridge": frozenset(("bridge",)),
    "river": frozenset(("river", "creek")),
    "lake": frozenset(("lake",)),
    "island": frozenset(("island", "islands", "isle")),
    "port": frozenset(("port", "harbour", "harbor")),
    "venue": frozenset(("stadium", "arena", "dome", "centre", "center", "hall", "oval")),
    "prison": frozenset(("prison", "jail", "penitentiary", "facility")),
    "jail": frozenset(("jail", "prison", "detention")),
}
SPECIFIC_WEIGHT = 1.0
PLACE_WEIGHT = 0.6


# A word of four letters or more with a full stop ends its sentence ("on Wren Circle. The
# house ...", "to Orrin Park. Officers ..."), unless it is an abbreviation US papers write
# ("Blvd.", "Pkwy.", a state's "Tenn."); shorter ones ("St.", "Ave.", "N.") are read as such.
_WORD_AND_STOP = re.compile(r"\b(?P<word>[A-Za-z]{4,})\.(?=\s)")
_LONG_ABBREVIATIONS = re.compile(rf"(?:Blvd|Pkwy|Terr|Hwys|Expy|Frwy|{STATE_ABBREVIATION})\.?")


def _to_sentence_end(name: str) -> str:
    """A name cut where its sentence ends, the full stop kept for the caller to strip."""
    for m in _WORD_AND_STOP.finditer(name):
        if not _LONG_ABBREVIATIONS.fullmatch(m["word"]):
            return name[: m.end()]
    return name


def locative_places(
    text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[Mention, str]]:
    """Names after a locative preposition in ``text[start:end]``, with the preposition;
    weight ``SPECIFIC_WEIGHT`` for a facility, street or feature (its last word a
    ``SPECIFIC_HEADS`` noun, or a house number before it), ``PLACE_WEIGHT`` for any other name
    (a town, a region)."""
    blocked = blocked_words()
    stop = len(text) if end is None else end
    for m in _LOCATIVE.finditer(text, start, stop):
        if in_capitals(text, m.start("name")):
            continue  # a headline in capitals: every word looks like a name ("TO BUY")
        name = _to_sentence_end(m["name"])
        if not _ABBREVIATED.search(name):
            name = name.rstrip(".")  # a full stop, not the one of "Wren St."
        name = re.sub(r"\s+(?:and|of)$", "", name)
        words = name.split()
        numbered = words[0][:1].isdigit()
        core = words[3:] if numbered and words[1:3] == ["block", "of"] else words[numbered:]
        saint = len(core) > 1 and core[0] in ("St", "St.")  # "to St Helens": Saint, no street
        if not core or (
            core[0].lower().strip(".") in blocked
            and core[-1].lower().rstrip(".") not in SPECIFIC_HEADS  # "North Keel St."
            and not saint
        ):
            continue  # "in March", "on 23 September", "the North"
        if core[-1].lower() in _COMPANY_ENDS:
            continue  # "bought the hotel from Halbrook Corp": a seller, not a place
        if numbered and len(core) == len(words) - 1 and head_word(name) not in SPECIFIC_HEADS:
            continue  # a number before a name is a house number only before a street noun
        if re.fullmatch(_ORDINAL, core[0]) and head_word(name) not in SPECIFIC_HEADS:
            continue  # "in the 2nd quarter": an ordinal opens only a street's name
        name_start = m.start("name")
        name_end = m.end("head") if m["head"] else name_start + len(name)
        # "on Highway 82", "off Interstate 95": a numbered road is named by its number
        route = None
        if head_word(text[name_start:name_end]) in _ROUTES:
            route = _ROUTE_NUMBER.match(text, name_end, stop)
            name_end = route.end() if route else name_end
        full = text[name_start:name_end]
        if described_next(text, name_end):
            continue  # "the Dutch border town of <Name>": "Dutch" describes the place named next
        owned = _POSSESSIVE.search(full)
        if owned and owned.end() < len(full) and _place_owner(full[: owned.end()], full):
            # "in <Town>'s Old Quarter", "on <Region>'s <Name> Range": the part named
            # after the possessive lies within its owner, and is the more specific place.
            part = full[owned.end() :]
            mention = Mention(name_end - len(part), name_end, part, part.lower(), SPECIFIC_WEIGHT)
            yield mention, m["preposition"]
            continue
        specific = head_word(full) in SPECIFIC_HEADS or full.split()[-1].lower() in SPECIFIC_HEADS
        # "aboard the <Name>": a ship or an aircraft, as specific as a building
        specific = specific or numbered or route is not None or m["preposition"] == "aboard"
        weight = SPECIFIC_WEIGHT if specific else PLACE_WEIGHT
        yield Mention(name_start, name_end, full, full.lower(), weight), m["preposition"]
    yield from described_places(text, start, stop)


_POSSESSIVE = re.compile(r".*['’]s\s+")


def _place_owner(owner: str, full: str) -> bool:
    """Whether "<Owner>'s <Part>" names a part of a place ("<Town>'s Old Quarter"), not an
    institution named for whom it serves ("a Veterans' Hospital", "St Mary's Church"): the
    owner is no common noun of lemminflect's lexicon, nor a saint, and the part is more than a
    facility noun alone."""
    words = re.sub(r"['’]s\s+$", "", owner).split()
    part = full[len(owner) :].split()
    if not words or (len(part) == 1 and head_word(part[0]) in SPECIFIC_HEADS):
        return False
    if all(w.islower() for w in part):
        return False  # "<Store>'s parking lot": a facility named for whom it serves
    if words[0] in ("St", "St.", "Saint"):
        return False
    return "NOUN" not in getAllLemmas(words[-1].lower())


_KIND_LINK = rf"(?:{PLACE_KINDS})(?P<link>\s+of|\s+called|\s+named|\s+known\s+as|,)\s+"
# "the Dutch border town of", "the Danish capital,": a name (or a word) that describes the
# place named next, not a place of its own.
_DESCRIBED_NEXT = re.compile(rf"(?:{_S}[a-z][\w-]*){{0,2}}?{_S}{_KIND_LINK}(?=[A-Z])")
_DESCRIBED = re.compile(
    r"\b(?:the|an?)\s+(?:[\w'’-]+\s+){0,3}?"
    + _KIND_LINK
    + rf"(?P<name>{_WORD}(?:{_S}{_WORD}){{0,3}})"
)


def described_next(text: str, end: int) -> bool:
    """Whether a name at ``text[:end]`` is followed by the kind of place named next."""
    m = _DESCRIBED_NEXT.match(text, end)
    return m is not None and (m["link"].strip() != "," or "capital" in m.group(0))


def described_places(
    text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[Mention, str]]:
    """Names that follow the kind of place they are: "the city of <Name>", "the Danish
    capital, <Name>" (a town: ``PLACE_WEIGHT``), "an area called <Name>" (a locality named
    in passing, smaller than the town it is near: ``SPECIFIC_WEIGHT``)."""
    blocked = blocked_words()
    for m in _DESCRIBED.finditer(text, start, len(text) if end is None else end):
        link = m["link"].strip()
        if link == "," and "capital" not in m.group(0):
            continue  # "the area, Smith said": only a capital is named after a comma
        name = m["name"].rstrip(".")
        if name.split()[0].lower() in blocked or in_capitals(text, m.start("name")):
            continue
        weight = PLACE_WEIGHT if link in ("of", ",") else SPECIFIC_WEIGHT
        begin = m.start("name")
        yield Mention(begin, begin + len(name), name, name.lower(), weight), link


# "... at 1420 Wren St. in <Name>": the place right after a street address is its part of
# town (or its town).
_IN_AFTER = re.compile(
    r"[^\S\n]+in[^\S\n]+(?:the[^\S\n]+)?(?P<place>[A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*){0,3})"
)


_COMPASS_WORD = re.compile(r"(?:North|South|East|West)(?:east|west)?|New|Old|Upper|Lower")


def areas_after_streets(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Places written right after a street address with "in" ("on Wren St. in <Name>"): the
    neighbourhood or town the street is in."""
    blocked = blocked_words()
    for m, _ in locative_places(text, start, end):
        numbered = m.text[:1].isdigit()
        if not (numbered or head_word(m.text) in _STREETS):
            continue
        after = _IN_AFTER.match(text, m.end)
        if after is None:
            continue
        words = after["place"].split()
        while words and words[-1].lower() in blocked:
            words = words[:-1]  # "in Lakeside Saturday"
        opens = len(words) > 1 and _COMPASS_WORD.fullmatch(words[0])  # "South <Name>"
        if not words or (words[0].lower() in blocked and not opens):
            continue
        place = " ".join(words)
        begin = after.start("place")
        yield Mention(begin, begin + len(place), place, place.lower(), PLACE_WEIGHT)


_BASED = re.compile(
    r"\b(?P<name>[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){0,2})"
    # "a Miami-based maker"; "a Dunmore native", "a Dunmore, Ohio, native": where one is from
    # (a noun: "native" then ends its phrase; "native plants", "native to" are other senses)
    r"(?:-based\b|(?:,\s+[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)?,)?\s+native"
    r"(?=\s*(?:[,.;:)]|$|(?:who|and|was|is|has|had|says|said)\b)))"
)


def based_places(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Places written "<Place>-based" ("a Miami-based maker"), where a company or a group is,
    or "<Place> native" ("a Dunmore, Ohio, native"), where a person is from."""
    blocked = blocked_words()
    for m in _BASED.finditer(text, start, len(text) if end is None else end):
        start_at = m.start("name")
        words = list(re.finditer(r"\S+", m["name"]))
        for word, following in zip(words, [*words[1:], None], strict=True):
            opens = following is not None and _COMPASS_WORD.fullmatch(word.group(0))
            if opens or word.group(0).lower() not in blocked:
                break  # "a New Jersey-based firm": "New" opens the place's name
            start_at = m.start("name") + word.end() + 1  # "A Port Ellis-based charity"
        name = text[start_at : m.end("name")].strip()
        if not name or in_capitals(text, m.start()):
            continue
        yield Mention(m.end("name") - len(name), m.end("name"), name, name.lower(), PLACE_WEIGHT)


def in_capitals(text: str, offset: int) -> bool:
    """True when the words around ``offset`` are written in capitals (a wire headline)."""
    window = text[max(0, offset - 40) : offset + 40]
    upper = sum(c.isupper() for c in window)
    return upper > 2 * sum(c.islower() for c in window)


_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:and|of|&)\s+)?[A-Z][\w'’.-]*){0,5}")


def named_facilities(text: str, heads: frozenset[str]) -> Iterator[Mention]:
    """Capitalised names of two words or more ending in one of ``heads`` ("<Name> Bar and
    Grill" for a question about a club), wherever the text names them."""
    for m in _CAPITALISED.finditer(text):
        name = m.group(0).rstrip(".")
        if len(name.split()) > 1 and head_word(name) in heads:
            yield Mention(m.start(), m.start() + len(name), name, name.lower(), SPECIFIC_WEIGHT)


def head_word(name: str) -> str:
    """The last word of a place's name, lower case, without a plural "s" ("Apartments")."""
    words = name.lower().split()
    return re.sub(r"(?<=[a-z]{3})s$", "", words[-1].rstrip(".")) if words else ""


def recognised_places(
    session: Session, index: PassageBackend, interp: Interpretation
) -> list[Candidate]:
    """Places named after a locative in the best passages, scored by their sentence's match
    with the question; the kind is ``landmark`` for a facility or street, else ``place``."""
    asked = set(interp.terms) | set(interp.names)
    out = []
    # With names, their articles are read whole: "Where was <Name> taken?" may be told
    # paragraphs after the lead that matched the question best.
    reads = (
        article_sentences(session, index, interp)
        if interp.names
        else read_sentences(session, index, interp, PASSAGES_READ)
    )
    for read in reads:
        if interp.names and not names_in(read.article, interp):
            continue  # a name the question gives is nowhere in this article
        text = read.article.text
        found = _with_near(text, [m for m, _ in locative_places(text, read.start, read.end)])
        origins = [(m, {"name": m.text}) for m in based_places(text, read.start, read.end)]
        for m, value in [*found, *origins]:
            if stems(m.text) <= asked:
                continue
            kind = "landmark" if m.weight == SPECIFIC_WEIGHT else "place"
            fact = read.fact("places", kind, value, m.start, m.end)
            # scored as stored places are: the sentence, then its neighbours and headline
            match = sentence_match(interp.terms, read.article, fact)
            out.append(Candidate(fact, read.article, match, read.passage.relative_score))
    return out


_NEAR = re.compile(r"[.,]?\s+near\s+(?:the\s+)?")


def _with_near(text: str, found: list[Mention]) -> list[tuple[Mention, dict[str, Any]]]:
    """Each place with its value; a place written right after another with "near" ("in the
    400 block of Elm St. near Oak Ave.") locates that one, so it is said with it rather than
    given as an answer of its own."""
    out: list[tuple[Mention, dict[str, Any]]] = []
    for m in found:
        if out and _NEAR.fullmatch(text, out[-1][0].end, m.start):
            out[-1][1]["near"] = m.text
            continue
        out.append((m, {"name": m.text}))
    return out
