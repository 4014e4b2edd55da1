"""Ingestion: normalise, deduplicate by content hash, sniff metadata, store, and index.

A write is acknowledged only when both the rows and the passages are committed: rows are
flushed (to get ids), passages are committed to the index, then the database commits. If the
index fails the database rolls back; if the database commit fails the passages are removed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from corpus.errors import InvalidInput
from corpus.fact_store import fact_rows, store_facts
from corpus.facts import EXTRACTOR_VERSION, extract_facts
from corpus.metadata import sniff_metadata
from corpus.passages import split_passages
from corpus.ports import ArticleIndex
from corpus.spans import normalise_newlines
from corpus.tables import Article, Fact

MAX_BATCH = 1000


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


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: the identity used for deduplication."""
    return hashlib.sha256(normalise_newlines(text).encode("utf-8")).hexdigest()


def ingest_article(*, session: Session, index: ArticleIndex, article_in: ArticleInput) -> Ingested:
    """Store and index one article; return the existing one if its text is already stored."""
    return ingest_articles(session=session, index=index, articles_in=[article_in])[0]


def ingest_articles(
    *, session: Session, index: ArticleIndex, articles_in: Sequence[ArticleInput]
) -> list[Ingested]:
    """Store and index many articles with one index commit; results are in input order."""
    if len(articles_in) > MAX_BATCH:
        raise InvalidInput(f"A batch holds at most {MAX_BATCH} articles; got {len(articles_in)}.")
    try:
        return _ingest(session, index, articles_in)
    except IntegrityError:
        # Another writer stored the same text between our lookup and our flush: look again.
        session.rollback()
        return _ingest(session, index, articles_in)


def _ingest(
    session: Session, index: ArticleIndex, articles_in: Sequence[ArticleInput]
) -> list[Ingested]:
    texts = [normalise_newlines(a.text) for a in articles_in]
    for position, text in enumerate(texts):
        if not text.strip():
            raise InvalidInput("An article's text must not be empty.", field=position)
    hashes = [content_hash(text) for text in texts]
    existing = {
        a.content_hash: a
        for a in session.exec(select(Article).where(Article.content_hash.in_(set(hashes))))  # type: ignore[attr-defined]
    }
    results: list[Ingested] = []
    new: list[Article] = []
    facts_of: dict[int, list[Fact]] = {}
    for article_in, text, digest in zip(articles_in, texts, hashes, strict=True):
        if digest in existing:
            results.append(Ingested(existing[digest], created=False))
            continue
        article = _build_article(article_in, text, digest)
        existing[digest] = article
        new.append(article)
        facts_of[id(article)] = _build_facts(article)
        results.append(Ingested(article, created=True))
    if not new:
        return results
    try:
        session.add_all(new)
        session.flush()
        store_facts(session, [(article, facts_of[id(article)]) for article in new])
        session.flush()
        index.add_articles(new)
    except BaseException:
        session.rollback()
        raise
    try:
        session.commit()
    except BaseException:
        index.delete_articles([a.id for a in new if a.id is not None])
        raise
    return results


def _build_article(article_in: ArticleInput, text: str, digest: str) -> Article:
    given = (article_in.title, article_in.source, article_in.published)
    sniffed = sniff_metadata(
        text, header=any(v is None for v in given), language=article_in.language is None
    )
    return Article(
        content_hash=digest,
        text=text,
        title=article_in.title or sniffed.title,
        source=article_in.source or sniffed.source,
        url=article_in.url,
        published=article_in.published or sniffed.published,
        language=article_in.language or sniffed.language,
        passage_count=len(split_passages(text)),
        extractor_version=EXTRACTOR_VERSION,
    )


def _build_facts(article: Article) -> list[Fact]:
    return fact_rows(article.text, extract_facts(article.text, article.published))
