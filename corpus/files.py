"""Reading articles from files and folders: .txt, .md, .html (minus boilerplate), .json, .jsonl."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from corpus.errors import InvalidInput
from corpus.ingest import ArticleInput

SUFFIXES = {".txt", ".md", ".html", ".htm", ".json", ".jsonl"}
SAMPLES_DIR = Path(__file__).parent / "samples"


def sample_paths() -> list[Path]:
    """The bundled sample corpus, in file-name order."""
    return sorted(SAMPLES_DIR.glob("*.txt"))


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Every readable article file under the given files and folders, sorted per folder."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        elif path.suffix.lower() in SUFFIXES:
            yield path
        else:
            raise InvalidInput(
                f"{path}: unsupported file type (use {', '.join(sorted(SUFFIXES))})."
            )


def read_articles(path: Path) -> list[ArticleInput]:
    """The articles in one file; JSON holds one object or a list, JSON Lines one per line."""
    suffix = path.suffix.lower()
    raw = path.read_text(encoding="utf-8")
    if suffix in {".txt", ".md"}:
        return [ArticleInput(text=raw)]
    if suffix in {".html", ".htm"}:
        return [ArticleInput(text=html_to_text(raw))]
    if suffix == ".json":
        data = json.loads(raw)
        items = data if isinstance(data, list) else [data]
    else:
        items = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return [article_from_mapping(item, where=f"{path}[{i}]") for i, item in enumerate(items)]


def article_from_mapping(item: Any, *, where: str) -> ArticleInput:
    """Build an ArticleInput from a JSON object, or raise InvalidInput naming the place."""
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise InvalidInput(f"{where}: each article must be an object with a string 'text'.")
    published = item.get("published")
    try:
        published_date = date.fromisoformat(published) if published else None
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"{where}: 'published' must be an ISO date (YYYY-MM-DD).") from exc
    return ArticleInput(
        text=item["text"],
        title=item.get("title"),
        source=item.get("source"),
        url=item.get("url"),
        published=published_date,
        language=item.get("language"),
    )


def html_to_text(html: str) -> str:
    """Main text of an HTML page with navigation and boilerplate removed (jusText)."""
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    kept = [p.text for p in paragraphs if not p.is_boilerplate]
    if not kept:  # a short page jusText judges all boilerplate: keep its text rather than nothing
        kept = [p.text for p in paragraphs if not p.is_heading or p.text]
    return "\n\n".join(kept)
