"""Fact extraction: pure functions from (text, publication date) to cited facts.

Each field has one module whose ``extract(doc, ...)`` returns ``list[ExtractedFact]``; the
pipeline (``corpus.facts.pipeline``) parses the article once and runs them in dependency order,
handing each the facts it needs. Bump ``EXTRACTOR_VERSION`` when rules change, then run
``factdesk reextract``.
"""

from __future__ import annotations

from datetime import date

from corpus.facts.document import Document
from corpus.facts.model import FIELDS, ExtractedFact

EXTRACTOR_VERSION = "5"


def extract_facts(text: str, published: date | None = None) -> list[ExtractedFact]:
    """Every fact in ``text``, ordered by position; offsets index ``text`` exactly."""
    from corpus.facts.pipeline import extract  # the extractors load their lexicons lazily

    return extract(text, published).facts


__all__ = ["EXTRACTOR_VERSION", "FIELDS", "Document", "ExtractedFact", "extract_facts"]
