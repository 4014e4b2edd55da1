"""Answer-type recognisers run on retrieved article text at question time: places from
datelines, "in <Town>, <State>", neighbourhoods and "<Town> police", casualty counts, and counts
of any noun with the verb that governs it ("12 houses were destroyed", "destroyed 12 houses").
People are recognised in ``persons``.

Every mention carries its offsets into the article text: ``text[start:end]`` is its span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lemminflect import getLemma

from corpus.facts.lexicons import MONTHS, WEEKDAYS, function_words
from corpus.facts.numbers import Amount, find_amounts, parse_number_words
from search.answer.candidates import stems
from search.answer.constraints import STREET_WORDS, us_states

_NOT_NAME_WORDS = frozenset(
    [
        "police",
        "county",
        "department",
        "sheriff",
        "office",
        "hospital",
        "center",
        "school",
        "high",
        "university",
        "news",
        "church",
        "street",
        "avenue",
        "road",
        "city",
        "court",
        "park",
        "state",
        "north",
        "south",
        "east",
        "west",
        "new",
        "united",
        "saint",
        "fort",
        "lake",
        "mount",
        "river",
        "beach",
        "valley",
        # nouns of organisations and places that open or close capitalised runs
        "township",
        "borough",
        "village",
        "investigators",
        "homicide",
        "unit",
        "division",
        "bureau",
        "agency",
        "association",
        "company",
        "medical",
        "college",
        "academy",
        "club",
        "apartments",
        "mall",
        "hall",
        "services",
        "patrol",
        "highway",
        "area",
        "regional",
        "metro",
    ]
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognised span: ``text`` is ``article_text[start:end]``; ``key`` groups mentions of
    one thing ("Marcus Lee", "Lee"); ``weight`` is how sure the recogniser is."""

    start: int
    end: int
    text: str
    key: str
    weight: float = 1.0


@cache
def blocked_words() -> frozenset[str]:
    """Words that are never part of a person's or a town's name (function words, months,
    weekdays, street and organisation nouns, US states)."""
    return frozenset(
        {w.lower() for w in function_words()}
        | set(MONTHS)
        | set(WEEKDAYS)
        | _NOT_NAME_WORDS
        | STREET_WORDS
        | us_states()
    )


STATE_ABBREVIATION = (
    r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|"
    r"Mo|Mont|Neb|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va|"
    r"Wash|W\.Va|Wis|Wyo)\.?"
)
_PLACE_WORDS = r"[A-Z][A-Za-z'’.-]*(?:\s+[A-Z][A-Za-z'’.-]*){0,3}"
_DATELINE = re.compile(
    rf"\s*(?P<place>{_PLACE_WORDS}|[A-Z][A-Z .'’-]+?)"
    rf"(?:,\s*(?P<region>{STATE_ABBREVIATION}|[A-Z][A-Za-z]+(?:\s+[A-Z][a-z]+)?))?"
    r"\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s"
)
_IN_PLACE = re.compile(
    rf"\b(?P<preposition>in|at|near|outside|of)\s+(?P<place>{_PLACE_WORDS}),\s*"
    rf"(?P<region>{STATE_ABBREVIATION}|"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?![\w])"
)


def dateline_place(text: str, body_start: int) -> Mention | None:
    """The place of a dateline opening the body ("SPRINGFIELD, Ill. (AP) —")."""
    m = _DATELINE.match(text, body_start)
    if not m:
        return None
    start, end = m.span("place")
    place = text[start:end].strip()
    end = start + len(place)
    if place.lower() in blocked_words() or len(place) < 3:
        return None
    return Mention(start, end, place, place.lower(), 1.0)


_NEIGHBOURHOOD = re.compile(
    rf"\b(?:in|at|near)\s+the\s+(?P<place>{_PLACE_WORDS})\s+(?:neighbou?rhood|community|"
    r"section|area|district|subdivision)\b"
)


def neighbourhoods(text: str) -> Iterator[Mention]:
    """Places written "in the <Name> neighborhood" (or community, section, area)."""
    for m in _NEIGHBOURHOOD.finditer(text):
        place = m["place"]
        if place.lower() not in blocked_words():
            yield Mention(m.start("place"), m.end("place"), place, place.lower(), 0.6)


_POLICE_TOWN = re.compile(
    # "St. Louis police", "Brisk Area Regional Police": a saint's town, and the words that
    # name a police force's reach rather than its town
    r"\b(?P<place>(?:(?:St|Ft|Mt)\.?[ \t])?[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)"
    r"(?:[ \t]+(?:Area|Regional|Metro|Metropolitan|Township|Borough))*"
    r"[ \t]+(?:[Pp]olice|[Pp]olice\s+[Dd]epartment|PD|[Ff]ire\s+[Dd]epartment)\b"
)


# Words that open a town's name though they are no name alone ("New Orleans", "St. Louis").
_OPENS_TOWN = re.compile(r"(?:St|Ft|Mt)\.?|New|North|South|East|West|Fort|Lake|Mount|Port")
_REACH = frozenset(("Area", "Regional", "Metro", "Metropolitan", "Township", "Borough"))


def police_towns(text: str) -> Iterator[Mention]:
    """Towns named by their police ("Lakeport police said"): local police are named for the
    place they serve, and local news quotes them about events there."""
    blocked = blocked_words()
    for m in _POLICE_TOWN.finditer(text):
        words = m["place"].split()
        while words and words[-1] in _REACH:
            words = words[:-1]  # "Brisk Area": the force's reach, not its town's name
        while words and words[0].lower() in blocked and not _OPENS_TOWN.fullmatch(words[0]):
            words = words[1:]  # "Friday Lakeport police": not "New Orleans", "St. Louis"
        if len(words) == 1 and _OPENS_TOWN.fullmatch(words[0]):
            continue
        if words:
            start = m.start("place") + m["place"].index(words[0])
            place = " ".join(words)
            yield Mention(start, start + len(place), place, place.lower(), 0.5)


def located_places(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Places written "in <Town>, <State>" (the state confirms the town is a place); "of
    <Town>, <State>" weighs less: after a name it says where someone lives."""
    region = us_states()
    for m in _IN_PLACE.finditer(text, start, len(text) if end is None else end):
        state = m["region"]
        if state.lower() not in region and not re.fullmatch(STATE_ABBREVIATION, state):
            continue
        place_start, place_end = m.span("place")
        place = m["place"]
        if place.lower() in blocked_words():
            continue
        weight = 0.5 if m["preposition"] == "of" else 0.8
        yield Mention(place_start, place_end, place, place.lower(), weight)


# A plural noun: "-s", or a plural without it ("firemen", "children", "people", "police",
# "crew", "staff", "personnel", "aircraft", "cattle").
_PLURAL_NOUN = (
    r"[A-Za-z][\w'’-]*s|[a-z][\w'’-]*men|children|people|police|crew|staff|personnel|aircraft|"
    r"cattle|sheep|livestock|feet|teeth|geese|mice|deer|fish"
)
# A word between a number and its noun: not another number, nor "and"/"or" ("865
# Palestinians and 234 Israelis" counts Palestinians).
_PHRASE_WORD = r"(?!(?:and|or|but|nor)\b)[A-Za-z][A-Za-z'’-]*"
_COUNT_NOUNS = [
    re.compile(
        rf"^\s+(?P<phrase>(?:{_PHRASE_WORD}\s+){{{n}}})(?P<noun>(?:{_PLURAL_NOUN}))\b(?!['’]s\b)"
    )
    for n in range(4)
]


def _count_noun(after: str, wanted: frozenset[str]) -> re.Match[str] | None:
    """The asked plural noun within the four words after a number ("12 crew members")."""
    for pattern in _COUNT_NOUNS:
        m = pattern.match(after)
        if m and stems(m["noun"]) & wanted:
            return m
    return None


_VERB_AFTER = re.compile(
    r"^\s+(?:(?:were|was|had\s+been|have\s+been|has\s+been|are|is|been|being|got)\s+)?"
    r"(?:(?:\w+ly|now|also|still|all|since|then|later|not)\s+)?(?P<verb>[a-z]+(?:ed|en|t|wn|unk|ung))\b"
)
# A conjunct after the counted noun, up to its auxiliary: the verb after it governs both.
_COORDINATED = re.compile(
    r"^\s+(?:and|or)\s+(?:[\w'’-]+\s+){1,4}?(?=(?:were|was|have|has|had|are|is|got)\s)"
)
_VERB_BEFORE = re.compile(
    r"\b(?P<verb>[a-z]+(?:ed|ing|s)|heard|sold|told|bought|fought|caught|took|saw|made|gave|"
    r"paid|held|found|left|sent|spent|built|lost|won|threw|drew|flew|seized|hit|cut|shot|"
    r"fired|brought|kept|met|led|fled|sank|stole|wrote|chose|rode|drove|ate|bore|swore|"
    # a noun that names what happened to them: "the closure of 12 stores", "the sale of"
    r"(?!(?:total|number|group|lot|couple|pair|maximum|minimum|average|some|one|each|all|"
    r"any|most|many|none|both|out|instead|because|ahead|part|top|rest|field|fleet|crowd|team|"
    r"band|convoy|batch|range|series|flock|herd|squad|force|pack|handful|dozens|hundreds|"
    r"thousands|millions|family|list|record|estimated|staff|crew|line|queue|row|set)\s)"
    r"[a-z]{4,}\s+of)\s+"
    r"(?:(?:at\s+least|about|some|nearly|"
    r"more\s+than|over|up\s+to|the)\s+)*$"
)


# Abbreviations of units in wire copy ("27 dlrs a share", "5 pct", "3 mln"), and their words.
_UNIT_ALIASES = {
    "dlrs": "dollars", "dlr": "dollars", "usd": "dollars", "pct": "percent", "%": "percent",
    "km": "kilometres", "kms": "kilometres", "kg": "kilograms", "lbs": "pounds",
    "bpd": "barrels",
}  # fmt: skip


def unit_stems(noun: str) -> frozenset[str]:
    """The stems of a unit noun with its abbreviations or their words ("dlrs" ~ "dollars")."""
    words = noun.lower().split()
    also = [_UNIT_ALIASES.get(w, "") for w in words]
    also += [short for short, word in _UNIT_ALIASES.items() if word in words]
    return stems(" ".join([*words, *also]))


_PART_OF = re.compile(
    r"\s+of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?(?:\d|(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand)\b)",
    re.I,
)
# ... after a copula: "convicted four of the nine" counts four, "was one of two" counts two.
_COPULA_BEFORE = re.compile(r"\b(?:was|is|were|are|been|be|being|as|among)\s+$", re.I)
OTHER_VERB = 0.3  # another verb governs the count ("acquired 258,591 shares" for "sold")
OTHER_MODIFIER = 0.35  # no verb, and its modifiers are not the question's ("15 man crew")


# "a crew of 15", "a population of 10 million", "a fleet of about 20": the noun, then the count.
# "a town of 5,100", "a city of 2 million": a settlement's count is its population.
_SETTLEMENTS = stems("town city village township borough suburb community island nation")
_INHABITANTS = stems("people residents inhabitants population citizens")
_DWELL = stems("live lives living reside resides dwell inhabit")
# The people who work at a place are its workers: "How many people work at <Firm>?" is
# answered by "<Firm>, with 1,700 workers" or "employs 300 staff".
_WORKFORCE = stems("workers employees staff")
_WORK = stems("work works worked working employ employs employed")
_NEXT_WORD = re.compile(r"\s+(?!(?:people|residents|inhabitants)\b)([a-z][\w'’-]*s)\b")
_NOUN_OF = re.compile(r"\b(?P<noun>[A-Za-z][\w'’-]*)\s+of\s+$")


def _noun_of_amount(
    text: str, start: int, amount: Amount, wanted: frozenset[str], verb_stems: frozenset[str]
) -> Mention | None:
    """A count written after its noun ("its crew of four was rescued"), from the noun to the
    number, weighed by the verb after the number or before the noun."""
    m = _NOUN_OF.search(text, max(start, amount.start - 40), amount.start)
    if m is None:
        return None
    noun = stems(m["noun"])
    counted = _NEXT_WORD.match(text, amount.end)
    other_noun = counted is not None and counted[1] not in function_words()
    if noun & _SETTLEMENTS and wanted & _INHABITANTS and verb_stems & _DWELL and not other_noun:
        # "the town of 5,100" answers "How many people live in ...": its population, unless
        # the number counts another noun ("the city of 12 lakes")
        span = text[m.start("noun") : amount.end]
        return Mention(m.start("noun"), amount.end, span, str(amount.number), 1.0)
    if not noun & wanted:
        return None
    verbs: set[str] = set()
    if v := _VERB_AFTER.match(text[amount.end : amount.end + 40]):
        verbs |= stems(v["verb"])
    before = text[max(start, m.start() - 30) : m.start()]
    before = re.sub(r"(?:\b(?:a|an|the|its|his|her|their)\s+)$", "", before)
    if (v := _VERB_BEFORE.search(before)) and v["verb"] not in function_words():
        verbs |= stems(v["verb"])
    if not verb_stems or _same_verb(verbs, verb_stems):
        weight = 1.0
    else:
        weight = OTHER_VERB if verbs else 0.5
    span = text[m.start("noun") : amount.end]
    return Mention(m.start("noun"), amount.end, span, str(amount.number), weight)


# Nouns for people a headline leaves out before its verb: "3 charged in ...", "Two arrested".
_PERSON_NOUNS = frozenset(
    stem
    for word in ("people", "persons", "suspects", "men", "women", "teens", "teenagers", "adults")
    for stem in stems(word)
)
_BARE_VERB = re.compile(r"[^\S\n]+(?P<verb>[a-z]+(?:ed|en))\b")


def _people_by_verb(
    text: str, amount: Amount, wanted: frozenset[str], verb_stems: frozenset[str]
) -> Mention | None:
    """People counted by a number right before the question's verb, the noun left out as
    headlines do ("3 charged in ..." answers "How many people were charged ...")."""
    if not wanted & _PERSON_NOUNS or not verb_stems:
        return None
    m = _BARE_VERB.match(text, amount.end)
    if m is None or not _same_verb(set(stems(m["verb"])), verb_stems):
        return None
    return Mention(amount.start, m.end(), text[amount.start : m.end()], str(amount.number), 1.0)


def count_mentions(
    text: str, start: int, end: int, noun: str, verb_stems: frozenset[str]
) -> list[tuple[Mention, float]]:
    """Counts of ``noun`` in ``text[start:end]`` with the verb that governs them: "12 houses
    were destroyed", "destroyed 12 houses", "12 destroyed houses". The weight is 1 when the
    governing verb (or a modifier: "12 destroyed houses") is one of ``verb_stems``, 0.5 with
    no verb to check, less when another verb governs it (``OTHER_VERB``)."""
    wanted = unit_stems(noun)
    if wanted & _INHABITANTS and verb_stems & _WORK:
        wanted |= _WORKFORCE
    out = []
    for amount in find_amounts(text, start, end):
        after = text[amount.end : amount.end + 60]
        if _PART_OF.match(after) and _COPULA_BEFORE.search(
            text, max(start, amount.start - 12), amount.start
        ):
            continue  # "it was one of two shootings": what it is a part of is the count
        m = _count_noun(after, wanted)
        if not m:
            mention = _noun_of_amount(text, start, amount, wanted, verb_stems) or _people_by_verb(
                text, amount, wanted, verb_stems
            )
            if mention:
                out.append((mention, amount.number))
            continue
        span_end = amount.end + m.end("noun")
        rest = text[span_end : span_end + 40]
        before = text[max(start, amount.start - 30) : amount.start]
        verbs: set[str] = set()
        if v := _VERB_AFTER.match(_COORDINATED.sub(" ", rest, count=1)):
            verbs |= stems(v["verb"])  # "212 passengers and 9 crew were taken": both were
        if (v := _VERB_BEFORE.search(before)) and v["verb"] not in function_words():
            verbs |= stems(v["verb"])  # not "its", "this", "was"
        modifiers = stems(m["phrase"])
        if not verb_stems or _same_verb(verbs | modifiers, verb_stems):
            weight = 1.0
        else:
            weight = OTHER_VERB if verbs else (OTHER_MODIFIER if modifiers else 0.5)
        number = amount.number
        span_text = text[amount.start : span_end]
        out.append((Mention(amount.start, span_end, span_text, str(number), weight), number))
    return out


@cache
def _verb_lemma_stems(word: str) -> frozenset[str]:
    """The stems of a word's verb lemmas other than itself, from lemminflect's English lexicon
    ("saw" -> see, "thrown" -> throw, "struck" -> strike)."""
    lemmas = getLemma(word, upos="VERB")
    return frozenset().union(*(stems(lemma) for lemma in lemmas if lemma != word))


def _same_verb(found: set[str], asked: frozenset[str]) -> bool:
    """Whether a verb near a count is one the question asks, its stem, a form of its lemma
    ("saw" ~ "see") or a form sharing its first four letters ("hear" ~ "heard")."""
    found = found.union(*(_verb_lemma_stems(w) for w in found))
    asked = asked.union(*(_verb_lemma_stems(w) for w in asked))
    if found & asked:
        return True
    prefixes = {w[:4] for w in asked if len(w) >= 4}
    return any(w[:4] in prefixes for w in found if len(w) >= 4)


_KIND_VERBS = {
    "killed": (
        r"killed|dead|died|dies|slain|murdered|fatally\s+(?:shot|wounded|injured)|"
        r"shot\s+(?:and\s+killed|dead|to\s+death)|gunned\s+down|lost\s+their\s+lives|deaths?"
    ),
    "injured": r"wounded|injured|hurt|hospitali[sz]ed|shot(?!\s+(?:and\s+killed|dead|to\s+death))",
    # everyone shot, the dead with the wounded ("four people were shot, one fatally")
    "shot": r"shot|gunned\s+down|(?:hit|struck|wounded)\s+by\s+(?:gunfire|bullets)",
}
_KIND_VERBS_BEFORE = {
    "killed": r"killing|killed|kills|kill|left|leaving|claimed\s+the\s+lives\s+of",
    "injured": r"wounding|injuring|wounded|injured|wounds|injures|shooting|shot|shoots|hitting",
    "shot": r"shooting|shot|shoots",
}
_AUX = r"(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|been|got|being)\s+)?"
_NOUNS = r"(?:[A-Za-z'’-]+\s+){0,3}?"


def casualty_counts(text: str, start: int, end: int, kind: str) -> list[tuple[Mention, int]]:
    """Counts of people killed or injured in ``text[start:end]``: "5 shot", "two people were
    killed", "killing two", "four teens shot, one fatally" (the fatal one is killed, the
    others shot). "Shot" alone counts as injured: it is how local news reports the wounded."""
    after = re.compile(rf"\s+{_NOUNS}{_AUX}(?:{_KIND_VERBS[kind]})\b", re.I)
    before = re.compile(rf"\b(?:{_KIND_VERBS_BEFORE[kind]})\s+(?:at\s+least\s+|about\s+)?$", re.I)
    fatally = re.compile(r"^\s*(?:of\s+them\s+|of\s+whom\s+)?(?:fatally|critically)\b", re.I)
    out = []
    for amount in find_amounts(text, start, end):
        rest = text[amount.end : amount.end + 60]
        if re.match(r"\s*(?:-|\s)?(?:year|month|week|day|hour|minute|percent|%|a\.m|p\.m)", rest):
            continue
        number = amount.number
        if not isinstance(number, int) and not float(number).is_integer():
            continue
        if fatally.match(rest):
            if kind == "shot" or (kind == "killed") != rest.strip().lower().startswith("fatally"):
                continue
        elif not (
            after.match(rest) or before.search(text[max(start, amount.start - 40) : amount.start])
        ):
            continue
        count = int(number)
        if kind == "injured" and (dead := _SHOT_THEN_DEAD.match(rest)):
            # "7 shot, 3 dead": the shot include the dead; the injured are the others.
            word = dead["number"]
            fatal = int(word) if word.isdigit() else parse_number_words(word)
            if fatal is None or not 0 < fatal < count:
                continue
            count -= int(fatal)
        span = text[amount.start : amount.end]
        out.append((Mention(amount.start, amount.end, span, str(count)), count))
    return out


_SHOT_THEN_DEAD = re.compile(
    r"\s+(?:[A-Za-z'’-]+\s+){0,2}?(?:(?:were|was)\s+)?shot\b[^.;:]{0,30}?,?\s+(?:and\s+|with\s+)?"
    r"(?P<number>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:of\s+them\s+)?"
    r"(?:fatally|dead|killed|died|dies|have\s+died)\b",
    re.I,
)
