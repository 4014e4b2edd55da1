"""Where the corpora are and how to read them: news-dev, the samples, and the team's own sets.

news-dev is evaluation data under a research-only licence: it is read from its folder at run
time and never copied into the repository.
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.files import read_articles, sample_paths

REPO = Path(__file__).resolve().parents[2]
SAMPLE_GOLD_DIR = REPO / "tests" / "corpus" / "gold"
_FALLBACKS = (REPO.parent / "shared" / "data" / "news-dev", Path("/work/shared/data/news-dev"))


def news_dev_dir() -> Path | None:
    """The news-dev folder: ``NEWS_DEV_DIR`` when set (even if empty), else beside the checkout."""
    configured = os.environ.get("NEWS_DEV_DIR")
    candidates = (Path(configured),) if configured is not None else _FALLBACKS
    for folder in candidates:
        if (folder / "articles.jsonl").is_file() and (folder / "questions.jsonl").is_file():
            return folder
    return None


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """One JSON object per non-blank line."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@dataclass(frozen=True)
class Sample:
    """A sample article as the service seeds it, with its gold facts."""

    stem: str
    article: dict[str, Any]
    gold: list[dict[str, Any]]


def samples() -> list[Sample]:
    """The five sample articles (read as seeding reads them) and ``tests/corpus/gold``."""
    found = []
    for path in sample_paths():
        (article,) = read_articles(path)
        gold = json.loads((SAMPLE_GOLD_DIR / f"{path.stem}.json").read_text(encoding="utf-8"))
        body = {
            "text": article.text,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
        }
        found.append(Sample(path.stem, body, gold["facts"]))
    return found


def _optional(module: str, name: str) -> Callable[[], Any] | None:
    """A loader another engineer provides, or None while their module is not there."""
    try:
        imported = importlib.import_module(module)
    except ImportError:
        return None
    loader = getattr(imported, name, None)
    return loader if callable(loader) else None


def own_questions() -> list[dict[str, Any]] | None:
    """The team's own questions (``bench.own_questions.load_questions``), or None."""
    load = _optional("bench.own_questions", "load_questions")
    return None if load is None else list(load())


def other_corpora() -> dict[str, list[dict[str, Any]]] | None:
    """Other real text by corpus name (``bench.realtext.load_corpora``), or None."""
    load = _optional("bench.realtext", "load_corpora")
    return None if load is None else dict(load())
