"""Casualties: counts of people killed or injured, with hedge and reporting source.

Every claim is anchored on an amount (``numbers.find_amounts``) and one of three constructions:

1. **Active** - a casualty verb right before the amount: "killing 62", "wounded up to 100",
   "shot dead eight militants", "claimed the lives of 12", "left 5 people dead" (``left`` needs
   the state word after the noun phrase).
2. **Toll** - "the (death) toll rose/increased to 80", "a death toll of 40", "the number of
   injured reached 50"; a toll counts the dead unless it names the injured.
3. **Passive or intransitive** - amount, optional noun phrase, optional auxiliaries, then a
   casualty word: "Sixty-two Syrian soldiers were killed", "over 100 injured", "12 civilians had
   been killed", "300 people died", "5 dead", "40 deaths", "3 officers suffered injuries".
   Without an auxiliary, a verb followed by an object ("5 gunmen killed 3 people") is active, so
   the amount is the killers, not the victims.

A counted noun phrase joined to a claim by "and" shares its kind ("killed 19 children and two
teachers", "20 children and six adults were killed"); a bare comma does not ("killed 12, 3 of
them officers" is one claim).

Nothing is claimed from questions, negations or hypotheticals: a modal, negation, "to" or "if"
just before the verb or among the auxiliaries ("could have been killed", "may have died", "did
not kill", "none of the 40 were hurt") drops the candidate. A count-less claim ("the strike killed
Syrian soldiers") is not a casualty figure and is skipped.

The span is the amount (hedge and number) plus the adjacent victim noun phrase through its head
("at least 80 soldiers", "Sixty-two Syrian soldiers", "a hundred others"); the verb is not part of
it. ``victims`` is that head noun; an amount without one ("killing 62 and wounding over 100
soldiers") or with "others"/"more" takes the victim noun of the nearest claim in its sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from corpus.facts.attribution import find_attribution
from corpus.facts.document import Document
from corpus.facts.model import ExtractedFact
from corpus.facts.numbers import Amount, find_amounts
from corpus.spans import Span


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w[\w’'-]*\w|\w|[^\w\s]")

_ACTIVE = re.compile(
    r"(?<![\w-])(?P<verb>kill(?:s|ed|ing)?|(?:shot|shooting|shoots|gunned|gunning)\s+dead"
    r"|slay(?:s|ing)?|slew|massacr(?:e|es|ed|ing)|execut(?:e|es|ed|ing)|murder(?:s|ed|ing)?"
    r"|wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|(?:claim(?:s|ed|ing)?|t(?:ook|aking|akes|ake)"
    r"|cost(?:s|ing)?)(?:\s+the\s+lives\s+of)?|le(?:ft|aving|aves|ave))"
    r"\s+(?:all\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_TOLL = re.compile(
    r"\b(?:(?P<kind>death|injury)\s+toll|toll|number\s+of\s+(?:the\s+)?(?P<what>dead|deaths"
    r"|fatalities|(?:people\s+|those\s+)?killed|(?:people\s+|those\s+)?(?:injured|wounded)"
    r"|injuries))\b(?P<mid>[^.;:!?,]{0,50}?)\b(?:to|at|of|reached|hit|topped|passed|exceeded"
    r"|is|was|stands|stood|rose|climbed|jumped|increased)(?:\s+now)?\s+$",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|may|should|must|can|cannot|will|shall|not|never|no|to|if|unless"
    r"|whether|\w+n't|fear(?:s|ed)?|expected|likely|threaten(?:s|ed|ing)?|tr(?:y|ies|ied|ying)"
    r"|attempt(?:s|ed|ing)?|plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|want(?:s|ed)?)"
    r"(?:\s+\w+){0,2}\s+$",
    re.IGNORECASE,
)
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|none|not|never|nobody|neither|nor|without|if|unless|whether|zero)"
    r"(?:\s+of)?(?:\s+(?:the|those|these))?\s+$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r";|\b(?:while|whereas|but|said|says|reported|according|told)\b", re.IGNORECASE
)
_AND = re.compile(r",?\s+(?:and|as\s+well\s+as|plus)\s+", re.IGNORECASE)
_BOTH_KINDS = re.compile(r"\b(?:kill\w*|dead|wound\w*|injur\w*)\s+(?:and|or)\s+$", re.I)

_KILL_WORDS = _wordset(
    "killed dead died die dies perished slain deaths fatalities drowned massacred executed "
    "murdered slaughtered"
)
_INJURE_WORDS = _wordset("wounded injured hurt injuries")
_AUX = _wordset(
    """were was are is have has had been being be got get reportedly reported confirmed
    believed thought said known later also all both subsequently allegedly initially eventually
    to now since officially seriously critically badly severely slightly lightly gravely
    fatally mortally"""
)
_MODAL = _wordset(
    """could would might may should must can cannot will shall not never no feared expected
    likely couldn't wouldn't won't weren't wasn't haven't hadn't didn't aren't isn't"""
)
_STOP = (
    _AUX
    | _MODAL
    | _KILL_WORDS
    | _INJURE_WORDS
    | _wordset(
        """and or but nor who that which whose in on at by from with during after before since as
    for to into near across including when while where among of the a an this these those
    their his her its shot lost yesterday today tonight overnight monday tuesday wednesday
    thursday friday saturday sunday last suffered sustained"""
    )
)
_ING_NOUNS = _wordset("offspring")
_LY_NOUNS = _wordset("family ally assembly")
_ADVERBS = _wordset("worldwide nationwide overall altogether abroad inside there here home")
_PERSON_NOUNS = _wordset(
    """people persons person soldiers soldier civilians civilian militants militant fighters
    troops children child women woman men man policemen officers police workers students
    passengers residents villagers protesters demonstrators rebels insurgents jihadists gunmen
    attackers members personnel servicemen marines sailors pilots migrants refugees pilgrims
    miners firefighters rescuers crew tourists worshippers bystanders patients staff employees
    guards officials journalists doctors nurses teachers pupils infants babies relatives
    victims inmates prisoners detainees hostages fishermen farmers shoppers commuters
    spectators fans youths teenagers boys girls adults individuals others"""
)
_ANAPHORIC = _wordset("others other more")
# What starts an object after an active verb: "killed the guards", "killed at least 3".
_OBJECT = re.compile(
    r"^(?:(?:the|a|an|his|her|their|its|our|several|dozens|hundreds|scores)\b|\d|at least|at most"
    r"|more than|up to|as many as|(?:over|about|around|nearly|some|roughly) (?:\d|\w+)"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
)
_NON_PERSON = _wordset(
    """second seconds minute minutes hour hours day days week weeks month months year years
    decade decades percent per % times attacks attack strikes strike airstrikes raids buildings
    houses homes vehicles cars trucks tanks aircraft jets planes warplanes helicopters drones
    missiles rockets shells bombs km kilometres kilometers miles metres meters feet dollars
    euros pounds villages towns cities positions targets sites"""
)


def extract(doc: Document) -> list[ExtractedFact]:
    """Casualty claims (kind killed|injured) with hedged min/max, victims and source."""
    facts: list[ExtractedFact] = []
    for index, claims in _claims(doc):
        sentence = doc.sentences[index]
        for amount, kind, end, victims, trigger in claims:
            facts.append(
                ExtractedFact(
                    field="casualties",
                    kind=kind,
                    value={
                        "stated": amount.number,
                        "min": amount.min,
                        "max": amount.max,
                        "victims": victims,
                    },
                    start=amount.start,
                    end=end,
                    text=doc.text[amount.start : end],
                    sentence_start=sentence.start,
                    sentence_end=sentence.end,
                    attributed_to=find_attribution(doc, index, amount.start),
                    qualifier=amount.qualifier,
                    extra={"trigger": trigger},
                )
            )
    return facts


def casualty_spans(doc: Document) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of every casualty claim, for extractors that must avoid them."""
    return [(claim[0].start, claim[2]) for _, claims in _claims(doc) for claim in claims]


_Claim = tuple[Amount, str, int, str | None, str]


def _claims(doc: Document) -> tuple[tuple[int, tuple[_Claim, ...]], ...]:
    """(sentence index, claims) for each sentence holding a casualty claim."""
    return _claims_in(doc.text)


# Cached: quantities asks for the same article's claims (casualty_spans) right after extract.
@lru_cache(maxsize=32)
def _claims_in(text: str) -> tuple[tuple[int, tuple[_Claim, ...]], ...]:
    doc = Document.parse(text)
    out = []
    for index, sentence in enumerate(doc.sentences):
        if _is_question(sentence.text):
            continue
        amounts = find_amounts(doc.text, sentence.start, sentence.end)
        claims = _conjoin(
            doc.text, sentence, amounts, [_claim(doc.text, sentence, a) for a in amounts]
        )
        found = [c for c in claims if c is not None]
        if found:
            out.append((index, tuple(_share_victims(doc.text, found))))
    return tuple(out)


def _conjoin(
    text: str, sentence: Span, amounts: list[Amount], claims: list[_Claim | None]
) -> list[_Claim | None]:
    """Extend a claim to a counted noun phrase joined to it by "and".

    "killed 19 children and two teachers", "20 children and six adults were killed".
    """
    out = list(claims)
    for i, amount in enumerate(amounts):
        if out[i] is not None:
            continue
        np_end, head, _ = _noun_phrase(text, amount, sentence.end)
        victims = _victims(head)
        if not victims:
            continue
        for j in (i - 1, i + 1):
            other = claims[j] if 0 <= j < len(claims) else None
            if other is None:
                continue
            gap = text[other[2] : amount.start] if j < i else text[np_end : other[0].start]
            if _AND.fullmatch(gap):
                out[i] = (amount, other[1], np_end, victims, other[4])
                break
    return out


def _claim(text: str, sentence: Span, amount: Amount) -> _Claim | None:
    if amount.max == 0 or amount.number == 0:
        return None
    np_end, head, rest = _noun_phrase(text, amount, sentence.end)
    victims = _victims(head)
    if head is not None and victims is None:
        return None  # "killed 5 hours after": the amount counts something else
    end = np_end if head is not None else amount.end
    active = _ACTIVE.search(text, max(sentence.start, amount.start - 40), amount.start)
    if active is not None:
        return _active(text, sentence, amount, active, end, victims, rest)
    toll = _TOLL.search(text, max(sentence.start, amount.start - 80), amount.start)
    if toll is not None:
        if _MODAL & set(toll.group("mid").lower().split()):
            return None
        what = (toll.group("kind") or toll.group("what") or "").lower()
        kind = "injured" if re.search(r"injur|wound", what) else "killed"
        return amount, kind, end, victims, "toll"
    if _NEGATED_BEFORE.search(text, max(sentence.start, amount.start - 25), amount.start):
        return None
    return _passive(amount, end, victims, rest)


def _active(
    text: str,
    sentence: Span,
    amount: Amount,
    match: re.Match[str],
    end: int,
    victims: str | None,
    rest: list[str],
) -> _Claim | None:
    verb = re.sub(r"\s+", " ", match.group("verb").lower())
    window = max(sentence.start, match.start() - 40)
    if _HYPOTHETICAL.search(text, window, match.start()):
        return None
    if _BOTH_KINDS.search(text, window, match.start()):
        return None  # "killed or wounded 40": no single kind
    if re.match(r"claim|cost|t[oa]k", verb) and "lives" not in verb:
        if victims != "lives":
            return None  # "took 5 hours", "claimed 3 towns"
        return amount, "killed", end, None, verb
    if verb.startswith("le"):
        state = rest[0].lower() if rest else ""
        if state not in _KILL_WORDS | _INJURE_WORDS:
            return None  # "left 5,000 homeless"
        return amount, _kind(state), end, victims, verb
    return amount, _kind(verb), end, victims, verb


def _passive(amount: Amount, end: int, victims: str | None, rest: list[str]) -> _Claim | None:
    words = [w.lower() for w in rest]
    i = 1 if words and words[0] in {"who", "that"} else 0
    has_aux = False
    while i < len(words) and words[i] in _AUX | _MODAL:
        if words[i] in _MODAL:
            return None  # "could have been killed", "were not injured"
        has_aux = True
        i += 1
    if i >= len(words):
        return None
    word, after = words[i], words[i + 1 : i + 2]
    if (
        not has_aux
        and word in {"killed", "wounded", "injured"}
        and _OBJECT.match(" ".join(words[i + 1 : i + 4]))
    ):
        return None  # "5 gunmen killed the guards": the amount did the killing
    if (
        after in (["or"], ["and"])
        and words[i + 2 : i + 3]
        and (_kind(words[i + 2]) != _kind(word) and words[i + 2] in _KILL_WORDS | _INJURE_WORDS)
    ):
        return None  # "were killed or injured": no single kind
    if (word == "shot" and after == ["dead"]) or (
        word == "lost" and (after == ["their"] or victims == "lives")
    ):
        word = "killed"  # "were shot dead", "lost their lives", "12 lives were lost"
    if word in {"suffered", "sustained"} and {"injuries", "wounds", "burns"} & set(
        words[i + 1 : i + 4]
    ):
        word = "injuries"  # "three officers suffered serious injuries"
    if word not in _KILL_WORDS | _INJURE_WORDS:
        return None
    return amount, _kind(word), end, None if victims == "lives" else victims, word


def _kind(word: str) -> str:
    return "injured" if re.match(r"wound|injur|hurt", word) else "killed"


def _noun_phrase(text: str, amount: Amount, end: int) -> tuple[int, str | None, list[str]]:
    """Where the noun phrase after an amount ends, its head word, and the next few words."""
    tokens = [(m.end(), m.group()) for m in islice(_TOKEN.finditer(text, amount.end, end), 14)]
    words = [w for _, w in tokens]
    i = 0
    if words[:1] == ["of"]:
        i = 2 if len(words) > 1 and words[1].lower() in {"the", "those", "these", "them"} else 1
    head_at = None
    while i < len(words) and i < 8:
        lower = words[i].lower()
        if not words[i][:1].isalpha() and not words[i].startswith("%"):
            break
        if (
            lower in _STOP
            or (lower.endswith("ing") and lower not in _ING_NOUNS)
            or (lower.endswith("ly") and lower not in _LY_NOUNS)
            or lower in _ADVERBS
        ):
            break  # "3,400 people worldwide", "five people instantly"
        head_at = i
        i += 1
    rest = words[i : i + 6]
    if head_at is None:
        return amount.end, None, rest
    return tokens[head_at][0], words[head_at], rest


def _victims(head: str | None) -> str | None:
    """The normalised victim noun, "" for anaphoric heads, or None if not a person noun."""
    if head is None:
        return None
    lower = head.lower()
    if lower in _ANAPHORIC:
        return ""
    if lower in _NON_PERSON:
        return None
    # Keep the case of proper plurals ("Kurds", "Palestinians"); headlines capitalise the rest.
    return lower if lower in _PERSON_NOUNS or not head[:1].isupper() else head


def _share_victims(text: str, claims: list[_Claim]) -> list[_Claim]:
    """Give claims without a victim noun the one of the nearest claim coordinated with it."""
    out = []
    for amount, kind, end, victims, trigger in claims:
        if not victims:
            donors = [c for c in claims if c[3] and _coordinated(text, amount, end, c)]
            donors.sort(key=lambda c: abs(c[0].start - amount.start))
            victims = donors[0][3] if donors else None
        out.append((amount, kind, end, victims or None, trigger))
    return out


def _coordinated(text: str, amount: Amount, end: int, other: _Claim) -> bool:
    """Whether two claims sit in one coordination ("killing 62 and wounding over 100")."""
    gap = (
        text[end : other[0].start]
        if amount.start < other[0].start
        else text[other[2] : amount.start]
    )
    return len(gap) < 60 and not _CLAUSE_BREAK.search(gap)


def _is_question(sentence: str) -> bool:
    return sentence.rstrip(" »”\"’')]").endswith("?")
