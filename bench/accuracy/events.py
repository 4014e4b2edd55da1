"""Events against GVA incidents: clustering over pairs, per-event figures, counting questions
generated from the gold at run time, and the cost of ``GET /events``.

- **Pairwise**: over pairs of news-dev articles, precision is the share of pairs put in one
  event that are one incident; recall the share of same-incident pairs put in one event.
- **Figures**: for each event holding news-dev articles (its incident: the one most of them
  are about), a kind's figure is *present* when the event has one, counted over events whose
  articles state the gold (``stated.states_figure`` with `{killed, victims_killed}`), and
  *equal* when its most-cited figure is a gold value (stated, or inside a closed range).
- **Counting**: questions written from the gold (by city, state, month, year, type and a
  killed threshold; the gold counts distinct incidents, or sums their killed), asked through
  ``/ask``; right when the answer's value equals the gold count exactly. The gold counts the
  incidents the corpus *reports* so: one counts "in <city>" only when one of its articles names
  that city, "in <state>" when one names its city or state (a report that names only a
  neighbourhood, or another town, does not say it; a county GVA gives instead of a city says
  the state as a city does). A name counts as GVA spells it or as news copy writes it ("Saint"
  / "St.", "Mc Coy" / "McCoy"): before, an incident whose report names "St. Augustine" was
  left out of its state's gold while the system rightly counted it. Killed figures are read
  as GVA's killed or as its victims killed (murder-suicides differ), and the answer is right
  under either reading (the same reading for every incident of the question, as the figures
  above accept either).
"""

from __future__ import annotations

import re
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from itertools import combinations
from typing import Any

from bench.accuracy.service import Service
from bench.accuracy.stated import states_figure
from bench.accuracy.tally import Ratio

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
PAGE = 100
TIMED_REQUESTS = 60
PER_SHAPE = 8  # counting questions of each shape


def all_events(service: Service) -> list[dict[str, Any]]:
    """Every event, paging ``GET /events``."""
    events: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": PAGE, "sort": "date"}
    while True:
        page = service._ok(service.client.get("/events", params=params))
        events.extend(page["events"])
        if not page["next_cursor"]:
            return events
        params = {**params, "cursor": page["next_cursor"]}


def pairwise(events: list[dict[str, Any]], incident_of: dict[int, str]) -> tuple[Ratio, Ratio, int]:
    """Pairwise precision and recall of the events over the articles of ``incident_of``, and
    how many of those articles are in no event."""
    together: set[tuple[int, int]] = set()
    placed: set[int] = set()
    for event in events:
        members = sorted(a for a in event["article_ids"] if a in incident_of)
        placed.update(members)
        together.update(combinations(members, 2))
    precision = Ratio()
    for a, b in sorted(together):
        precision.add(incident_of[a] == incident_of[b])
    by_incident: dict[str, list[int]] = defaultdict(list)
    for article_id, incident in sorted(incident_of.items()):
        by_incident[incident].append(article_id)
    recall = Ratio()
    for members in by_incident.values():
        for pair in combinations(members, 2):
            recall.add(pair in together)
    return precision, recall, len(set(incident_of) - placed)


def _has(figure: dict[str, Any], gold: set[int]) -> bool:
    values = {figure.get("stated"), figure.get("min"), figure.get("max")}
    if gold & {v for v in values if v is not None}:
        return True
    low, high = figure.get("min"), figure.get("max")
    return low is not None and high is not None and any(low <= g <= high for g in gold)


def figures(
    events: list[dict[str, Any]],
    incident_of: dict[int, str],
    articles: dict[int, dict[str, Any]],
) -> dict[str, tuple[Ratio, Ratio]]:
    """Per kind: (present, equal) over the events holding news-dev articles."""
    scores = {kind: (Ratio(), Ratio()) for kind in ("killed", "injured")}
    for event in events:
        members = [a for a in event["article_ids"] if a in incident_of]
        if not members:
            continue
        incident = Counter(incident_of[a] for a in members).most_common(1)[0][0]
        gold = articles[next(a for a in members if incident_of[a] == incident)]["gold"]
        for kind, (present, equal) in scores.items():
            values = {int(gold[kind]), int(gold[f"victims_{kind}"])} - {0}
            if not values or not any(
                states_figure(articles[a]["text"], kind, values) for a in members
            ):
                continue
            figure = event["figures"].get(kind)
            present.add(figure is not None)
            if figure is not None:
                equal.add(_has(figure, values))
    return scores


def _incident_id(article: dict[str, Any]) -> str:
    """The GVA incident an article is about (an article without one is its own)."""
    return str(article["incident"].get("gva_incident_id") or article["id"])


def _city(incident: dict[str, Any]) -> str | None:
    city = str(incident.get("city") or "")
    if "(county)" in city:
        return None
    return city.split("(")[0].strip() or None


def _county(incident: dict[str, Any]) -> str | None:
    """The county GVA gives instead of a city ("Miami-dade (county)" -> "Miami-dade")."""
    city = str(incident.get("city") or "")
    return city.split("(")[0].strip() or None if "(county)" in city else None


def _names(texts: list[str], name: str) -> bool:
    """Whether one of ``texts`` names ``name`` (a whole word or phrase, any case), as GVA
    spells it or as news copy does: "Saint Augustine" is written "St. Augustine", "Fort Mc
    Coy" "Fort McCoy"."""
    pieces = []
    for word in name.split():
        if word.lower() == "saint":
            pieces.append(r"(?:saint|st\.?)\s+")
        elif word.lower() == "mc":
            pieces.append(r"mc\s*")
        else:
            pieces.append(re.escape(word) + r"\s+")
    phrase = "".join(pieces).removesuffix(r"\s+")
    pattern = re.compile(rf"(?i)\b{phrase}\b")
    return any(pattern.search(text) for text in texts)


def counting_questions(news: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Counting questions and their gold answers, from the incidents of news-dev."""
    incidents: dict[str, dict[str, Any]] = {}
    texts: dict[str, list[str]] = defaultdict(list)
    for article in news:
        incident = article["incident"]
        incidents.setdefault(_incident_id(article), {**incident, **article["gold"]})
        texts[_incident_id(article)].append(article["text"])
    rows = []
    for key, incident in incidents.items():
        city = _city(incident)
        city_named = bool(city) and _names(texts[key], str(city))
        county = _county(incident)
        county_named = bool(county) and _names(texts[key], str(county))
        rows.append(
            {
                **incident,
                "day": date.fromisoformat(incident["date"]),
                "city_named": city_named,
                "state_named": city_named or county_named or _names(texts[key], incident["state"]),
            }
        )

    def grouped(key: Any) -> list[tuple[Any, list[dict[str, Any]]]]:
        groups: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            value = key(row)
            if value is not None:
                groups[value].append(row)
        # The groups with most incidents first (ties: by key): counts that say something.
        return sorted(groups.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))

    questions: list[dict[str, Any]] = []

    def add(shape: str, q: str, expect: int, also: int | None = None) -> None:
        accept = sorted({expect} | ({also} if also is not None else set()))
        questions.append({"shape": shape, "q": q, "expect": expect, "accept": accept})

    def city_year(r: dict[str, Any]) -> Any:
        city = _city(r)
        return (city, r["state"], r["day"].year) if city and r["city_named"] else None

    def in_state(*more: Any) -> Any:
        return lambda r: (r["state"], *(m(r) for m in more)) if r["state_named"] else None

    for (city, state, year), group in grouped(city_year)[:PER_SHAPE]:
        add("city, year", f"How many shootings were reported in {city}, {state} in {year}?",
            len(group))  # fmt: skip
    for (state, year, month), group in grouped(
        in_state(lambda r: r["day"].year, lambda r: r["day"].month)
    )[:PER_SHAPE]:
        add("state, month", f"How many shootings were reported in {state} in "
            f"{MONTH_NAMES[month - 1]} {year}?", len(group))  # fmt: skip
    for (year, month), group in grouped(lambda r: (r["day"].year, r["day"].month))[:PER_SHAPE]:
        add("month", f"How many shootings were reported in {MONTH_NAMES[month - 1]} {year}?",
            len(group))  # fmt: skip
    for (year,), group in grouped(lambda r: (r["day"].year,))[:3]:
        add("year", f"How many shootings were reported in {year}?", len(group))
    for (state, year), group in grouped(in_state(lambda r: r["day"].year))[:PER_SHAPE]:
        add("type (incidents), state, year",
            f"How many incidents were reported in {state} in {year}?", len(group))  # fmt: skip
    for (state,), group in grouped(in_state())[:PER_SHAPE]:
        deadly = [r for r in group if int(r["killed"]) >= 2]
        victims = [r for r in group if int(r["victims_killed"]) >= 2]
        add("threshold, state",
            f"How many shootings killed at least 2 people in {state}?", len(deadly),
            len(victims))  # fmt: skip
    for (city, state, year), group in grouped(city_year)[:PER_SHAPE]:
        add("killed sum, city, year",
            f"How many people were killed in shootings in {city}, {state} in {year}?",
            sum(int(r["killed"]) for r in group),
            sum(int(r["victims_killed"]) for r in group))  # fmt: skip
    return questions


def ask_counting(
    service: Service, questions: list[dict[str, Any]]
) -> Iterator[tuple[dict[str, Any], bool]]:
    """(question with the answer's ``value`` and ``reason`` added, right) for each counting
    question asked through ``/ask``."""
    for question in questions:
        body = service.ask(question["q"])
        answers = body.get("answers") or []
        value = answers[0].get("value") if answers else None
        asked = {**question, "value": value, "reason": body.get("reason")}
        yield asked, value in question.get("accept", [question["expect"]])


def events_latency(service: Service) -> float:
    """The median time of ``GET /events`` (a mix of plain, filtered and faceted pages), in ms."""
    variants: list[dict[str, Any]] = [
        {},
        {"limit": 100},
        {"place": "Chicago"},
        {"type": "shooting", "since": "2016-01-01", "until": "2016-12-31"},
        {"min_killed": 2, "sort": "-killed"},
        {"facets": "type,place,month"},
    ]
    service.client.get("/events")  # the first read after a write loads every summary once
    times = []
    for number in range(TIMED_REQUESTS):
        started = time.perf_counter()
        service.client.get("/events", params=variants[number % len(variants)])
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def section(
    service: Service, news: list[dict[str, Any]], news_ids: list[int]
) -> tuple[list[str], dict[str, Any]]:
    """The report's events section and its headline numbers."""
    events = all_events(service)
    incident_of = {i: _incident_id(a) for a, i in zip(news, news_ids, strict=True)}
    articles = dict(zip(news_ids, news, strict=True))
    precision, recall, unplaced = pairwise(events, incident_of)
    scores = figures(events, incident_of, articles)
    questions = counting_questions(news)
    by_shape: dict[str, Ratio] = defaultdict(Ratio)
    overall = Ratio()
    asked = []
    for question, right in ask_counting(service, questions):
        by_shape[question["shape"]].add(right)
        overall.add(right)
        asked.append({**question, "right": right})
    p50 = events_latency(service)
    news_events = sum(1 for e in events if any(a in incident_of for a in e["article_ids"]))
    lines = [
        f"{len(events)} events over every ingested article; {news_events} hold news-dev "
        f"articles ({len(set(incident_of.values()))} GVA incidents, {len(news)} articles; "
        f"{unplaced} articles in no event).",
        "",
        "| measure | now | target |",
        "| --- | --- | --- |",
        f"| pairwise precision | {precision} | ≥ 0.90 |",
        f"| pairwise recall | {recall} | ≥ 0.80 |",
        f"| killed figure present | {scores['killed'][0]} | ≥ 0.80 |",
        f"| killed figure equal to gold | {scores['killed'][1]} | ≥ 0.80 |",
        f"| injured figure present | {scores['injured'][0]} | ≥ 0.80 |",
        f"| injured figure equal to gold | {scores['injured'][1]} | ≥ 0.80 |",
        f"| counting questions exactly right | {overall} | ≥ 0.70 |",
        f"| `GET /events` p50 (in-process, {TIMED_REQUESTS} requests) | {p50:.1f} ms | ≤ 20 ms |",
        "",
        "Counting questions by shape (generated from the gold at run time; the gold counts "
        "distinct GVA incidents):",
        "",
        "| shape | right |",
        "| --- | --- |",
        *(f"| {shape} | {ratio} |" for shape, ratio in by_shape.items()),
    ]
    numbers = {
        "precision": precision.value,
        "recall": recall.value,
        "counting": overall.value,
        "p50_ms": p50,
        "counting_outcomes": asked,
    }
    return lines, numbers
