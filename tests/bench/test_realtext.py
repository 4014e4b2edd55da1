"""bench/realtext.py: story layout, caching, and an unreachable registry giving nothing."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from bench import realtext

# A wire story in the Reuters-21578 layout, written for this test.
REUTERS_XML = """<REUTERS NEWID="9001">
 <DATE> 5-MAR-1987 10:11:12.13</DATE>
 <TEXT>
  <TITLE>ACME MILLS CLOSES PLANT</TITLE>
  <DATELINE>    DENVER, March 5 - </DATELINE>
  <BODY>Acme Mills Inc said it closed its
carding plant after a flood damaged
the ground floor.
    &quot;We expect to reopen in May,&quot; a spokesman said.
 Reuter</BODY>
 </TEXT>
</REUTERS>"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTDESK_BENCH_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_reuters_story_joins_wrapped_lines_and_keeps_the_dateline() -> None:
    article = realtext._reuters_21578(ElementTree.fromstring(REUTERS_XML))
    assert article is not None
    assert article["id"] == "reuters-9001"
    assert article["published"] == "1987-03-05"
    assert article["text"] == (
        "ACME MILLS CLOSES PLANT\n\n"
        "DENVER, March 5 - Acme Mills Inc said it closed its carding plant after a flood "
        "damaged the ground floor.\n"
        '"We expect to reopen in May," a spokesman said.'
    )


def test_lee_build_reads_latin1_and_drops_repeated_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wheel = tmp_path / "gensim-0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr(
            "gensim/test/test_data/lee_background.cor",
            "A bridge cost \u00a34 million to build.\nFloods closed two roads.\n".encode("latin-1"),
        )
        zf.writestr("gensim/test/test_data/lee.cor", b"Floods closed two roads.\nA fire burned.\n")
    monkeypatch.setattr(realtext, "_pip_download", lambda spec, dest, **kw: wheel)
    articles = realtext._build_lee(tmp_path)
    assert [a["id"] for a in articles] == ["lee-bg-001", "lee-bg-002", "lee-50-002"]
    assert articles[0]["text"] == "A bridge cost \u00a34 million to build."
    assert all(a["published"] is None and a["title"] is None for a in articles)


def test_newspaper4k_build_takes_text_and_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sdist = tmp_path / "newspaper4k-0.tar.gz"
    meta = {
        "title": "Storm floods valley",
        "url": "https://www.example.com/a",
        "publish_date": "2020-02-03T08:00:00+00:00",
    }
    with tarfile.open(sdist, "w:gz") as tf:
        for name, data in (
            ("newspaper4k-0/tests/data/txt/page.txt", b"Rain fell for three days.\r\n"),
            ("newspaper4k-0/tests/data/metadata/page.json", json.dumps(meta).encode()),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    monkeypatch.setattr(realtext, "_pip_download", lambda spec, dest, **kw: sdist)
    monkeypatch.setattr(realtext, "NEWSPAPER4K_PAGES", ("page",))
    [article] = realtext._build_newspaper4k(tmp_path)
    assert article == {
        "id": "np4k-page",
        "title": "Storm floods valley",
        "text": "Rain fell for three days.",
        "published": "2020-02-03",
        "source": "example.com",
        "url": "https://www.example.com/a",
    }


def test_unreachable_registry_gives_no_corpus_and_no_error(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(realtext, "_run", lambda cmd, cwd: False)
    assert realtext.load_corpora() == {}
    assert not list(cache.glob("*.jsonl"))


def test_a_fetched_corpus_is_cached_and_fetch_false_reads_only_the_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []

    def build(tmp: Path) -> list[realtext.Article]:
        calls.append(tmp)
        return [realtext._article("x-1", None, "A storm hit.", None, "Wire", None)]

    monkeypatch.setattr(realtext, "SOURCES", {"fake": build})
    assert realtext.load_corpora(fetch=False) == {}
    first = realtext.load_corpora()
    assert realtext.load_corpora(fetch=False) == first == realtext.load_corpora()
    assert len(calls) == 1
    assert first["fake"][0]["text"] == "A storm hit."


def test_cached_real_corpora_are_well_formed(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTDESK_BENCH_CACHE")
    corpora = realtext.load_corpora(fetch=False)
    if not corpora:
        pytest.skip("real corpora not fetched yet (python -m bench.realtext fetches them)")
    ids = [a["id"] for items in corpora.values() for a in items]
    assert len(ids) == len(set(ids))
    for items in corpora.values():
        for article in items:
            assert set(article) == {"id", "title", "text", "published", "source", "url"}
            assert article["text"] and "\r" not in (article["text"] or "")
