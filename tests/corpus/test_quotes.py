"""Quotes: quote marks, speaker constructions on varied copy, and the sample corpus."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.facts.document import Document
from corpus.facts.pipeline import field_facts

SAMPLE_PUBLISHED = {"000": date(2016, 9, 18), "001": date(2016, 9, 17), "004": date(2016, 9, 18)}


def _rows(text: str) -> list[tuple[str, str | None, str | None]]:
    facts = field_facts("quotes", Document.parse(text))
    return [(f.value["quote"], f.value["speaker"], f.value["verb"]) for f in facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the quote: name + verb, verb + name, pronoun, organization
        ("Gen. Mark Milley met troops. “The mission is over,” Milley told reporters.",
         [("The mission is over", "Mark Milley", "told")]),
        ('"We will not give up," said Abu Mohammad al-Julani, the leader of the group.',
         [("We will not give up", "Abu Mohammad al-Julani", "said")]),
        ("Prime Minister Jacinda Ardern spoke first. “We are one,” she said.",
         [("We are one", "Jacinda Ardern", "said")]),
        ("« Nous resterons », a declare l'armee. « Le front tient, » the French army said.",
         [("Nous resterons", None, None), ("Le front tient", "French Army", "said")]),
        # a pronoun with two people before it is left unresolved
        ("Ali Khan met Sara Diaz on Monday. “It went well,” he said.",
         [("It went well", None, "said")]),
        # before the quote: a finite verb takes its subject, a participle the sentence's
        ("Angela Merkel said the plan was “not negotiable” for Berlin.",
         [("not negotiable", "Angela Merkel", "said")]),
        ("The Pentagon issued a statement saying “no civilians were harmed.”",
         [("no civilians were harmed.", "Pentagon", "saying")]),
        # appositives: the head noun speaks, not the person in the description
        ("Putin, a key ally of Syrian President Bashar al-Assad, said he was “positive” about it.",
         [("positive", "Putin", "said")]),
        # "X cited Y as telling": Y speaks
        ("“The talks failed,” the Interfax news agency cited Sergei Ryabkov as telling reporters.",
         [("The talks failed", "Sergei Ryabkov", "telling")]),
        # sentence-final attribution reaches a scare quote earlier in the sentence
        ("The raid was “a grave error” that killed 20 people, the Iraqi army said in a statement.",
         [("a grave error", "Iraqi Army", "said")]),
        # nobody named: speaker null, never guessed
        ("Residents described the shelling as “relentless”.", [("relentless", None, "described")]),
        ("The U.S. expresses “regret” over the bombing.", [("regret", None, None)]),
        # straight quotes pair within a line; apostrophes never open a quote
        ('The group\'s leader said "enough" and the army\'s chief said "never".',
         [("enough", None, "said"), ("never", None, "said")]),
        ("He remained 'positive' about the UK's offer.", [("positive", None, None)]),
        # "told" takes an object, never an inverted subject; a clause is not an appositive
        ('A man who goes by "Ace" told reporters he owned the bar.', [("Ace", None, None)]),
        ('Lima police were called at noon. When officers called back, a man who answered told '
         'police, "I am here."', [("I am here.", None, "told")]),
        # a quote inside a clause: the sentence-final speaker, not the clause's nouns
        ("Lima police came. The boy was taken in “stable” condition to Mercy Hospital, police "
         "said.", [("stable", "Lima Police", "said")]),
        # a generic mention names only a body named before it
        ('"We found no survivors," the ministry said.', [("We found no survivors", None, "said")]),
        ('Ghana\'s health ministry sent teams. "We found no survivors," the ministry said.',
         [("We found no survivors", "Ghanaian Health Ministry", "said")]),
    ],
)  # fmt: skip
def test_quote_speakers(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _rows(text) == expected


def test_guillemet_quote_spanning_sentences() -> None:
    text = "« Russia is ready. We are waiting, » Maria Zakharova told Rossia-24 on Friday."
    (fact,) = field_facts("quotes", Document.parse(text))
    assert fact.text == "« Russia is ready. We are waiting, »"
    assert fact.value["quote"] == "Russia is ready. We are waiting"
    assert (fact.value["speaker"], fact.value["speaker_entity_id"]) == (
        "Maria Zakharova",
        "person:maria-zakharova",
    )
    assert fact.sentence_start == 0 and fact.sentence_end >= fact.end


def _sample(sample_texts: dict[str, str], prefix: str) -> list:
    stem = next(s for s in sample_texts if s.startswith(prefix))
    return field_facts("quotes", Document.parse(sample_texts[stem], SAMPLE_PUBLISHED.get(prefix)))


@pytest.mark.parametrize(("prefix", "count"), [("003", 2), ("004", 1)])
def test_sample_zakharova_quotes(sample_texts: dict[str, str], prefix: str, count: int) -> None:
    facts = [f for f in _sample(sample_texts, prefix) if f.value["speaker"] == "Maria Zakharova"]
    assert len(facts) == count
    assert {f.value["speaker_entity_id"] for f in facts} == {"person:maria-zakharova"}
    assert all(f.attributed_to == "Maria Zakharova" for f in facts)


def test_sample_zakharova_across_a_line_break(sample_texts: dict[str, str]) -> None:
    facts = _sample(sample_texts, "004")
    ambassador = next(f for f in facts if f.value["quote"].startswith("The Russian ambassador"))
    assert (ambassador.value["speaker"], ambassador.value["verb"]) == ("Maria Zakharova", "told")
    follow_up = next(f for f in facts if f.value["quote"].startswith("We demand"))
    assert follow_up.value["speaker"] is None  # no construction names the speaker


def test_sample_speakers(sample_texts: dict[str, str]) -> None:
    by_quote = {f.value["quote"][:25]: f.value["speaker"] for f in _sample(sample_texts, "000")}
    assert by_quote["If the airstrike was caus"] == "Igor Konashenkov"
    assert by_quote["Syria is a complex situat"] == "Pentagon"
    speakers_004 = {f.value["quote"][:20]: f.value["speaker"] for f in _sample(sample_texts, "004")}
    assert speakers_004["Warplanes from the i"] == "Russian Army"  # "a Russian army statement"
    assert speakers_004["Still no progress, b"] == "David Swanson"
    assert speakers_004["We see attempts to r"] == "Vladimir Putin"  # "he said"
    assert speakers_004["last chance"] is None


def test_sample_offsets_slice_exactly(sample_texts: dict[str, str]) -> None:
    for stem, text in sample_texts.items():
        for fact in field_facts("quotes", Document.parse(text, SAMPLE_PUBLISHED.get(stem[:3]))):
            assert text[fact.start : fact.end] == fact.text
            assert fact.value["quote"] in fact.text
            assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end


_WORDS = st.sampled_from(
    ["«", "»", "“", "”", '"', "'", "’", "‘", ",", ".", " ", "\n", "said", "he", "she", "told",
     "Maria", "Zakharova", "President", "Putin", "the", "ministry", "Defense", "Ministry", "IS",
     "Deir", "ez-Zor", "al-Tharda", "on", "Saturday", "5", "p.m.", "(1400", "GMT)", "in",
     "December", "U.S.", "Reuters", "a", "spokesman", "for", "UN", "cited", "as", "telling"]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=80).map(" ".join))
@settings(max_examples=150, deadline=None)
def test_any_text_keeps_the_offset_invariant(text: str) -> None:
    doc = Document.parse(text, date(2016, 9, 18))
    for field in ("quotes", "people", "organizations"):
        for fact in field_facts(field, doc):
            assert text[fact.start : fact.end] == fact.text
            assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end
