"""The answerer's word sets: analyzing word by word (cached) equals analyzing the whole text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from search.analysis import passage_analyzer
from search.answer.candidates import overlap, stems


def _whole(text: str) -> frozenset[str]:
    return frozenset(token.text for token in passage_analyzer()(text))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_stems_equal_the_analyzer_on_the_whole_text(text: str) -> None:
    assert stems(text) == _whole(text)


def test_stems_of_news_text() -> None:
    text = "Médecins Sans Frontières said İstanbul's ǅ ﬁghters were killed near Deir ez-Zor."
    assert stems(text) == _whole(text)


def test_overlap_of_parts_equals_overlap_of_the_joined_text() -> None:
    terms = ("soldier", "kill", "air", "strike", "syria")
    parts = ("62 Syrian soldiers died", "in the airstrike", "", "Deir ez-Zor")
    assert overlap(terms, *parts) == overlap(terms, " ".join(parts))
