"""``python -m bench.accuracy``: ingest the corpora into a real app, score, write ACCURACY.md."""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from bench.accuracy import data, events, extraction, qa, samples
from bench.accuracy.extraction import Scored
from bench.accuracy.report import Report, qa_table, render
from bench.accuracy.service import Service, running_service
from corpus.facts import EXTRACTOR_VERSION

OUTPUT = data.REPO / "bench" / "ACCURACY.md"


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _git(*args: str) -> str:
    try:
        result = subprocess.run(
            ["git", *args], cwd=data.REPO, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return ""
    return result.stdout.strip()


def _commit() -> str:
    commit = _git("rev-parse", "--short=12", "HEAD") or "unknown"
    dirty = _git("status", "--porcelain", "--untracked-files=no")
    return f"{commit} (with uncommitted changes)" if dirty else commit


def _scored(
    service: Service, corpus: str, ids: list[int], articles: list[dict[str, Any]]
) -> list[Scored]:
    scored = []
    for article_id, article in zip(ids, articles, strict=True):
        published = article.get("published")
        scored.append(
            Scored(
                corpus=corpus,
                article_id=article_id,
                text=service.text(article_id),
                facts=service.facts(article_id),
                gold=article.get("gold"),
                incident=article.get("incident"),
                published=date.fromisoformat(published) if published else None,
            )
        )
    return scored


def _own_questions(service: Service, report: Report, ids: dict[tuple[str, str], int]) -> None:
    try:
        questions = data.own_questions()
    except Exception as exc:  # another engineer's loader; report it rather than lose the run
        report.own.append(f"not available: `bench.own_questions` failed ({exc!r}).")
        return
    if questions is None:
        report.own.append("not available (`bench.own_questions` is not in this tree).")
        return
    outcomes, bad = qa.ask_all(service, questions, ids)
    report.own_outcomes = outcomes
    report.own += [f"{len(outcomes)} questions.", ""]
    report.own += qa_table(
        qa.summarise(outcomes, lambda o: f"{o.split} / {o.type}"), "split / type"
    )
    report.own += [""]
    report.own += qa_table(
        qa.summarise(outcomes, lambda o: f"{o.split} / {o.corpus}"), "split / corpus"
    )
    report.own += ["", f"Citations that do not slice: {bad}"]


def run(folder: Path) -> Report:
    """Ingest everything into one fresh app and measure; the report."""
    started = time.perf_counter()
    news = data.read_jsonl(folder / "articles.jsonl")
    questions = data.read_jsonl(folder / "questions.jsonl")
    sample_set = data.samples()
    try:
        others = data.other_corpora() or {}
    except Exception as exc:  # another engineer's loader; go on without distractors
        _log(f"bench.realtext failed ({exc!r}); no other real text")
        others = {}
    report = Report(
        header=[
            f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at commit {_commit()}, "
            f"EXTRACTOR_VERSION {EXTRACTOR_VERSION}.",
            f"Corpora: news-dev {len(news)} articles and {len(questions)} questions, "
            f"{len(sample_set)} samples"
            + "".join(f", {name} {len(arts)} articles" for name, arts in sorted(others.items()))
            + ("" if others else " (no other real text: `bench.realtext` not available)")
            + ". All are ingested into one fresh service; every question is asked against all.",
        ]
    )
    with running_service() as service:
        t0 = time.perf_counter()
        sample_ids = service.ingest([s.article for s in sample_set])
        news_started = time.perf_counter()
        news_ids = service.ingest(news)
        news_seconds = time.perf_counter() - news_started
        other_ids = {name: service.ingest(arts) for name, arts in sorted(others.items())}
        ingest_seconds = time.perf_counter() - t0
        _log(f"ingested in {ingest_seconds:.1f} s")

        news_scored = _scored(service, "news-dev", news_ids, news)
        sample_scored = _scored(service, "samples", sample_ids, [s.article for s in sample_set])
        other_scored = {
            name: _scored(service, name, other_ids[name], others[name]) for name in other_ids
        }
        for kind in ("killed", "injured"):
            report.casualties[kind] = extraction.casualty_rows(news_scored, kind)
        report.people = extraction.people_rows(news_scored)
        report.dates = extraction.date_rows(news_scored)
        report.places = extraction.place_rows(news_scored)
        everything = news_scored + sample_scored + [a for s in other_scored.values() for a in s]
        for corpus, articles in [
            ("news-dev", news_scored),
            ("samples", sample_scored),
            *sorted(other_scored.items()),
        ]:
            report.grounding[corpus] = extraction.grounding(articles)
        report.slicing = extraction.slicing_failures(everything)
        report.samples = samples.sample_rows(
            [
                samples.score_sample(s.gold, a.facts)
                for s, a in zip(sample_set, sample_scored, strict=True)
            ]
        )
        _log("extraction scored; asking")

        qa_started = time.perf_counter()
        ids = {("news-dev", a["id"]): i for a, i in zip(news, news_ids, strict=True)}
        ids |= {("samples", s.stem): i for s, i in zip(sample_set, sample_ids, strict=True)}
        for name, arts in others.items():
            ids |= {(name, str(a["id"])): i for a, i in zip(arts, other_ids[name], strict=True)}
        outcomes, report.citations = qa.ask_all(service, questions, ids)
        report.outcomes = outcomes
        report.qa_tables = [
            ("news-dev questions by type", qa.summarise(outcomes, lambda o: o.type)),
            *(
                (
                    f"news-dev questions by type, {split} part",
                    qa.summarise([o for o in outcomes if o.split == split], lambda o: o.type),
                )
                for split in ("dev", "held-out")
            ),
        ]
        qa_seconds = time.perf_counter() - qa_started
        _own_questions(service, report, ids)
        report.events, numbers = events.section(service, news, news_ids)
        report.counting_outcomes = numbers["counting_outcomes"]
        report.events = [events.__doc__ or "", "", *report.events]

    total = time.perf_counter() - started
    report.timing = [
        f"- ingest: {ingest_seconds:.1f} s for {len(everything)} articles; news-dev "
        f"{news_seconds / max(1, len(news)):.3f} s per article",
        f"- news-dev questions: {qa_seconds:.1f} s for {len(questions)} (`/ask` and `/search`)",
        f"- total: {total:.1f} s",
    ]
    return report


def main(argv: list[str] | None = None) -> int:
    """Measure and write the report; exit 0 with a message when news-dev is absent."""
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__)
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the report")
    parser.add_argument(
        "--details",
        type=Path,
        help="also write each outcome as JSON Lines here: the news-dev questions, the dev part of "
        "the team's own questions (never the held-out part) and the counting questions. It "
        "quotes answers from the research-only data: keep it outside the repository",
    )
    args = parser.parse_args(argv)
    folder = data.news_dev_dir()
    if folder is None:
        print(
            "accuracy: skipped, news-dev data not found (set NEWS_DEV_DIR to the folder holding "
            "articles.jsonl and questions.jsonl, or place it at ../shared/data/news-dev)."
        )
        return 0
    report = run(folder)
    if args.details is not None:
        with args.details.open("w", encoding="utf-8") as details:
            own_dev = [o for o in report.own_outcomes or [] if o.split == "dev"]
            for outcome in [*report.outcomes, *own_dev]:
                details.write(json.dumps(dataclasses.asdict(outcome)) + "\n")
            for counted in report.counting_outcomes:
                details.write(json.dumps({"type": "counting", **counted}, default=str) + "\n")
    text = render(report)
    print(text)
    args.output.write_text(text, encoding="utf-8")
    _log(f"wrote {args.output}")
    return 0
