"""Turning scored candidates into answers: grouping equal values, phrasing them, and scoring
each group by its best match, its independent sources and its hedge."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from corpus.facts import hedges
from corpus.facts.numbers import find_amounts
from corpus.facts.organizations import canonical_organization
from search.answer.candidates import Candidate
from search.answer.types import AnswerItem

_QUALIFIER_STRENGTH = {
    "exact": 1.0,
    None: 1.0,
    "at_least": 0.85,
    "at_most": 0.85,
    "approx": 0.8,
    "range": 0.7,
    "vague": 0.4,
}
_NUMBER_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
}


@dataclass(slots=True)
class Group:
    """Candidates that give the same answer."""

    key: Hashable
    text: str
    value: Any
    members: list[Candidate]
    strength: float = 1.0
    agreement: bool = True

    @property
    def publishers(self) -> list[str]:
        """Distinct publishers, in citation order."""
        return list(dict.fromkeys(c.publisher for c in self.members))

    @property
    def score(self) -> float:
        """Best match, nudged by agreement across independent sources and hedge strength."""
        best = max(c.score for c in self.members)
        if not self.agreement:  # for names, repetition across articles is not corroboration
            return best * (0.85 + 0.15 * self.strength)
        agreement = min(0.2, 0.07 * (len(self.publishers) - 1))
        return best * (0.85 + 0.15 * self.strength) + agreement

    def answer(self, scale: float = 1.0) -> AnswerItem:
        """This group as an answer item; ``scale`` caps confidence for weaker answer types."""
        members = sorted(self.members, key=lambda c: (-c.score, c.fact.article_id, c.fact.start))
        attributed = dict.fromkeys(c.fact.attributed_to for c in members if c.fact.attributed_to)
        return AnswerItem(
            text=self.text,
            value=self.value,
            confidence=round(min(1.0, self.score * scale), 3),
            citations=tuple(c.citation() for c in members),
            sources=tuple(self.publishers),
            attributed_to=tuple(attributed),
        )


# A handler's answer groups, and the scale its question type puts on their scores.
Handled = tuple[list[Group], float]


def group_by(
    candidates: Sequence[Candidate],
    key: Callable[[Candidate], Hashable | None],
    phrase: Callable[[Candidate], tuple[str, Any]],
    strength: Callable[[Candidate], float] = lambda c: 1.0,
    *,
    agreement: bool = True,
) -> list[Group]:
    """Group candidates with equal ``key`` (None drops one); best group first."""
    groups: dict[Hashable, Group] = {}
    for candidate in candidates:
        k = key(candidate)
        if k is None:
            continue
        if k not in groups:
            text, value = phrase(candidate)
            groups[k] = Group(k, text, value, [], strength(candidate), agreement)
        groups[k].members.append(candidate)
    return sorted(groups.values(), key=lambda g: (-g.score, -len(g.publishers), str(g.key)))


def figure_key(candidate: Candidate) -> tuple[object, ...]:
    """Casualty figures that say the same: equal bounds and hedge."""
    v = candidate.fact.value
    return (v.get("min"), v.get("max"), candidate.fact.qualifier)


def figure_phrase(candidate: Candidate) -> tuple[str, Any]:
    """A casualty figure as answered ("62", "more than 200") and its value, which carries the
    stated number beside the interval when the fact stores it."""
    v, qualifier = candidate.fact.value, candidate.fact.qualifier
    value = {"min": v.get("min"), "max": v.get("max"), "qualifier": qualifier}
    if v.get("stated") is not None:
        value = {"stated": v["stated"], **value}
        return hedges.describe(v, qualifier, candidate.fact.text), value
    # Figures recognised at question time carry no stated number: read it from the wording.
    return amount_phrase(v.get("min"), v.get("max"), qualifier, candidate.fact.text), value


def qualifier_strength(candidate: Candidate) -> float:
    """How precise a figure's hedge is (exact 1.0 ... vague 0.4)."""
    return _QUALIFIER_STRENGTH.get(candidate.fact.qualifier, 0.7)


def number_text(value: float | int | None) -> str:
    """A figure as written in answers: integers without ".0"."""
    return hedges.number_text(value)


def amount_phrase(
    low: float | None, high: float | None, qualifier: str | None, wording: str = ""
) -> str:
    """ "62", "more than 200", "nearly 70", "30 to 62", "dozens": the figure as the cited
    ``wording`` states it (``hedges.describe``), never a bound shifted by its hedge."""
    first = next(iter(find_amounts(wording)), None) if wording else None
    stated = first.number if first else None
    if stated is not None and (low, high) not in {
        hedges.interval(stated, qualifier or "exact", step, high) for step in (-1, 0, 1)
    }:
        stated = None  # the wording's first number is not this figure ("8 shot, 2 fatally")
    return hedges.describe({"min": low, "max": high, "stated": stated}, qualifier, wording)


def count_words(count: int | None) -> str:
    """Small counts as words ("two"), others as digits."""
    if count is None:
        return ""
    return _NUMBER_WORDS.get(count, str(count))


def said_by(candidate: Candidate, source: str | None) -> bool:
    """Whether the candidate's fact is attributed to ``source`` (a canonical organization name
    the question asks of: "according to SOHR"); any fact is when no source is asked."""
    if source is None:
        return True
    attributed = candidate.fact.attributed_to or ""
    org = canonical_organization(attributed)
    return (org.name if org else attributed).casefold() == source.casefold()
