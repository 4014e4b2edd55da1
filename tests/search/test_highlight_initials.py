"""Highlighting skips words whose folded initial starts no matched term: the skip never drops
a word the analyzer would have matched."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from search.highlight import analyzed_word, highlight_passage
from search.types import Passage

_WORDS = [
    "Élan",
    "elans",
    "Ärzte",
    "arztes",
    "Œuvre",
    "oeuvres",
    "İstanbul",
    "istanbuls",
    "killed",
    "Killing",
    "ß",
    "ssa",
    "Ångström",
    "angstroms",
    "studies",
    "Iés",
    "ies",
]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12), st.sampled_from(_WORDS))
@settings(max_examples=200, deadline=None)
def test_every_word_the_analyzer_matches_is_highlighted(words: list[str], query: str) -> None:
    text = " ".join(words)
    term = analyzed_word(query)
    terms = {term} if term else set()
    found = {(h.start, h.end) for h in highlight_passage(Passage(text, 0, len(text)), terms)}
    expected, at = set(), 0
    for word in words:
        if analyzed_word(word) in terms:
            expected.add((at, at + len(word)))
        at += len(word) + 1
    assert found == expected
