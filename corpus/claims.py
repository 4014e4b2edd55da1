"""Claims: facts that state a quantity about the same thing, grouped so disagreement shows.

A claim is keyed by field, kind, subject (the victims' class: "soldiers" covers troops, forces
and servicemen) and event (the stored events of ``corpus.events``; for articles outside any,
articles linked by a shared main place and publication dates within a week). Inside a claim,
facts with the same interval and hedge form one value, citing every article that states it;
one publisher restating its own figure counts once.

Disputed: the stated intervals cannot all be true together (their intersection is empty).
Picks, each with its rule: conservative (the lowest lower bound, as ACLED codes fatalities),
most_cited (most distinct publishers), highest (the highest figure stated).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

_VICTIM_CLASSES: dict[str, tuple[str, ...]] = {
    "soldiers": (
        "soldier",
        "troop",
        "serviceman",
        "servicemen",
        "force",
        "personnel",
        "army",
        "trooper",
        "marine",
        "guard",
        "conscript",
        "officer",
        "regime",
    ),
    "civilians": (
        "civilian",
        "resident",
        "villager",
        "bystander",
        "passenger",
        "child",
        "children",
        "woman",
        "women",
        "student",
        "worker",
        "pilgrim",
    ),
    "militants": (
        "militant",
        "fighter",
        "insurgent",
        "rebel",
        "jihadist",
        "terrorist",
        "gunman",
        "gunmen",
    ),
    "police": ("police", "policeman", "policemen", "officers", "cop"),
}
EVENT_WINDOW_DAYS = 7
VAGUE = "vague"


def victim_class(victims: str | None) -> str:
    """The subject a victims noun belongs to ("troops" -> soldiers); "people" when unsaid."""
    if not victims:
        return "people"
    words = re.findall(r"[a-z]+", victims.lower())
    for name, stems in _VICTIM_CLASSES.items():
        if any(w.startswith(stem) for w in words for stem in stems):
            return name
    return words[-1] if words else "people"


@dataclass(frozen=True, slots=True)
class ClaimFact:
    """What reconciliation needs of one stored fact."""

    fact_id: int
    article_id: int
    source: str | None
    field: str
    kind: str
    stated: float | None
    min: float | None
    max: float | None
    qualifier: str | None
    subject: str
    attributed_to: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What places an article in an event: its publication date and its main places."""

    published: date | None
    places: tuple[str, ...]


@dataclass(slots=True)
class ClaimValue:
    """One stated figure, the interval its hedge implies, and every citation stating it."""

    stated: float | None
    min: float | None
    max: float | None
    qualifier: str | None
    sources: list[str] = field(default_factory=list)
    attributed_to: list[str] = field(default_factory=list)
    citations: list[ClaimFact] = field(default_factory=list)


@dataclass(slots=True)
class Claim:
    """Facts about the same quantity, their values, range, dispute and picks."""

    field: str
    kind: str
    subject: str
    event: str
    values: list[ClaimValue]
    range_min: float | None
    range_max: float | None
    disputed: bool
    picks: dict[str, dict[str, Any]]


def publisher(fact: ClaimFact) -> str:
    """The publisher a citation counts for (an unnamed source counts per article)."""
    return fact.source or f"article {fact.article_id}"


def build_claims(facts: Sequence[ClaimFact], contexts: dict[int, ArticleContext]) -> list[Claim]:
    """Group facts into claims, most-cited first."""
    return sorted(iter_claims(facts, contexts), key=claim_order)


def iter_claims(
    facts: Sequence[ClaimFact],
    contexts: dict[int, ArticleContext],
    events: dict[int, str] | None = None,
) -> Iterator[Claim]:
    """Group facts into claims, one at a time and in no set order (``claim_order`` sorts them):
    a caller that renders each claim need not hold them all (40k claims at 20k articles).
    ``events`` names the articles' events (``corpus.events``); articles it does not name are
    grouped by a shared main place within a week (``group_events`` over ``contexts``)."""
    events = {**group_events(contexts), **(events or {})}
    grouped: dict[tuple[str, str, str, str], list[ClaimFact]] = defaultdict(list)
    for fact in facts:
        event = events.get(fact.article_id, f"article {fact.article_id}")
        grouped[(fact.field, fact.kind, fact.subject, event)].append(fact)
    for key, members in grouped.items():
        yield _claim(key, members)


def claim_order(claim: Claim) -> tuple[int, str, str, str, str]:
    """Most-cited first (distinct publishers over all values), then by what it counts."""
    cited = sum(len(v.sources) for v in claim.values)
    return (-cited, claim.field, claim.kind, claim.subject, claim.event)


def _claim(key: tuple[str, str, str, str], members: list[ClaimFact]) -> Claim:
    field_name, kind, subject, event = key
    by_value: dict[tuple[Any, ...], ClaimValue] = {}
    for fact in sorted(members, key=lambda f: (f.article_id, f.start)):
        value_key = (fact.stated, fact.min, fact.max, fact.qualifier)
        value = by_value.setdefault(value_key, ClaimValue(*value_key))
        value.citations.append(fact)
        if publisher(fact) not in value.sources:
            value.sources.append(publisher(fact))
        if fact.attributed_to and fact.attributed_to not in value.attributed_to:
            value.attributed_to.append(fact.attributed_to)
    values = sorted(by_value.values(), key=_value_order)
    precise = [v for v in values if v.qualifier != VAGUE]
    lows = [v.min for v in precise if v.min is not None] + [
        v.max for v in precise if v.min is None and v.max is not None
    ]
    highs = [v.max if v.max is not None else v.min for v in precise]
    return Claim(
        field=field_name,
        kind=kind,
        subject=subject,
        event=event,
        values=values,
        range_min=min(lows) if lows else None,
        range_max=max((h for h in highs if h is not None), default=None),
        disputed=is_disputed(values),
        picks=_picks(values),
    )


def _value_order(value: ClaimValue) -> tuple[int, float, float]:
    return (-len(value.sources), _low(value), _high(value))


def _low(value: ClaimValue) -> float:
    return value.min if value.min is not None else 0.0


def _high(value: ClaimValue) -> float:
    return value.max if value.max is not None else math.inf


def is_disputed(values: Iterable[ClaimValue]) -> bool:
    """True when the stated intervals have no common point."""
    values = list(values)
    if len(values) < 2:
        return False
    return max(_low(v) for v in values) > min(_high(v) for v in values)


def _interval(value: ClaimValue | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "stated": value.stated,
        "min": value.min,
        "max": value.max,
        "qualifier": value.qualifier,
        "sources": list(value.sources),
    }


def _picks(values: list[ClaimValue]) -> dict[str, dict[str, Any]]:
    precise = [v for v in values if v.qualifier != VAGUE] or values
    conservative = min(
        precise, key=lambda v: (_low(v) if v.min is not None else _high(v), _high(v))
    )
    most_cited = min(values, key=lambda v: (-len(v.sources), -len(v.citations), _low(v)))
    highest = max(precise, key=lambda v: (v.max if v.max is not None else _low(v), _low(v)))
    return {
        "conservative": {
            "rule": "the lowest lower bound stated (as ACLED codes fatalities)",
            "value": _interval(conservative),
        },
        "most_cited": {
            "rule": "the figure stated by the most distinct publishers",
            "value": _interval(most_cited),
        },
        "highest": {"rule": "the highest figure stated", "value": _interval(highest)},
    }


def group_events(contexts: dict[int, ArticleContext]) -> dict[int, str]:
    """Link articles that share a main place and lie within a week; name each group."""
    ids = sorted(contexts)
    parent = {i: i for i in ids}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_place: dict[str, list[int]] = defaultdict(list)
    for article_id in ids:
        for place in contexts[article_id].places:
            by_place[place].append(article_id)
    for members in by_place.values():
        for a, b in pairwise(members):
            if _close_in_time(contexts[a].published, contexts[b].published):
                parent[find(b)] = find(a)
    groups: dict[int, list[int]] = defaultdict(list)
    for article_id in ids:
        groups[find(article_id)].append(article_id)
    names = {}
    for members in groups.values():
        names.update({m: _event_name(members, contexts) for m in members})
    return names


def _close_in_time(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= EVENT_WINDOW_DAYS


def _event_name(members: list[int], contexts: dict[int, ArticleContext]) -> str:
    places = Counter(p for m in members for p in contexts[m].places[:1])
    dates = sorted(d for m in members if (d := contexts[m].published) is not None)
    place = places.most_common(1)[0][0] if places else f"article {members[0]}"
    return f"{place} {dates[0].isoformat()}" if dates else place
