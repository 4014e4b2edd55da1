"""Character spans over article text, and the sentence splitter that produces them.

Every offset in factdesk is a Python ``str`` index into the stored article text; the helpers
here are the only place that turns text into spans, so the invariant
``text[span.start:span.end] == span.text`` holds by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import syntok.segmenter as segmenter


@dataclass(frozen=True, slots=True)
class Span:
    """A slice of an article: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """Build the span ``source[start:end]``."""
        return cls(start, end, source[start:end])


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF; the only change ever made to stored text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# News copy marks paragraphs with blank lines or, as often, with a single newline.
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def paragraphs(text: str) -> list[Span]:
    """Split text on line breaks into stripped, non-empty paragraph spans."""
    spans = []
    pos = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        span = _strip(text, pos, end)
        if span is not None:
            spans.append(span)
        if match:
            pos = match.end()
    return spans


# No sentence is longer: a text without sentence marks is cut at the last space before this
# many characters (news sentences stay under ~550), so every per-sentence step of extraction and
# every passage is bounded whatever the input.
MAX_SENTENCE_CHARS = 600


def sentences(text: str) -> list[Span]:
    """Split text into sentence spans (syntok), never crossing a line break and never longer
    than ``MAX_SENTENCE_CHARS``."""
    return list(_sentences_cached(text))


# Large enough for a whole batch (1,000 articles): ingestion splits each text for passages,
# facts and indexing, and must not pay syntok three times.
@lru_cache(maxsize=1024)
def _sentences_cached(text: str) -> tuple[Span, ...]:
    out: list[Span] = []
    for para in paragraphs(text):
        for span in _segment(text, para.start, para.end):
            out.extend(_bounded(text, span))
    return tuple(out)


def _bounded(text: str, span: Span, limit: int = MAX_SENTENCE_CHARS) -> list[Span]:
    """``span`` cut into pieces of at most ``limit`` characters, at a space where one is."""
    if span.end - span.start <= limit:
        return [span]
    out: list[Span] = []
    start = span.start
    while span.end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        end = cut if cut > start else start + limit
        piece = _strip(text, start, end)
        if piece is not None:
            out.append(piece)
        start = end
        while start < span.end and text[start].isspace():
            start += 1
    last = _strip(text, start, span.end)
    if last is not None:
        out.append(last)
    return out


# syntok ends a sentence only at one of these, and reads bracketed text from an opening bracket
# (its State.terminals and State.opening_brackets, plus the ellipsis character).
_SENTENCE_MARKS = re.compile(
    "[.!?;\u2026\u203c\u203d\u2047\u2048\u2049\u3002\ufe52\ufe57\uff01\uff0e\uff1f\uff61"
    "([{\uff5f\uff5b\uff3b\uff08\ufe5d\ufe5b\ufe59\ufd3e\u301a\u3018\u2985\u2983\u2329]"
)
_FINAL_MARKS = re.compile("[.!?\u2026]+[\"'\u2019\u201d\u00bb)\\]]*$")


def _one_sentence(chunk: str) -> bool:
    """A paragraph syntok would return whole: no sentence mark before its final punctuation.

    About 40% of news paragraphs (headlines, bylines, one-sentence paragraphs) are; skipping the
    tokeniser for them saves ~15% of the split. Unprintable characters (zero-width spaces) go to
    syntok, which drops a paragraph made only of them. tests/corpus/test_spans.py checks both
    paths agree."""
    if not chunk.isprintable():
        return False
    final = _FINAL_MARKS.search(chunk)
    return _SENTENCE_MARKS.search(chunk, 0, final.start() if final else len(chunk)) is None


def _segment(text: str, start: int, end: int) -> list[Span]:
    chunk = text[start:end]
    if not chunk.strip():
        return []
    if _one_sentence(chunk):
        whole = _strip(text, start, end)
        return [whole] if whole is not None else []
    return _syntok_segment(text, start, end)


def _syntok_segment(text: str, start: int, end: int) -> list[Span]:
    chunk = text[start:end]
    out: list[Span] = []
    for para in segmenter.analyze(chunk):
        for sentence in para:
            first, last = sentence[0], sentence[-1]
            s = start + first.offset
            e = start + last.offset + len(last.value)
            span = _strip(text, s, e)
            if span is None:
                continue
            if out and not any(ch.isalnum() for ch in span.text):
                # A stray closing quote (« ... . ») belongs to the sentence before it.
                out[-1] = Span.of(text, out[-1].start, span.end)
            else:
                out.append(span)
    return out


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end) if end > start else None
