"""What the answerer returns: frozen values the service renders as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from search.answer.questions import Interpretation


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """The sentence around a citation; ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Citation:
    """A cited span of an article: ``article.text[start:end] == text``."""

    article_id: int
    source: str | None
    title: str | None
    start: int
    end: int
    text: str
    sentence: SentenceRef
    attributed_to: str | None = None


@dataclass(frozen=True, slots=True)
class AnswerItem:
    """One answer: short text, normalised value, confidence in [0, 1], and its citations."""

    text: str
    value: Any
    confidence: float
    citations: tuple[Citation, ...]
    sources: tuple[str, ...] = ()
    attributed_to: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AnswerResult:
    """Answers best first, whether they disagree, or why there is none."""

    question: str
    interpretation: Interpretation
    answers: tuple[AnswerItem, ...]
    disputed: bool
    abstained: bool
    reason: str | None
