"""The references factdesk is measured against, in-process and without HTTP.

Raw Whoosh: the same schema (``passage_schema``) and the same passages (``split_passages``), one
writer and one commit; searched with a reused searcher. SQLite FTS5 (porter unicode61) on the
same passage texts is the outside reference.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.collectors import TopCollector
from whoosh.sorting import FieldFacet, ScoreFacet

from bench.generate import GeneratedArticle
from bench.measure import Latency, latency_of
from bench.queries import fts5_query
from corpus.passages import split_passages
from corpus.spans import Span
from search.query import parse_query
from search.whoosh.index import passage_schema, source_key


@dataclass(frozen=True, slots=True)
class Split:
    """Every article's passages and how long splitting each article took (seconds)."""

    passages: list[list[Span]]
    seconds: list[float]


@dataclass(frozen=True, slots=True)
class BuildResult:
    """An index build: seconds spent, passages written, bytes on disk."""

    seconds: float
    passages: int
    disk_bytes: int


def split_all(articles: Sequence[GeneratedArticle]) -> Split:
    """Split every article into passages once, timing each (prefix sizes reuse the prefix)."""
    passages, seconds = [], []
    for article in articles:
        start = time.perf_counter()
        passages.append(split_passages(article.text))
        seconds.append(time.perf_counter() - start)
    return Split(passages, seconds)


def build_whoosh(
    directory: Path, articles: Sequence[GeneratedArticle], split: Split
) -> BuildResult:
    """Index the passages of ``articles`` with one writer and one commit, as factdesk does."""
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    ix = whoosh_index.create_in(str(directory), passage_schema(), indexname="passages")
    start = time.perf_counter()
    writer = ix.writer()
    count = 0
    for article_id, (article, spans) in enumerate(zip(articles, split.passages, strict=False), 1):
        published = datetime.combine(date.fromisoformat(article.published), clock())
        for span in spans:
            writer.add_document(
                passage_id=f"{article_id}:{span.start}",
                article_key=str(article_id),
                article_id=article_id,
                start=span.start,
                end=span.end,
                text=span.text,
                title=article.title,
                source=article.source,
                source_key=source_key(article.source),
                published=published,
            )
            count += 1
    writer.commit()
    seconds = time.perf_counter() - start
    ix.close()
    return BuildResult(seconds, count, disk_size(directory))


def whoosh_searchers(directory: Path) -> tuple[dict[str, Callable[[str], Any]], Callable[[], None]]:
    """Search functions over a built index (plain, factdesk's call, top 10 only) and a closer."""
    ix = whoosh_index.open_dir(str(directory), indexname="passages")
    searcher = ix.searcher()
    schema = ix.schema
    sort = [ScoreFacet(), FieldFacet("article_id"), FieldFacet("start")]

    def plain(q: str) -> Any:
        # Without block-quality skipping the collector counts every match in the same pass,
        # so the exact total costs nothing extra (len() would otherwise re-run the query).
        collector = TopCollector(limit=10, usequality=False)
        searcher.search_with_collector(parse_query(q, schema), collector)
        results = collector.results()
        return len(results), [hit.fields() for hit in results]

    def same_options(q: str) -> Any:
        results = searcher.search(parse_query(q, schema), limit=10, sortedby=sort, terms=True)
        return len(results), [(hit.fields(), hit.matched_terms()) for hit in results]

    def top_only(q: str) -> Any:
        results = searcher.search(parse_query(q, schema), limit=10)
        return [hit.fields() for hit in results]

    def close() -> None:
        searcher.close()
        ix.close()

    return {"plain": plain, "sortedby": same_options, "top10": top_only}, close


def search_whoosh(
    search: Callable[[str], Any], pools: dict[str, list[str]], warmup: dict[str, list[str]]
) -> dict[str, Latency]:
    """Latency per class of ``search`` over each pool, after one pass over the warm-up queries."""
    for queries in warmup.values():
        for q in queries:
            search(q)
    return {cls: latency_of(search, queries) for cls, queries in pools.items()}


def build_fts5(path: Path, split: Split, count: int) -> BuildResult:
    """Put the passages of the first ``count`` articles in an FTS5 table, one transaction."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = sqlite3.connect(path)
    start = time.perf_counter()
    db.execute("CREATE VIRTUAL TABLE passages USING fts5(text, tokenize='porter unicode61')")
    rows = ((span.text,) for spans in split.passages[:count] for span in spans)
    with db:
        db.executemany("INSERT INTO passages(text) VALUES (?)", rows)
    seconds = time.perf_counter() - start
    total = db.execute("SELECT count(*) FROM passages").fetchone()[0]
    db.close()
    return BuildResult(seconds, total, path.stat().st_size)


def search_fts5(path: Path, pools: dict[str, list[str]]) -> dict[str, Latency]:
    """Latency per class of FTS5: top 10 by bm25 with their text, plus the match count."""
    db = sqlite3.connect(path)

    def search(q: str) -> Any:
        match = fts5_query(q)
        top = db.execute(
            "SELECT rowid, text, rank FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT 10",
            (match,),
        ).fetchall()
        total = db.execute("SELECT count(*) FROM passages WHERE passages MATCH ?", (match,))
        return total.fetchone()[0], top

    try:
        for queries in pools.values():
            for q in queries[:5]:
                search(q)
        return {cls: latency_of(search, queries) for cls, queries in pools.items()}
    finally:
        db.close()


def disk_size(path: Path) -> int:
    """Bytes of a file, or of every file under a directory."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
