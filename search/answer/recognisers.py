"""Answer-type recognisers run on retrieved article text at question time: people's names
(capitalisation, titles, ages, given-name knowledge) with the side of the event their sentence
puts them on, places from datelines and "in <Town>, <State>", and counts of any noun with the
verb that governs it ("12 houses were destroyed", "destroyed 12 houses").

Every mention carries its offsets into the article text: ``text[start:end]`` is its span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from corpus.facts.lexicons import MONTHS, WEEKDAYS, function_words
from corpus.facts.numbers import find_amounts
from search.answer.candidates import stems
from search.answer.constraints import STREET_WORDS, us_states
from search.answer.names import is_first_name

_CAP = r"(?:[A-Z][a-z]*[A-Z]?[a-z]+(?:['’-][A-Z]?[a-z]+)*|[A-Z]['’][A-Z][a-z]+)"
_INITIAL = r"[A-Z]\."
_SUFFIX = r"(?:,?\s+(?:Jr\.?|Sr\.?|II|III|IV)(?![\w]))"
_NAME = re.compile(
    rf"(?<![\w'’-]){_CAP}(?:[ \t]+(?:{_CAP}|{_INITIAL})){{1,3}}{_SUFFIX}?(?![\w'’-])"
)
_AGE_AFTER = re.compile(
    r"^,\s*(?:age\s+)?\d{1,2}(?:\s*[,.;)]|\s+(?:and|of|was|were|is|who|had|has|from)\b)"
)
# A name as the subject of a sentence's verb: "Jane Roe was ...", "Jane Roe died".
_SUBJECT = re.compile(
    r"^\s+(?:was|were|is|has|had|died|dies|remains|faces|pleaded|appeared|allegedly)\b"
)
_AGE_BEFORE = re.compile(r"\b\d{1,2}-year-old\s+(?:\w+\s+)?$")
_INTRODUCED = re.compile(
    r"\b(?:identified\s+(?:him|her|them|the\s+\w+)?\s*as|named|victims?|suspects?|shooter|"
    r"gunman|accused|charged|arrested)\s*(?:,|:)?\s*$",
    re.I,
)
# Titles of people who speak for an event rather than take part in it.
_OFFICIAL = re.compile(
    r"\b(?:Sgt|Sergeant|Lt|Lieutenant|Capt|Captain|Officer|Detective|Det|Deputy|Sheriff|Chief|"
    r"Cpl|Corporal|Trooper|Agent|Spokes(?:man|woman|person)|spokes(?:man|woman|person)|Mayor|"
    r"Attorney|Prosecutor|Judge|Coroner|Commissioner|Superintendent|Gov|Governor|Sen|Senator|"
    r"Rep|President|Dr|Rev|Pastor|Investigator|Director|director)\.?[ \t]+$"
)
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
    ]
)

SUSPECT_CUES = re.compile(
    r"\b(?:suspects?|arrest(?:ed)?|charged?|charges|accused|booked|custody|jail(?:ed)?|"
    r"shooter|gunman|turned\s+(?:him|her)self|indicted|pleaded|sentenced|convicted|wanted|"
    r"warrant|detained|apprehended|faces|facing|allegedly|opened\s+fire|self-inflicted|"
    r"murder-suicide|(?:killed|shot)\s+(?:him|her|them)sel(?:f|ves)|turned\s+the\s+gun|"
    # an active shooting verb with its object: the one who shot ("shot his daughter")
    r"(?<!was\s)(?<!were\s)(?<!been\s)(?:shot|killed|stabbed)\s+(?:his|her|their|a|an|two|"
    r"three|several|multiple)\b)",
    re.I,
)
DEATH_CUES = re.compile(
    r"\b(?:killed|killing|died|dies|dead|death|slain|murdered|fatal(?:ly)?|homicide|"
    r"pronounced|body|funeral|vigil|mourn\w*|remembered|life|lives)\b",
    re.I,
)
INJURY_CUES = re.compile(
    r"\b(?:victims?|wounded|injured|hurt|struck|hit|survived|hospitali[sz]ed|critical|"
    r"(?:was|were|been|being|got)\s+shot|gunshot|wounds?)\b",
    re.I,
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
def _blocked_words() -> frozenset[str]:
    return frozenset(
        {w.lower() for w in function_words()}
        | set(MONTHS)
        | set(WEEKDAYS)
        | _NOT_NAME_WORDS
        | STREET_WORDS
        | us_states()
    )


def person_mentions(text: str) -> list[Mention]:
    """People named in ``text``: a run of two to four capitalised words that opens with a known
    given name, is followed by an age ("Jane Roe, 23,"), follows one ("23-year-old Jane Roe"),
    is introduced as a victim or suspect, or opens a sentence as its subject; later mentions
    of the surname alone count too. Officials (a title before the name) weigh less: they
    usually speak about the event rather than take part in it."""
    blocked = _blocked_words()
    full: list[Mention] = []
    for m in _NAME.finditer(text):
        words = [w for w in re.split(r"[\s,]+", m.group(0)) if w]
        core = [w for w in words if not re.fullmatch(r"Jr\.?|Sr\.?|II|III|IV", w)]
        if "-year-old" in core[0].lower() or "-old" in core[0].lower():
            core = core[1:]  # "Sixteen-year-old Jane Roe"
        if len(core) < 2:
            continue
        if any(w.lower().strip(".") in blocked for w in core):
            core = _trim_blocked(core, blocked)
            if len(core) < 2:
                continue
        before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 12]
        cues = (
            is_first_name(core[0]),
            bool(_AGE_AFTER.match(after)),
            bool(_AGE_BEFORE.search(before)),
            bool(_INTRODUCED.search(before)),
            bool(_SUBJECT.match(after)) and _opens_sentence(text, m.start()),
        )
        if not any(cues):
            continue
        name = " ".join(core)
        start = text.index(core[0], m.start())
        end = text.index(core[-1], start) + len(core[-1])
        weight = 0.6 + 0.4 * min(1, sum(cues[1:]))
        if _OFFICIAL.search(before):
            weight *= 0.4  # a titled official usually speaks about the event
        full.append(Mention(start, end, text[start:end], _person_key(name), weight))
    return full + _surname_mentions(text, full)


def _opens_sentence(text: str, offset: int) -> bool:
    """True when only a sentence end, a line break or nothing comes before ``offset``."""
    before = text[max(0, offset - 3) : offset]
    return offset == 0 or bool(re.search(r"(?:[.!?][\"”’]?\s+|\n\s*)$", before))


def _trim_blocked(words: list[str], blocked: frozenset[str]) -> list[str]:
    """The longest stretch of ``words`` without a blocked word ("Officer Jane Roe" -> 2)."""
    best: list[str] = []
    current: list[str] = []
    for w in words:
        if w.lower().strip(".") in blocked:
            current = []
        else:
            current.append(w)
            if len(current) > len(best):
                best = list(current)
    return best


def _person_key(name: str) -> str:
    return name.split()[-1].lower().strip(".")


def _surname_mentions(text: str, full: list[Mention]) -> list[Mention]:
    surnames = {m.key: m.text.split()[-1] for m in full}
    taken = [(m.start, m.end) for m in full]
    out = []
    for key, surname in surnames.items():
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])", text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            out.append(Mention(m.start(), m.end(), m.group(0), key, 0.5))
    return out


# The words right around a name say which side it is on: the object of "killed" or the
# subject of "was shot" is a victim; the subject of "was arrested" or "shot his" a suspect.
_APPOSITION = r"(?:,[^,.;]{0,60},)?"
_VICTIM_BEFORE = re.compile(
    r"\b(?:killed|killing|shot|shooting|murdered|murder|death|deaths|slaying|wounded|injured|"
    r"victims?|identified(?:\s+\w+){0,3}\s+as|body\s+of)[:,]?\s+(?:(?:\w+-year-old|his|her|"
    r"their|the|\d{1,2})\s+){0,3}$",
    re.I,
)
_VICTIM_AFTER = re.compile(
    rf"^{_APPOSITION}\s+(?:(?:was|were|had\s+been|has\s+been|is|got)\s+(?:\w+ly\s+)?"
    r"(?:shot|killed|found|pronounced|wounded|injured|struck|hit|hospitali[sz]ed|taken\s+to|"
    r"rushed\s+to|the\s+victim)|(?:later\s+)?(?:died|dies|suffered|sustained))\b",
    re.I,
)
_SUSPECT_BEFORE = re.compile(
    r"\b(?:suspects?|shooter|gunman|accused|arrested|charged|charging|booked|identified\s+the\s+"
    r"(?:suspect|shooter|gunman)\s+as)[:,]?\s+(?:(?:\w+-year-old|the|\d{1,2})\s+){0,3}$",
    re.I,
)
_SUSPECT_AFTER = re.compile(
    rf"^{_APPOSITION}\s+(?:(?:was|were|has\s+been|had\s+been|is|allegedly|later)\s+)*"
    r"(?:arrested|charged|booked|accused|indicted|taken\s+into\s+custody|held|jailed|sentenced|"
    r"convicted|pleaded|faces|turned\s+(?:him|her)self|fled|opened\s+fire|fired|shot\s+(?:and\s+"
    r"killed\s+)?(?:his|her|their|a|an|the|[A-Z])|killed\s+(?:his|her|their|a|an|the|[A-Z]))",
)


def local_side(text: str, start: int, end: int) -> tuple[int, int, int]:
    """Suspect, death and injury cues in the words just around the name ``text[start:end]``."""
    before, after = text[max(0, start - 60) : start], text[end : end + 90]
    suspect = bool(_SUSPECT_BEFORE.search(before)) + bool(_SUSPECT_AFTER.match(after))
    death = injury = 0
    for m in (_VICTIM_BEFORE.search(before), _VICTIM_AFTER.match(after)):
        if m is not None:
            if DEATH_CUES.search(m.group(0)) or re.search(r"\bfound\b", m.group(0)):
                death += 1
            else:
                injury += 1
    return suspect, death, injury


def sentence_side(sentence: str) -> tuple[int, int, int]:
    """How many suspect, death and injury cues a sentence has."""
    return (
        len(SUSPECT_CUES.findall(sentence)),
        len(DEATH_CUES.findall(sentence)),
        len(INJURY_CUES.findall(sentence)),
    )


_STATE_ABBREVIATION = (
    r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|"
    r"Mo|Mont|Neb|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va|"
    r"Wash|W\.Va|Wis|Wyo)\.?"
)
_PLACE_WORDS = r"[A-Z][A-Za-z'’.-]*(?:\s+[A-Z][A-Za-z'’.-]*){0,3}"
_DATELINE = re.compile(
    rf"\s*(?P<place>{_PLACE_WORDS}|[A-Z][A-Z .'’-]+?)"
    rf"(?:,\s*(?P<region>{_STATE_ABBREVIATION}|[A-Z][A-Za-z]+(?:\s+[A-Z][a-z]+)?))?"
    r"\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s"
)
_IN_PLACE = re.compile(
    rf"\b(?:in|at|near|outside|of)\s+(?P<place>{_PLACE_WORDS}),\s*(?P<region>{_STATE_ABBREVIATION}|"
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
    if place.lower() in _blocked_words() or len(place) < 3:
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
        if place.lower() not in _blocked_words():
            yield Mention(m.start("place"), m.end("place"), place, place.lower(), 0.6)


_POLICE_TOWN = re.compile(
    r"\b(?P<place>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+(?:[Pp]olice|[Pp]olice\s+[Dd]epartment|"
    r"PD|[Ff]ire\s+[Dd]epartment)\b"
)


def police_towns(text: str) -> Iterator[Mention]:
    """Towns named by their police ("Ottumwa police said"): local police are named for the
    place they serve, and local news quotes them about events there."""
    blocked = _blocked_words()
    for m in _POLICE_TOWN.finditer(text):
        words = m["place"].split()
        while words and words[0].lower() in blocked:
            words = words[1:]
        if words:
            start = m.start("place") + m["place"].index(words[0])
            place = " ".join(words)
            yield Mention(start, start + len(place), place, place.lower(), 0.5)


def located_places(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Places written "in <Town>, <State>" (the state confirms the town is a place)."""
    region = us_states()
    for m in _IN_PLACE.finditer(text, start, len(text) if end is None else end):
        state = m["region"]
        if state.lower() not in region and not re.fullmatch(_STATE_ABBREVIATION, state):
            continue
        place_start, place_end = m.span("place")
        place = m["place"]
        if place.lower() in _blocked_words():
            continue
        yield Mention(place_start, place_end, place, place.lower(), 0.8)


_COUNT_NOUN = re.compile(r"^\s+(?P<phrase>(?:[\w'’-]+\s+){0,3}?)(?P<noun>[a-z][\w'’-]*s)\b")
_VERB_AFTER = re.compile(
    r"^\s+(?:(?:were|was|had\s+been|have\s+been|has\s+been|are|is|been|being|got)\s+)?"
    r"(?:\w+ly\s+)?(?P<verb>[a-z]+(?:ed|en|t))\b"
)
_VERB_BEFORE = re.compile(
    r"\b(?P<verb>[a-z]+(?:ed|ing|s))\s+(?:(?:at\s+least|about|some|nearly|"
    r"more\s+than|over|up\s+to|the)\s+)*$"
)


def count_mentions(
    text: str, start: int, end: int, noun: str, verb_stems: frozenset[str]
) -> list[tuple[Mention, float]]:
    """Counts of ``noun`` in ``text[start:end]`` with the verb that governs them: "12 houses
    were destroyed", "destroyed 12 houses", "12 destroyed houses". The weight is 1 when the
    governing verb is one of ``verb_stems``, 0.5 with no verb to check."""
    wanted = stems(noun)
    out = []
    for amount in find_amounts(text, start, end):
        after = text[amount.end : amount.end + 60]
        m = _COUNT_NOUN.match(after)
        if not m or not (stems(m["noun"]) & wanted):
            continue
        span_end = amount.end + m.end("noun")
        rest = text[span_end : span_end + 40]
        before = text[max(start, amount.start - 30) : amount.start]
        verbs: set[str] = set()
        if v := _VERB_AFTER.match(rest):
            verbs |= stems(v["verb"])
        if v := _VERB_BEFORE.search(before):
            verbs |= stems(v["verb"])
        verbs |= stems(m["phrase"])
        weight = 1.0 if not verb_stems or verbs & verb_stems else (0.5 if not verbs else 0.3)
        number = amount.number
        span_text = text[amount.start : span_end]
        out.append((Mention(amount.start, span_end, span_text, str(number), weight), number))
    return out


_KIND_VERBS = {
    "killed": (
        r"killed|dead|died|dies|slain|murdered|fatally\s+(?:shot|wounded|injured)|"
        r"shot\s+(?:and\s+killed|dead|to\s+death)|gunned\s+down|lost\s+their\s+lives|deaths?"
    ),
    "injured": r"wounded|injured|hurt|hospitali[sz]ed|shot(?!\s+(?:and\s+killed|dead|to\s+death))",
}
_KIND_VERBS_BEFORE = {
    "killed": r"killing|killed|kills|kill|left|leaving|claimed\s+the\s+lives\s+of",
    "injured": r"wounding|injuring|wounded|injured|wounds|injures|shooting|shot|shoots|hitting",
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
            if (kind == "killed") != rest.strip().lower().startswith("fatally"):
                continue
        elif not (
            after.match(rest) or before.search(text[max(start, amount.start - 40) : amount.start])
        ):
            continue
        span = text[amount.start : amount.end]
        out.append((Mention(amount.start, amount.end, span, str(int(number))), int(number)))
    return out
