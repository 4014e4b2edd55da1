"""Alias expansion over the real lexicon and real extracted spellings: one spelling in a query
finds every spelling; generic mentions never stand for a body."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from fastapi.testclient import TestClient

from corpus.facts.document import Document
from corpus.facts.pipeline import field_facts
from corpus.facts.resolver import is_generic_spelling
from search.aliases import AliasTable, expand_query, lexicon_groups

# Our own copy, run through the real extractors: their spellings grouped per entity, as the
# database groups them (``variant_groups``).
_COPY = (
    "Shelling hit Kiev overnight. Officials in Kyiv said the grid held. Rebels in Deir al-Zor "
    "clashed with troops near Deir ez-Zor airport. Officers of the Tampa Police Department came "
    "at once. Police said two men were hurt. Nigeria's army said 12 soldiers died; the army "
    "later raised the toll."
)


def _extracted_groups() -> list[list[str]]:
    doc = Document.parse(_COPY)
    groups: dict[str, set[str]] = defaultdict(set)
    for fact in [*field_facts("places", doc), *field_facts("organizations", doc)]:
        if not is_generic_spelling(fact.text):
            groups[fact.value["entity_id"]].add(fact.text)
    return [sorted(v) for v in groups.values() if len(v) > 1]


@pytest.fixture(scope="module")
def table() -> AliasTable:
    return AliasTable.build([*_extracted_groups(), *lexicon_groups()])


def _alternatives(expanded: str) -> set[str]:
    return {a.strip('"') for a in re.findall(r'"[^"]+"|[^\s()]+', expanded) if a != "OR"}


@pytest.mark.parametrize(
    ("query", "includes"),
    [
        ('"Deir al-Zor"', {"Deir al-Zor", "Deir ez-Zor"}),
        ("Kiev airport", {"Kiev", "Kyiv", "airport"}),
        ("kyiv AND shelling", {"Kiev", "Kyiv", "AND", "shelling"}),
        ("daesh", {"Daesh", "ISIL", "ISIS", "Islamic State", "Islamic State group"}),
        ('"Islamic State"', {"Daesh", "ISIS", "Islamic State"}),
        ("SOHR", {"SOHR", "Syrian Observatory for Human Rights"}),
        ("ICE raids", {"ICE", "Immigration and Customs Enforcement", "raids"}),
        ("Doctors Without Borders", {"MSF", "Médecins Sans Frontières"}),
    ],
)
def test_expand(table: AliasTable, query: str, includes: set[str]) -> None:
    expanded, used = expand_query(query, table)
    assert includes <= _alternatives(expanded)
    assert set(used) <= _alternatives(expanded)


@pytest.mark.parametrize(
    "query",
    [
        "ice storm",  # an acronym matches only as written
        "police",
        "the ministry",
        '"the army"',
        "army",
        "observatory",
        "deir",
        "kiev*",
        "Odesa",
    ],
)
def test_no_expansion(table: AliasTable, query: str) -> None:
    assert expand_query(query, table) == (query, ())


def test_generic_mentions_are_not_spellings() -> None:
    groups = _extracted_groups()
    assert ["Deir al-Zor", "Deir ez-Zor"] in groups
    flat = {s for group in groups for s in group}
    assert not flat & {"Police", "the army", "army"}


def test_every_multi_word_spelling_is_quoted(table: AliasTable) -> None:
    for group in (g for g in lexicon_groups() if len(g) > 1):
        expanded, _ = expand_query(f'"{group[0]}"', table)
        for spelling in group:
            if not re.fullmatch(r"\w+", spelling):
                assert f'"{spelling}"' in expanded, (group, expanded)


def test_alias_search_finds_every_spelling(sample_client: TestClient) -> None:
    body = sample_client.get("/search", params={"q": '"Deir al-Zor"', "limit": 100}).json()
    texts = " ".join(hit["passage"]["text"] for hit in body["hits"])
    for spelling in ("Deir al-Zor", "Deir ez-Zor", "Deir el-Zour", "Deir Ezzor"):
        assert spelling in texts
    assert set(body["variants"]) >= {"Deir ez-Zor", "Deir el-Zour", "Deir Ezzor"}


def test_a_generic_query_searches_only_itself(sample_client: TestClient) -> None:
    body = sample_client.get("/search", params={"q": '"the ministry"'}).json()
    assert body["variants"] == []
