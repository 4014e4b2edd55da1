"""Fact extraction: pure functions from (text, publication date) to cited facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from corpus.facts.document import Document
from corpus.facts.model import FIELDS, ExtractedFact

EXTRACTOR_VERSION = "0"

Extractor = Callable[[Document], list[ExtractedFact]]


def _extractors() -> list[Extractor]:
    return []


def extract_facts(text: str, published: date | None = None) -> list[ExtractedFact]:
    """Every fact in ``text``, ordered by position; offsets index ``text`` exactly."""
    doc = Document.parse(text, published)
    facts = [fact for extract in _extractors() for fact in extract(doc)]
    return sorted(facts, key=lambda f: (f.start, f.end, f.field, f.kind))


__all__ = ["EXTRACTOR_VERSION", "FIELDS", "Document", "ExtractedFact", "extract_facts"]
