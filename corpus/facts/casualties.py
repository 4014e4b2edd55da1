"""Casualties: counts of people killed or injured, with hedge, victims and reporting source.

The rules live in three sibling modules:

- ``casualty_amounts`` - what may be counted: numbers with their hedges (not ages, not the total
  of a partitive), singular victims ("a man", "her son", "Teen" opening a headline), and
  "double/triple homicide".
- ``casualty_rules`` - the construction that makes one amount a claim: active ("killing 62",
  "shot six people"), toll ("the death toll rose to 80"), "deaths of", passive or intransitive
  ("were killed", "5 dead", "four shot", "were taken to the hospital"), partitives ("two of
  them died").
- ``casualty_words`` - the vocabulary those rules read.

This module assembles a sentence's claims:

- A counted noun phrase joined to a claim by "and" shares its kind ("killed 19 children and two
  teachers", "20 children and six adults were killed"); a bare comma does not ("killed 12, 3 of
  them officers" is one claim).
- "N shot, M fatally" ("9 shot, one fatally", "shot six people, one of them fatally") states
  M killed and N - M injured (the others survived); the injured figure is then derived, so its
  ``stated`` value is N - M and its span is the whole "N shot, M fatally".
- A list of counted people that a claim covers states its total as well, with victims
  "people": "fatally shot two men and a woman" -> killed 3 (and killed 2 for "two men"; a
  singular part such as "a woman" makes no claim of its own).
- What restates part of a count in the same sentence is dropped: an elliptical part ("two
  women were taken to hospitals, one shot in the arm") or a pronoun for a person already
  counted ("a hunter was rushed to the hospital after he shot himself").
- An amount without a victim noun ("killing 62 and wounding over 100 soldiers") or with
  "others"/"more" takes the victim noun of the nearest claim coordinated with it.

Across the article, a singular victim ("a 24-year-old man was wounded") or a description of
condition, care or transport ("two are in critical condition") is dropped when another sentence
counts that kind: it describes one of the counted.

The span is the amount (hedge and number) plus the adjacent victim noun phrase through its head
("at least 80 soldiers", "Sixty-two Syrian soldiers", "a 31-year-old man"); the verb is not part
of it. Nothing is claimed from questions, negations or hypotheticals, and sentences without a
casualty stem are not read at all."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from corpus.facts.attribution import find_attribution
from corpus.facts.casualty_amounts import Source, casualty_amounts
from corpus.facts.casualty_rules import Claim, claim, noun_phrase, victims_of
from corpus.facts.casualty_words import (
    ACTIVE,
    AND,
    CARE_VERBS,
    CLAUSE_BREAK,
    GATE,
    SINGULAR_PERSONS,
    TO_HOSPITAL,
    wordset,
)
from corpus.facts.document import Document
from corpus.facts.model import ExtractedFact
from corpus.facts.numbers import Amount
from corpus.spans import Span


def extract(
    doc: Document, organizations: Sequence[ExtractedFact] | None = None
) -> list[ExtractedFact]:
    """Casualty claims (kind killed|injured) with hedged min/max, victims and source.

    ``organizations`` are the article's organization facts (the pipeline passes them; without
    them each claim's source is found by extracting organizations again)."""
    return extract_within(doc, organizations, limit=len(doc.text))[0]


def extract_within(
    doc: Document, organizations: Sequence[ExtractedFact] | None = None, *, limit: int
) -> tuple[list[ExtractedFact], bool]:
    """``extract``, reading sentences only until more than ``limit`` claims are found (the
    pipeline's budget); the second value is False when it stopped before the end."""
    facts: list[ExtractedFact] = []
    sentences, complete = _sentence_claims(doc, limit)
    for index, claims in sentences:
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
                    attributed_to=find_attribution(doc, index, amount.start, organizations),
                    qualifier=amount.qualifier,
                    extra={"trigger": trigger},
                )
            )
    return facts, complete


_SHOT_GAP = re.compile(
    r"(?:[^,;.]*?\bshot\b)?[^,;.]{0,40}?(?:,\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE
)
_AND_THEN = re.compile(r",?\s+and\s+(?:then\s+)?", re.IGNORECASE)
_ELLIPTICAL = re.compile(r"(?:,|--|—|–)\s*(?:and\s+)?$")
_PRONOUNS = frozenset(["him", "her", "himself", "herself", "self"])
_LIST_GAP = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their)\s+)?", re.IGNORECASE)
_SHOT_BEFORE = re.compile(r"\bshot\s*,\s*(?:and\s+)?$", re.IGNORECASE)
# Predicates that describe people (their condition, care or transport) more often than count.
# "suffering from"/"with" gunshot wounds is how police reports count victims, so they stay.
_DESCRIPTIVE = (CARE_VERBS | TO_HOSPITAL | {"in", "listed"}) - {"suffering", "with"}
_OTHER = re.compile(r"\b(?:others?|another|more|additional)\b", re.IGNORECASE)
_SHOT_VERBS = wordset("shot shoots shooting")
_DEATH_WORDS = re.compile(
    r"\b(?:died|dies|dead|killed|killing|fatal(?:ly)?|deceased|homicide|murder(?:ed)?|slain)\b",
    re.I,
)
_DYING = wordset("dead died die dies killed")
_FATALLY = re.compile(r"\s+(?:of\s+(?:them|whom|those)\s+)?(?:fatally|mortally)\b", re.I)


def _sentence_claims(
    doc: Document, limit: int
) -> tuple[tuple[tuple[int, tuple[Claim, ...]], ...], bool]:
    """Each sentence's claims, assembled, then what other sentences already count dropped;
    and False when more than ``limit`` were found before the last sentence."""
    out: list[tuple[int, tuple[Claim, ...]]] = []
    found_so_far = 0
    for index, sentence in enumerate(doc.sentences):
        if found_so_far > limit:
            return _without_stray_singulars(doc.text, out), False
        if _is_question(sentence.text) or not GATE.search(sentence.text.lower()):
            continue
        amounts = casualty_amounts(doc.text, sentence)
        claims = _conjoin(
            doc.text,
            sentence,
            amounts,
            [claim(doc.text, sentence, a, source) for a, source in amounts],
        )
        found = _shot_fatally(doc.text, [a for a, _ in amounts], claims)
        found = _with_list_totals(doc.text, sentence, amounts, claims, found)
        found = _without_parts(doc.text, sentence, found)
        if found:
            out.append((index, tuple(_share_victims(doc.text, found))))
            found_so_far += len(found)
    return _without_stray_singulars(doc.text, out), True


def _without_stray_singulars(
    text: str, sentences: list[tuple[int, tuple[Claim, ...]]]
) -> tuple[tuple[int, tuple[Claim, ...]], ...]:
    """Drop what describes people that a count elsewhere in the article already covers.

    - In an article that counts its dead or hurt ("six men were wounded"), "a 24-year-old man
      was wounded" in another sentence describes one of them, not the count; so do a condition
      or a trip to the hospital ("two are in critical condition", "three were treated").
    - "Shot" counts the hurt only when nobody died of it: "four people were shot" in an article
      that counts four dead names the dead, and a single person shot ("a man was
      shot", "shot himself") in an article that reports a death may be the one who died.
    - Reflexives that add a killer to a count ("killed two and then himself") stay.
    """
    counted = Counter(
        (index, c[1])
        for index, claims in sentences
        for c in claims
        if not _singular(text, c[0]) and c[4] not in _DESCRIPTIVE
    )
    by_kind = Counter(kind for _, kind in counted.elements())
    dead = {c[0].number for _, claims in sentences for c in claims if c[1] == "killed"}
    reports_death = bool(dead) or bool(_DEATH_WORDS.search(text))
    out = []
    for index, claims in sentences:
        elsewhere = {kind for kind, n in by_kind.items() if n > counted[(index, kind)]}
        kept = tuple(c for c in claims if not _covered(text, c, elsewhere, dead, reports_death))
        if kept:
            out.append((index, kept))
    return tuple(out)


def _covered(
    text: str, c: Claim, elsewhere: set[str], dead: set[float], reports_death: bool
) -> bool:
    """Whether claim ``c`` describes people another claim of the article counts."""
    amount, kind, trigger = c[0], c[1], c[4]
    reflexive = text[amount.start : amount.end].lower() in ("himself", "herself", "self")
    shot = kind == "injured" and trigger in _SHOT_VERBS
    others = _OTHER.search(text, amount.start, c[2]) is not None
    if shot and amount.number in dead and not others:
        return True  # "four people were shot" where four died ("four others" are others)
    if reflexive:
        return shot and reports_death
    if not (_singular(text, amount) or trigger in _DESCRIPTIVE):
        return False
    return kind in elsewhere or (shot and reports_death)


def _singular(text: str, amount: Amount) -> bool:
    """Whether ``amount`` is a singular victim ("a man", "her son"), not a numeral."""
    return amount.number == 1 and text[amount.number_start : amount.number_end].lower() not in (
        "one",
        "1",
    )


def _shot_fatally(text: str, amounts: list[Amount], claims: list[Claim | None]) -> list[Claim]:
    """ "9 shot, one fatally", "6 shot, 2 dead": M killed and N - M injured, not N injured."""
    out: list[Claim] = []
    used: set[int] = set()
    for i, found in enumerate(claims):
        if found is None and i not in used and (fatally := _FATALLY.match(text, amounts[i].end)):
            if _SHOT_BEFORE.search(text, max(0, amounts[i].start - 12), amounts[i].start):
                # "several people were shot, two fatally": the dead are counted, the shot not
                out.append((amounts[i], "killed", fatally.end(), None, "shot, some fatally"))
            continue
        if found is None or i in used:
            continue
        part = _dead_part(text, amounts, claims, i) if found[4].endswith("shot") else None
        if part is None:
            out.append(found)
            continue
        amount, victims = found[0], found[3]
        dead, fatally_end = amounts[part], _part_end(text, amounts[part], claims[part])
        used.add(part)
        if amount.number > dead.number:
            left = amount.number - dead.number
            low = None if amount.min is None else amount.min - dead.number
            high = None if amount.max is None else amount.max - dead.number
            survivors = replace(amount, end=fatally_end, number=left, min=low, max=high)
            out.append((survivors, "injured", fatally_end, victims, "shot, some fatally"))
        out.append(claims[part] or (dead, "killed", fatally_end, victims, "shot, some fatally"))
    return out


def _dead_part(text: str, amounts: list[Amount], claims: list[Claim | None], i: int) -> int | None:
    """The amount after a "N shot" claim that counts the dead among them, if any."""
    found = claims[i]
    if found is None or found[1] != "injured":
        return None
    for j in range(i + 1, min(i + 3, len(amounts))):
        dead, other = amounts[j], claims[j]
        if dead.qualifier != "exact" or not _SHOT_GAP.fullmatch(text, found[2], dead.start):
            continue
        if other is None and _FATALLY.match(text, dead.end):
            return j  # "9 shot, one fatally"
        if other is not None and other[1] == "killed" and other[4] in _DYING:
            return j  # "6 shot, 2 dead", "five people were shot and two of them died"
    return None


def _part_end(text: str, dead: Amount, found: Claim | None) -> int:
    fatally = _FATALLY.match(text, dead.end)
    return fatally.end() if fatally else found[2] if found else dead.end


def _without_parts(text: str, sentence: Span, found: list[Claim]) -> list[Claim]:
    """Drop what restates part of a count already made in the sentence.

    - An elliptical part after a comma or dash: "six workers suffered burns, two with serious
      injuries", "two men were taken to hospitals — one shot in the arm".
    - A pronoun for a person the sentence already counts: "a hunter was rushed to the hospital
      after he shot himself", "a farmer was treated after his brother shot him".
    """
    out = []
    for found_claim in found:
        amount, kind = found_claim[0], found_claim[1]
        before = text[max(sentence.start, amount.start - 4) : amount.start]
        if _ELLIPTICAL.search(before) and any(
            other[1] == kind
            and other[4] != "list"
            and other[0].end <= amount.start
            and other[0].number > amount.number
            for other in found
        ):
            continue
        if text[amount.start : amount.end].lower() in _PRONOUNS and any(
            other is not found_claim
            and _singular(text, other[0])
            and text[other[0].start : other[0].end].lower() not in _PRONOUNS
            and not ACTIVE.search(text, max(sentence.start, other[0].start - 40), other[0].start)
            for other in found
        ):
            continue
        out.append(found_claim)
    return out


# "21 people, 14 of them Australians": a part of the count before it, not a list member.
_PARTITIVE_PART = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.IGNORECASE)


def _with_list_totals(
    text: str,
    sentence: Span,
    amounts: list[tuple[Amount, Source]],
    claims: list[Claim | None],
    found: list[Claim],
) -> list[Claim]:
    """Add the total of a list of counted people that one claim covers.

    "fatally shot two men and a woman" -> killed 3; "2 adults, 1 child found dead" ->
    killed 4. Numbered parts keep their own claims; a singular part ("a woman") does not; a
    partitive ("21 people, 14 of them Australians") is a part of the count before it.
    """
    members = [_member(text, sentence, amount, source) for amount, source in amounts]
    totals: list[Claim] = []
    singular_parts: set[int] = set()
    i = 0
    while i < len(amounts):
        j = i
        while (
            j + 1 < len(amounts)
            and members[j] is not None
            and members[j + 1] is not None
            and _LIST_GAP.fullmatch(text, members[j] or 0, amounts[j + 1][0].start)
            and not _PARTITIVE_PART.match(text, amounts[j + 1][0].end)
        ):
            j += 1
        if j == i + 1 and _appositive_pair(text, members, amounts, i):
            j = i
        if j > i and _spelled_out(text, members, amounts, i, j):
            # "two of the victims, a man and a woman, ...": the rest names the first
            singular_parts.update(k for k in range(i + 1, j + 1) if amounts[k][1] != "number")
            i = j + 1
            continue
        run = range(i, j + 1)
        kinds = {claims[k][1] for k in run if claims[k] is not None}  # type: ignore[index]
        if j > i and len(kinds) == 1 and all(amounts[k][0].qualifier == "exact" for k in run):
            total = sum(amounts[k][0].number for k in run)
            first, end = amounts[i][0], members[j] or amounts[j][0].end
            whole = Amount(first.start, end, first.start, end, total, total, total, "exact")
            totals.append((whole, kinds.pop(), end, "people", "list"))
            singular_parts.update(k for k in run if amounts[k][1] != "number")
        i = j + 1
    if not totals:
        return found
    drop = {id(claims[k]) for k in singular_parts if claims[k] is not None}
    kept = [c for c in found if id(c) not in drop]
    return sorted(kept + totals, key=lambda c: (c[0].start, c[2]))


def _appositive_pair(
    text: str, members: list[int | None], amounts: list[tuple[Amount, Source]], i: int
) -> bool:
    """ "one driver, a 45-year-old woman, sustained": the second names the first, not a second."""
    first_end, second = members[i] or 0, amounts[i + 1][0]
    return (
        "and" not in text[first_end : second.start]
        and text[members[i + 1] or second.end : (members[i + 1] or second.end) + 1] == ","
    )


def _spelled_out(
    text: str, members: list[int | None], amounts: list[tuple[Amount, Source]], i: int, j: int
) -> bool:
    """Whether single people after a comma add up to the count before it: they name it."""
    gap = text[members[i] or amounts[i][0].end : amounts[i + 1][0].start]
    rest = range(i + 1, j + 1)
    return (
        "," in gap
        and "and" not in gap
        and all(amounts[k][1] != "number" for k in rest)
        and sum(amounts[k][0].number for k in rest) == amounts[i][0].number
    )


def _member(text: str, sentence: Span, amount: Amount, source: Source) -> int | None:
    """Where a list member's noun phrase ends, if ``amount`` counts named people."""
    if source in ("multiple", "ordinal") or amount.qualifier != "exact":
        return None
    np_end, head, _ = noun_phrase(text, amount, sentence.end)
    victims = victims_of(head)
    if source == "aged":
        return np_end if head is None or victims else None
    if head is None or not victims:
        return None
    if source == "singular" and not (victims.lower() in SINGULAR_PERSONS or victims[:1].isdigit()):
        return None
    return np_end


def _conjoin(
    text: str,
    sentence: Span,
    amounts: list[tuple[Amount, Source]],
    claims: list[Claim | None],
) -> list[Claim | None]:
    """Extend a claim to a counted noun phrase joined to it by "and".

    "killed 19 children and two teachers", "20 children and six adults were killed".
    """
    out = list(claims)
    for i, (amount, source) in enumerate(amounts):
        if out[i] is not None or source not in ("number", "singular"):
            continue
        np_end, head, _ = noun_phrase(text, amount, sentence.end)
        victims = victims_of(head)
        reflexive = text[amount.start : amount.end].lower() in ("himself", "herself")
        if not victims and not reflexive:
            continue  # "and then himself": the killer counts too
        if source == "singular" and not reflexive:
            continue
        for j in (i - 1, i + 1):
            other = claims[j] if 0 <= j < len(claims) else None
            if other is None:
                continue
            gap = text[other[2] : amount.start] if j < i else text[np_end : other[0].start]
            if AND.fullmatch(gap) or (reflexive and j < i and _AND_THEN.fullmatch(gap)):
                out[i] = (amount, other[1], np_end, victims or None, other[4])
                break
    return out


def _share_victims(text: str, claims: list[Claim]) -> list[Claim]:
    """Give claims without a victim noun the one of the nearest claim coordinated with it."""
    out = []
    for amount, kind, end, victims, trigger in claims:
        if not victims:
            donors = [c for c in claims if c[3] and _coordinated(text, amount, end, c)]
            donors.sort(key=lambda c: abs(c[0].start - amount.start))
            victims = donors[0][3] if donors else None
        out.append((amount, kind, end, victims or None, trigger))
    return out


def _coordinated(text: str, amount: Amount, end: int, other: Claim) -> bool:
    """Whether two claims sit in one coordination ("killing 62 and wounding over 100")."""
    gap = (
        text[end : other[0].start]
        if amount.start < other[0].start
        else text[other[2] : amount.start]
    )
    return len(gap) < 60 and not CLAUSE_BREAK.search(gap)


def _is_question(sentence: str) -> bool:
    return sentence.rstrip(" »”\"’')]").endswith("?")
