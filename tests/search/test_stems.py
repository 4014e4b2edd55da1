"""The answerer's word sets: analyzing word by word (cached) equals analyzing the whole text."""

from __future__ import annotations

import pytest
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


def test_a_fact_is_matched_with_the_sentence_before_it() -> None:
    from corpus.tables import Article, Fact
    from search.answer.candidates import sentence_match

    text = "A man died after a shooting in Harlow. Two others were airlifted to a hospital."
    start = text.index("Two")
    fact = Fact(
        article_id=1, field="quantities", kind="count", value={}, start=start,
        end=start + 3, text="Two", sentence_start=start, sentence_end=len(text),
        sentence_text=text[start:],
    )  # fmt: skip
    article = Article(id=1, text=text, title=None)
    # "airlifted" in the sentence, "shooting" and "Harlow" in the one before it
    # (0.6 x 1/3 in the sentence + 0.4 x 3/3 with its neighbours)
    assert sentence_match(("airlift", "shoot", "harlow"), article, fact) == pytest.approx(0.6)


@pytest.mark.parametrize(
    ("terms", "sentence", "share"),
    [
        # the question's verb in its base form, the article's in an irregular past
        (["fall", "ill"], "The senator fell ill on Sunday.", 1.0),
        (["meet", "envoy"], "The envoys met in Brisk.", 1.0),
        (["took", "hostag"], "Gunmen take hostages.", 1.0),
        # regular forms are the stemmer's; other verbs do not match
        (["kill"], "Two were killed.", 1.0),
        (["fall"], "The senator felt ill.", 0.0),
    ],
)
def test_irregular_verb_forms_match(terms: list[str], sentence: str, share: float) -> None:
    assert overlap(terms, sentence) == share
