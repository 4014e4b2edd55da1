"""The command line keeps going past bad files and says which database it used."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from sqlmodel import Session

from corpus.articles import article_stats
from corpus.db import make_engine, sqlite_url
from service import ingest_command
from service.cli import main
from service.ingest_command import IngestReport, Progress


def _stored(data_dir: Path) -> int:
    engine = make_engine(sqlite_url(data_dir))
    with Session(engine) as session:
        count = article_stats(session)[0]
    engine.dispose()
    return count


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of good and bad article files, a symlink out of it and a FIFO."""
    inside = tmp_path / "in"
    (inside / "sub").mkdir(parents=True)
    (inside / "good.txt").write_text("Rain flooded the low streets of the river town overnight.")
    (inside / "sub" / "good.json").write_text('{"text": "A bridge reopened after repairs."}')
    (inside / "latin1.txt").write_bytes("Caf\xe9 owners met the mayor.".encode("latin-1"))
    (inside / "empty.md").write_text("  \n")
    (inside / "broken.json").write_text('{"text": "unfinished')
    (inside / "lines.jsonl").write_text('{"text": "First line story."}\n[1, 2]\n')
    (inside / "notes.pdf").write_bytes(b"%PDF-1.4")
    outside = tmp_path / "outside.txt"
    outside.write_text("A story outside the folder about a harbour.")
    (inside / "link.txt").symlink_to(outside)
    (inside / "inner-link.txt").symlink_to(inside / "good.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(inside / "pipe.txt")  # reading it would block forever
    return inside


def test_ingest_names_each_bad_file_and_ingests_the_rest(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    code = main(["ingest", "--data-dir", str(data_dir), str(folder), str(tmp_path / "nothere")])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"failed {folder / 'latin1.txt'}: not UTF-8 text (byte 0xe9 at offset 3)" in err
    assert f"failed {folder / 'empty.md'}: empty file" in err
    assert f"failed {folder / 'broken.json'}: not JSON (" in err
    assert f"failed {folder / 'lines.jsonl'}: line 2: each article must be an object" in err
    assert f"failed {tmp_path / 'nothere'}: no such file or directory" in err
    assert f"skipped {folder / 'notes.pdf'}: unsupported file type" in err
    assert f"skipped {folder / 'link.txt'}: symlink to outside the folder" in err
    if hasattr(os, "mkfifo"):
        assert f"skipped {folder / 'pipe.txt'}: not a regular file" in err
    assert f"database: {(data_dir / 'factdesk.db').resolve()} (new)" in err
    # good.txt, its link inside the folder (the same text), sub/good.json
    assert out.strip() == (
        "ingested 2 new article(s), 1 already stored, from 3 of 8 file(s); 5 failed, "
        f"{3 if hasattr(os, 'mkfifo') else 2} skipped"
    )
    assert _stored(data_dir) == 2


def test_a_missing_path_is_no_such_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing-folder"
    assert main(["ingest", "--data-dir", str(tmp_path / "data"), str(missing)]) == 1
    assert f"failed {missing}: no such file or directory" in capsys.readouterr().err


def test_a_folder_that_cannot_be_listed_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "in" / "locked"
    locked.mkdir(parents=True)
    (tmp_path / "in" / "ok.txt").write_text("Snow closed the mountain pass on Monday.")
    scandir = os.scandir

    def refusing(path: object = ".") -> object:  # as for a folder without read permission
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refusing)
    assert main(["ingest", "--data-dir", str(tmp_path / "data"), str(tmp_path / "in")]) == 1
    out, err = capsys.readouterr()
    assert f"failed {locked}: cannot list the folder (permission denied)" in err
    assert out.startswith("ingested 1 new article(s)")


def test_data_dir_comes_from_the_environment_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Wind tore the roof off the old market hall.")
    monkeypatch.setenv("FACTDESK_DATA_DIR", str(tmp_path / "env-data"))
    assert main(["ingest", str(story)]) == 0
    assert main(["search", "market"]) == 0
    out, err = capsys.readouterr()
    assert "1 passage(s) match 'market'" in out
    assert f"database: {(tmp_path / 'env-data' / 'factdesk.db').resolve()}" in err
    # --data-dir wins over the environment
    assert main(["search", "market", "--data-dir", str(tmp_path / "other")]) == 2


def test_reading_commands_do_not_create_a_database_where_they_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("FACTDESK_DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    for argv in (["ask", "Who?"], ["search", "rain"], ["reindex"], ["reextract"]):
        assert main(argv) == 2
        assert "no database at" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.startswith("factdesk 0.")


def test_help_shows_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    text = capsys.readouterr().out
    assert "--data-dir" in text and "(default: 8000)" in text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_lines_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terminal = _Terminal()
    bar = Progress(3, terminal)
    bar.advance(3, IngestReport())
    bar.close()
    assert "3/3" in terminal.getvalue() and "file" in terminal.getvalue()
    monkeypatch.setattr(ingest_command, "LINE_EVERY", 0.0)
    plain = io.StringIO()
    lines = Progress(3, plain)
    lines.advance(1, IngestReport(created=1))
    assert plain.getvalue() == "ingest: 1/3 file(s), 1 new article(s), 0 failed\n"
