"""bench/own_questions.py: the stored rows, their split, and resolving references at load time."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bench import own_questions as oq
from bench import realtext

CORPORA = ("samples", *oq.REF_CORPORA)
TYPES = {
    "how_many_casualties",
    "how_many_other",
    "who_role",
    "who_is",
    "who_said",
    "who_person",
    "where",
    "when",
    "which_org",
    "abstain",
}
ROWS = {corpus: oq.read_rows(corpus) for corpus in CORPORA}
ALL_ROWS = [row for rows in ROWS.values() for row in rows]
DEV_ROW = re.compile(r"[a-z]+-d\d+")  # development rows added after the split was fixed


def test_there_are_enough_questions_of_every_type_and_ids_are_unique() -> None:
    assert len(ALL_ROWS) >= 150
    assert len({row["id"] for row in ALL_ROWS}) == len(ALL_ROWS)
    types = Counter(row["type"] for row in ALL_ROWS)
    assert set(types) == TYPES
    assert types["abstain"] >= 0.10 * len(ALL_ROWS)


@pytest.mark.parametrize("corpus", CORPORA)
def test_about_a_third_of_each_corpus_is_held_out_by_the_hash_of_the_id(corpus: str) -> None:
    added = [row for row in ROWS[corpus] if DEV_ROW.fullmatch(row["id"])]
    assert all(row["split"] == "dev" for row in added)  # written later, for development
    rows = [row for row in ROWS[corpus] if not DEV_ROW.fullmatch(row["id"])]
    for row in rows:
        by_hash = int(hashlib.sha1(row["id"].encode()).hexdigest(), 16) % 3 == 0
        assert row["split"] == ("test" if by_hash else "dev"), row["id"]
    held_out = sum(row["split"] == "test" for row in rows) / len(rows)
    assert 0.25 <= held_out <= 0.42


@pytest.mark.parametrize("corpus", oq.REF_CORPORA)
def test_reference_rows_are_well_formed(corpus: str) -> None:
    for row in ROWS[corpus]:
        assert row["q"].count("{") == len(row["slots"]), row["id"]
        assert re.fullmatch(r"[0-9a-f]{8}", row["check"])
        expects = row.get("expect_spans") or row.get("expect_numbers") or row.get("expect_date")
        assert bool(expects) != (row["type"] == "abstain"), row["id"]
        # A question in general words ("Who is the Chief of the Army?") takes no slot; the
        # check then covers what it expects, so some article text is always checked.
        assert row["slots"] or row.get("expect_spans") or row.get("expect_date"), row["id"]


def test_sample_questions_name_their_article_and_what_it_says(
    sample_texts: dict[str, str],
) -> None:
    for row in ROWS["samples"]:
        if row["type"] == "abstain":
            assert row["article"] is None and row["expect"] == []
            continue
        text = sample_texts[row["article"]].lower()
        strings = [e for e in row["expect"] if isinstance(e, str)]
        assert row["expect"], row["id"]
        if strings and row["type"] != "when":
            assert any(s.lower() in text for s in strings), row["id"]


def _article(text: str, published: str | None = "2016-09-18") -> dict[str, Any]:
    return {"id": "a-1", "text": text, "published": published}


def _row(text: str, slots: list[str], spans: list[str], **extra: Any) -> dict[str, Any]:
    slot_offsets = [[text.index(s), text.index(s) + len(s)] for s in slots]
    span_offsets = [[text.index(s), text.index(s) + len(s)] for s in spans]
    date_text = (
        [text[a:b] for a, b in [extra["expect_date"]["span"]]]
        if "span" in extra.get("expect_date", {})
        else []
    )
    return {
        "id": "t-1",
        "article": "a-1",
        "q": "Who is the mayor of {0}?",
        "slots": slot_offsets,
        "expect_spans": span_offsets,
        "type": "who_role",
        "split": "dev",
        "check": oq.check_digest(slots + spans + date_text),
        **extra,
    }


TEXT = "Floods hit Eastvale on Saturday, Mayor Ann Holt said. Four homes were destroyed on May 2."


def test_a_reference_row_is_filled_from_its_article() -> None:
    question = oq.resolve(_row(TEXT, ["Eastvale"], ["Ann Holt"]), "abc-lee", _article(TEXT))
    assert question is not None
    assert question["q"] == "Who is the mayor of Eastvale?"
    assert question["expect"] == ["Ann Holt"]
    assert question["article_id"] == "a-1" and question["corpus"] == "abc-lee"


def test_a_changed_article_or_a_missing_one_skips_the_row() -> None:
    row = _row(TEXT, ["Eastvale"], ["Ann Holt"])
    assert oq.resolve(row, "abc-lee", _article(TEXT.replace("Eastvale", "Westvale"))) is None
    assert oq.resolve(row, "abc-lee", None) is None


def test_a_weekday_date_is_counted_back_from_publication() -> None:
    row = _row(TEXT, ["Eastvale"], [], expect_date={"days_before_published": 1})
    question = oq.resolve(row, "abc-lee", _article(TEXT))
    assert question is not None
    assert question["expect"] == ["2016-09-17", "September 17", "17 September", "Sept. 17"]


def test_a_written_date_without_a_known_year_gets_no_iso_form() -> None:
    start = TEXT.index("May 2")
    row = _row(TEXT, ["Eastvale"], [], expect_date={"span": [start, start + 5]})
    undated = oq.resolve(row, "abc-lee", _article(TEXT, published=None))
    dated = oq.resolve(row, "abc-lee", _article(TEXT, published="2016-09-18"))
    assert undated is not None and dated is not None
    assert undated["expect"] == ["May 2", "2 May"]
    assert dated["expect"] == ["2016-05-02", "May 2", "2 May"]


def test_abstain_rows_expect_nothing_and_name_no_article() -> None:
    row = _row(TEXT, ["Eastvale"], [], type="abstain")
    question = oq.resolve(row, "abc-lee", _article(TEXT))
    assert question is not None
    assert question["expect"] == [] and question["article_id"] is None


def _check_resolved(corpus: str, texts: dict[str, dict[str, Any]]) -> None:
    questions = oq.load_questions(articles={corpus: texts})
    mine = [q for q in questions if q["corpus"] == corpus]
    assert len(mine) == len(ROWS[corpus]), "rows whose article changed or is missing"
    by_id = {q["id"]: q for q in mine}
    for row in ROWS[corpus]:
        question = by_id[row["id"]]
        assert "{" not in question["q"]
        for start, end in row.get("expect_spans", []):
            assert texts[row["article"]]["text"][start:end].strip()
        if row["type"] != "abstain":
            assert question["expect"] and question["article_id"] in texts


def test_news_dev_rows_resolve() -> None:
    folder = oq.news_dev_dir()
    if folder is None:
        pytest.skip("news-dev data not present")
    with (folder / "articles.jsonl").open(encoding="utf-8") as fh:
        texts = {a["id"]: a for a in map(json.loads, fh)}
    _check_resolved("news-dev", texts)


@pytest.mark.parametrize("corpus", ["abc-lee", "reuters", "newspaper4k"])
def test_realtext_rows_resolve(corpus: str) -> None:
    items = realtext.load_corpora([corpus], fetch=False).get(corpus)
    if not items:
        pytest.skip(f"{corpus} not fetched yet (python -m bench.realtext fetches it)")
    _check_resolved(corpus, {str(a["id"]): a for a in items})


def test_questions_dir_holds_only_the_known_corpora() -> None:
    names = {p.stem for p in Path(oq.QUESTIONS_DIR).glob("*.jsonl")}
    assert names == set(CORPORA)
