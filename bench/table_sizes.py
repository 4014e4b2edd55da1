"""Table and index sizes in PostgreSQL per million articles, for docs/scaling.md.

Ingests N articles of the benchmark corpus (``bench/generate.py``) into a fresh PostgreSQL
database (dropped afterwards), then prints, per table, its heap, its indexes and its total
(``pg_total_relation_size``, TOAST included) in bytes and scaled to one million articles, and
the Whoosh index directory the same way. Sizes grow linearly with articles here (one row per
article, ~30 facts and a few event rows each), so the scaling is a straight multiplication.

    python -m bench.table_sizes --articles 3000 [--postgres postgresql://postgres@127.0.0.1:5432/postgres]
    python -m bench.table_sizes --jsonl ../shared/data/news-dev/articles.jsonl   # real news texts
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlmodel import Session

from bench.generate import read_corpus, write_corpus
from corpus.db import create_schema, make_engine
from corpus.ingest import ArticleInput, ingest_articles
from corpus.prepare_pool import PreparePool
from search.whoosh.index import WhooshIndex

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
BATCH = 250

_SIZES = """
SELECT c.relname,
       pg_relation_size(c.oid) AS heap,
       pg_indexes_size(c.oid) AS indexes,
       pg_total_relation_size(c.oid) AS total,
       c.reltuples::bigint AS rows
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname = 'public'
ORDER BY total DESC
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument(
        "--postgres", default=os.environ.get("FACTDESK_TEST_POSTGRES_URL", DEFAULT_URL)
    )
    parser.add_argument("--workers", type=int, default=1, help="extraction worker processes")
    parser.add_argument(
        "--jsonl", type=Path, help="ingest the articles of this JSON Lines file (a text field each)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus.jsonl"
        if args.jsonl:
            articles = [
                _Text(json.loads(line)["text"]) for line in args.jsonl.open() if line.strip()
            ]
        else:
            write_corpus(corpus, args.articles)
            articles = read_corpus(corpus)  # type: ignore[assignment]
        name = f"factdesk_sizes_{uuid.uuid4().hex[:8]}"
        admin = create_engine(_driver(args.postgres), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            engine = make_engine(args.postgres.rsplit("/", 1)[0] + f"/{name}")
            create_schema(engine)
            index = WhooshIndex.open(Path(work) / "index")
            pool = PreparePool(args.workers)
            started = time.perf_counter()
            try:
                with Session(engine, expire_on_commit=False) as session:
                    for at in range(0, len(articles), BATCH):
                        inputs = [
                            ArticleInput(text=a.text, title=a.title, source=a.source, url=a.url)
                            for a in articles[at : at + BATCH]
                        ]
                        ingest_articles(session=session, index=index, articles_in=inputs, pool=pool)
            finally:
                pool.close()
            seconds = time.perf_counter() - started
            _vacuum(engine)
            _report(engine, len(articles), seconds, Path(work) / "index")
            index.close()
            engine.dispose()
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


@dataclass(frozen=True, slots=True)
class _Text:
    """An article given by its text alone (metadata is sniffed)."""

    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None


def _driver(url: str) -> str:
    return "postgresql+psycopg://" + url.split("://", 1)[1]


def _vacuum(engine: object) -> None:
    """ANALYZE (row estimates) outside a transaction; sizes are as written, not compacted."""
    raw = create_engine(
        str(engine.url.render_as_string(hide_password=False)), isolation_level="AUTOCOMMIT"
    )  # type: ignore[attr-defined]
    with raw.connect() as connection:
        connection.execute(text("ANALYZE"))
    raw.dispose()


def _report(engine: object, count: int, seconds: float, index_dir: Path) -> None:
    scale = 1_000_000 / count
    print(f"{count} articles ingested in {seconds:.1f} s ({count / seconds:.1f} articles/s)")
    print(
        f"{'table':<18}{'rows':>9}{'heap MB':>10}{'index MB':>10}{'total MB':>10}"
        f"{'total GB / 1M articles':>24}"
    )
    grand = 0
    with engine.connect() as connection:  # type: ignore[attr-defined]
        for name, heap, indexes, total, rows in connection.execute(text(_SIZES)):
            grand += total
            print(
                f"{name:<18}{rows:>9}{heap / 2**20:>10.2f}{indexes / 2**20:>10.2f}"
                f"{total / 2**20:>10.2f}{total * scale / 2**30:>24.2f}"
            )
        database = connection.execute(text("SELECT pg_database_size(current_database())")).scalar()
    whoosh = sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())
    print(f"{'all tables':<18}{'':>29}{grand / 2**20:>10.2f}{grand * scale / 2**30:>24.2f}")
    print(
        f"database (pg_database_size) {database / 2**20:.1f} MB; "
        f"Whoosh index {whoosh / 2**20:.1f} MB = {whoosh * scale / 2**30:.2f} GB / 1M articles"
    )


if __name__ == "__main__":
    main()
