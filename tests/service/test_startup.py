"""The database is the source of truth: startup repairs a missing or stale index."""

from __future__ import annotations

import shutil

from fastapi.testclient import TestClient
from sqlmodel import Session

from corpus.db import make_engine, sqlite_url
from corpus.tables import Article
from search.whoosh.index import WhooshIndex
from service.app import create_app
from service.cli import main
from service.settings import Settings


def _count(settings: Settings, q: str = "Tharda") -> int:
    with TestClient(create_app(settings)) as client:
        return int(client.get("/search", params={"q": q, "limit": 100}).json()["total"])


def test_samples_are_seeded_into_an_empty_database(settings: Settings) -> None:
    seeded = settings.model_copy(update={"seed_samples": True})
    with TestClient(create_app(seeded)) as client:
        assert client.get("/health").json()["articles"] == 5
    with TestClient(create_app(seeded)) as client:  # not twice
        assert client.get("/health").json()["articles"] == 5


def test_deleted_index_is_rebuilt_on_startup(settings: Settings) -> None:
    seeded = settings.model_copy(update={"seed_samples": True})
    before = _count(seeded)
    shutil.rmtree(settings.index_dir)
    assert _count(settings) == before > 0


def test_stale_index_is_repaired_on_startup(settings: Settings) -> None:
    seeded = settings.model_copy(update={"seed_samples": True})
    before = _count(seeded)
    # An article the database has but the index lacks, and passages of one it no longer has.
    engine = make_engine(sqlite_url(settings.data_dir))
    with Session(engine) as session:
        session.add(
            Article(content_hash="x" * 64, text="A lone story about Tharda.", passage_count=1)
        )
        session.commit()
    engine.dispose()
    index = WhooshIndex.open(settings.index_dir)
    index.add_articles([Article(id=999, content_hash="y", text="Ghost Tharda passage.")])
    index.close()
    assert _count(settings) == before + 1
    assert _count(settings, "ghost") == 0


def test_reindex_command_rebuilds_from_the_database(
    settings: Settings, monkeypatch, capsys
) -> None:
    seeded = settings.model_copy(update={"seed_samples": True})
    before = _count(seeded)
    monkeypatch.setenv("FACTDESK_DATA_DIR", str(settings.data_dir))
    assert main(["reindex"]) == 0
    assert "reindexed" in capsys.readouterr().out
    assert _count(settings) == before


def test_ingest_command_reads_files_and_folders(
    settings: Settings, tmp_path, monkeypatch, capsys
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("A plain text story about rain.")
    (folder / "b.html").write_text(
        "<html><body><nav>Home | About | Contact</nav><article><p>"
        + "Heavy rain flooded the valley and forced thousands of residents to leave their homes "
        "on Tuesday, officials said, as rescue teams worked through the night. "
        * 3
        + "</p></article><footer>Copyright 2024</footer></body></html>"
    )
    (folder / "c.jsonl").write_text('{"text": "Line one story."}\n{"text": "Line two story."}\n')
    (folder / "d.json").write_text('[{"text": "JSON story.", "source": "Wire"}]')
    monkeypatch.setenv("FACTDESK_DATA_DIR", str(settings.data_dir))
    assert main(["ingest", str(folder)]) == 0
    assert "ingested 5 new" in capsys.readouterr().out
    assert main(["ingest", str(folder)]) == 0
    assert "0 new article(s), 5 already" in capsys.readouterr().out
    with TestClient(create_app(settings)) as client:
        texts = [
            client.get(f"/articles/{a['id']}").json()["text"]
            for a in client.get("/articles").json()["articles"]
        ]
    html_text = next(t for t in texts if "Heavy rain" in t)
    assert "Home | About" not in html_text and "Copyright" not in html_text
