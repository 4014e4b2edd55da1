"""Texts made to be costly: extraction stays bounded (sentences, facts) and says when it stopped.

Nothing here is timed (``make bench`` prints the times); the assertions are the bounds that make
the work linear: no sentence or passage longer than its cap, at most the budget of facts, and
the extraction marked partial when the budget cut it.
"""

from __future__ import annotations

from corpus.facts.model import MAX_FACTS_PER_ARTICLE
from corpus.facts.pipeline import extract
from corpus.passages import MAX_CHARS, split_passages
from corpus.spans import MAX_SENTENCE_CHARS, sentences


def _quotes(n: int) -> str:
    return ('"Go." said ' * (n // 11 + 1))[:n]


def _figures(n: int) -> str:
    return "".join(f"{i} killed, " for i in range(12, 12 + n // 11))


def _words(n: int) -> str:
    return ("the convoy moved north along the river road while people waited " * (n // 64 + 1))[:n]


def test_a_text_without_sentence_marks_is_cut_into_bounded_sentences_and_passages() -> None:
    text = _words(20_000)
    spans = sentences(text)
    assert len(spans) > 30
    assert all(0 < s.end - s.start <= MAX_SENTENCE_CHARS for s in spans)
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert all(len(p.text) <= MAX_CHARS for p in split_passages(text))


def test_a_word_longer_than_a_sentence_is_cut_hard() -> None:
    text = "x" * 1500
    assert [(s.start, s.end) for s in sentences(text)] == [(0, 600), (600, 1200), (1200, 1500)]


def test_sentence_bounds_leave_ordinary_text_alone() -> None:
    text = "The mayor spoke on Monday. She said the bridge would reopen in May."
    assert [s.text for s in sentences(text)] == [
        "The mayor spoke on Monday.",
        "She said the bridge would reopen in May.",
    ]


def test_a_wall_of_quotes_stops_at_the_budget_and_is_partial() -> None:
    extraction = extract(_quotes(40_000))
    assert len(extraction.facts) == MAX_FACTS_PER_ARTICLE
    assert extraction.partial


def test_a_wall_of_figures_stops_at_the_budget_and_is_partial() -> None:
    extraction = extract(_figures(30_000))
    assert len(extraction.facts) == MAX_FACTS_PER_ARTICLE
    assert extraction.partial


def test_an_ordinary_article_is_complete() -> None:
    extraction = extract('Police said two people were hurt. "We are looking," Chief Ann Rey said.')
    assert extraction.facts
    assert not extraction.partial
