"""People: name constructions on varied copy, surname linking, and the sample corpus."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.facts.document import Document
from corpus.facts.people import link_surnames, person_key
from corpus.facts.pipeline import field_facts

SAMPLE_PUBLISHED = {"000": date(2016, 9, 18), "001": date(2016, 9, 17), "004": date(2016, 9, 18)}


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Vladimir Putin", "Putin"], {"Putin": "Vladimir Putin"}),
        (["Assad", "Bashar al-Assad"], {"Assad": "Bashar al-Assad"}),
        (["al-Assad", "Bashar Assad"], {"al-Assad": "Bashar Assad"}),
        (["Johnson", "Boris Johnson", "Lyndon Johnson"], {}),  # two candidates: never guess
        (["Kerry"], {}),
        (["Merkel", "Angela Merkel", "Scholz"], {"Merkel": "Angela Merkel"}),
    ],
)
def test_link_surnames(names: list[str], expected: dict[str, str]) -> None:
    assert link_surnames(names) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("Bashar al-Assad", "Bashar Assad"), ("Abu Bakr al-Baghdadi", "Abu Bakr Baghdadi")],
)
def test_person_key_ignores_arabic_articles(a: str, b: str) -> None:
    assert person_key(a) == person_key(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukrainian President Volodymyr Zelensky said Kyiv would respond.",
         [("Volodymyr Zelensky", "Volodymyr Zelensky", "Ukrainian President")]),
        ("Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi.",
         [("Antony Blinken", "Antony Blinken", "Secretary of State"),
          ("Wang Yi", "Wang Yi", "Chinese Foreign Minister")]),
        ("UN envoy Staffan de Mistura told reporters that talks would resume.",
         [("Staffan de Mistura", "Staffan de Mistura", "UN envoy")]),
        ("Lt. Col. Sarah Higgins, a Pentagon spokeswoman, declined to comment.",
         [("Sarah Higgins", "Sarah Higgins", "Pentagon spokeswoman")]),
        ("Gen. Mark Milley, chairman of the Joint Chiefs of Staff, said it was over.",
         [("Mark Milley", "Mark Milley", "chairman of the Joint Chiefs of Staff")]),
        ('"We will not give up," said Abu Mohammad al-Julani, the leader of the group.',
         [("Abu Mohammad al-Julani", "Abu Mohammad al-Julani", "leader of the group")]),
        ("Marine Le Pen said France must leave NATO.",
         [("Marine Le Pen", "Marine Le Pen", None)]),
        ("The interior ministry's spokesman, Ahmed Hassan, said 12 were arrested. "
         "Hassan added that the curfew would stay.",
         [("Ahmed Hassan", "Ahmed Hassan", "interior ministry's spokesman"),
          ("Hassan", "Ahmed Hassan", None)]),
        ("President Erdogan spoke to reporters; Erdogan said the border would stay shut.",
         [("Erdogan", "Erdogan", "President"), ("Erdogan", "Erdogan", None)]),
        ("Officials said the toll would rise. Witnesses told AFP the roof fell.", []),
        ("Moscow said on Friday that Washington had failed.", []),  # places, not people
        ("The Islamic State said its fighters held Mosul.", []),
        ("The Washington Post said Ben Norton (@BenjaminNorton) had posted it.",
         [("Ben Norton", "Ben Norton", None)]),
        ("Israeli Prime Minister Benjamin Netanyahu and Palestinian President Mahmoud Abbas met.",
         [("Benjamin Netanyahu", "Benjamin Netanyahu", "Israeli Prime Minister"),
          ("Mahmoud Abbas", "Mahmoud Abbas", "Palestinian President")]),
        ("Two diplomats, Anna Berg and Tomas Novak, said talks had stalled.",
         [("Anna Berg", "Anna Berg", "diplomats"), ("Tomas Novak", "Tomas Novak", "diplomats")]),
        # A network's station named for its city is no person; the network's name alone can be.
        ("The boy was taken to a hospital, Fox Denver reported.", []),
        ("The boy was taken to a hospital, NBC Chicago reported.", []),
        ("Sgt. Amy Fox said the boy was hurt.", [("Amy Fox", "Amy Fox", "Sgt.")]),
    ],
)  # fmt: skip
def test_people_mentions(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    facts = field_facts("people", Document.parse(text))
    assert [(f.text, f.value["name"], f.value["role"]) for f in facts] == expected
    for fact in facts:
        assert fact.kind == "person"
        assert fact.value["entity_id"] == f"person:{person_key(fact.value['name'])}"


def _sample(sample_texts: dict[str, str], prefix: str) -> list:
    stem = next(s for s in sample_texts if s.startswith(prefix))
    return field_facts("people", Document.parse(sample_texts[stem], SAMPLE_PUBLISHED.get(prefix)))


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_sample_konashenkov_links_to_full_name(sample_texts: dict[str, str], prefix: str) -> None:
    facts = [f for f in _sample(sample_texts, prefix) if "Konashenkov" in f.text]
    assert {f.text for f in facts} >= {"Igor Konashenkov"}
    assert {(f.value["name"], f.value["entity_id"]) for f in facts} == {
        ("Igor Konashenkov", "person:igor-konashenkov")
    }
    if prefix == "000":
        assert [f.text for f in facts].count("Konashenkov") == 2


def test_sample_roles(sample_texts: dict[str, str]) -> None:
    roles = {
        f.value["name"]: f.value["role"] for f in _sample(sample_texts, "004") if f.value["role"]
    }
    assert roles["Maria Zakharova"] == "foreign ministry spokeswoman"
    assert roles["John Kerry"] == "US Secretary of State"
    assert roles["David Swanson"].startswith("spokesman for the UN Office")
    assert roles["Vladimir Savchenko"] == "Russian General"
    role_001 = {
        f.value["name"]: f.value["role"] for f in _sample(sample_texts, "001") if f.value["role"]
    }
    assert role_001["Igor Konashenkov"] == "Russia’s Defense Ministry spokesman"
    assert role_001["Viktor Poznikhir"] == "senior Russian General Staff official"


def test_sample_surnames_and_articles(sample_texts: dict[str, str]) -> None:
    facts = _sample(sample_texts, "004")
    assert {f.value["name"] for f in facts if f.text == "Assad"} == {"Bashar al-Assad"}
    assert {f.value["name"] for f in facts if f.text == "Putin"} == {"Vladimir Putin"}
    assert {f.value["name"] for f in facts if f.text == "Zakharova"} == {"Maria Zakharova"}
    names = {f.value["name"] for f in facts}
    assert not names & {"Moscow", "Washington", "Saturday", "Syria", "Lavrov"}  # "#Lavrov" tag


def test_sample_offsets_slice_exactly(sample_texts: dict[str, str]) -> None:
    for stem, text in sample_texts.items():
        for fact in field_facts("people", Document.parse(text, SAMPLE_PUBLISHED.get(stem[:3]))):
            assert text[fact.start : fact.end] == fact.text
            assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end
