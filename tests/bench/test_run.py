"""The whole harness on a tiny corpus written for this test: every section is produced."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.accuracy import data
from bench.accuracy.run import main

LAKEVIEW = (
    "Three wounded in Lakeview shooting\n\n"
    "LAKEVIEW — Three people were wounded Sunday night on Birch Street, police said. "
    "Officer Dana Holt said Rowan Pike, 30, was arrested on Monday."
)
HARBOR = (
    "Man killed at Harbor Point\n\n"
    "A 40-year-old man was shot and killed on September 4 at Harbor Point, Ridgeford police said."
)


def _article(id_: str, text: str, gold: dict[str, int], incident: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": id_,
        "title": text.split("\n")[0],
        "text": text,
        "published": "2016-09-05",
        "url": None,
        "gold": gold,
        "incident": incident,
    }


ARTICLES = [
    _article(
        "a-1",
        LAKEVIEW,
        {"killed": 0, "injured": 3, "victims_killed": 0, "victims_injured": 3},
        {
            "date": "2016-09-04",
            "state": "Ohio",
            "city": "Lakeview",
            "participants": [{"name": "Rowan Pike", "role": "suspect", "status": "Arrested"}],
        },
    ),
    _article(
        "a-2",
        HARBOR,
        {"killed": 1, "injured": 0, "victims_killed": 1, "victims_injured": 0},
        {
            "date": "2016-09-04",
            "state": "Ohio",
            "city": "Ridgeford (Harbor Point)",
            "participants": [{"name": None, "role": "victim", "status": "Killed"}],
        },
    ),
]
QUESTIONS = [
    {
        "id": "t-1",
        "q": "How many people were wounded in the shooting in Lakeview?",
        "expect": [3],
        "type": "injured",
        "evidence_doc_ids": ["a-1"],
    },
    {
        "id": "t-2",
        "q": "How many people were killed in Lakeview on June 1, 2011?",
        "expect": [],
        "type": "abstain",
        "abstain": True,
    },
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "news-dev"
    root.mkdir()
    for name, rows in (("articles.jsonl", ARTICLES), ("questions.jsonl", QUESTIONS)):
        (root / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    monkeypatch.setenv("NEWS_DEV_DIR", str(root))
    other = {
        "wire": [
            {
                "id": "w-1",
                "title": None,
                "text": "Floods killed 12 people in Ardel.",
                "published": None,
                "source": "Example Wire",
                "url": None,
            }
        ]
    }
    own = [
        {
            "id": "o-1",
            "q": "How many people did the floods kill?",
            "expect": [12],
            "type": "killed",
            "split": "test",
            "corpus": "wire",
        }
    ]
    monkeypatch.setattr(data, "other_corpora", lambda: other)
    monkeypatch.setattr(data, "own_questions", lambda: own)
    return root


def test_the_report_has_every_section(folder: Path, tmp_path: Path) -> None:
    output = tmp_path / "ACCURACY.md"
    details = tmp_path / "details.jsonl"
    assert main(["--output", str(output), "--details", str(details)]) == 0
    report = output.read_text(encoding="utf-8")
    for heading in (
        "## Targets",
        "### Casualties",
        "### People",
        "### Dates",
        "### Places",
        "grounded in their article",
        "### The five samples",
        "news-dev questions by type, held-out part",
        "### The team's own questions",
        "## 3. Events across articles",
        "## Time",
    ):
        assert heading in report
    # The harness's own rules on this corpus: both gold figures are stated (3 wounded, and
    # "a man was shot and killed" states 1), the date is stated as "September 4" in one article
    # and as "Sunday" published the next day in the other.
    assert "| articles with gold > 0 that state it | 1.000 (1/1) | 1.000 (1/1) |" in report
    assert "| articles that state the incident date | 1.000 (2/2) |" in report
    assert "wire 1 articles" in report
    assert "Facts whose span or sentence does not slice the stored text: 0.000" in report
    outcomes = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    # The news-dev questions, never the held-out part of the team's own (o-1), then counting.
    asked = [o for o in outcomes if o["type"] != "counting"]
    assert [(o["id"], o["split"]) for o in asked] == [("t-1", "dev"), ("t-2", "held-out")]
    counting = [o for o in outcomes if o["type"] == "counting"]
    assert counting and all({"q", "accept", "value", "right"} <= o.keys() for o in counting)
