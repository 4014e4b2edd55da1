"""Extraction scored against news-dev's incident gold, field by field (rules in ``stated``).

Each scorer takes the scored articles (gold, stored text, facts from the service) and returns
rows of (measure, Ratio) in a fixed order, so the report is the same for the same facts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from bench.accuracy.matching import citation_slices, states_number
from bench.accuracy.stated import figures, states_date, states_name
from bench.accuracy.tally import Ratio
from corpus.facts.grounding import is_grounded

Rows = list[tuple[str, Ratio]]


@dataclass(frozen=True)
class Scored:
    """One ingested article: its gold (None for corpora without), stored text and facts."""

    corpus: str
    article_id: int
    text: str
    facts: list[dict[str, Any]]
    gold: dict[str, Any] | None = None
    incident: dict[str, Any] | None = None
    published: date | None = None


def _of(article: Scored, field: str, kind: str | None = None) -> list[dict[str, Any]]:
    return [f for f in article.facts if f["field"] == field and (kind is None or f["kind"] == kind)]


def figure_of(value: dict[str, Any]) -> int | float | None:
    """The number a casualty value states: ``stated`` when the extractor keeps it, else a bound."""
    for key in ("stated", "min", "max"):
        if value.get(key) is not None:
            return value[key]  # type: ignore[no-any-return]
    return None


def value_has(value: dict[str, Any], number: int) -> bool:
    """Whether a casualty value states ``number``: as its stated figure, a bound, or inside
    a closed [min, max]."""
    if value.get("stated") == number or number in (value.get("min"), value.get("max")):
        return True
    low, high = value.get("min"), value.get("max")
    return low is not None and high is not None and low <= number <= high


def gold_values(gold: dict[str, Any], kind: str) -> set[int]:
    """The incident's accepted figures of a kind (with and without suspects), zero left out."""
    return {n for n in (gold[kind], gold[f"victims_{kind}"]) if n}


def casualty_rows(articles: list[Scored], kind: str) -> Rows:
    """Recall and precision (primary, strict, loose, within one) for killed or injured."""
    recall_stated, recall_all = Ratio(), Ratio()
    primary, strict, loose, within_one = Ratio(), Ratio(), Ratio(), Ratio()
    zero_alarm = Ratio()
    stated_articles, literal = Ratio(), Ratio()
    for article in articles:
        assert article.gold is not None
        values = gold_values(article.gold, kind)
        facts = _of(article, "casualties", kind)
        if not values:
            zero_alarm.add(bool(facts))
            continue
        found = any(value_has(f["value"], g) for f in facts for g in values)
        recall_all.add(found)
        literal.add(any(states_number(article.text, g) for g in values))
        stated = figures(article.text, kind)
        is_stated = bool(stated & values)
        stated_articles.add(is_stated)
        if not is_stated:
            continue
        recall_stated.add(found)
        single_figure = stated <= values
        for fact in facts:
            right = any(value_has(fact["value"], g) for g in values)
            strict.add(right)
            if single_figure:
                primary.add(right)
            loose.add(right or figure_of(fact["value"]) in stated)
            within_one.add(any(value_has(fact["value"], g + d) for g in values for d in (-1, 1, 0)))
    return [
        ("articles with gold > 0 holding the number anywhere", literal),
        ("articles with gold > 0 that state it", stated_articles),
        ("**recall**, stated", recall_stated),
        ("recall, every article with gold > 0", recall_all),
        ("**precision**, single-figure articles", primary),
        ("precision strict, stated articles", strict),
        ("precision loose, stated articles", loose),
        ("within ±1, stated articles", within_one),
        ("gold 0: articles with a fact of this kind", zero_alarm),
    ]


def _norm(name: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", name.casefold()))


def _names_match(fact_name: str, gold_name: str) -> tuple[bool, bool]:
    """(exact, loose): equal names; or the fact's name holds the gold name, has the same first
    and last word (a middle name left out on one side) or is the surname alone."""
    fact, gold = _norm(fact_name), _norm(gold_name)
    if fact == gold:
        return True, True
    f_words, g_words = fact.split(), gold.split()
    contains = f" {gold} " in f" {fact} "
    ends = len(f_words) >= 2 and (f_words[0], f_words[-1]) == (g_words[0], g_words[-1])
    surname = len(g_words) >= 2 and f_words == g_words[-1:]
    return False, contains or ends or surname


def people_rows(articles: list[Scored]) -> Rows:
    """GVA participant names stated verbatim, found as people facts; a precision lower bound."""
    recall = {role: (Ratio(), Ratio()) for role in ("victim", "suspect")}
    named_participant = Ratio()
    for article in articles:
        assert article.incident is not None
        names = [f["value"]["name"] for f in _of(article, "people") if f["value"].get("name")]
        participants = [p for p in article.incident["participants"] if p.get("name")]
        for person in participants:
            if not states_name(article.text, person["name"]):
                continue
            exact, loose = recall[person["role"] if person["role"] == "suspect" else "victim"]
            matches = [_names_match(n, person["name"]) for n in names]
            exact.add(any(m[0] for m in matches))
            loose.add(any(m[1] for m in matches))
        for name in names:
            named_participant.add(
                any(
                    any(_names_match(name, p["name"]))
                    or f" {_norm(name)} " in f" {_norm(p['name'])} "
                    for p in participants
                )
            )
    return [
        ("**recall** victims, exact name", recall["victim"][0]),
        ("recall victims, loose", recall["victim"][1]),
        ("**recall** suspects, exact name", recall["suspect"][0]),
        ("recall suspects, loose", recall["suspect"][1]),
        ("people facts that name a participant (precision lower bound)", named_participant),
    ]


def date_rows(articles: list[Scored]) -> Rows:
    """The incident date found as an event date fact, where the article states it."""
    stated_share, recall_event, recall_any = Ratio(), Ratio(), Ratio()
    precision_stated, precision_all = Ratio(), Ratio()
    for article in articles:
        assert article.incident is not None
        event = article.incident["date"]
        facts = [f for f in _of(article, "dates", "date") if f["value"].get("iso")]
        event_days = [
            f for f in facts if f["value"].get("role") == "event" and len(f["value"]["iso"]) == 10
        ]
        stated = states_date(article.text, date.fromisoformat(event), article.published)
        stated_share.add(stated)
        for fact in event_days:
            precision_all.add(fact["value"]["iso"] == event)
        if not stated:
            continue
        recall_event.add(any(f["value"]["iso"] == event for f in event_days))
        recall_any.add(any(f["value"]["iso"] == event for f in facts))
        for fact in event_days:
            precision_stated.add(fact["value"]["iso"] == event)
    return [
        ("articles that state the incident date", stated_share),
        ("**recall**, an event date fact", recall_event),
        ("recall, a date fact of any role", recall_any),
        ("**precision**, event day facts, stated articles", precision_stated),
        ("precision, event day facts, every article", precision_all),
    ]


def gva_place(city: str) -> tuple[str, str | None]:
    """GVA's ``city_or_county`` as (place, neighbourhood): "City (Hood)" -> ("City", "Hood"),
    "Polk (county)" -> ("Polk County", None)."""
    match = re.fullmatch(r"\s*(.+?)\s*\((.+)\)\s*", city)
    if not match:
        return city.strip(), None
    name, inner = match.groups()
    if inner.strip().lower() == "county":
        return f"{name} County", None
    return name, inner.strip()


def _place_found(facts: list[dict[str, Any]], name: str) -> bool:
    wanted = name.casefold()
    return any(
        wanted in {str(f["value"].get(k) or "").casefold() for k in ("name", "canonical")}
        or f["text"].casefold() == wanted
        for f in facts
    )


def place_rows(articles: list[Scored]) -> Rows:
    """GVA's city, neighbourhood and state found as place facts where the text names them."""
    city, hood, state = Ratio(), Ratio(), Ratio()
    foreign = Ratio()
    for article in articles:
        assert article.incident is not None
        facts = _of(article, "places")
        name, neighbourhood = gva_place(article.incident["city"])
        if states_name(article.text, name):
            city.add(_place_found(facts, name))
        if neighbourhood and states_name(article.text, neighbourhood):
            hood.add(_place_found(facts, neighbourhood))
        if states_name(article.text, article.incident["state"]):
            state.add(_place_found(facts, article.incident["state"]))
        for fact in facts:
            if fact["kind"] == "city":
                foreign.add(fact["value"].get("country") not in (None, "US"))
    return [
        ("**recall** city or county", city),
        ("recall neighbourhood (GVA's City (Neighbourhood))", hood),
        ("recall state", state),
        ("city facts placed outside the US (likely wrong in US local news)", foreign),
    ]


def grounding(articles: list[Scored]) -> dict[str, tuple[Ratio, Counter[str]]]:
    """Per kind of name (organizations, attributions, speakers): the grounded share of distinct
    (article, name) pairs and the ungrounded names by count."""
    kinds: dict[str, tuple[Ratio, Counter[str]]] = {
        kind: (Ratio(), Counter()) for kind in ("organizations", "attributions", "quote speakers")
    }
    for article in articles:
        names: dict[str, set[str]] = {kind: set() for kind in kinds}
        for fact in article.facts:
            if fact["field"] == "organizations" and fact["value"].get("name"):
                names["organizations"].add(fact["value"]["name"])
            if fact["field"] == "quotes" and fact["value"].get("speaker"):
                names["quote speakers"].add(fact["value"]["speaker"])
            if fact.get("attributed_to"):
                names["attributions"].add(fact["attributed_to"])
        for kind, found in names.items():
            ratio, ungrounded = kinds[kind]
            for name in sorted(found):
                grounded = is_grounded(name, article.text)
                ratio.add(grounded)
                if not grounded:
                    ungrounded[name] += 1
    return kinds


def slicing_failures(articles: list[Scored]) -> Ratio:
    """Facts whose span or sentence does not slice the stored text exactly (should be 0)."""
    failures = Ratio()
    for article in articles:
        for fact in article.facts:
            failures.add(not citation_slices(fact, article.text))
    return failures
