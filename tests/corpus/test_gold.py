"""Gold facts for the sample corpus: precision and recall per field, with a floor per field.

Each ``gold/<sample stem>.json`` lists what a careful annotator finds in that sample. A predicted
fact matches a gold one on the field's key (below) and, for casualties whose gold entry carries
``attributed_to`` (null included), on the source too. Each gold fact matches at most once.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from corpus.facts import casualties
from corpus.facts.document import Document
from corpus.facts.model import ExtractedFact
from corpus.facts.pipeline import field_facts
from corpus.files import sample_paths

GOLD_DIR = Path(__file__).parent / "gold"
FLOORS = {"casualties": 0.95, "equipment": 0.95, "quantities": 0.0}
EXTRACTORS: dict[str, Callable[[Document], list[ExtractedFact]]] = {
    field: partial(field_facts, field) for field in ("casualties", "equipment", "quantities")
}
KEYS = {
    "casualties": ("kind", "min", "max", "qualifier"),
    "equipment": ("kind", "type", "count", "qualifier"),
    "quantities": ("kind", "number", "unit", "qualifier"),
}


def _gold(stem: str) -> dict[str, Any]:
    return json.loads((GOLD_DIR / f"{stem}.json").read_text(encoding="utf-8"))


def _document(path: Path) -> Document:
    published = _gold(path.stem)["published"]
    text = path.read_text(encoding="utf-8")
    return Document.parse(text, date.fromisoformat(published) if published else None)


def _predicted_row(fact: ExtractedFact) -> dict[str, Any]:
    return {
        "field": fact.field,
        "kind": fact.kind,
        "qualifier": fact.qualifier,
        "attributed_to": fact.attributed_to,
        **fact.value,
    }


def _matches(gold: dict[str, Any], row: dict[str, Any]) -> bool:
    if gold["field"] != row["field"]:
        return False
    if any(gold[key] != row[key] for key in KEYS[gold["field"]]):
        return False
    return "attributed_to" not in gold or gold["attributed_to"] == row["attributed_to"]


def _score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(true positives, predicted, gold) for one article; gold with a source is matched first."""
    unmatched = list(predicted)
    hits = 0
    for entry in sorted(gold, key=lambda g: "attributed_to" not in g):
        row = next((r for r in unmatched if _matches(entry, r)), None)
        if row is not None:
            unmatched.remove(row)
            hits += 1
    return hits, len(predicted), len(gold)


def _corpus_scores() -> dict[str, tuple[float, float]]:
    totals = {field: [0, 0, 0] for field in EXTRACTORS}
    for path in sample_paths():
        doc = _document(path)
        gold = _gold(path.stem)["facts"]
        for field, extract in EXTRACTORS.items():
            predicted = [_predicted_row(f) for f in extract(doc)]
            counts = _score([g for g in gold if g["field"] == field], predicted)
            for i, n in enumerate(counts):
                totals[field][i] += n
    scores = {}
    for field, (hits, n_predicted, n_gold) in totals.items():
        precision = hits / n_predicted if n_predicted else 1.0
        recall = hits / n_gold if n_gold else 1.0
        scores[field] = (precision, recall)
        print(
            f"{field:<11} precision {precision:.3f} recall {recall:.3f} "
            f"({hits} matched, {n_predicted} predicted, {n_gold} gold)"
        )
    return scores


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple[float, float]]:
    return _corpus_scores()


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_precision_and_recall_meet_the_floor(
    scores: dict[str, tuple[float, float]], field: str
) -> None:
    precision, recall = scores[field]
    assert precision >= FLOORS[field]
    assert recall >= FLOORS[field]


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_gold_texts_are_in_the_article(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for entry in _gold(path.stem)["facts"]:
        assert entry["text"] in text


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_every_fact_cites_its_exact_text(path: Path) -> None:
    doc = _document(path)
    for extract in EXTRACTORS.values():
        for fact in extract(doc):
            assert doc.text[fact.start : fact.end] == fact.text
            assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_fields_do_not_overlap(path: Path) -> None:
    doc = _document(path)
    spans = {
        field: [(f.start, f.end) for f in extract(doc)] for field, extract in EXTRACTORS.items()
    }
    for s, e in spans["quantities"]:
        assert not any(cs < e and s < ce for cs, ce in spans["casualties"] + spans["equipment"])


def test_required_sample_claims() -> None:
    """The claims the brief names must all be found, with their sources."""
    found = set()
    for path in sample_paths():
        for fact in casualties.extract(_document(path)):
            found.add(
                (
                    fact.kind,
                    fact.value["min"],
                    fact.value["max"],
                    fact.qualifier,
                    fact.attributed_to,
                )
            )
    assert {
        ("killed", 62, 62, "exact", "Russian Defense Ministry"),
        ("killed", 80, None, "at_least", "Syrian Observatory for Human Rights"),
        ("killed", None, 83, "at_most", "Syrian military"),
        ("killed", 61, None, "at_least", "Russian Defense Ministry"),
        ("injured", 121, None, "at_least", "Syrian military"),
        ("injured", None, 100, "at_most", "Russian Defense Ministry"),
    } <= found
    kinds = {(k, lo, hi, q) for k, lo, hi, q, _ in found}
    assert {
        ("killed", 30, 62, "range"),
        ("killed", 24, None, "vague"),
        ("injured", 101, None, "at_least"),
        ("injured", 100, 100, "exact"),
    } <= kinds
