"""Alias expansion: one spelling in a query finds every spelling."""

from __future__ import annotations

import pytest

from search.aliases import AliasTable, expand_query

TABLE = AliasTable.build(
    [
        ["Deir ez-Zor", "Deir al-Zor", "Deir el-Zour", "Deir Ezzor"],
        ["ISIS", "IS", "ISIL", "Islamic State", "Daesh"],
        ["Kyiv", "Kiev"],
    ]
)


@pytest.mark.parametrize(
    ("query", "expanded", "variants"),
    [
        (
            '"Deir al-Zor"',
            '("Deir Ezzor" OR "Deir al-Zor" OR "Deir el-Zour" OR "Deir ez-Zor")',
            ("Deir Ezzor", "Deir el-Zour", "Deir ez-Zor"),
        ),
        ("Kiev airport", "(Kiev OR Kyiv) airport", ("Kyiv",)),
        ("kyiv AND shelling", "(Kiev OR Kyiv) AND shelling", ("Kiev",)),
        ("daesh", '(Daesh OR ISIL OR ISIS OR "Islamic State") ', ("ISIL", "ISIS", "Islamic State")),
        ("deir", "deir", ()),
        ("kiev*", "kiev*", ()),
        ("Odesa", "Odesa", ()),
    ],
)
def test_expand(query: str, expanded: str, variants: tuple[str, ...]) -> None:
    result, used = expand_query(query, TABLE)
    assert result.strip() == expanded.strip()
    assert used == variants


def test_alias_search_finds_every_spelling(sample_client) -> None:
    body = sample_client.get("/search", params={"q": '"Deir al-Zor"', "limit": 100}).json()
    texts = " ".join(hit["passage"]["text"] for hit in body["hits"])
    for spelling in ("Deir al-Zor", "Deir ez-Zor", "Deir el-Zour", "Deir Ezzor"):
        assert spelling in texts
    assert set(body["variants"]) >= {"Deir ez-Zor", "Deir el-Zour", "Deir Ezzor"}
