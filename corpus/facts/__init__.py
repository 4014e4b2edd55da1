"""Fact extraction: pure functions from (text, publication date) to cited facts.

Each field has one module exposing ``extract(doc) -> list[ExtractedFact]``; the article is
split into sentences once (``Document.parse``) and shared by every extractor. Bump
``EXTRACTOR_VERSION`` when rules change, then run ``factdesk reextract``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from corpus.facts.document import Document
from corpus.facts.model import FIELDS, ExtractedFact

EXTRACTOR_VERSION = "1"

Extractor = Callable[[Document], list[ExtractedFact]]


def _extractors() -> list[Extractor]:
    from corpus.facts import (
        casualties,
        dates,
        equipment,
        organizations,
        people,
        places,
        quantities,
        quotes,
    )

    return [
        casualties.extract,
        equipment.extract,
        quantities.extract,
        places.extract,
        dates.extract,
        people.extract,
        organizations.extract,
        quotes.extract,
    ]


def extract_facts(text: str, published: date | None = None) -> list[ExtractedFact]:
    """Every fact in ``text``, ordered by position; offsets index ``text`` exactly."""
    doc = Document.parse(text, published)
    facts = [fact for extract in _extractors() for fact in extract(doc)]
    return sorted(facts, key=lambda f: (f.start, f.end, f.field, f.kind))


__all__ = ["EXTRACTOR_VERSION", "FIELDS", "Document", "ExtractedFact", "extract_facts"]
