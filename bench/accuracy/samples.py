"""The five samples against their gold tables (``tests/corpus/gold``), through the service.

The rule is the gold test's: a fact matches a gold entry on the field's key, and on the source
too where the entry names one (null included); each gold entry matches at most once, entries
that name a source first.
"""

from __future__ import annotations

from typing import Any

from bench.accuracy.tally import Ratio

KEYS = {
    "casualties": ("kind", "min", "max", "qualifier"),
    "equipment": ("kind", "type", "count", "qualifier"),
    "quantities": ("kind", "number", "unit", "qualifier"),
}


def _row(fact: dict[str, Any]) -> dict[str, Any]:
    return {
        "field": fact["field"],
        "kind": fact["kind"],
        "qualifier": fact["qualifier"],
        "attributed_to": fact["attributed_to"],
        **fact["value"],
    }


def _matches(gold: dict[str, Any], row: dict[str, Any]) -> bool:
    if gold["field"] != row["field"]:
        return False
    if any(gold.get(key) != row.get(key) for key in KEYS[gold["field"]]):
        return False
    return "attributed_to" not in gold or gold["attributed_to"] == row["attributed_to"]


def score_sample(
    gold: list[dict[str, Any]], facts: list[dict[str, Any]]
) -> dict[str, tuple[int, int, int]]:
    """Per field: (matched, predicted, gold) for one article."""
    counts = {}
    for field in KEYS:
        unmatched = [_row(f) for f in facts if f["field"] == field]
        predicted = len(unmatched)
        entries = [g for g in gold if g["field"] == field]
        hits = 0
        for entry in sorted(entries, key=lambda g: "attributed_to" not in g):
            row = next((r for r in unmatched if _matches(entry, r)), None)
            if row is not None:
                unmatched.remove(row)
                hits += 1
        counts[field] = (hits, predicted, len(entries))
    return counts


def sample_rows(
    per_article: list[dict[str, tuple[int, int, int]]],
) -> list[tuple[str, Ratio, Ratio]]:
    """Per field: (field, precision, recall) over every sample."""
    rows = []
    for field in KEYS:
        hits = sum(a[field][0] for a in per_article)
        predicted = sum(a[field][1] for a in per_article)
        gold = sum(a[field][2] for a in per_article)
        rows.append((field, Ratio(hits, predicted), Ratio(hits, gold)))
    return rows
