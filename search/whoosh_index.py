"""The Whoosh passage index.

One writer path: every write takes ``_write_lock`` (``ix.writer()`` raises LockError when another
writer holds the lock). Searchers are reused per thread and reopened when ``up_to_date()`` is
false; ``Searcher.refresh()`` is never called (in whoosh-reloaded 2.7.5 it returns deleted
documents and leaks file descriptors).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.query import And, DateRange, Query, Term
from whoosh.searching import Searcher
from whoosh.sorting import FieldFacet, ScoreFacet
from whoosh.writing import CLEAR

from corpus.passages import split_passages
from corpus.tables import Article
from search.analysis import passage_analyzer
from search.highlight import highlight_passage
from search.query import parse_query
from search.types import Hit, Passage, SearchFilters, SearchPage

_INDEX_NAME = "passages"


def passage_schema() -> Schema:
    """The one schema of the passage index."""
    return Schema(
        passage_id=ID(unique=True, stored=True),
        article_key=ID(stored=False),
        article_id=NUMERIC(int, bits=64, stored=True, sortable=True, signed=False),
        start=NUMERIC(int, bits=64, stored=True, sortable=True, signed=False),
        end=NUMERIC(int, bits=64, stored=True),
        text=TEXT(analyzer=passage_analyzer(), stored=True, phrase=True),
        title=STORED(),
        source=STORED(),
        source_key=ID(),
        published=DATETIME(stored=True),
    )


def source_key(source: str) -> str:
    """The filter key for a publisher name: case-insensitive, spaces collapsed."""
    return " ".join(source.lower().split())


class WhooshIndex:
    """Passages of every article in a Whoosh index on disk (or in RAM for unit tests)."""

    def __init__(self, ix: Any) -> None:
        self._ix = ix
        self._write_lock = threading.Lock()
        self._local = threading.local()
        self._searchers: list[Searcher] = []
        self._searchers_lock = threading.Lock()

    @classmethod
    def open(cls, directory: Path) -> WhooshIndex:
        """Open the index in ``directory``, creating an empty one if there is none."""
        directory.mkdir(parents=True, exist_ok=True)
        if whoosh_index.exists_in(str(directory), indexname=_INDEX_NAME):
            ix = whoosh_index.open_dir(str(directory), indexname=_INDEX_NAME)
        else:
            ix = whoosh_index.create_in(str(directory), passage_schema(), indexname=_INDEX_NAME)
        return cls(ix)

    @classmethod
    def in_memory(cls) -> WhooshIndex:
        """An index in RAM, for unit tests."""
        return cls(RamStorage().create_index(passage_schema(), indexname=_INDEX_NAME))

    # -- writes -------------------------------------------------------------------------------

    def add_articles(self, articles: Sequence[Article]) -> int:
        """Index every passage of ``articles`` in one commit; return the passage count."""
        if not articles:
            return 0
        with self._write_lock:
            writer = self._ix.writer()
            try:
                count = sum(_add_article(writer, article) for article in articles)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
        return count

    def delete_articles(self, article_ids: Iterable[int]) -> None:
        """Remove every passage of the given articles in one commit."""
        ids = list(article_ids)
        if not ids:
            return
        with self._write_lock:
            writer = self._ix.writer()
            try:
                for article_id in ids:
                    writer.delete_by_term("article_key", str(article_id))
            except BaseException:
                writer.cancel()
                raise
            writer.commit()

    def rebuild(self, articles: Iterable[Article]) -> int:
        """Replace the index with ``articles``' passages in one atomic commit."""
        with self._write_lock:
            writer = self._ix.writer()
            try:
                count = sum(_add_article(writer, article) for article in articles)
            except BaseException:
                writer.cancel()
                raise
            writer.commit(mergetype=CLEAR)
        return count

    # -- reads --------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int,
        offset: int = 0,
        filters: SearchFilters | None = None,
        highlight: bool = True,
    ) -> SearchPage:
        """Passages matching ``query``, best first, ties by article id then passage start."""
        parsed = parse_query(query, self._ix.schema)
        searcher = self._searcher()
        results = searcher.search(
            parsed,
            limit=offset + limit,
            sortedby=[ScoreFacet(), FieldFacet("article_id"), FieldFacet("start")],
            filter=_filter_query(filters),
            terms=True,
        )
        total = len(results)
        hits = tuple(_to_hit(hit, highlight) for hit in results[offset : offset + limit])
        next_offset = offset + limit if offset + limit < total else None
        return SearchPage(query=query, total=total, hits=hits, next_offset=next_offset)

    def article_ids(self) -> set[int]:
        """Ids of the articles that have live (undeleted) passages in the index."""
        reader = self._searcher().reader()
        ids = set()
        for key in reader.lexicon("article_key"):
            # Deleted documents keep their terms until a merge; postings skip them.
            if reader.postings("article_key", key).is_active():
                ids.add(int(key.decode() if isinstance(key, bytes) else key))
        return ids

    @property
    def generation(self) -> int:
        """The index's generation number; it grows with every commit."""
        return int(self._ix.latest_generation())

    @property
    def passage_count(self) -> int:
        """How many live passages the index holds."""
        return int(self._searcher().doc_count())

    def close(self) -> None:
        """Close every searcher this index opened, then the index."""
        with self._searchers_lock:
            for searcher in self._searchers:
                searcher.close()
            self._searchers.clear()
        self._ix.close()

    def _searcher(self) -> Searcher:
        searcher = getattr(self._local, "searcher", None)
        if searcher is None or not searcher.up_to_date():
            fresh = self._ix.searcher()
            with self._searchers_lock:
                if searcher is not None:
                    searcher.close()
                    self._searchers.remove(searcher)
                self._searchers.append(fresh)
            self._local.searcher = fresh
            searcher = fresh
        return searcher


def _add_article(writer: Any, article: Article) -> int:
    assert article.id is not None, "articles are indexed after they have an id"
    published = datetime.combine(article.published, time()) if article.published else None
    count = 0
    for span in split_passages(article.text):
        fields: dict[str, Any] = {
            "passage_id": f"{article.id}:{span.start}",
            "article_key": str(article.id),
            "article_id": article.id,
            "start": span.start,
            "end": span.end,
            "text": span.text,
            "title": article.title,
            "source": article.source,
        }
        if article.source:
            fields["source_key"] = source_key(article.source)
        if published:
            fields["published"] = published
        writer.add_document(**fields)
        count += 1
    return count


def _filter_query(filters: SearchFilters | None) -> Query | None:
    if filters is None:
        return None
    parts: list[Query] = []
    if filters.source:
        parts.append(Term("source_key", source_key(filters.source)))
    if filters.since or filters.until:
        parts.append(DateRange("published", _midnight(filters.since), _end_of(filters.until)))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def _midnight(day: date | None) -> datetime | None:
    return datetime.combine(day, time()) if day else None


def _end_of(day: date | None) -> datetime | None:
    return datetime.combine(day, time.max) if day else None


def _score_of(hit: Any) -> float:
    # With sortedby, Whoosh puts the sort key where the score was; ScoreFacet's key is -score.
    key = hit.score
    if isinstance(key, tuple):
        key = -key[0]
    return round(float(key or 0.0), 6)


def _to_hit(hit: Any, highlight: bool = True) -> Hit:
    stored = hit.fields()
    start, text = stored["start"], stored["text"]
    passage = Passage(text=text, start=start, end=stored["end"])
    matched = {term for field, term in hit.matched_terms() if field == "text"}
    published = stored.get("published")
    return Hit(
        article_id=stored["article_id"],
        title=stored.get("title"),
        source=stored.get("source"),
        published=published.date() if published else None,
        score=_score_of(hit),
        passage=passage,
        highlights=highlight_passage(passage, matched) if highlight else (),
    )
