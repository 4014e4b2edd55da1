"""The text-only half of ingestion: sniffed metadata, passages and fact rows of one article.

A pure function of its arguments, with a picklable result, so a batch can be prepared in worker
processes (``corpus.prepare_pool``) while the request thread stores and indexes; the result is
the same wherever it runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from corpus.events.signature import Signature, article_signature
from corpus.fact_store import FactRow, fact_rows
from corpus.facts.main_event import MainEvent
from corpus.facts.pipeline import extract
from corpus.metadata import Metadata, sniff_metadata
from corpus.passages import split_passages


@dataclass(frozen=True, slots=True)
class PrepareJob:
    """One article's text and what the client already said about it."""

    text: str
    published: date | None
    sniff_header: bool  # title, source or date is missing: read the header
    sniff_language: bool


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the text says: metadata, passage bounds ((start, end) into the text), fact rows,
    the main event and the incident signature events are assigned by."""

    metadata: Metadata
    passages: tuple[tuple[int, int], ...]
    facts: list[FactRow]
    event: MainEvent | None
    signature: Signature
    partial: bool = False  # the extraction budget cut the facts short


def prepare(job: PrepareJob) -> Prepared:
    """Sniff, split and extract one article (facts use the given date, else the sniffed one)."""
    sniffed = sniff_metadata(job.text, header=job.sniff_header, language=job.sniff_language)
    passages = tuple((span.start, span.end) for span in split_passages(job.text))
    published = job.published or sniffed.published
    extraction = extract(job.text, published)
    facts = fact_rows(job.text, extraction.facts)
    signature = article_signature(extraction.doc, extraction.by_field, extraction.main_event)
    return Prepared(sniffed, passages, facts, extraction.main_event, signature, extraction.partial)
