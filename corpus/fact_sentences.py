"""A fact's sentence: facts store its offsets, not its text, and are loaded with it.

A sentence holds up to ~60 facts, so storing its text with each multiplied the article's size;
every query that returns facts selects ``SENTENCE`` beside them, or slices the article's text it
already holds (``with_sentence_of``).
"""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import col, select

from corpus.tables import Article, Fact

# The slice of the fact's article's text its offsets name, as SQL. A correlated subquery, so it
# needs no join: counting and facets filter on it without one.
_ARTICLE_TEXT = (
    select(Article.text).where(col(Article.id) == col(Fact.article_id)).correlate(Fact)
).scalar_subquery()
SENTENCE = func.substr(
    _ARTICLE_TEXT,
    col(Fact.sentence_start) + 1,
    col(Fact.sentence_end) - col(Fact.sentence_start),
)


def with_sentence(fact: Fact, sentence: str) -> Fact:
    """``fact`` carrying its sentence text (read with ``SENTENCE``), as loaded, not as a change
    the session would write back."""
    set_committed_value(fact, "sentence_text", sentence)
    return fact


def with_sentence_of(fact: Fact, article: Article) -> Fact:
    """``fact`` carrying its sentence, sliced from its ``article``'s text."""
    return with_sentence(fact, article.text[fact.sentence_start : fact.sentence_end])
