"""The value every extractor returns: one fact, cited by exact offsets into the article text."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

FIELDS = (
    "casualties",
    "equipment",
    "places",
    "dates",
    "people",
    "organizations",
    "quotes",
    "quantities",
)


@dataclass(frozen=True, slots=True)
class ExtractedFact:
    """One claim found in an article; ``article_text[start:end] == text``.

    ``value`` holds the field's normalised data (see the README's fact table);
    ``sentence_start``/``sentence_end`` bound the sentence that contains the span.
    """

    field: str
    kind: str
    value: dict[str, Any]
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    attributed_to: str | None = None
    qualifier: str | None = None
    extra: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False)
