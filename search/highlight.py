"""Highlights: the words of a passage whose analyzed form matched the query."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from search.analysis import TOKEN_PATTERN, passage_analyzer
from search.types import Highlight, Passage

_WORD = re.compile(TOKEN_PATTERN)


@lru_cache(maxsize=1 << 16)
def analyzed_word(word: str) -> str | None:
    """The indexed form of one token (None for a stop word).

    The analyzer's filters work token by token, so analyzing a word alone gives what it gives
    inside a passage; caching per distinct word replaces running the generator chain over every
    passage of every hit (the larger part of a /search for a rare word)."""
    for token in passage_analyzer()(word, removestops=True):
        return str(token.text)
    return None


def highlight_passage(
    passage: Passage, matched_terms: Collection[bytes | str]
) -> tuple[Highlight, ...]:
    """Highlights in article coordinates for every token of ``passage`` that matched."""
    terms = {t.decode("utf-8") if isinstance(t, bytes) else t for t in matched_terms}
    if not terms:
        return ()
    out = []
    for match in _WORD.finditer(passage.text):
        if analyzed_word(match.group()) in terms:
            out.append(
                Highlight(
                    start=passage.start + match.start(),
                    end=passage.start + match.end(),
                    text=match.group(),
                )
            )
    return tuple(out)
