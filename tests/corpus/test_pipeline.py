"""The pipeline: stages run once each in dependency order; its output is the pre-refactor one.

``data/pipeline_snapshot.json`` holds, per article, a hash of the facts ``extract_facts``
returns (the 5 samples and 300 news-dev articles, ids only). It was first taken before the
pipeline existed, to show the refactor changed how extractors are called and not what they
find; now it makes every change of output deliberate. When rules change on purpose, rewrite it
with ``python -m tests.corpus.test_pipeline`` and say so in the commit.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from corpus.facts import EXTRACTOR_VERSION, extract_facts
from corpus.facts.document import Document
from corpus.facts.model import FIELD_CATALOGUE, FIELDS, ExtractedFact
from corpus.facts.pipeline import STAGES, Stage, field_facts, run_stages
from corpus.files import sample_paths

SNAPSHOT = Path(__file__).parent / "data" / "pipeline_snapshot.json"
NEWS_DEV_CANDIDATES = (
    os.environ.get("NEWS_DEV_DIR"),
    str(Path(__file__).parents[2].parent / "shared" / "data" / "news-dev"),
    "/work/shared/data/news-dev",
)


def _news_dev() -> Path | None:
    for folder in NEWS_DEV_CANDIDATES:
        if folder and (Path(folder) / "articles.jsonl").exists():
            return Path(folder)
    return None


def _digest(facts: Sequence[ExtractedFact]) -> list[Any]:
    rows = [
        [f.field, f.kind, f.value, f.start, f.end, f.text, f.sentence_start, f.sentence_end,
         f.attributed_to, f.qualifier]
        for f in facts
    ]  # fmt: skip
    blob = json.dumps(rows, sort_keys=True, default=str).encode()
    return [hashlib.sha256(blob).hexdigest()[:16], len(rows)]


def _snapshot() -> dict[str, Any]:
    return dict(json.loads(SNAPSHOT.read_text(encoding="utf-8")))


def test_stages_follow_their_dependencies_and_cover_every_field() -> None:
    seen: set[str] = set()
    for stage in STAGES:
        assert set(stage.needs) <= seen, f"{stage.field} runs before what it needs"
        seen.add(stage.field)
    assert sorted(seen) == sorted(FIELDS)


def test_each_stage_runs_once_and_receives_earlier_facts() -> None:
    calls: list[str] = []

    def spy(stage: Stage) -> Stage:
        def run(doc: Document, **needs: Any) -> Any:
            calls.append(stage.field)
            return stage.extract(doc, **needs)

        return Stage(stage.field, run, stage.needs, stage.limited)

    doc = Document.parse("Police said two people were shot in Lyon on Saturday.", date(2021, 3, 8))
    found, partial = run_stages(doc, [spy(s) for s in STAGES])
    assert not partial
    assert calls == [s.field for s in STAGES]
    assert found["people"] == field_facts("people", doc)


def test_extractor_version_was_bumped_for_the_pipeline() -> None:
    assert EXTRACTOR_VERSION == "5"


def test_samples_unchanged_by_the_pipeline() -> None:
    expected = _snapshot()["samples"]
    got = {
        path.name: _digest(extract_facts(path.read_text(encoding="utf-8")))
        for path in sample_paths()
    }
    assert got == expected


def test_news_dev_unchanged_by_the_pipeline() -> None:
    folder = _news_dev()
    if folder is None:
        pytest.skip("news-dev is not on this machine")
    expected = _snapshot()["news_dev"]
    got = {}
    with (folder / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if article["id"] in expected:
                published = article["published"]
                when = date.fromisoformat(published) if published else None
                got[article["id"]] = _digest(extract_facts(article["text"], when))
    changed = sorted(k for k in expected if got.get(k) != expected[k])
    assert not changed, f"{len(changed)} of {len(expected)} articles changed: {changed[:5]}"


def test_value_keys_come_from_the_typed_values() -> None:
    for spec in FIELD_CATALOGUE.values():
        assert spec.value_keys == tuple(spec.value_type.__annotations__)
    assert FIELD_CATALOGUE["casualties"].value_keys == ("stated", "min", "max", "victims")


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_values_hold_only_their_fields_keys(path: Path) -> None:
    for fact in extract_facts(path.read_text(encoding="utf-8")):
        spec = FIELD_CATALOGUE[fact.field]
        required = spec.value_type.__required_keys__  # type: ignore[attr-defined]
        assert required <= set(fact.value) <= set(spec.value_keys), fact


if __name__ == "__main__":  # rewrite the snapshot after an intended change of rules
    snapshot = _snapshot()
    snapshot["samples"] = {
        p.name: _digest(extract_facts(p.read_text(encoding="utf-8"))) for p in sample_paths()
    }
    news_dev = _news_dev()
    if news_dev is not None:
        with (news_dev / "articles.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if row["id"] in snapshot["news_dev"]:
                    when = date.fromisoformat(row["published"]) if row["published"] else None
                    snapshot["news_dev"][row["id"]] = _digest(extract_facts(row["text"], when))
    SNAPSHOT.write_text(json.dumps(snapshot, indent=1, sort_keys=True) + "\n", encoding="utf-8")
