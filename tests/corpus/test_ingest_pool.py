"""Preparing in worker processes changes nothing but speed; a failure stores nothing."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from corpus.db import create_schema, make_engine, sqlite_url
from corpus.ingest import ArticleInput, ingest_articles
from corpus.prepare import PrepareJob
from corpus.prepare_pool import PreparePool, prepare_in_process
from corpus.spans import Span
from corpus.tables import Article, Entity, Fact
from search.whoosh.index import WhooshIndex


@pytest.fixture(scope="module")
def pool() -> Iterator[PreparePool]:
    """One worker for the module (spawning costs seconds); small chunks so the caller steals."""
    prepare_pool = PreparePool(1, min_batch=8, chunk=3)
    prepare_pool.start()  # warms while the first test prepares its expected results
    yield prepare_pool
    prepare_pool.close()


@pytest.fixture(scope="module")
def inputs(sample_texts: dict[str, str]) -> list[ArticleInput]:
    """40 distinct articles made of the samples' paragraphs, half with metadata given."""
    paragraphs = [p for text in sample_texts.values() for p in text.split("\n\n") if p.strip()]
    out = []
    for k in range(40):
        picked = [paragraphs[(k * 7 + j * 3) % len(paragraphs)] for j in range(4)]
        text = "\n\n".join(picked) + f"\n\nFiled as item {k}."
        given = k % 2 == 0
        out.append(
            ArticleInput(
                text=text,
                title=f"Item {k}" if given else None,
                source="Wire" if given else None,
                published=date(2016, 9, 1 + k % 28) if given else None,
            )
        )
    return out + [inputs_copy for inputs_copy in out[:3]]  # repeats inside the batch


def _jobs(inputs: Sequence[ArticleInput]) -> list[PrepareJob]:
    return [PrepareJob(a.text, a.published, True, True) for a in inputs]


def test_worker_results_equal_in_process(pool: PreparePool, inputs: list[ArticleInput]) -> None:
    jobs = _jobs(inputs)
    expected = list(prepare_in_process(jobs))
    assert list(pool.prepare_all(jobs)) == expected


def _store(tmp: Path, inputs: list[ArticleInput], pool: PreparePool | None) -> dict[str, Any]:
    tmp.mkdir()
    engine = make_engine(sqlite_url(tmp))
    create_schema(engine)
    index = WhooshIndex.open(tmp / "index")
    with Session(engine) as session:
        results = ingest_articles(session=session, index=index, articles_in=inputs, pool=pool)
        articles = session.exec(select(Article).order_by(Article.id)).all()  # type: ignore[arg-type]
        facts = session.exec(select(Fact).order_by(Fact.id)).all()  # type: ignore[arg-type]
        entities = session.exec(select(Entity).order_by(Entity.id)).all()  # type: ignore[arg-type]
        texts = {a.id: a.text for a in articles}
        for fact in facts:  # every offset indexes the stored text
            assert texts[fact.article_id][fact.start : fact.end] == fact.text
        hits = index.search("killed OR said", limit=50).hits
        for hit in hits:
            assert texts[hit.article_id][hit.passage.start : hit.passage.end] == hit.passage.text
        state = {
            "results": [(r.article.id, r.created) for r in results],
            "articles": [a.model_dump(exclude={"ingested_at"}) for a in articles],
            "facts": [f.model_dump() for f in facts],
            "entities": [e.model_dump() for e in entities],
            "hits": [(h.article_id, h.passage.start, h.score) for h in hits],
            "passages": index.passage_count,
        }
    index.close()
    engine.dispose()
    return state


def test_ingest_with_workers_stores_what_in_process_stores(
    tmp_path: Path, pool: PreparePool, inputs: list[ArticleInput]
) -> None:
    here = _store(tmp_path / "here", inputs, None)
    there = _store(tmp_path / "there", inputs, pool)
    assert there == here
    assert len(here["articles"]) == 40 and here["facts"] and here["hits"]
    assert [created for _id, created in here["results"]] == [True] * 40 + [False] * 3


class FailingIndex(WhooshIndex):
    """Fails while consuming the passages, after some articles' rows were flushed."""

    def add_passages(self, items: Iterable[tuple[Article, Sequence[Span]]]) -> int:
        def failing() -> Iterator[tuple[Article, Sequence[Span]]]:
            for number, item in enumerate(items):
                if number == 25:
                    raise RuntimeError("disk full")
                yield item

        return super().add_passages(failing())


def test_failure_mid_batch_stores_nothing_and_the_pool_recovers(
    tmp_path: Path, pool: PreparePool, inputs: list[ArticleInput]
) -> None:
    engine = make_engine(sqlite_url(tmp_path))
    create_schema(engine)
    failing = FailingIndex.open(tmp_path / "index")
    with Session(engine) as session:
        with pytest.raises(RuntimeError, match="disk full"):
            ingest_articles(session=session, index=failing, articles_in=inputs, pool=pool)
        for table in (Article, Fact, Entity):
            assert session.exec(select(func.count()).select_from(table)).one() == 0
        assert failing.passage_count == 0
        failing.close()
        index = WhooshIndex.open(tmp_path / "index")
        results = ingest_articles(session=session, index=index, articles_in=inputs, pool=pool)
        assert sum(r.created for r in results) == 40
        assert index.passage_count == sum(r.article.passage_count for r in results if r.created)
        index.close()
    engine.dispose()


def test_small_batches_and_zero_workers_stay_in_process(inputs: list[ArticleInput]) -> None:
    jobs = _jobs(inputs[:5])
    for prepare_pool in (PreparePool(0, min_batch=1), PreparePool(2, min_batch=6)):
        assert list(prepare_pool.prepare_all(jobs)) == list(prepare_in_process(jobs))
        assert prepare_pool._executor is None


def test_a_killed_worker_costs_time_not_results(
    pool: PreparePool, inputs: list[ArticleInput]
) -> None:
    """Last in the module: it kills the shared worker (a fresh one starts on demand)."""
    jobs = _jobs(inputs[:12])
    expected = list(prepare_in_process(jobs))
    assert list(pool.prepare_all(jobs)) == expected  # the worker is up
    executor = pool._executor
    assert executor is not None
    for pid in list(executor._processes):  # type: ignore[attr-defined]
        os.kill(pid, signal.SIGKILL)
    assert list(pool.prepare_all(jobs)) == expected
