"""Answers to "how many" questions that pin no event: stored casualty, quantity, measure and
equipment facts near the retrieved passages, and counts read from their sentences at question
time, grouped by equal figure (``how_many``). A part of a count ("including 3 children")
answers for its own victims only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sqlmodel import Session

from corpus.claims import victim_class
from corpus.tables import Article
from search.answer.candidates import Candidate, gather, names_in, proximity, retrieve, stems
from search.answer.compose import (
    Group,
    Handled,
    amount_phrase,
    count_words,
    figure_key,
    figure_phrase,
    group_by,
    qualifier_strength,
    said_by,
)
from search.answer.counts import (
    AMOUNT_UNITS,
    OUTSIDE,
    count_match,
    measure_units,
    recognised_casualties,
    recognised_counts,
    verb_weight,
)
from search.answer.pinned_reading import stored_facts
from search.answer.questions import Interpretation
from search.answer.recognisers import unit_stems
from search.backend import PassageBackend


def how_many(session: Session, index: PassageBackend, interp: Interpretation) -> Handled:
    if interp.field == "casualties":
        return _casualties(session, index, interp), 1.0
    if interp.field == "equipment":
        return _equipment_count(session, index, interp), 0.9
    if interp.field == "measure":
        # a stored amount in a unit of the asked dimension; else the sentence that states it
        return _measures(session, index, interp), 0.9
    return _quantities(session, index, interp), 0.9


def _casualties(session: Session, index: PassageBackend, interp: Interpretation) -> list[Group]:
    wanted = victim_class(interp.focus) if interp.focus else None
    gathered = gather(session, index, interp, field="casualties", kind=interp.kind)
    candidates = [
        _part_weighed(c, wanted)
        for c in gathered
        if said_by(c, interp.source)
        and (wanted is None or victim_class(c.fact.value.get("victims")) in (wanted, "people"))
    ]
    if wanted is not None and wanted != "people" and interp.source is None:
        # the victims the question names, where a sentence counts them beside a toll and
        # ingest stored no figure of its own for them
        stored = [(c.fact.article_id, c.fact.start, c.fact.end) for c in gathered]
        candidates += [
            c
            for c in recognised_casualties(session, index, interp)
            if not any(
                a == c.fact.article_id and s < c.fact.end and c.fact.start < e for a, s, e in stored
            )
            and victim_class(c.fact.value.get("victims")) == wanted
        ]
        candidates = _totals_after_parts(candidates, wanted)

    return group_by(candidates, figure_key, figure_phrase, qualifier_strength)


# "21 people including 14 Australians were killed": the second count is a part of the first.
_PART_BEFORE = re.compile(r"\b(?:including|among\s+(?:them|whom)|of\s+whom)\s+$", re.I)
PART_WEIGHT = 0.8  # a part of a count answers for its own victims, not for all
ALL_WEIGHT = 0.85  # and a count of all people for some of them only when none names them


def _part_weighed(candidate: Candidate, wanted: str | None) -> Candidate:
    """A count that is a part of another ("including 14 Australians") weighs less unless the
    question asks for its victims."""
    fact = candidate.fact
    before = fact.sentence_text[: fact.start - fact.sentence_start]
    if not _PART_BEFORE.search(before):
        return candidate
    if wanted is not None and victim_class(fact.value.get("victims")) == wanted:
        return candidate
    return replace(candidate, overlap=candidate.overlap * PART_WEIGHT)


def _totals_after_parts(candidates: list[Candidate], wanted: str) -> list[Candidate]:
    """A count of all "people" whose sentence also counts the asked victims ("1,121 people,
    including 865 Palestinians and 234 Israelis") answers for them less well than that part."""
    parts = {
        (c.fact.article_id, c.fact.sentence_start)
        for c in candidates
        if victim_class(c.fact.value.get("victims")) == wanted
    }
    return [
        replace(c, overlap=c.overlap * ALL_WEIGHT)
        if (c.fact.article_id, c.fact.sentence_start) in parts
        and victim_class(c.fact.value.get("victims")) == "people"
        else c
        for c in candidates
    ]


def _noun_matches(noun: str | None, focus: str | None) -> bool:
    if not noun or not focus:
        return False
    return bool(unit_stems(noun) & unit_stems(focus))


def unit_word(unit: object) -> str:
    """The last word of a stored unit, lower case: "mln dlrs" -> "dlrs"."""
    words = str(unit or "").lower().split()
    return words[-1] if words else ""


def _measured(candidate: Candidate, interp: Interpretation) -> bool:
    """ "How much grain ...": an amount in a unit of quantity ("2 mln tonnes") whose sentence
    names the substance asked for."""
    if interp.kind != "amount" or unit_word(candidate.fact.value.get("unit")) not in AMOUNT_UNITS:
        return False
    return bool(stems(interp.focus or "") & stems(candidate.fact.sentence_text))


def _quantities(session: Session, index: PassageBackend, interp: Interpretation) -> list[Group]:
    candidates = [
        replace(
            c,
            overlap=count_match(interp, c.article, c.fact) * verb_weight(interp, c.fact, c.article),
        )
        for c in gather(session, index, interp, field="quantities")
        if (_noun_matches(c.fact.value.get("unit"), interp.focus) or _measured(c, interp))
        and said_by(c, interp.source)
    ]
    stored = {(c.fact.article_id, c.fact.start) for c in candidates}
    candidates += [
        c
        for c in recognised_counts(session, index, interp)
        if (c.fact.article_id, c.fact.start) not in stored
    ]

    def phrase(c: Candidate) -> tuple[str, object]:
        number = c.fact.value.get("number")
        if written := _LARGE.search(c.fact.text):
            return written.group(0), number  # "10 million", as the article writes it
        return amount_phrase(number, number, c.fact.qualifier, c.fact.text), number

    return group_by(candidates, lambda c: (c.fact.value.get("number"), c.fact.qualifier), phrase)


NAMED_ARTICLES = 3  # the best articles read whole when the question names someone


def _in_named_articles(
    session: Session, index: PassageBackend, interp: Interpretation, found: list[Candidate]
) -> list[Candidate]:
    """Sums of money anywhere in the best few articles that say the person the question names
    ("How much was the bond set for <Name>?"): the amount may stand paragraphs after the
    passages that match the question best; it ranks as a passage outside the best ones does.
    Those ``found`` already are left out."""
    if not interp.constraints.people or interp.focus != "much money":
        return []
    best: dict[int, float] = {}
    for passage in retrieve(index, interp.terms):
        best.setdefault(passage.article_id, passage.relative_score)
    ids = list(best)[:NAMED_ARTICLES]
    taken = {(c.fact.article_id, c.fact.start) for c in found}
    out = []
    for fact in stored_facts(session, ids, "quantities", None):
        article = session.get(Article, fact.article_id)
        if article is None or (fact.article_id, fact.start) in taken:
            continue
        if not names_in(article, interp):
            continue  # a name the question gives is nowhere in this article
        out.append(Candidate(fact, article, 0.0, OUTSIDE * best[fact.article_id]))
    return out


BESIDE = 1.0  # no word between an amount and the question's word it measures
BESIDE_BONUS = 0.1


def _measures(session: Session, index: PassageBackend, interp: Interpretation) -> list[Group]:
    """ "How far ...": amounts in a unit of the asked dimension ("240 kilometres")."""
    units = measure_units(interp.focus)
    if not units:
        return []
    words = [t for t in interp.terms if t not in interp.names]
    found = gather(session, index, interp, field="quantities")
    candidates = [
        replace(
            c,
            overlap=count_match(interp, c.article, c.fact),
            # "a $900 fine" for "How much was the fine ...?": the asked thing beside it
            bonus=BESIDE_BONUS if proximity(c.fact, words) >= BESIDE else 0.0,
        )
        for c in [*found, *_in_named_articles(session, index, interp, found)]
        if unit_word(c.fact.value.get("unit")) in units
    ]

    def phrase(c: Candidate) -> tuple[str, object]:
        return c.fact.text, {"number": c.fact.value.get("number"), "unit": c.fact.value["unit"]}

    def key(c: Candidate) -> tuple[object, ...]:
        return (c.fact.value.get("number"), str(c.fact.value.get("unit")).lower())

    return group_by(candidates, key, phrase)


# A large figure written with its scale word: answered as written, not as 10000000.
_LARGE = re.compile(r"\$?\d[\d,.]*\s+(?:million|billion|trillion|mln|bln|bn)\b", re.I)


def equipment_matches(candidate: Candidate, noun: str | None) -> bool:
    value = candidate.fact.value
    if noun is None:
        return True
    noun_stems = stems(noun)
    names = f"{value.get('type') or ''} {value.get('category') or ''} {candidate.fact.text}"
    return bool(noun_stems & stems(names)) or (
        value.get("category") == "aircraft"
        and noun in {"plane", "planes", "jet", "jets", "warplane", "warplanes", "fighter"}
    )


def _equipment_count(
    session: Session, index: PassageBackend, interp: Interpretation
) -> list[Group]:
    candidates = [
        c
        for c in gather(session, index, interp, field="equipment")
        if c.fact.value.get("count") is not None and equipment_matches(c, interp.focus)
    ]
    return equipment_sets(candidates)


def equipment_sets(candidates: Sequence[Candidate]) -> list[Group]:
    """Equipment named together in one sentence is one answer: "two F-16 and two A-10"."""
    by_sentence: dict[tuple[int, int], list[Candidate]] = {}
    for c in candidates:
        by_sentence.setdefault((c.fact.article_id, c.fact.sentence_start), []).append(c)
    sets: dict[tuple[object, ...], Group] = {}
    for members in by_sentence.values():
        members.sort(key=lambda c: c.fact.start)
        items = tuple((m.fact.value.get("type"), m.fact.value.get("count")) for m in members)
        if items not in sets:
            text = " and ".join(f"{count_words(n)} {t}".strip() for t, n in items)
            value = [{"type": t, "count": n} for t, n in items]
            sets[items] = Group(items, text, value, [])
        sets[items].members.extend(members)
    return sorted(sets.values(), key=lambda g: (-g.score, -len(g.publishers), str(g.key)))
