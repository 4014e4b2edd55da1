"""Highlights: the words of a passage whose analyzed form matched the query."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from whoosh.support.charset import accent_map

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
    # The analyzer lower-cases and folds accents, then stems suffixes only, so a word whose
    # folded first letter starts no matched term cannot match: skipping it spares analyzing
    # most words of a passage (a /search's largest cost after ranking, for words not yet in
    # ``analyzed_word``'s cache).
    initials = {term[:1] for term in terms}
    out = []
    for match in _WORD.finditer(passage.text):
        word = match.group()
        if word.lower().translate(accent_map)[:1] not in initials:
            continue
        if analyzed_word(word) in terms:
            out.append(
                Highlight(
                    start=passage.start + match.start(),
                    end=passage.start + match.end(),
                    text=word,
                )
            )
    return tuple(out)
