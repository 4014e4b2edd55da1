"""One amount, one claim: the constructions that make an amount a count of killed or injured.

``claim`` tries, in order:

1. **Active** - a casualty verb right before the amount: "killing 62", "wounded up to 100",
   "shot dead eight militants", "claimed the lives of 12", "left 5 people dead" (``left`` needs
   the state word after the noun phrase), "sent nine people to hospital" (injured), "shot
   six people" (injured: "shot" without "dead"/"fatally"/"killed" counts people hurt) and
   "fatally shot two men" (killed).
2. **Toll** - "the (death) toll rose/increased to 80", "a death toll of 40", "the number of
   injured reached 50"; a toll counts the dead unless it names the injured.
3. **Deaths of** - "the deaths of two men", "the drowning death of a 6-year-old".
4. **Passive or intransitive** - amount, optional noun phrase (through an appositive: "Two
   people, including a child, were wounded"), optional auxiliaries, then a casualty word:
   "Sixty-two Syrian soldiers were killed", "over 100 injured", "5 dead", "40 deaths", "four
   people were found shot to death", "one climber was pronounced dead", "3 officers suffered
   injuries", "three hikers suffering from burns", "nine people were hospitalized",
   "eight were taken to hospital", "two remain in serious condition"; "5 teens shot" and
   "were shot" alone are injured, "were fatally shot" killed. Without an auxiliary, a verb
   followed by an object ("5 gunmen killed 3 people") is active, so the amount is the killers.
   A partitive counts its part: "two of them died", "one of the wounded died" (but "two of
   those wounded drove themselves" claims nothing).

Amounts that are not counts claim nothing: ages, "fired one shot", "shot 3 times", "a shooting
2 weeks ago" ("shooting" after an article is a noun). A part of a group ("three of the victims",
"the other two") claims only a death: its wounds, care or transport are not a count of the hurt.

Nothing is claimed from hypotheticals or negations: a modal, negation, "to" or "if" just before
the verb or among the auxiliaries drops the candidate. A singular victim ("a man", "her son",
"24-year-old Jane Doe") claims only through a verb that governs it, never through a relative
clause ("a man who was killed last year" may be another event), and not after "if",
"whenever" or an ordinal ("a fourth climber has died" counts the fourth, not one).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from corpus.facts.casualty_amounts import AGED, MULTIPLE, ORDINAL, SINGULAR, Source
from corpus.facts.casualty_words import (
    ACTIVE,
    ADVERBS,
    ANAPHORIC,
    AUX,
    BOTH_KINDS,
    CARE_VERBS,
    CONDITIONS,
    DEATHS_OF,
    FIRED_BEFORE,
    HYPOTHETICAL,
    ING_NOUNS,
    INJURE_WORDS,
    KILL_WORDS,
    LY_NOUNS,
    MODAL,
    NEGATED_BEFORE,
    NON_PERSON,
    OBJECT,
    PERSON_NOUNS,
    SINGULAR_PERSONS,
    STOP,
    TO_HOSPITAL,
    TOKEN,
    TOLL,
    WOUND_NOUNS,
    wordset,
)
from corpus.facts.numbers import Amount
from corpus.spans import Span

Claim = tuple[Amount, str, int, str | None, str]

_AGE_TOKEN = re.compile(r"\d{1,3}-(?:years?|months?|weeks?|days?)(?:-old)?$", re.IGNORECASE)
# An appositive between a counted subject and its verb: ", including a child," "-- two of them
# children --", "(ages 19 and 25)".
_APPOSITIVE = re.compile(
    r"\s*(?:,|--|—|–|\()[^;.()]{1,90}?(?:,|--|—|–|\))\s*"
    r"(?=(?:who\s+)?(?:later\s+|also\s+)?(?:were|was|are|is|have|has|had|died|all|both|remain"
    r"|remained|suffering|suffered|sustained|received)\b)",
    re.IGNORECASE,
)
_INCLUDING_BEFORE = re.compile(r"\b(?:including|among\s+them|among\s+whom)\b[^,;]*$", re.I)
_DIED_LATER = re.compile(r"\b(?:died|dies|dead|deceased|succumbed)\b", re.IGNORECASE)
_HIT = wordset("hit hits hitting struck striking strikes")
_BE_HAVE = wordset("were was are is have has had been being be got get")
_HEADLESS = frozenset(["another", "him", "her", "himself", "herself", "self"])
_IF_BEFORE = re.compile(
    r"\b(?:if|whether|unless|anytime|any\s+time|whenever|every\s+time)\b[^,;:]{0,40}$", re.I
)
_NOUN_SHOOTING = re.compile(
    r"\b(?:a|an|the|this|that|fatal|deadly|mass|accidental|another|double|triple|police|latest"
    r"|recent|weekend|[\w]+-by|[\w]+-involved)\s+$",
    re.IGNORECASE,
)
_GUNFIRE = re.compile(r"\b(?:bullets?|gunfire|shots|rounds|shrapnel|pellets|stray)\b", re.I)
_TIME_NOUNS = wordset("night day morning evening afternoon weekend week month year time")
_DIED_THERE = re.compile(
    r"\b(?:where|and|but)\s+(?:they|he|she|both|all)\s+(?:later\s+|each\s+)?died\b", re.I
)
_NUMBER_WORDS = wordset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand dozen dozens hundreds thousands several"""
)
_SMALL_NUMBERS = wordset("one two three four five six seven eight nine ten eleven twelve another")
_SUBSET_BEFORE = re.compile(r"\b(?:the|other)\s+$", re.IGNORECASE)
_PARTITIVE_AFTER = re.compile(r"\s+of\s+(?:the|those|these|them|whom|us)\b", re.IGNORECASE)
_ALL_BEFORE = re.compile(r"\ball\s+$", re.IGNORECASE)
_PARTITIVE_SET = KILL_WORDS | INJURE_WORDS | {"victims", "injured", "wounded", "shot"}


def claim(text: str, sentence: Span, amount: Amount, source: Source) -> Claim | None:
    """The casualty claim ``amount`` makes in ``sentence``, or None."""
    if amount.max == 0 or amount.number == 0:
        return None
    if source == MULTIPLE:
        return amount, "killed", amount.end, None, "multiple homicide"
    if source == ORDINAL:
        found = claim(text, sentence, amount, SINGULAR)
        return found if found is not None and found[1] == "killed" else None
    singular = source in (SINGULAR, AGED)
    np_end, head, rest = noun_phrase(text, amount, sentence.end)
    if source == SINGULAR and not (
        _singular_head(head) if head is not None else _headless_one(text, amount, rest)
    ):
        return None
    if singular and _IF_BEFORE.search(text, max(sentence.start, amount.start - 50), amount.start):
        return None  # "if a worker had died", "whenever a rider is hurt"
    victims = victims_of(head)
    if head is not None and victims is None:
        return None  # "killed 5 hours after": the amount counts something else
    end = np_end if head is not None else amount.end
    if rest[:1] == ["shot"] and FIRED_BEFORE.search(text, max(0, amount.start - 20), amount.start):
        return None  # "fired one shot"
    active = ACTIVE.search(text, max(sentence.start, amount.start - 40), amount.start)
    if active is not None and _noun_shooting(text, sentence, amount, active):
        active = None  # "a fatal shooting A woman died": "shooting" is a noun here
    if singular and head is None and text[amount.start] in "hH" and active is None:
        return None  # a pronoun counts only as the object of a casualty verb
    partitive = bool(_PARTITIVE_AFTER.match(text, amount.end)) and not _ALL_BEFORE.search(
        text, max(sentence.start, amount.start - 5), amount.start
    )  # "all five of them" is the whole group
    if active is not None:
        found = _active(text, sentence, amount, active, end, victims, rest)
        if found is not None and partitive and found[1] == "injured":
            return None  # "wounding one of the guards": part of a count
        return found
    toll = TOLL.search(text, max(sentence.start, amount.start - 110), amount.start)
    if toll is not None and not singular:
        if MODAL & set(toll.group("mid").lower().split()):
            return None
        what = (toll.group("kind") or toll.group("what") or "").lower()
        kind = "injured" if re.search(r"injur|wound", what) else "killed"
        return amount, kind, end, victims, "toll"
    if DEATHS_OF.search(text, max(sentence.start, amount.start - 30), amount.start):
        return amount, "killed", end, victims, "deaths of"
    if NEGATED_BEFORE.search(text, max(sentence.start, amount.start - 25), amount.start):
        return None
    if (
        rest[:1]
        and rest[0] in {",", "-", "—", "–", "("}
        and not _INCLUDING_BEFORE.search(text, max(sentence.start, amount.start - 60), amount.start)
    ):
        appositive = _APPOSITIVE.match(text, np_end, sentence.end)
        if appositive is not None:
            rest = _words(text, appositive.end(), sentence.end, 6)
    tail = text[np_end : sentence.end]
    subset = partitive or (
        not singular
        and bool(_SUBSET_BEFORE.search(text, max(sentence.start, amount.start - 10), amount.start))
    )
    found = _passive(amount, end, victims, rest, tail, singular, subset)
    if found is not None and partitive and found[1] == "injured":
        return None  # "three of the victims were wounded" is part of a count, not a count
    return found


def _headless_one(text: str, amount: Amount, rest: list[str]) -> bool:
    """One without a noun: "another (was) wounded", "killing her", "an injured woman"."""
    if text[amount.start : amount.end].lower() in _HEADLESS:
        return True
    return (
        len(rest) > 1
        and rest[0].lower() in KILL_WORDS | INJURE_WORDS
        and rest[1].lower() in SINGULAR_PERSONS
    )


def _singular_head(head: str) -> bool:
    return head.lower() in SINGULAR_PERSONS or bool(_AGE_TOKEN.match(head))


def _active(
    text: str,
    sentence: Span,
    amount: Amount,
    match: re.Match[str],
    end: int,
    victims: str | None,
    rest: list[str],
) -> Claim | None:
    verb = re.sub(r"\s+", " ", match.group("verb").lower())
    window = max(sentence.start, match.start() - 40)
    if HYPOTHETICAL.search(text, window, match.start()):
        return None
    if BOTH_KINDS.search(text, window, match.start()):
        return None  # "killed or wounded 40": no single kind
    if re.match(r"claim|cost|t(?:ook|ak)", verb) and "lives" not in verb:
        if victims == "lives":
            return amount, "killed", end, None, verb
        if verb.startswith("t") and "hospital" in " ".join(rest).lower():
            return amount, "injured", end, victims, verb  # "took nine people to hospital"
        return None  # "took 5 hours", "claimed 3 towns"
    if verb in _HIT:
        if not _GUNFIRE.search(text, window, match.start()):
            return None  # "hit 3 home runs"
        return amount, "injured", end, victims, verb
    if verb.startswith("le"):
        state = rest[0].lower() if rest else ""
        if _in_condition([w.lower() for w in rest]):
            return amount, "injured", end, victims, verb  # "left a man in critical condition"
        if state not in KILL_WORDS | INJURE_WORDS:
            return None  # "left 5,000 homeless"
        return amount, _kind(state), end, victims, verb
    if verb.startswith("sen"):
        if "hospital" not in " ".join(rest[:4]).lower():
            return None  # "sent 500 troops"
        return amount, "injured", end, victims, verb
    if verb.endswith(("shot", "shoots", "shooting")) and "dead" not in verb:
        dead = match.group("fatal") or rest[:1] == ["dead"] or rest[:2] == ["to", "death"]
        return amount, "killed" if dead else "injured", end, victims, verb
    return amount, _kind(verb), end, victims, verb


def _passive(
    amount: Amount,
    end: int,
    victims: str | None,
    rest: list[str],
    tail: str,
    singular: bool,
    subset: bool,
) -> Claim | None:
    words = [w.lower() for w in rest]
    if words[:1] in (["who"], ["that"]) and (singular or victims is None):
        return None  # "one who is in serious condition": part of a count said before
    i = 1 if words[:1] in (["who"], ["that"]) else 0
    has_aux = fatal = False
    while i < len(words) and words[i] in AUX | MODAL:
        if words[i] in MODAL:
            return None  # "could have been killed", "were not injured"
        has_aux = has_aux or words[i] in _BE_HAVE
        fatal = fatal or words[i] in {"fatally", "mortally"}
        i += 1
    if i >= len(words):
        return None
    word, after = words[i], words[i + 1 : i + 8]
    obj = i + 3 if word == "shot" and words[i + 1 : i + 2] == ["and"] else i + 1
    if (
        not has_aux
        and word in {"killed", "wounded", "injured", "shot", "hurt"}
        and OBJECT.match(" ".join(words[obj : obj + 3]))
        and not _TIME_NOUNS & set(words[obj + 1 : obj + 2])
    ):
        return None  # "5 gunmen killed the guards", "a man shot and killed a neighbor"
    if (
        word != "shot"  # "shot and killed", "shot and wounded": the second verb decides
        and after[:1] in (["or"], ["and"])
        and after[1:2]
        and after[1] in KILL_WORDS | INJURE_WORDS
        and _kind(after[1]) != _kind(word)
    ):
        return None  # "were killed or injured": no single kind
    kind = _state(word, after, fatal, victims, tail, subset)
    if kind is None:
        return None
    if word == "shot" and after[:1] == ["and"] and after[1:2] and after[1] in INJURE_WORDS:
        word = after[1]  # "shot and wounded": the hurt are said to have survived
    return amount, kind, end, None if victims == "lives" else victims, word


def _state(
    word: str, after: list[str], fatal: bool, victims: str | None, tail: str, subset: bool
) -> str | None:
    """The kind a predicate word states: "killed" -> killed, "shot" -> injured, ...

    ``subset`` marks a part of a group already counted ("three of the victims", "the other
    two"): care and transport then describe the part's condition, not a count of the hurt.
    """
    if word == "shot":
        if fatal or after[:2] == ["to", "death"] or _then_killed(after):
            return "killed"  # "were shot dead", "shot and killed", "shot in the chest, killed"
        return "injured"
    if word in {"lost", "losing"} and (after[:1] == ["their"] or victims == "lives"):
        return "killed"  # "lost their lives", "12 lives were lost"
    if word in {"succumbed", "succumb"}:
        return "killed"
    if word in TO_HOSPITAL and _DIED_THERE.search(tail):
        return "killed"  # "were flown to a hospital, where both later died"
    if subset and (word in CARE_VERBS or word in TO_HOSPITAL):
        return None
    if word == "in" and (_in_condition([word, *after]) or after[:2] == ["the", "hospital"]):
        return None if subset else "injured"  # "a 60-year-old is in critical condition"
    if word in CARE_VERBS:
        if WOUND_NOUNS & set(after) or (word == "treated" and after[:1] != ["as"]):
            return "injured"  # "suffered serious injuries", "treated for wounds"
        return None
    if word in TO_HOSPITAL:
        if "hospital" not in " ".join(after) and "hospitals" not in after:
            return None
        return None if _DIED_LATER.search(tail) else "injured"
    if word in KILL_WORDS:
        return "killed"
    if word in INJURE_WORDS:
        return "killed" if fatal else "injured"
    return None


def _noun_shooting(text: str, sentence: Span, amount: Amount, match: re.Match[str]) -> bool:
    if match.group("verb").lower() != "shooting":
        return False
    window = max(sentence.start, match.start() - 40)
    return bool(_NOUN_SHOOTING.search(text, window, match.start())) or text[amount.start] in "AT"


def _in_condition(words: list[str]) -> bool:
    """ "in critical condition", "in critical but stable condition"."""
    return words[:1] == ["in"] and "condition" in words[1:5] and bool(CONDITIONS & set(words[1:4]))


def _then_killed(after: list[str]) -> bool:
    """Whether "killed"/"dead" follows "shot" before any other count ("shot, 3 dead" is two)."""
    for word in after[:5]:
        if word in {"killed", "dead"}:
            return True
        if word[:1].isdigit() or word in _SMALL_NUMBERS or word in {"but", "while", ";"}:
            return False
    return False


def _kind(word: str) -> str:
    return "injured" if re.match(r"wound|injur|hurt|hospital", word) else "killed"


def _words(text: str, start: int, end: int, n: int) -> list[str]:
    return [m.group() for m in islice(TOKEN.finditer(text, start, end), n)]


@lru_cache(maxsize=1024)  # the rules and the list and "and" joins read the same phrases
def noun_phrase(text: str, amount: Amount, end: int) -> tuple[int, str | None, list[str]]:
    """Where the noun phrase after an amount ends, its head word, and the next few words.

    A partitive's set is its head: "two of the wounded" -> "wounded", "one of the victims".
    """
    tokens = [(m.end(), m.group()) for m in islice(TOKEN.finditer(text, amount.end, end), 18)]
    words = [w for _, w in tokens]
    i = 0
    if words[:1] == ["of"]:
        i = 2 if len(words) > 1 and words[1].lower() in {"the", "those", "these", "them"} else 1
        if (
            i == 2
            and words[1].lower() != "them"
            and i < len(words)
            and words[i].lower() in _PARTITIVE_SET
        ):
            return tokens[i][0], words[i], words[i + 1 : i + 11]
    head_at = None
    while i < len(words) and i < 8:
        lower = words[i].lower()
        if not _AGE_TOKEN.match(lower):  # "a 1-year-old (boy)": the age is a modifier or head
            if not words[i][:1].isalpha() and not words[i].startswith("%"):
                break
            if (
                lower in STOP
                or (lower.endswith("ing") and lower not in ING_NOUNS)
                or (lower.endswith("ly") and lower not in LY_NOUNS)
                or lower in ADVERBS
            ):
                break  # "3,400 people worldwide", "five people instantly"
            if head_at is not None and lower.endswith("ed"):
                break  # "a 40-year-old named as": a participle after the head
            if head_at is not None and lower in _NUMBER_WORDS:
                break  # "News Two brothers": another count starts
        head_at = i
        i += 1
        if lower in NON_PERSON:
            break  # "three days multiple people": the days are the head
    rest = words[i : i + 10]
    if head_at is None:
        return amount.end, None, rest
    return tokens[head_at][0], words[head_at], rest


def victims_of(head: str | None) -> str | None:
    """The normalised victim noun, "" for anaphoric heads and partitive sets, None if no person."""
    if head is None:
        return None
    lower = head.lower()
    if lower in ANAPHORIC or (lower in _PARTITIVE_SET and lower != "victims"):
        return ""
    if lower in NON_PERSON:
        return None
    if _AGE_TOKEN.match(lower):
        return lower
    # Keep the case of proper plurals ("Kurds", "Palestinians"); headlines capitalise the rest.
    return lower if lower in PERSON_NOUNS | SINGULAR_PERSONS or not head[:1].isupper() else head
