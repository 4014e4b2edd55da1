"""Places: transliteration keys, gazetteer look-ups, mention rules, and the sample corpus."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.facts.document import Document
from corpus.facts.gazetteer import lookup_place, place_key
from corpus.facts.pipeline import field_facts

SAMPLE_PUBLISHED = {"000": date(2016, 9, 18), "001": date(2016, 9, 17), "004": date(2016, 9, 18)}


@pytest.mark.parametrize(
    ("spellings"),
    [
        ("Deir ez-Zor", "Deir al-Zor", "Deir Ezzor", "Deir ez Zor", "Deir el Zor"),
        ("Deir el-Zour", "Deir al-Zour", "Deir Zour"),
        ("Raqqa", "Raqqah", "al-Raqqa", "Ar-Raqqah"),
        ("Mosul", "Mossoul"),
        ("Tartus", "Tartous", "Ṭarṭūs"),
        ("Sanaa", "Sana'a", "Sana’a"),
        ("Türkiye", "Turkiye"),
    ],
)
def test_transliterations_share_a_key(spellings: tuple[str, ...]) -> None:
    assert len({place_key(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("name", "canonical", "country", "kind"),
    [
        ("Deir ez-Zor", "Deir ez-Zor", "SY", "city"),
        ("Dayr az-Zawr", "Deir ez-Zor", "SY", "city"),
        ("Deir el-Zour", "Deir ez-Zor", "SY", "city"),
        ("Dair al-Zaur", "Deir ez-Zor", "SY", "city"),
        ("Deir Ezzor", "Deir ez-Zor", "SY", "city"),  # an assimilated article
        ("Dayr az Zawr", "Deir ez-Zor", "SY", "city"),  # the gazetteer's names, vowel-folded
        ("Deir el-Zour", "Deir ez-Zor", "SY", "city"),
        ("Deir Zour", "Deir ez-Zor", "SY", "city"),
        ("Raqqa", "Raqqa", "SY", "city"),
        ("Iraq", "Iraq", "IQ", "country"),
        ("U.S.", "United States", "US", "country"),
        ("U. S.", "United States", "US", "country"),
        ("Britain", "United Kingdom", "GB", "country"),
        ("Türkiye", "Turkey", "TR", "country"),
        ("Kiev", "Kyiv", "UA", "city"),
        ("Kharkov", "Kharkiv", "UA", "city"),
        ("Hims", "Homs", "SY", "city"),
        ("Idleb", "Idlib", "SY", "city"),
        ("Bishkek", "Bishkek", "KG", "city"),
        ("Hangzhou", "Hangzhou", "CN", "city"),
        ("Geneva", "Geneva", "CH", "city"),
        ("New York", "New York", "US", "city"),
        ("Gaza Strip", "Gaza Strip", "PS", "region"),
        ("Europe", "Europe", None, "region"),
    ],
)
def test_lookup_place(name: str, canonical: str, country: str | None, kind: str) -> None:
    place = lookup_place(name)
    assert place is not None
    assert (place.canonical, place.country, place.kind) == (canonical, country, kind)


@pytest.mark.parametrize("word", ["Syrian", "Russian", "Putin", "Konashenkov", "Assad", "Reuters"])
def test_not_in_the_gazetteer(word: str) -> None:
    assert lookup_place(word) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syrian and Russian jets struck rebels.", []),  # demonyms are not places
        ("Washington said Moscow was to blame.", [("Washington", "Washington"),
                                                  ("Moscow", "Moscow")]),
        ("Under the Russia-US deal, aid reached Aleppo.", [("Russia", "Russia"),
                                                           ("US", "United States"),
                                                           ("Aleppo", "Aleppo")]),
        ("Nice weather brought crowds to the coast.", []),
        ("Crowds gathered in Nice on the seafront.", [("Nice", "Nice")]),
        ("Mobile phones were banned in Mobile, Alabama.", [("Mobile", "Mobile")]),
        ("Split decisions are rare.", []),
        ("The Obama administration expressed regret.", []),  # Obama, Japan: small and unnamed
        ("President Obama met Ben Norton.", []),
        ("Protests spread from Tripoli to Benghazi.", [("Tripoli", "Tripoli"),
                                                       ("Benghazi", "Benghazi")]),
        ("The Washington Post reported clashes in Homs.", [("Homs", "Homs")]),
        ("Rebels held Dayr az-Zawr and the Golan Heights.", [("Dayr az-Zawr", "Deir ez-Zor"),
                                                             ("Golan Heights", "Golan Heights")]),
        ("The Islamic State of Iraq and the Levant lost ground.", []),  # inside an organization
        # "Une" and "Nous" fold to alternate names of Turkish and German towns; Mossoul is Mosul.
        ("Une délégation est arrivée. Nous avons vu Mossoul.", [("Mossoul", "Mosul")]),
    ],
)  # fmt: skip
def test_place_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    facts = field_facts("places", Document.parse(text))
    assert [(f.text, f.value["canonical"]) for f in facts] == expected


@pytest.mark.parametrize(
    ("spellings"),
    [
        ("Deir ez-Zor", "Deir al-Zor", "Deir el-Zour", "Deir Ezzor", "Dayr az Zawr", "Deir Zour"),
        ("Khan Shaykhun", "Khan Sheikhoun", "Khan Shaikhoun"),
        ("Dayr Hafir", "Deir Hafer"),
    ],
)
def test_transliterations_find_one_place(spellings: tuple[str, ...]) -> None:
    assert len({lookup_place(s) for s in spellings}) == 1
    assert lookup_place(spellings[0]) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels shelled the al-Marwa Mountain near Homs at dawn.",
         [("al-Marwa Mountain", "Jebel Marwa", "Homs"), ("Homs", "Homs", None)]),
        ("Troops took Jabal al-Marwa, in the region of Homs, on Monday.",
         [("Jabal al-Marwa", "Jebel Marwa", "Homs"), ("Homs", "Homs", None)]),
        ("Climbers were rescued from Mount Kelvar outside Nairobi.",
         [("Mount Kelvar", "Mount Kelvar", "Nairobi"), ("Nairobi", "Nairobi", None)]),
        ("Hikers vanished on Greystone Mountain in Montana.",
         [("Greystone Mountain", "Greystone Mountain", "Montana"), ("Montana", "Montana", None)]),
        ("A fire burned on Jebel Qadir.", [("Jebel Qadir", "Jebel Qadir", None)]),
        ("Shots were fired on Mount Kelvar Street late on Friday.", []),  # a street's name
        ("The Fire Department arrived within minutes of the call.", []),  # a body, no place
    ],
)  # fmt: skip
def test_landmarks_by_construction(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    facts = field_facts("places", Document.parse(text))
    assert [(f.text, f.value["canonical"], f.value.get("near")) for f in facts] == expected
    for fact in facts:
        if fact.kind == "landmark":
            assert fact.value["entity_id"] == "place:" + fact.value["canonical"].lower().replace(
                " ", "-"
            )


def test_context_picks_the_named_country() -> None:
    facts = field_facts("places", Document.parse("Tripoli, in northern Lebanon, saw clashes."))
    assert [(f.text, f.value["country"]) for f in facts] == [("Tripoli", "LB"), ("Lebanon", "LB")]


def _sample_facts(sample_texts: dict[str, str]) -> dict[str, list]:
    return {
        stem: field_facts("places", Document.parse(text, SAMPLE_PUBLISHED.get(stem[:3])))
        for stem, text in sample_texts.items()
    }


def test_sample_deir_ez_zor_spellings_group(sample_texts: dict[str, str]) -> None:
    facts = [f for group in _sample_facts(sample_texts).values() for f in group]
    deir = [f for f in facts if f.text.startswith("Deir")]
    assert {f.text for f in deir} == {"Deir ez-Zor", "Deir al-Zor", "Deir el-Zour", "Deir Ezzor"}
    assert {f.value["entity_id"] for f in deir} == {"place:deir-ez-zor"}
    assert {(f.value["canonical"], f.value["country"]) for f in deir} == {("Deir ez-Zor", "SY")}
    assert all(f.value["lat"] and f.value["lon"] for f in deir)


def test_sample_jebel_tharda_is_one_landmark(sample_texts: dict[str, str]) -> None:
    facts = [f for group in _sample_facts(sample_texts).values() for f in group]
    tharda = [f for f in facts if "Tharda" in f.text]
    assert {f.text for f in tharda} == {"al-Tharda Mountain", "Jebel Tharda"}
    assert {(f.kind, f.value["entity_id"], f.value["near"]) for f in tharda} == {
        ("landmark", "place:jebel-tharda", "Deir ez-Zor")
    }


def test_sample_places_found(sample_texts: dict[str, str]) -> None:
    found = {f.value["canonical"] for group in _sample_facts(sample_texts).values() for f in group}
    assert {
        "Iraq", "Turkey", "Syria", "Aleppo", "Raqqa", "Bishkek", "Hangzhou", "China", "Damascus",
        "Moscow", "Washington", "Geneva", "New York", "Beirut", "United States", "Russia",
    } <= found  # fmt: skip
    assert "Obama" not in found


def test_sample_offsets_slice_exactly(sample_texts: dict[str, str]) -> None:
    for stem, facts in _sample_facts(sample_texts).items():
        text = sample_texts[stem]
        for fact in facts:
            assert text[fact.start : fact.end] == fact.text == fact.value["name"]
            assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end


_WORDS = st.sampled_from(
    ["Deir", "ez-Zor", "el-Zour", "al-Tharda", "Mountain", "Jebel", "Tharda", "U.", "S.", "U.S.",
     "US-led", "Russia-US", "Nice", "Split", "in", "near", "New", "York", "Washington", "Post",
     "President", "Obama", "Syrian", "-", ",", ".", " ", "\n", "Türkiye", "Ḩamāh", "'s", "’s"]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=60).map(" ".join))
@settings(max_examples=150, deadline=None)
def test_any_text_keeps_the_offset_invariant(text: str) -> None:
    for fact in field_facts("places", Document.parse(text)):
        assert text[fact.start : fact.end] == fact.text
        assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A town's name used for a person: with an age, "who", a title, or named so elsewhere.
        ("Police said Jackson, 19, was arrested after the shooting.", []),
        ("Neighbors said Bryant Silk, 34, had fired first.", []),
        ("Police said Zariah, whose mother called them, was hurt.", []),
        ("Officer Tom Jackson fired twice. Later Jackson told reporters the suspect ran.", []),
        # ... but a strong locative still makes it the town, and a town a person is from stays.
        ("A man was shot in Jackson on Sunday. Police said Jackson, 19, was arrested.",
         [("Jackson", "Jackson")]),
        ("Mayor Lee spoke in Jackson on Monday.", [("Jackson", "Jackson")]),
        ("The victim, 17, of Joliet, who was a student, died.", [("Joliet", "Joliet")]),
        # A town's name before Street/Avenue/Road... names a street, which may be in any city.
        ("Shots were fired on Summit Street late Friday.", []),
        ("The crash closed Austin Avenue in Waco.", [("Waco", "Waco")]),
        ("Two men were hurt near Chandler Highway.", []),
        ("Four were shot near West End and Kilbourn Avenues in Chicago.",
         [("Chicago", "Chicago")]),
        ("New details emerged in the Mason county shooting.", [("Mason", "Mason County")]),
        # A direction before a city is part of it; a fragment of a longer name is not a place.
        ("One man died in a shooting in SW Houston on Friday.", [("Houston", "Houston")]),
        ("Three were wounded in East Pittsburgh on Friday.", [("Pittsburgh", "Pittsburgh")]),
        ("Protesters marched in South Los Angeles on Sunday.", [("Los Angeles", "Los Angeles")]),
        ("The storm hit Central Florida overnight.", []),  # not Central, Louisiana
        # "<town> man/teen/police" names the town's people: a locative cue for a small town.
        ("A Sulphur man was charged with murder.", [("Sulphur", "Sulphur")]),
        ("A Largo teen was hurt in an accidental shooting.", [("Largo", "Largo")]),
        # A small town's county may be any state's; a big city's holds the city.
        ("Three people were shot in Kankakee County on Friday.", [("Kankakee", "Kankakee County")]),
        ("A fire broke out in Dallas County, Texas.", [("Dallas", "Dallas")]),
        ("He was shot in the 3000 block of Miami on Sunday.", []),  # a street
        # A variant spelling of a town in a country the article never names, among others'.
        ("Friends say the man from Lowry City lived in Shelby.", [("Shelby", "Shelby")]),
        ("Deir Ezzor and Raqqa were bombed, Moscow said.",
         [("Deir Ezzor", "Deir ez-Zor"), ("Raqqa", "Raqqa"), ("Moscow", "Moscow")]),
        # A town's name used for a neighbourhood is that neighbourhood throughout the article.
        ("Two were shot in Austin on Friday. It happened in the Austin neighborhood, Chicago "
         "police said.", [("Chicago", "Chicago")]),
        ("A man was shot in Austin, Texas.", [("Austin", "Austin")]),
        ("A man was shot in the Austin neighborhood on Friday.", []),
        # ... unless the town lies by another the article names, or it names none and is small.
        ("A man was shot in the West Englewood neighborhood, Chicago police said.",
         [("West Englewood", "West Englewood"), ("Chicago", "Chicago")]),
        ("Five men were shot in the East Garfield Park neighborhood.",
         [("East Garfield Park", "East Garfield Park")]),
        # Metonyms of big cities stay places before a verb of saying.
        ("Damascus said rebels fired first.", [("Damascus", "Damascus")]),
    ],
)  # fmt: skip
def test_places_against_person_street_and_fragment_readings(
    text: str, expected: list[tuple[str, str]]
) -> None:
    facts = field_facts("places", Document.parse(text))
    assert [(f.text, f.value["canonical"]) for f in facts] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A capitalised local body keeps its owning town a place ("Chicago Police").
        ("A boy was shot on Friday, according to Chicago Police.", [("Chicago", "Chicago")]),
        ("Three men were hurt, the Dayton Police Department said.", [("Dayton", "Dayton")]),
        # An upper-case dateline opening a paragraph names a town, never a person.
        ("Shots on the West Side\n\nCHICAGO — A man was shot on Friday, police said.",
         [("CHICAGO", "Chicago")]),
        ("Man hurt\n\nDAYTON, Ohio (AP) — A man was hurt on Friday.", [("DAYTON", "Dayton")]),
    ],
)  # fmt: skip
def test_places_owning_a_local_body_or_opening_a_dateline(
    text: str, expected: list[tuple[str, str]]
) -> None:
    facts = field_facts("places", Document.parse(text))
    assert [(f.text, f.value["canonical"]) for f in facts][: len(expected)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A small town's name the article also gives as a county's is that county throughout.
        ("Kankakee County police said a man was shot. It was the third shooting in Kankakee.",
         [("Kankakee", "Kankakee County"), ("Kankakee", "Kankakee County")]),
        ("Three were hurt in Sumter County on Friday. Police in Sumter said two were held.",
         [("Sumter", "Sumter County"), ("Sumter", "Sumter County")]),
        # A big city keeps its name beside its county ("Dallas County" holds Dallas).
        ("A man was shot in Dallas, Dallas County officials said.",
         [("Dallas", "Dallas"), ("Dallas", "Dallas")]),
    ],
)  # fmt: skip
def test_a_county_shortened_to_its_name(text: str, expected: list[tuple[str, str]]) -> None:
    facts = field_facts("places", Document.parse(text))
    assert [(f.text, f.value["canonical"]) for f in facts] == expected
