"""The Whoosh passage index.

One writer path: every write takes ``_write_lock``, then Whoosh's lock file, waiting up to
``WRITE_LOCK_WAIT`` seconds for another process on the same data directory to release it (a
LockError after that, not at once). A small pool of searchers is shared by request threads; a
searcher is reopened when ``up_to_date()`` is false, and ``Searcher.refresh()`` is never called (in
whoosh-reloaded 2.7.5 it returns deleted documents and leaks file descriptors).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from time import monotonic
from typing import Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh.collectors import FilterCollector, TimeLimit, WrappingCollector
from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.query import And, AndNot, DateRange, Not, Query, Term
from whoosh.reading import SegmentReader
from whoosh.searching import Searcher
from whoosh.writing import CLEAR

from corpus.errors import Overloaded
from corpus.passages import split_passages
from corpus.spans import Span
from corpus.tables import Article
from search.analysis import passage_analyzer
from search.backend import bounded_total
from search.highlight import highlight_passage
from search.query import check_expansions, parse_query
from search.types import Hit, Passage, SearchFilters, SearchPage
from search.whoosh.merge_policy import merge_from
from search.whoosh.patches import apply as apply_whoosh_patches
from search.whoosh.ranking import plan, rank, worth_ranking
from search.whoosh.topk import PostingsCache, top_documents

apply_whoosh_patches()

log = logging.getLogger("factdesk")

_INDEX_NAME = "passages"
# Searchers open at once: a slow query holds one, and cheap queries and /health take another.
SEARCHERS = 4
# The last resort of a query's bounds (search/query.py): a search still collecting after this
# many seconds stops with a 503 and Retry-After.
SEARCH_SECONDS = 5.0
WRITE_LOCK_WAIT = 30.0  # seconds a writer retries the index lock another process holds
WRITE_LOCK_RETRY = 0.05


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

    def __init__(self, ix: Any, searchers: int = SEARCHERS) -> None:
        self._ix = ix
        self._schema = ix.schema  # FileIndex.schema re-reads the table of contents on each use
        self._write_lock = threading.Lock()
        # Searchers shared by every request thread: each maps the segment files and holds its
        # caches, so one per thread (uvicorn runs 40) multiplied memory (10 GB at 100k
        # passages). Searching is CPU-bound under the GIL, so a few are as fast as many; more
        # than one so that a slow query does not make every other request wait.
        self._idle: queue.LifoQueue[Searcher] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(searchers)
        self._all: list[Searcher] = []
        self._all_lock = threading.Lock()
        self._postings = PostingsCache()

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
        return cls(_PrivateRamStorage().create_index(passage_schema(), indexname=_INDEX_NAME))

    # -- writes -------------------------------------------------------------------------------

    def add_articles(self, articles: Sequence[Article]) -> int:
        """Index every passage of ``articles`` in one commit; return the passage count."""
        return self.add_passages((article, split_passages(article.text)) for article in articles)

    def add_passages(self, items: Iterable[tuple[Article, Sequence[Span]]]) -> int:
        """Index the given passages of each article in one commit; return the passage count.

        ``items`` is consumed inside the writer, so the caller may produce it lazily (ingestion
        flushes rows while workers still extract): the writer commits once it is exhausted
        and is cancelled if producing it raises."""
        with self._write_lock:
            writer = None
            count = 0
            try:
                for article, passages in items:
                    if writer is None:
                        writer = self._writer()
                    count += _add_article(writer, article, passages)
            except BaseException:
                if writer is not None:
                    writer.cancel()
                raise
            if writer is not None:
                writer.commit(merge=False)
                self._merge_newest()
        return count

    def _merge_newest(self) -> None:
        """Merge the newest segments when ``merge_from`` says so, oldest first, in a commit of
        their own; the caller holds the write lock. Passages are already committed, so a failed
        merge leaves a valid, unmerged index: it is logged, not raised (raising would roll back
        rows whose passages stay indexed)."""
        segments = self._ix._segments()
        if len(segments) < 2:
            return
        *older, latest = [segment.doc_count() for segment in segments]
        start = merge_from(older, latest)
        newest = segments[start:]
        if len(newest) < 2:
            return
        try:
            writer = self._writer()
            try:
                for segment in newest:
                    reader = SegmentReader(self._ix.storage, self._schema, segment)
                    try:
                        writer.add_reader(reader)
                    finally:
                        reader.close()
            except BaseException:
                writer.cancel()
                raise
            writer.commit(mergetype=lambda _writer, current: current[:start])
        except Exception:
            log.exception("merging %d index segments failed; the index stays unmerged", len(newest))

    def delete_articles(self, article_ids: Iterable[int]) -> None:
        """Remove every passage of the given articles in one commit."""
        ids = list(article_ids)
        if not ids:
            return
        with self._write_lock:
            writer = self._writer()
            try:
                for article_id in ids:
                    writer.delete_by_term("article_key", str(article_id))
            except BaseException:
                writer.cancel()
                raise
            writer.commit(merge=False)  # MERGE_SMALL would reorder documents; see merge_policy

    def apply_articles(self, articles: Sequence[Article], gone: Iterable[int]) -> int:
        """Index those of ``articles`` that have no passages yet and remove the passages of
        ``gone``, in one commit; return the passages added. Decided under the index lock, so
        processes sharing this directory that apply the same change apply it once
        (``search.whoosh.follower``)."""
        gone = list(gone)
        with self._write_lock:
            writer = self._writer()
            try:
                reader = writer.reader()
                try:
                    ids = [a.id for a in articles if a.id is not None] + gone
                    present = {i for i in ids if _has_article(reader, i)}
                finally:
                    reader.close()
                count = sum(
                    _add_article(writer, article, split_passages(article.text))
                    for article in articles
                    if article.id not in present
                )
                deleted = [i for i in gone if i in present]
                for article_id in deleted:
                    writer.delete_by_term("article_key", str(article_id))
            except BaseException:
                writer.cancel()
                raise
            if not count and not deleted:
                writer.cancel()
                return 0
            writer.commit(merge=False)
            self._merge_newest()
        return count

    def rebuild(self, articles: Iterable[Article]) -> int:
        """Replace the index with ``articles``' passages in one atomic commit."""
        with self._write_lock:
            writer = self._writer()
            try:
                count = sum(
                    _add_article(writer, article, split_passages(article.text))
                    for article in articles
                )
            except BaseException:
                writer.cancel()
                raise
            writer.commit(mergetype=CLEAR)
        return count

    def _writer(self) -> Any:
        # One file per segment part, not Whoosh's compound file: a reader of a compound file
        # copies every part it opens (postings, stored fields) into memory (a BytesIO over the
        # mapped file), 250 MB at 100k passages; separate files are read through the OS cache.
        return self._ix.writer(compound=False, timeout=WRITE_LOCK_WAIT, delay=WRITE_LOCK_RETRY)

    # -- reads --------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int,
        offset: int = 0,
        filters: SearchFilters | None = None,
        count_limit: int | None = None,
    ) -> SearchPage:
        """Passages matching ``query``, best first, ties by article id then passage start, with
        highlights and the total (exact up to ``count_limit``, a lower bound above it).

        Terms, AND and OR of words with many postings are ranked over cached postings
        (search/whoosh/ranking.py); other queries by Whoosh's collector. Both return the same
        hits in the same order."""
        parsed = parse_query(query, self._schema)
        wanted = offset + limit
        with self._searching() as searcher:
            check_expansions(parsed, searcher.reader())
            filter_ = _filter_query(filters)
            node = plan(parsed)
            if node is not None and worth_ranking(searcher, node):
                allowed = _allowed(searcher, filter_)
                ranked = rank(searcher, node, wanted, self._postings, allowed)
                count = ranked.count
                window = [
                    (searcher.stored_fields(doc), score) for score, doc in ranked.top[offset:]
                ]
            else:
                top, count = _top(searcher, parsed, wanted, filter_)
                window = [(hit.fields(), hit.score) for hit in top[offset:wanted]]
            terms = positive_terms(parsed, searcher.reader())
            hits = tuple(_to_hit(stored, score, terms) for stored, score in window)
        next_offset = wanted if wanted < count else None
        total, relation = bounded_total(count, count_limit)
        return SearchPage(
            query=query,
            total=total,
            hits=hits,
            next_offset=next_offset,
            total_relation=relation,
        )

    def iter_search(
        self, query: str, *, filters: SearchFilters | None = None, highlights: bool = True
    ) -> Iterator[Hit]:
        """Every passage matching ``query``, in ``search`` order; stored fields (and highlights)
        are read as the iterator advances, so a large export holds only the ranking."""
        parsed = parse_query(query, self._schema)
        with self._searching() as searcher:
            results = searcher.search(
                parsed, limit=None, filter=_filter_query(filters), optimize=False
            )
            ranked = sorted(
                ((hit.score, hit.docnum) for hit in results),
                key=lambda pair: (-pair[0], pair[1]),
            )
            terms = positive_terms(parsed, searcher.reader()) if highlights else set()
            for score, docnum in ranked:
                found = _stored_hit(searcher.stored_fields(docnum), score)
                if terms:
                    found = replace(found, highlights=highlight_passage(found.passage, terms))
                yield found

    def top_passages(self, terms: Sequence[str], k: int) -> list[Hit]:
        """The ``k`` best passages for an OR of ``terms`` (already analyzed, as the index stores
        them) by BM25, best first, ties by article id then start; no total, no highlights.
        The same ranking as ``search`` for that OR, computed without scoring every passage
        that has a common word (see search/whoosh/topk.py)."""
        with self._searching() as searcher:
            ranked = top_documents(searcher, "text", terms, k, self._postings)
            hits = [_stored_hit(searcher.stored_fields(doc), score) for score, doc in ranked]
        return sorted(hits, key=lambda hit: (-hit.score, hit.article_id, hit.passage.start))

    def article_ids(self) -> set[int]:
        """Ids of the articles that have live (undeleted) passages in the index."""
        ids = set()
        with self._searching() as searcher:
            reader = searcher.reader()
            for key in reader.lexicon("article_key"):
                # Deleted documents keep their terms until a merge; postings skip them.
                if reader.postings("article_key", key).is_active():
                    ids.add(int(key.decode() if isinstance(key, bytes) else key))
        return ids

    def indexed_among(self, article_ids: Iterable[int]) -> set[int]:
        """Which of ``article_ids`` have live passages in the index."""
        with self._searching() as searcher:
            reader = searcher.reader()
            return {i for i in article_ids if _has_article(reader, i)}

    @property
    def generation(self) -> int:
        """The index's generation number; it grows with every commit."""
        return int(self._ix.latest_generation())

    @property
    def passage_count(self) -> int:
        """How many live passages the index holds."""
        with self._searching() as searcher:
            return int(searcher.doc_count())

    def close(self) -> None:
        """Close every searcher this index opened, then the index."""
        with self._all_lock:
            for searcher in self._all:
                searcher.close()
            self._all.clear()
        self._ix.close()

    @contextmanager
    def _searching(self) -> Iterator[Searcher]:
        """Borrow an up-to-date searcher; a stale one is closed and reopened, never refreshed."""
        with self._slots:
            try:
                searcher = self._idle.get_nowait()
            except queue.Empty:
                searcher = None
            if searcher is None or not searcher.up_to_date():
                fresh = self._ix.searcher()
                with self._all_lock:
                    if searcher is not None:
                        searcher.close()
                        self._all.remove(searcher)
                    self._all.append(fresh)
                searcher = fresh
            try:
                yield searcher
            finally:
                self._idle.put(searcher)


class _PrivateRamStorage(RamStorage):  # type: ignore[misc]
    """RAM storage whose writers keep their temporary files in RAM as well.

    Whoosh's RamStorage puts them in ``<tmp>/passages.tmp``, one directory for every process on
    the machine, and a finishing writer deletes it: concurrent test runs broke each other's
    commits (FileNotFoundError on a ``.ctmp`` file)."""

    def temp_storage(self, name: str | None = None) -> RamStorage:
        return RamStorage()


def _has_article(reader: Any, article_id: int) -> bool:
    """Whether the article has live passages (deleted documents keep their terms until a
    merge; postings skip them)."""
    key = str(article_id)
    return ("article_key", key) in reader and bool(reader.postings("article_key", key).is_active())


def _add_article(writer: Any, article: Article, passages: Sequence[Span]) -> int:
    assert article.id is not None, "articles are indexed after they have an id"
    published = datetime.combine(article.published, time()) if article.published else None
    count = 0
    for span in passages:
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


class _SearchBudget(WrappingCollector):  # type: ignore[misc]
    """A time limit on collecting, read from the clock every ``_EVERY`` matches. Whoosh's
    ``TimeLimitCollector`` starts a timer thread per search, which under load cost more than
    a rare word's whole search. ``collect`` checks, so the limit holds when an outer collector
    (a filter) drives the loop too."""

    _EVERY = 256

    def __init__(self, child: Any, seconds: float) -> None:
        super().__init__(child)
        self._seconds = seconds
        self._deadline = 0.0
        self._calls = 0

    def prepare(self, top_searcher: Any, q: Any, context: Any) -> None:
        super().prepare(top_searcher, q, context)
        self._deadline = monotonic() + self._seconds
        self._calls = 0

    def collect(self, sub_docnum: int) -> Any:
        self._calls += 1
        if not self._calls % self._EVERY and monotonic() > self._deadline:
            raise TimeLimit
        return self.child.collect(sub_docnum)


def _top(
    searcher: Searcher, query: Query, wanted: int, filter_: Query | None
) -> tuple[list[Any], int]:
    """The first ``wanted`` hits in (score desc, article id, start) order, and the total.

    Whoosh's top-N collector is far cheaper than sorting every match by facets. It scores every
    match in one pass and counts them as it goes (``optimize=False``): counting after a
    block-skipping pass re-runs the whole query, which for phrases and AND costs as much as the
    search. (The answerer ranks without a total through ``top_passages``.)

    Among equal scores the collector keeps lower document numbers first, and document numbers
    follow insertion order, which is (article id, start): articles are indexed in id order,
    passages in text order, and segment merges keep that order. The window is re-sorted to
    state the rule explicitly."""
    top = searcher.collector(limit=max(wanted, 1), optimize=False)
    # Whoosh swaps the matcher every ``replace`` matches for one that drops what cannot beat
    # the current minimum score, even with optimize=False: an OR then loses its weaker side's
    # matches from the count (189 of 782 for "alpha OR beta" in a test). Counting needs all.
    top.replace = 0
    timed = _SearchBudget(top, SEARCH_SECONDS)
    # The filter wraps the budget: Whoosh's time-limit collector collects its child's matches
    # itself, past a filter inside it.
    collector = FilterCollector(timed, allow=filter_) if filter_ is not None else timed
    try:
        searcher.search_with_collector(query, collector)
    except TimeLimit:
        raise Overloaded(
            f"The search ran past its {SEARCH_SECONDS:g} s budget; retry later or narrow it.",
            retry_after=int(SEARCH_SECONDS),
        ) from None
    results = collector.results()
    ranked = sorted(results[:], key=lambda hit: (-hit.score, hit["article_id"], hit["start"]))
    return ranked, len(results)


def positive_terms(query: Query, reader: Any) -> set[bytes | str]:
    """The text terms a query matches on, prefix and fuzzy terms expanded, NOT branches left
    out: what highlighting marks (cheaper than collecting matched terms for every hit)."""
    if isinstance(query, Not):
        return set()
    if isinstance(query, AndNot):
        return positive_terms(query.a, reader)
    if query.is_leaf():
        try:
            found = query.existing_terms(reader, expand=True)
        except Exception:  # a leaf Whoosh cannot expand matches nothing to highlight
            return set()
        return {term for field, term in found if field == "text"}
    terms: set[bytes | str] = set()
    for child in query.children():
        terms |= positive_terms(child, reader)
    return terms


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


def _allowed(searcher: Searcher, filter_: Query | None) -> np.ndarray | None:
    """The global docnums a filter lets through, sorted (None: no filter)."""
    if filter_ is None:
        return None
    return np.fromiter(sorted(searcher.docs_for_query(filter_)), dtype=np.int64)


def _to_hit(stored: dict[str, Any], score: float | None, terms: set[bytes | str]) -> Hit:
    found = _stored_hit(stored, score)
    if not terms:
        return found
    return replace(found, highlights=highlight_passage(found.passage, terms))


def _stored_hit(stored: dict[str, Any], score: float | None) -> Hit:
    passage = Passage(text=stored["text"], start=stored["start"], end=stored["end"])
    published = stored.get("published")
    return Hit(
        article_id=stored["article_id"],
        title=stored.get("title"),
        source=stored.get("source"),
        published=published.date() if published else None,
        score=round(float(score or 0.0), 6),
        passage=passage,
        highlights=(),
    )
