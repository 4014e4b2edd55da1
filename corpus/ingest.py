"""Ingestion: normalise, deduplicate by content hash, sniff metadata, store, and index.

A write is acknowledged only when both the rows and the passages are committed: rows are
flushed (to get ids) as each article's preparation arrives, its passages go to the index
writer, facts are inserted, the index commits, then the database commits. If anything before
the index commit fails the database rolls back and the writer is cancelled; if the database
commit fails the passages are removed. An index kept in the database itself
(``corpus.ports.TransactionalIndex``) writes the passages in the rows' own transaction instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from corpus.changes import ADD, record_change
from corpus.errors import InvalidInput
from corpus.event_store import store_events
from corpus.events.assign import assign_events
from corpus.events.signature import Signature
from corpus.fact_store import FactRow, store_facts
from corpus.facts import EXTRACTOR_VERSION
from corpus.facts.main_event import MainEvent
from corpus.ports import ArticleIndex, index_writer
from corpus.prepare import Prepared, PrepareJob
from corpus.prepare_pool import PreparePool, prepare_in_process
from corpus.spans import Span, normalise_newlines
from corpus.tables import Article

MAX_BATCH = 1000
# The largest article text accepted (characters): extraction and indexing are linear, and this
# bounds their time (about a second on one idle core) and storage; news articles stay far below
# (news-dev: at most ~11,000).
MAX_ARTICLE_CHARS = 100_000
FLUSH_EVERY = 50  # article rows per INSERT while preparation streams in


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """An article as a client sends it; metadata given here overrides what is sniffed."""

    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Ingested:
    """The stored article and whether this call created it (False: it already existed)."""

    article: Article
    created: bool


def storable(value: str | None) -> str | None:
    """``value`` unchanged if both databases can store it, else ValueError: PostgreSQL refuses
    NUL in text and neither encodes a lone surrogate (a JSON escape like ``\\ud800``)."""
    if value is None:
        return None
    if "\x00" in value:
        raise ValueError("text fields must not contain NUL (U+0000) characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text fields must not contain unpaired surrogates") from None
    return value


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: the identity used for deduplication."""
    return hashlib.sha256(normalise_newlines(text).encode("utf-8")).hexdigest()


def ingest_article(*, session: Session, index: ArticleIndex, article_in: ArticleInput) -> Ingested:
    """Store and index one article; return the existing one if its text is already stored."""
    return ingest_articles(session=session, index=index, articles_in=[article_in])[0]


def ingest_articles(
    *,
    session: Session,
    index: ArticleIndex,
    articles_in: Sequence[ArticleInput],
    pool: PreparePool | None = None,
    events: bool = True,
) -> list[Ingested]:
    """Store and index many articles with one index commit; results are in input order.

    With a ``pool``, large batches are prepared (metadata, passages, facts) in its workers
    while this thread stores and indexes; the outcome is the same as without. ``events=False``
    skips event assignment (only the benchmark measuring its cost does that)."""
    if len(articles_in) > MAX_BATCH:
        raise InvalidInput(f"A batch holds at most {MAX_BATCH} articles; got {len(articles_in)}.")
    try:
        return _ingest(session, index, articles_in, pool, events)
    except IntegrityError:
        # Another writer stored the same text between our lookup and our flush: look again.
        session.rollback()
        return _ingest(session, index, articles_in, pool, events)


def _ingest(
    session: Session,
    index: ArticleIndex,
    articles_in: Sequence[ArticleInput],
    pool: PreparePool | None,
    events: bool,
) -> list[Ingested]:
    texts = [normalise_newlines(a.text) for a in articles_in]
    for position, text in enumerate(texts):
        if not text.strip():
            raise InvalidInput("An article's text must not be empty.", field=position)
    hashes = [content_hash(text) for text in texts]
    stored = {
        a.content_hash: a
        for a in session.exec(select(Article).where(Article.content_hash.in_(set(hashes))))  # type: ignore[attr-defined]
    }
    new: dict[str, tuple[ArticleInput, str]] = {}  # first input of each new text, in order
    for article_in, text, digest in zip(articles_in, texts, hashes, strict=True):
        if digest not in stored and digest not in new:
            new[digest] = (article_in, text)
    if new:
        jobs = [_job(article_in, text) for article_in, text in new.values()]
        prepared = pool.prepare_all(jobs) if pool else prepare_in_process(jobs)
        created: list[Article] = []
        writer, with_rows = index_writer(index, session)
        try:
            writer.add_passages(_store(session, new, prepared, created, events))
        except BaseException:
            session.rollback()
            raise
        try:
            record_change(session, ADD, [a.id for a in created if a.id is not None])
            session.commit()
        except BaseException:
            if not with_rows:  # a separate index committed them: take them back
                index.delete_articles([a.id for a in created if a.id is not None])
            raise
        fresh = {article.content_hash: article for article in created}
    else:
        fresh = {}
    results, seen = [], set()
    for digest in hashes:
        if digest in stored:
            results.append(Ingested(stored[digest], created=False))
        else:  # the first copy of a new text is created; later copies in the batch are not
            results.append(Ingested(fresh[digest], created=digest not in seen))
            seen.add(digest)
    return results


def _store(
    session: Session,
    new: dict[str, tuple[ArticleInput, str]],
    prepared: Iterator[Prepared],
    created: list[Article],
    with_events: bool = True,
) -> Iterator[tuple[Article, list[Span]]]:
    """Flush article rows as their preparation arrives and hand their passages to the index;
    last, store every fact. The index commits only after this generator is exhausted, so rows
    and passages still commit together, and a failure here cancels the index writer."""
    facts: list[tuple[Article, list[FactRow]]] = []
    events: list[tuple[Article, MainEvent | None]] = []
    signatures: list[tuple[int, Signature]] = []
    pending: list[tuple[Article, Prepared]] = []
    items = zip(new.items(), prepared, strict=True)
    for number, ((digest, (article_in, text)), prep) in enumerate(items, 1):
        pending.append((_build_article(article_in, text, digest, prep), prep))
        if len(pending) < FLUSH_EVERY and number < len(new):
            continue
        session.add_all(article for article, _prep in pending)
        session.flush()  # ids, which the passages carry
        for article, prep in pending:
            created.append(article)
            facts.append((article, prep.facts))
            events.append((article, prep.event))
            signatures.append((article.id, prep.signature))  # type: ignore[arg-type]
            yield article, [Span.of(article.text, s, e) for s, e in prep.passages]
        pending.clear()
    store_facts(session, facts)
    store_events(session, events)
    if with_events:
        assign_events(session, signatures)
    session.flush()


def _job(article_in: ArticleInput, text: str) -> PrepareJob:
    given = (article_in.title, article_in.source, article_in.published)
    return PrepareJob(
        text,
        article_in.published,
        sniff_header=any(v is None for v in given),
        sniff_language=article_in.language is None,
    )


def _build_article(article_in: ArticleInput, text: str, digest: str, prep: Prepared) -> Article:
    sniffed = prep.metadata
    return Article(
        content_hash=digest,
        text=text,
        title=article_in.title or sniffed.title,
        source=article_in.source or sniffed.source,
        url=article_in.url,
        published=article_in.published or sniffed.published,
        language=article_in.language or sniffed.language,
        passage_count=len(prep.passages),
        extractor_version=EXTRACTOR_VERSION,
        extraction="partial" if prep.partial else "complete",
    )
