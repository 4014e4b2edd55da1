"""Equipment: model and generic lexicons, counts next to the type, and the samples."""

from __future__ import annotations

import pytest

from corpus.facts import equipment
from corpus.facts.document import Document
from corpus.files import sample_paths

# sentence -> [(type, count, category, qualifier, text)]
CASES = [
    (
        "Coalition jets, two F-16 and two A-10, entered from Iraq.",
        [
            ("F-16", 2, "aircraft", "exact", "two F-16"),
            ("A-10", 2, "aircraft", "exact", "two A-10"),
        ],
    ),
    (
        "The strike was performed by two F-16 jet fighters and two A-10 support aircraft.",
        [
            ("F-16", 2, "aircraft", "exact", "two F-16 jet fighters"),
            ("A-10", 2, "aircraft", "exact", "two A-10 support aircraft"),
        ],
    ),
    ("F-16s bombed the town.", [("F-16", None, "aircraft", None, "F-16s")]),
    ("An F-16 crashed in the desert.", [("F-16", 1, "aircraft", "exact", "An F-16")]),
    (
        "Russia sent four Su-24 bombers and two Mi-8 helicopters.",
        [
            ("Su-24", 4, "aircraft", "exact", "four Su-24 bombers"),
            ("Mi-8", 2, "helicopter", "exact", "two Mi-8 helicopters"),
        ],
    ),
    (
        "Four Russian Su-34 jets struck the bridge.",
        [("Su-34", 4, "aircraft", "exact", "Four Russian Su-34 jets")],
    ),
    (
        "The navy fired 12 Tomahawk cruise missiles and three Kalibr missiles.",
        [
            ("Tomahawk", 12, "missile", "exact", "12 Tomahawk cruise missiles"),
            ("Kalibr", 3, "missile", "exact", "three Kalibr missiles"),
        ],
    ),
    (
        "Two MQ-9 Reaper drones were shot down.",
        [("MQ-9 Reaper", 2, "drone", "exact", "Two MQ-9 Reaper drones")],
    ),
    (
        "Ukraine received 31 M1 Abrams tanks and 14 Leopard 2 tanks.",
        [
            ("M1 Abrams", 31, "tank", "exact", "31 M1 Abrams tanks"),
            ("Leopard 2", 14, "tank", "exact", "14 Leopard 2 tanks"),
        ],
    ),
    (
        "Rebels destroyed at least 20 T-72 tanks.",
        [("T-72", 20, "tank", "at_least", "at least 20 T-72 tanks")],
    ),
    (
        "An Apache helicopter and a Black Hawk were hit.",
        [
            ("AH-64 Apache", 1, "helicopter", "exact", "An Apache helicopter"),
            ("UH-60 Black Hawk", 1, "helicopter", "exact", "a Black Hawk"),
        ],
    ),
    (
        "Iran launched dozens of Shahed-136 drones overnight.",
        [("Shahed-136", 24, "drone", "vague", "dozens of Shahed-136 drones")],
    ),
    (
        "The US delivered 18 HIMARS launchers.",
        [("HIMARS", 18, "missile", "exact", "18 HIMARS launchers")],
    ),
    (
        "Dozens of tanks rolled in, along with at least 20 armored vehicles.",
        [
            ("tank", 24, "tank", "vague", "Dozens of tanks"),
            ("armored vehicle", 20, "vehicle", "at_least", "at least 20 armored vehicles"),
        ],
    ),
    (
        "Four warplanes and three helicopters took part.",
        [
            ("warplane", 4, "aircraft", "exact", "Four warplanes"),
            ("helicopter", 3, "helicopter", "exact", "three helicopters"),
        ],
    ),
    (
        "The rebels fired 40 rockets at the city.",
        [("rocket", 40, "missile", "exact", "40 rockets")],
    ),
    (
        "Two warships and a submarine sailed into the Black Sea.",
        [("warship", 2, "ship", "exact", "Two warships")],
    ),
    (
        "Six howitzers were moved to the front.",
        [("artillery piece", 6, "artillery", "exact", "Six howitzers")],
    ),
    # No count: a model is still reported, a generic noun is not.
    ("Coalition jets bombed Syrian troops.", []),
    ("Warplanes struck the base and drones circled overhead.", []),
    ("Two F-16 pilots were rescued.", [("F-16", None, "aircraft", None, "F-16")]),
    ("Hundreds of ISIS fighters advanced.", []),
    ("40 trucks carrying food aid were stuck at the border.", []),
    ("A tornado hit the town and the Apache tribe held a meeting.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_equipment_sentences(sentence: str, expected: list[tuple]) -> None:
    doc = Document.parse(sentence)
    facts = equipment.extract(doc)
    got = [
        (f.value["type"], f.value["count"], f.value["category"], f.qualifier, f.text) for f in facts
    ]
    assert got == expected
    for fact in facts:
        assert fact.kind == fact.value["category"]
        assert doc.text[fact.start : fact.end] == fact.text


@pytest.mark.parametrize("alias", ["F16", "f-16", "F 16", "F-16's", "su-24", "MiG-29"])
def test_codes_match_with_or_without_hyphen_and_in_any_case(alias: str) -> None:
    facts = equipment.extract(Document.parse(f"Two {alias} jets flew over."))
    assert [f.value["count"] for f in facts] == [2]


def test_lexicon_categories_are_known() -> None:
    categories = {
        "aircraft",
        "drone",
        "helicopter",
        "tank",
        "missile",
        "vehicle",
        "artillery",
        "ship",
    }
    assert {c for c, _ in equipment.MODELS.values()} <= categories
    assert {c for c, _ in equipment.GENERIC.values()} <= categories


def test_samples_name_two_f16_and_two_a10_where_they_appear() -> None:
    found = []
    for path in sample_paths():
        doc = Document.parse(path.read_text(encoding="utf-8"))
        found += [
            (path.stem[:3], f.value["type"], f.value["count"]) for f in equipment.extract(doc)
        ]
    assert found == [
        ("000", "F-16", 2),
        ("000", "A-10", 2),
        ("001", "F-16", 2),
        ("001", "A-10", 2),
        ("004", "F-16", 2),
        ("004", "A-10", 2),
    ]
