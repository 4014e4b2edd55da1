"""The parsed article every extractor shares, so text is split into sentences once per article."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from corpus.spans import Span, sentences


@dataclass(slots=True)
class Document:
    """Article text, its publication date, and its sentence spans (computed once)."""

    text: str
    published: date | None = None
    sentences: list[Span] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def parse(cls, text: str, published: date | None = None) -> Document:
        """Split ``text`` into sentences once and keep them for every extractor."""
        spans = sentences(text)
        return cls(
            text=text, published=published, sentences=spans, _starts=[s.start for s in spans]
        )

    def sentence_at(self, offset: int) -> Span:
        """The sentence containing ``offset`` (or a one-character span when none does)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return Span.of(self.text, offset, min(offset + 1, len(self.text)))

    def sentence_index(self, offset: int) -> int | None:
        """Index in ``sentences`` of the sentence containing ``offset``, if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return i
        return None
