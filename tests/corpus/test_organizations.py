"""Organizations: alias normalisation, mention rules on varied copy, and the sample corpus."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.facts import organizations
from corpus.facts.document import Document
from corpus.facts.organizations import canonical_organization, organization_aliases

SAMPLE_PUBLISHED = {"000": date(2016, 9, 18), "001": date(2016, 9, 17), "004": date(2016, 9, 18)}


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("ISIS", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("IS", "Islamic State"),
        ("is", None),  # the verb, never the group
        ("Daesh", "Islamic State"),
        ("the Islamic State group", "Islamic State"),
        ("SOHR", "Syrian Observatory for Human Rights"),
        ("The observatory", None),  # generic: names only a body named before it
        ("CENTCOM", "U.S. Central Command"),
        ("US Central Command", "U.S. Central Command"),
        ("Syrian Arab News Agency", "SANA"),
        ("U.N. Security Council", "UN Security Council"),
        ("Russia’s Defence Ministry", "Russian Defense Ministry"),
        ("Russian Ministry of Defense", "Russian Defense Ministry"),
        ("WHO", "World Health Organization"),
        ("who", None),
        ("guardian", None),
        ("The Guardian", "The Guardian"),
        ("Hizbollah", "Hezbollah"),
        ("Jabhat al-Nusra", "Fateh al-Sham Front"),
        ("US", None),  # a country, not an organization
        ("U.S.", None),
        ("Acme Widgets", None),
    ],
)
def test_canonical_organization(mention: str, expected: str | None) -> None:
    org = canonical_organization(mention)
    assert (org.name if org else None) == expected


def test_alias_groups_share_one_entity() -> None:
    ids = {canonical_organization(a).entity_id for a in ("ISIS", "IS", "ISIL", "Daesh")}  # type: ignore[union-attr]
    assert ids == {"organization:islamic-state"}
    assert "Daesh" in organization_aliases()["Islamic State"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Israel's Defense Ministry said drills were over. The ministry added no one was hurt.",
            [("Israel's Defense Ministry", "Israeli Defense Ministry"),
             ("The ministry", "Israeli Defense Ministry")],
        ),
        (
            "The Turkish army shelled YPG positions, the state-run Anadolu Agency reported.",
            [("Turkish army", "Turkish Army"), ("YPG", "People's Protection Units"),
             ("Anadolu Agency", "Anadolu Agency")],
        ),
        (
            "Hezbollah fighters clashed with the Free Syrian Army outside Aleppo.",
            [("Hezbollah", "Hezbollah"), ("Free Syrian Army", "Free Syrian Army")],
        ),
        (
            "The Deir ez-Zor Military Council said it had captured the village.",
            [("Deir ez-Zor Military Council", "Deir ez-Zor Military Council")],
        ),
        (
            "Iraq's Ministry of Foreign Affairs condemned the raid.",
            [("Iraq's Ministry of Foreign Affairs", "Iraqi Foreign Ministry")],
        ),
        (
            "Doctors Without Borders (MSF) said three hospitals were hit in 2019.",
            [("Doctors Without Borders", "Doctors Without Borders"),
             ("MSF", "Doctors Without Borders")],
        ),
        ("WHAT IS HAPPENING IN MOSUL TONIGHT", []),  # a shouted headline: "IS" is a verb
        ("This is what the US and the UK wanted.", []),
        ("The Kenya Defence Forces said al-Shabab lost 40 men.",
         [("Kenya Defence Forces", "Kenya Defence Forces"), ("al-Shabab", "al-Shabaab")]),
        ("Ukraine's foreign ministry summoned the envoy.",
         [("Ukraine's foreign ministry", "Ukrainian Foreign Ministry")]),
        ("Sky News and the BBC said the Taliban had taken Kabul.",
         [("Sky News", "Sky News"), ("BBC", "BBC"), ("the Taliban", "Taliban")]),
        # Headline case: no phrase discovery ("Strikes Syrian Army" is not a name).
        ("US-Led Coalition Air Raid Strikes Syrian Army as Truce Wavers",
         [("Syrian Army", "Syrian Army")]),
        ("Reports said REUTERS and AFP were at the scene.",
         [("REUTERS", "Reuters"), ("AFP", "Agence France-Presse")]),
    ],
)  # fmt: skip
def test_organization_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    facts = organizations.extract(Document.parse(text))
    assert [(f.text, f.value["name"]) for f in facts] == expected
    for fact in facts:
        assert fact.kind == "organization" and fact.value["role"] is None
        assert fact.value["entity_id"].startswith("organization:")


def test_unqualified_alias_refers_to_the_nearest_owner() -> None:
    text = (
        "Russia's Defense Ministry reported strikes. Iran's foreign ministry protested. "
        "The Defense Ministry later said the foreign ministry was misinformed."
    )
    names = [(f.text, f.value["name"]) for f in organizations.extract(Document.parse(text))]
    assert ("The Defense Ministry", "Russian Defense Ministry") in names
    assert ("the foreign ministry", "Iranian Foreign Ministry") in names


def _sample_facts(sample_texts: dict[str, str]) -> dict[str, list]:
    return {
        stem: organizations.extract(Document.parse(text, SAMPLE_PUBLISHED.get(stem[:3])))
        for stem, text in sample_texts.items()
    }


def test_sample_aliases_group(sample_texts: dict[str, str]) -> None:
    facts = [f for group in _sample_facts(sample_texts).values() for f in group]
    by_entity: dict[str, set[str]] = {}
    for fact in facts:
        by_entity.setdefault(fact.value["entity_id"], set()).add(fact.text)
    assert {"ISIS", "IS", "ISIL", "Islamic State", "Daesh"} <= by_entity[
        "organization:islamic-state"
    ]
    observatory = by_entity["organization:syrian-observatory-for-human-rights"]
    assert {"Syrian Observatory for Human Rights", "the observatory"} <= observatory
    assert {"CENTCOM", "U.S. Central Command"} <= by_entity["organization:u-s-central-command"]
    assert not any(f.text in {"US", "U.S."} for f in facts)


def test_sample_offsets_slice_exactly(sample_texts: dict[str, str]) -> None:
    for stem, facts in _sample_facts(sample_texts).items():
        text = sample_texts[stem]
        assert facts
        for fact in facts:
            assert text[fact.start : fact.end] == fact.text
            assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end
