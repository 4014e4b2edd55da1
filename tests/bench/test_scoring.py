"""The harness's scoring helpers: casualty values, GVA places, names, samples, QA, grounding."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.accuracy.extraction import _names_match, gold_values, gva_place, value_has
from bench.accuracy.qa import answer_states, best_sentence, cites_exactly, search_query
from bench.accuracy.samples import score_sample
from corpus.facts.grounding import is_grounded

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("value", "number", "has"),
    [
        ({"min": 3, "max": 3}, 3, True),
        ({"min": 3, "max": 3}, 4, False),
        ({"min": 201, "max": None, "stated": 200}, 200, True),  # "more than 200"
        ({"min": 201, "max": None}, 250, False),  # an open bound is not every number above it
        ({"min": None, "max": 83}, 83, True),  # "up to 83"
        ({"min": 30, "max": 62}, 45, True),  # a range holds what it spans
        ({"min": 30, "max": 62}, 63, False),
    ],
)
def test_value_has(value: dict[str, int | None], number: int, has: bool) -> None:
    assert value_has(value, number) is has


def test_gold_values_accept_with_and_without_suspects_and_drop_zero() -> None:
    gold = {"killed": 2, "victims_killed": 1, "injured": 0, "victims_injured": 0}
    assert gold_values(gold, "killed") == {1, 2}
    assert gold_values(gold, "injured") == set()


@pytest.mark.parametrize(
    ("city", "place"),
    [
        ("Springfield", ("Springfield", None)),
        ("Springfield (Old Mill)", ("Springfield", "Old Mill")),
        ("Ash (county)", ("Ash County", None)),
    ],
)
def test_gva_place(city: str, place: tuple[str, str | None]) -> None:
    assert gva_place(city) == place


@pytest.mark.parametrize(
    ("fact", "gold", "exact", "loose"),
    [
        ("Ana Ruiz", "Ana Ruiz", True, True),
        ("ana  ruiz", "Ana Ruiz", True, True),
        ("Det. Ana Ruiz", "Ana Ruiz", False, True),
        ("Ana Ruiz", "Ana Maria Ruiz", False, True),
        ("Ruiz", "Ana Ruiz", False, True),
        ("Ana", "Ana Ruiz", False, False),
        ("Ben Ruiz", "Ana Ruiz", False, False),
    ],
)
def test_names_match(fact: str, gold: str, exact: bool, loose: bool) -> None:
    assert _names_match(fact, gold) == (exact, loose)


def test_score_sample_matches_each_gold_entry_once_and_checks_the_source() -> None:
    gold = [
        {
            "field": "casualties",
            "kind": "killed",
            "min": 5,
            "max": 5,
            "qualifier": "exact",
            "attributed_to": "Harbour Authority",
        },
        {"field": "casualties", "kind": "killed", "min": 5, "max": 5, "qualifier": "exact"},
    ]

    def fact(source: str | None) -> dict[str, object]:
        return {
            "field": "casualties",
            "kind": "killed",
            "qualifier": "exact",
            "attributed_to": source,
            "value": {"min": 5, "max": 5, "victims": None},
        }

    counts = score_sample(gold, [fact(None), fact(None), fact(None)])
    assert counts["casualties"] == (1, 3, 2)  # the sourced entry needs its source
    assert score_sample(gold, [fact("Harbour Authority"), fact(None)])["casualties"] == (2, 2, 2)


def test_search_query_keeps_words_only() -> None:
    assert search_query('How many died in "Lake Town" (NOT here) or there?') == (
        "How OR many OR died OR in OR Lake OR Town OR here OR there"
    )


def test_best_sentence_holds_most_highlights() -> None:
    passage = "A ferry sank. Nine crew members drowned off the cape. Rescuers left."
    hit = {
        "passage": {"text": passage, "start": 100},
        "highlights": [
            {"start": 100 + passage.index(w), "end": 100 + passage.index(w) + len(w)}
            for w in ("crew", "drowned", "ferry")
        ],
    }
    assert best_sentence(hit) == "Nine crew members drowned off the cape."


def test_answer_states_reads_text_and_string_values() -> None:
    answer = {"text": "Sunday", "value": {"iso": "2016-09-11"}}
    assert answer_states(answer, ["2016-09-11", "September 11"])
    assert not answer_states({"text": "Sunday", "value": {"min": 11}}, [11])


def test_cites_exactly_needs_a_citation_that_slices() -> None:
    text = "Nine crew members drowned."
    good = {"article_id": 1, "start": 0, "end": 4, "text": "Nine"}
    bad = {"article_id": 1, "start": 0, "end": 4, "text": "nine"}
    assert cites_exactly({"citations": [good]}, lambda _: text)
    assert not cites_exactly({"citations": [good, bad]}, lambda _: text)
    assert not cites_exactly({"citations": []}, lambda _: text)


@pytest.mark.parametrize(
    ("name", "text", "grounded"),
    [
        ("Israeli Defense Ministry", "Israel's ministry said three died.", True),
        ("Russian Defense Ministry", "The ministry in Abuja said three died.", False),
        ("the ministry", "The ministry said three died.", True),
        ("Kenya Red Cross", "The Kenya Red Cross said.", True),
        ("International Committee of the Red Cross", "The Kenya Red Cross said.", False),
        ("United States Army", "A U.S. spokesman said.", True),
        ("Harbour Police", "Police said.", False),
        ("Harbour Police", "Harbour police said.", True),
    ],
)
def test_grounding_rule(name: str, text: str, grounded: bool) -> None:
    assert is_grounded(name, text) is grounded


def test_accuracy_skips_cleanly_without_the_data(tmp_path: Path) -> None:
    env = {**os.environ, "NEWS_DEV_DIR": str(tmp_path), "PYTHONPATH": str(REPO)}
    output = tmp_path / "ACCURACY.md"
    result = subprocess.run(
        [sys.executable, "-m", "bench.accuracy", "--output", str(output)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "skipped, news-dev data not found" in result.stdout
    assert not output.exists()
