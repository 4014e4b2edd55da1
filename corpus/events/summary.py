"""An event's summary from its members' signatures: type, day, place and figures.

- type: the type most members report (unknown only when none names one; ties: the more
  specific type, ``kinds.TRIGGERS`` order);
- day: the day most members give (ties: the earliest);
- place: the most specific place members name, by how many members name it, then by kind
  (street < neighbourhood < town < county < region < country), then the earliest article;
- figures, per kind: the event's **most cited** figure, the value (number and hedge) the most
  member articles state, ties to the later report (publication date, then article id), then
  to the figure its article states most often; with the range of every precise figure
  stated, and ``disputed`` when those cannot all be true together (``claims.is_disputed``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from corpus.claims import VAGUE, ClaimValue, is_disputed
from corpus.events.kinds import TYPES, UNKNOWN
from corpus.events.signature import FIGURE_KINDS, Figure, Signature

_SPECIFICITY = {
    "street": 0, "landmark": 0, "neighbourhood": 1, "neighborhood": 1, "city": 2, "town": 2,
    "county": 3, "region": 4, "state": 4, "country": 5,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Summary:
    """The columns of an ``Event`` row its members determine."""

    type: str
    event_date: date | None
    place: dict[str, Any] | None
    region: str | None
    country: str | None
    keys: list[str]
    figures: dict[str, Any]
    killed: float | None
    injured: float | None
    article_count: int
    last_published: date | None


def summarise(members: Sequence[tuple[int, Signature]]) -> Summary:
    """The summary of an event with these (article id, signature) members."""
    ordered = sorted(members, key=lambda m: m[0])
    sigs = [s for _, s in ordered]
    figures = {kind: event_figure(ordered, kind) for kind in FIGURE_KINDS}
    place, region, country = _place(ordered)
    published = [s.published for s in sigs if s.published]
    return Summary(
        type=_type(sigs),
        event_date=_mode([s.day for s in sigs if s.day]),
        place=place,
        region=region,
        country=country,
        keys=sorted({k for s in sigs for k in s.keys}),
        figures=figures,
        killed=_low(figures["killed"]),
        injured=_low(figures["injured"]),
        article_count=len(sigs),
        last_published=max(published) if published else None,
    )


def _type(sigs: Sequence[Signature]) -> str:
    counts = Counter(s.type for s in sigs if s.type != UNKNOWN)
    if not counts:
        return UNKNOWN
    return min(counts, key=lambda t: (-counts[t], TYPES.index(t)))


def _mode(days: Sequence[date]) -> date | None:
    counts = Counter(days)
    return min(counts, key=lambda d: (-counts[d], d)) if counts else None


def _place(
    members: Sequence[tuple[int, Signature]],
) -> tuple[dict[str, Any] | None, str | None, str | None]:
    named: Counter[str] = Counter()
    first: dict[str, tuple[int, dict[str, Any]]] = {}
    for article_id, sig in members:
        # By position, not identity: a fresh signature may hold one dict as both its place and
        # its locality, a stored one read back holds two equal dicts; both must count alike.
        for place, is_main in ((sig.place, True), (sig.locality, False)):
            if place is None:
                continue
            key = str(place.get("entity_id") or place["canonical"])
            named[key] += 1 if is_main else 0
            first.setdefault(key, (article_id, place))
    regions = Counter(s.region for _, s in members if s.region)
    countries = Counter(s.country for _, s in members if s.country)
    region = min(regions, key=lambda r: (-regions[r], r)) if regions else None
    country = min(countries, key=lambda c: (-countries[c], c)) if countries else None
    if not first:
        return None, region, country
    best = min(
        first,
        key=lambda k: (-named[k], _SPECIFICITY.get(first[k][1]["kind"], 3), first[k][0]),
    )
    article_id, place = first[best]
    chosen = dict(members)[article_id]
    region, country = chosen.region, chosen.country or country
    return (
        {
            "name": place["canonical"],
            "kind": place["kind"],
            "near": place.get("near"),
            "lat": chosen.lat,
            "lon": chosen.lon,
            "entity_id": place.get("entity_id"),
            "region": region,
            "country": country,
            "article_id": article_id,
            "start": place["start"],
            "end": place["end"],
            "text": place["name"],
        },
        region,
        country,
    )


def event_figure(members: Sequence[tuple[int, Signature]], kind: str) -> dict[str, Any] | None:
    """The event's figure of ``kind`` by the most-cited rule (None: no member states one).

    Figures about the victims most members count (soldiers, civilians, people...) are compared;
    the others are about someone else ("12 civilians" beside "62 soldiers")."""
    citing: dict[tuple[Any, ...], list[tuple[date | None, int, Figure]]] = {}
    for article_id, sig in members:
        for figure in sig.figures.get(kind, ()):
            key = (figure.stated, figure.min, figure.max, figure.qualifier, figure.subject)
            citing.setdefault(key, []).append((sig.published, article_id, figure))
    if not citing:
        return None
    subjects: dict[str, set[int]] = {}
    for key, cites in citing.items():
        subjects.setdefault(key[4], set()).update(a for _, a, _ in cites)
    subject = min(subjects, key=lambda s: (-len(subjects[s]), s != "people", s))
    citing = {key: cites for key, cites in citing.items() if key[4] == subject}

    def rank(key: tuple[Any, ...]) -> tuple[Any, ...]:
        cites = citing[key]
        latest = max((d or date.min, a) for d, a, _ in cites)
        mentions = sum(f.mentions for _, _, f in cites)
        return (key[3] == VAGUE, -len(cites), -latest[0].toordinal(), -latest[1], -mentions)

    best = min(citing, key=rank)
    values = [ClaimValue(*key[:4]) for key in citing if key[3] != VAGUE]
    lows = [v.min if v.min is not None else v.max for v in values]
    highs = [v.max if v.max is not None else v.min for v in values]
    stated, low, high, qualifier, _ = best
    return {
        "stated": stated,
        "min": low,
        "max": high,
        "qualifier": qualifier,
        "subject": subject,
        "disputed": is_disputed(values),
        "range_min": min((x for x in lows if x is not None), default=None),
        "range_max": max((x for x in highs if x is not None), default=None),
        "article_ids": sorted({a for _, a, _ in citing[best]}),
    }


def _low(figure: dict[str, Any] | None) -> float | None:
    if figure is None:
        return None
    return figure["min"] if figure["min"] is not None else figure["stated"]
