"""Startup repair beside a writer in another process: passages of an article whose rows are
still being committed are never dropped."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlmodel import Session

from corpus.db import create_schema, make_engine, sqlite_url
from corpus.tables import Article
from search.maintenance import repair_index
from search.whoosh.index import WhooshIndex


def test_repair_waits_for_a_writer_in_flight(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path))
    create_schema(engine)
    index = WhooshIndex.open(tmp_path / "index")
    try:
        writer = Session(engine)
        article = Article(content_hash="h", text="The mayor spoke on Monday.", passage_count=1)
        writer.add(article)
        writer.flush()  # the row is written, not committed: the database's write lock is held
        index.add_articles([article])  # passages are committed before the rows
        article_id = article.id
        assert article_id is not None
        done = threading.Event()

        def repair() -> None:
            with Session(engine) as session:
                repair_index(session=session, index=index)
            done.set()

        thread = threading.Thread(target=repair)
        thread.start()
        assert not done.wait(0.5)  # repair waits for the writer instead of deciding now
        writer.commit()
        writer.close()
        thread.join(timeout=30)
        assert done.is_set()
        assert index.article_ids() == {article_id}
    finally:
        index.close()
        engine.dispose()
