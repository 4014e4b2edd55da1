"""A passage's ``tsvector`` from factdesk's analyzer, so PostgreSQL indexes exactly the words
Whoosh would (stemmed, accent-folded, stop words dropped) at the same positions.

The vector is written as a literal (``'word':1,4 'other':2``), not by ``to_tsvector``: no
PostgreSQL text-search configuration stems or folds as ``search.analysis`` does, and queries,
highlights and both backends must agree on every token.
"""

from __future__ import annotations

from collections import defaultdict

from search.analysis import passage_analyzer

# PostgreSQL refuses lexemes of 2 KB and more and positions past 16383 (passages are at most
# 600 characters, so positions stay far below); a longer "word" is left out of the vector.
MAX_LEXEME_BYTES = 2047
MAX_POSITION = 16383
MAX_POSITIONS_PER_WORD = 256  # PostgreSQL keeps at most 256 positions of one lexeme


def quote_lexeme(word: str) -> str:
    """``word`` as a quoted lexeme of a tsvector or tsquery literal."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def passage_vector(text: str) -> tuple[str, set[str]]:
    """The tsvector literal of ``text`` and the distinct words in it."""
    positions: dict[str, list[int]] = defaultdict(list)
    for token in passage_analyzer()(text, positions=True):
        word = str(token.text)
        if len(word.encode("utf-8")) > MAX_LEXEME_BYTES:
            continue
        if len(positions[word]) < MAX_POSITIONS_PER_WORD:
            positions[word].append(min(int(token.pos) + 1, MAX_POSITION))  # 1-based
    literal = " ".join(
        f"{quote_lexeme(word)}:{','.join(map(str, places))}" for word, places in positions.items()
    )
    return literal, set(positions)
