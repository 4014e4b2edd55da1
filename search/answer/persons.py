"""People recognised in article text at question time, and the side of an event their words
put them on: names from capitalisation, ages, titles, an introducing phrase and given-name
knowledge; cues for a suspect (arrested, charged, "shot his ...") and for a victim (the object of
"killed", the subject of "was shot"), read in the words around a name and in its sentence.
"""

from __future__ import annotations

import re

from search.answer.constraints import STREET_WORDS
from search.answer.names import is_first_name
from search.answer.questions import stems_of
from search.answer.recognisers import Mention, blocked_words

# A word of a person's name: "Reid", "McDonald", "DeAndre", "Smith-Jones", "O'Neil".
NAME_WORD = r"(?:[A-Z][a-z]*[A-Z]?[a-z]+(?:['’-][A-Z]?[a-z]+)*|[A-Z]['’][A-Z][a-z]+)"
_INITIAL = r"[A-Z]\."
_SUFFIX = r"(?:,?\s+(?:Jr\.?|Sr\.?|II|III|IV)(?![\w]))"
_NAME = re.compile(
    rf"(?<![\w'’-]){NAME_WORD}(?:[ \t]+(?:{NAME_WORD}|{_INITIAL})){{1,3}}{_SUFFIX}?(?![\w'’-])"
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


# Plurals of institutions' nouns end a body's name, never a person's ("<Town> Schools", a town
# spelled like a given name): no surname is one.
_INSTITUTION_PLURALS = frozenset(
    {"schools", "colleges", "universities", "academies", "hospitals", "centers"}
    | {"departments", "agencies", "offices", "churches"}
)


def person_mentions(text: str) -> list[Mention]:
    """People named in ``text``: a run of two to four capitalised words that opens with a known
    given name, is followed by an age ("Jane Roe, 23,"), follows one ("23-year-old Jane Roe"),
    is introduced as a victim or suspect, or opens a sentence as its subject; later mentions
    of the surname alone count too. Officials (a title before the name) weigh less: they
    usually speak about the event rather than take part in it."""
    blocked = blocked_words() | _INSTITUTION_PLURALS
    full: list[Mention] = []
    for m in _NAME.finditer(text):
        words = [w for w in re.split(r"[\s,]+", m.group(0)) if w]
        core = [w for w in words if not re.fullmatch(r"Jr\.?|Sr\.?|II|III|IV", w)]
        if "-year-old" in core[0].lower() or "-old" in core[0].lower():
            core = core[1:]  # "Sixteen-year-old Jane Roe"
        elif len(core) > 2 and re.search(r"['’]s$", core[0]):
            core = core[1:]  # "<Employer>'s Jane Roe": the owner is no part of the name
        if len(core) < 2:
            continue
        if any(w.lower().strip(".") in blocked for w in core):
            kept = _trim_blocked(core, blocked)
            if len(kept) < 2 or _names_a_place(core, kept):
                continue
            core = kept
        before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 12]
        cues = (
            is_first_name(core[0]),
            bool(_AGE_AFTER.match(after)),
            bool(_AGE_BEFORE.search(before)),
            bool(_INTRODUCED.search(before)),
            bool(_SUBJECT.match(after)) and _opens_clause(text, m.start()),
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


# Reported speech opens a clause whose subject may be a name: "Police said <Name> was ...".
_REPORTING = re.compile(r"\b(?:said|says|say|told\s+\w+|that)[ \t]+$")


def _opens_clause(text: str, offset: int) -> bool:
    """True when ``offset`` opens a sentence or the clause a reporting verb introduces."""
    return _opens_sentence(text, offset) or bool(
        _REPORTING.search(text, max(0, offset - 30), offset)
    )


def _opens_sentence(text: str, offset: int) -> bool:
    """True when only a sentence end, a line break or nothing comes before ``offset``."""
    before = text[max(0, offset - 3) : offset]
    return offset == 0 or bool(re.search(r"(?:[.!?][\"”’]?\s+|\n\s*)$", before))


# Nouns that close the name of a place or an institution: a person's name before one of them
# is part of that name ("<Given> <Surname> University", "<Given> <Surname> Boulevard").
_NAME_HEADS = STREET_WORDS | frozenset(
    {"hospital", "center", "centre", "school", "high", "elementary", "university", "college"}
    | {"academy", "church", "chapel", "hall", "park", "court", "mall", "club", "apartments"}
    | {"stadium", "library", "institute", "foundation", "memorial", "bridge", "airport"}
)


def _names_a_place(words: list[str], kept: list[str]) -> bool:
    """Whether the name kept from a capitalised run is followed in it by a noun that heads
    the name of a place or an institution ("<Given> <Surname> High School")."""
    for i in range(len(words) - len(kept)):
        if words[i : i + len(kept)] == kept:
            return words[i + len(kept)].lower().strip(".") in _NAME_HEADS
    return False


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
    # "<Name>, who was shot ...": a relative clause says it as the verb after the name does
    rf"^{_APPOSITION}(?:,\s+who)?\s+(?:(?:was|were|had\s+been|has\s+been|is|got)\s+(?:\w+ly\s+)?"
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
    rf"^{_APPOSITION}(?:,\s+who)?\s+(?:(?:was|were|has\s+been|had\s+been|is|allegedly|later)\s+)*"
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


# People who speak about an event or are related to those in it: a relative introduced as one
# ("his uncle, Jane Roe"), or the speaker of a quote ("said Roe", "Roe told reporters").
_RELATIVE_BEFORE = re.compile(
    r"\b(?:his|her|their|the\s+\w+'s|the\s+victim's)\s+(?:uncle|aunt|mother|father|mom|dad|"
    r"brother|sister|son|daughter|cousin|grandmother|grandfather|grandma|grandpa|wife|husband|"
    r"girlfriend|boyfriend|fiancée?|friend|neighbou?r|stepfather|stepmother|nephew|niece)"
    r"[,:]?\s+$",
    re.I,
)
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|according\s+to)\s+$", re.I)
_SPEECH_AFTER = re.compile(rf"^{_APPOSITION}\s+(?:said|says|told|added|recalled|explained)\b")


def bystander(text: str, start: int, end: int) -> bool:
    """True when the name ``text[start:end]`` is introduced as a relative or quoted speaking."""
    before, after = text[max(0, start - 40) : start], text[end : end + 90]
    return bool(
        _RELATIVE_BEFORE.search(before)
        or _SPEECH_BEFORE.search(before)
        or _SPEECH_AFTER.match(after)
    )


# "<Name> will control ...", "<Name> has agreed to ...": auxiliaries between a subject and its verb.
# "<Name> is the head of ..." answers "Who heads ...?": after "is" or "was", the noun of the
# question's verb stands for it.
_AUXILIARIES = re.compile(
    r"(?:,[^,.;]{0,60},)?\s+(?:(?:will|would|shall|has|have|had|is|was|also|then|later|"
    r"could|can|may|might|must|did|does)\s+)*"
    r"(?:(?:(?<=\bis\s)|(?<=\bwas\s))(?:the|an?)\s+)?(?P<verb>[a-z][\w-]*)"
)


def acting_people(text: str, start: int, end: int, verbs: frozenset[str]) -> list[Mention]:
    """People named in ``text[start:end]`` as the subject of one of ``verbs`` (stems): "<Name>
    will control and manage ..." for "Who will control ...?". A surname alone counts when the
    article named the person in full before it; the mention's ``key`` is then that full name."""
    mentions = person_mentions(text[:end])
    full = {m.key: m.text for m in mentions if len(m.text.split()) > 1}
    out = []
    for m in mentions:
        if m.start < start:
            continue
        after = _AUXILIARIES.match(text, m.end, end)
        if after is None or not stems_of(after["verb"]) & verbs:
            continue
        out.append(Mention(m.start, m.end, m.text, full.get(m.key, m.text), m.weight))
    return out
