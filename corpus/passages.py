"""Passages: the unit of search. Sentence-bounded windows inside one paragraph, at most
``MAX_CHARS`` long (no sentence is longer: ``spans.MAX_SENTENCE_CHARS``)."""

from __future__ import annotations

from corpus.spans import MAX_SENTENCE_CHARS, Span, paragraphs, sentences

MAX_CHARS = MAX_SENTENCE_CHARS


def split_passages(text: str, max_chars: int = MAX_CHARS) -> list[Span]:
    """Cut ``text`` into passages; each is ``text[start:end]`` and never crosses a paragraph."""
    all_sentences = sentences(text)
    out: list[Span] = []
    i = 0
    for para in paragraphs(text):
        inside: list[Span] = []
        while i < len(all_sentences) and all_sentences[i].start < para.end:
            if all_sentences[i].start >= para.start:
                inside.append(all_sentences[i])
            i += 1
        start = end = None
        for sentence in inside:
            if start is None:
                start, end = sentence.start, sentence.end
            elif sentence.end - start <= max_chars:
                end = sentence.end
            else:
                out.append(Span.of(text, start, end))  # type: ignore[arg-type]
                start, end = sentence.start, sentence.end
        if start is not None:
            out.append(Span.of(text, start, end))  # type: ignore[arg-type]
    return out
