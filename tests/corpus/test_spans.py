"""Sentences and passages: offsets always slice exactly; passages respect paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.passages import MAX_CHARS, split_passages
from corpus.spans import (
    _one_sentence,
    _segment,
    _syntok_segment,
    normalise_newlines,
    paragraphs,
    sentences,
)

_words = st.sampled_from(
    [
        "Deir",
        "ez-Zor",
        "killed",
        "62",
        "U.S.",
        "soldiers.",
        "«",
        "»",
        "“quoted”",
        "Mr.",
        "—",
        "élan",
        "Sept.",
        "17,",
        "2016.",
        "?",
        "!",
        "\n",
        "\n\n",
        " ",
        "  ",
        "\t",
        "al-Tharda",
    ]
)
_texts = st.lists(_words, max_size=200).map(" ".join)


@given(_texts)
@settings(max_examples=200, deadline=None)
def test_sentence_and_passage_offsets_slice_exactly(text: str) -> None:
    for span in [*sentences(text), *split_passages(text), *paragraphs(text)]:
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip() and span.text


@given(_texts)
@settings(max_examples=100, deadline=None)
def test_passages_stay_inside_one_paragraph(text: str) -> None:
    paras = paragraphs(text)
    for passage in split_passages(text):
        assert any(p.start <= passage.start and passage.end <= p.end for p in paras)


def test_passages_are_bounded_by_sentences_and_length(sample_texts: dict[str, str]) -> None:
    for text in sample_texts.values():
        starts = {s.start for s in sentences(text)}
        ends = {s.end for s in sentences(text)}
        for passage in split_passages(text):
            assert passage.start in starts and passage.end in ends
            single_sentence = any(
                s.start == passage.start and s.end == passage.end for s in sentences(text)
            )
            assert len(passage.text) <= MAX_CHARS or single_sentence


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\n\r\nb", "a\n\nb"), ("plain", "plain")],
)
def test_normalise_newlines(raw: str, expected: str) -> None:
    assert normalise_newlines(raw) == expected


def test_closing_guillemet_joins_its_sentence() -> None:
    text = "« Sixty-two soldiers were killed in these strikes. »\nNext line."
    assert [s.text for s in sentences(text)] == [
        "« Sixty-two soldiers were killed in these strikes. »",
        "Next line.",
    ]


_paragraph_words = st.sampled_from(
    ["Two", "men", "were", "hurt", "U.S.", "Main", "St", "3", "p.m", "«", "»", "“", "”", "'",
     "’s", ")", "]", ",", ":", "—", "-", "élan", "\u200b", "\u00a0", "#", "@", "%", "&", "5,000",
     "Mr", "x", "!", "?", ";", "(", "Ok."]
)  # fmt: skip
_final_marks = st.sampled_from(["", ".", "!", "?", "…", "...", ".”", "!»", ".)", "?'", "!!"])


@given(st.lists(_paragraph_words, min_size=1, max_size=30).map(" ".join), _final_marks)
@settings(max_examples=300, deadline=None)
def test_one_sentence_paragraphs_split_as_syntok_splits_them(body: str, final: str) -> None:
    text = "Lead line.\n" + body + final
    start = len("Lead line.\n")
    if text[start:].strip() and _one_sentence(text[start:]):
        assert _segment(text, start, len(text)) == _syntok_segment(text, start, len(text))
