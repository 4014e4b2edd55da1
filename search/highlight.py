"""Highlights: the words of a passage whose analyzed form matched the query."""

from __future__ import annotations

from collections.abc import Collection

from search.analysis import passage_analyzer
from search.types import Highlight, Passage


def highlight_passage(
    passage: Passage, matched_terms: Collection[bytes | str]
) -> tuple[Highlight, ...]:
    """Highlights in article coordinates for every token of ``passage`` that matched."""
    terms = {t.decode("utf-8") if isinstance(t, bytes) else t for t in matched_terms}
    if not terms:
        return ()
    out = []
    # Whoosh reuses one token object while iterating: copy the offsets out at once.
    for token in passage_analyzer()(passage.text, chars=True, removestops=True):
        if token.text in terms:
            start = passage.start + token.startchar
            end = passage.start + token.endchar
            out.append(
                Highlight(start=start, end=end, text=passage.text[token.startchar : token.endchar])
            )
    return tuple(out)
