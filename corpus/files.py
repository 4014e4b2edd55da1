"""Reading articles from files and folders: .txt, .md, .html (minus boilerplate), .json, .jsonl."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from corpus.errors import FactdeskError, InvalidInput
from corpus.ingest import ArticleInput

SUFFIXES = {".txt", ".md", ".html", ".htm", ".json", ".jsonl"}
SAMPLES_DIR = Path(__file__).parent / "samples"


def sample_paths() -> list[Path]:
    """The bundled sample corpus, in file-name order."""
    return sorted(SAMPLES_DIR.glob("*.txt"))


@dataclass(frozen=True, slots=True)
class FileScan:
    """What a list of files and folders holds: article files to read, in order; files passed
    over with the reason (type, not a regular file, a symlink out of its folder); paths that
    cannot be read at all, with the reason (no such file or directory, a folder not listable)."""

    files: list[Path]
    skipped: list[tuple[Path, str]]
    failed: list[tuple[Path, str]]


class UnreadableFile(FactdeskError):
    """A file that cannot be read as articles; ``reason`` says why in a few words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}", reason=reason)
        self.path, self.reason = path, reason


def scan_paths(paths: Iterable[Path]) -> FileScan:
    """Every article file under the given files and folders, sorted per folder.

    Only regular files are taken (a FIFO or a device would block or never end); inside a
    folder, symbolic links are followed only to files within it, and linked folders not at all.
    A path named explicitly is taken as the user gave it, links included."""
    scan = FileScan([], [], [])
    for path in paths:
        if path.is_dir():
            _scan_folder(path, scan)
        elif path.exists():
            _take(scan, path, _skip_reason(path))
        elif path.is_symlink():
            scan.skipped.append((path, "broken symlink"))
        else:
            scan.failed.append((path, "no such file or directory"))
    return scan


def _scan_folder(folder: Path, scan: FileScan) -> None:
    root = folder.resolve()

    def unlistable(error: OSError) -> None:
        reason = f"cannot list the folder ({(error.strerror or type(error).__name__).lower()})"
        scan.failed.append((Path(error.filename or folder), reason))

    # os.walk does not descend into linked folders
    for dirpath, dirnames, filenames in os.walk(folder, onerror=unlistable):
        here = Path(dirpath)
        dirnames.sort()
        for name in sorted(filenames) + [d for d in dirnames if (here / d).is_symlink()]:
            path = here / name
            reason = None
            if path.is_symlink():
                if not path.exists():
                    reason = "broken symlink"
                elif not path.resolve().is_relative_to(root):
                    reason = "symlink to outside the folder"
                elif path.is_dir():
                    reason = "linked folder"
            _take(scan, path, reason or _skip_reason(path))


def _take(scan: FileScan, path: Path, skip_reason: str | None) -> None:
    if skip_reason:
        scan.skipped.append((path, skip_reason))
    else:
        scan.files.append(path)


def _skip_reason(path: Path) -> str | None:
    if not stat.S_ISREG(path.stat().st_mode):
        return "not a regular file"
    if path.suffix.lower() not in SUFFIXES:
        return f"unsupported file type (use {', '.join(sorted(SUFFIXES))})"
    return None


def read_articles(path: Path) -> list[ArticleInput]:
    """The articles in one file; JSON holds one object or a list, JSON Lines one per line.

    Raises ``UnreadableFile`` saying why: not found, not a regular file, not UTF-8, empty, not
    JSON, or an object without a string ``text``."""
    raw = _read_text(path)
    suffix = path.suffix.lower()
    if suffix in {".txt", ".md"}:
        return [ArticleInput(text=raw)]
    if suffix in {".html", ".htm"}:
        return [ArticleInput(text=html_to_text(raw))]
    if suffix == ".json":
        data = _json(path, raw)
        items = data if isinstance(data, list) else [data]
        places = [f"item {i}" for i in range(len(items))]
    else:
        numbered = [(n, line) for n, line in enumerate(raw.splitlines(), 1) if line.strip()]
        items = [_json(path, line, line_number=n) for n, line in numbered]
        places = [f"line {n}" for n, _line in numbered]
    try:
        pairs = zip(items, places, strict=True)
        return [article_from_mapping(item, where=at) for item, at in pairs]
    except InvalidInput as exc:
        raise UnreadableFile(path, exc.detail) from exc


def _read_text(path: Path) -> str:
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise UnreadableFile(path, "not a regular file")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableFile(path, "no such file or directory") from exc
    except OSError as exc:
        raise UnreadableFile(path, (exc.strerror or type(exc).__name__).lower()) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        raise UnreadableFile(path, reason) from exc
    if not text.strip():
        raise UnreadableFile(path, "empty file")
    return text


def _json(path: Path, raw: str, *, line_number: int | None = None) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        reason = f"not JSON ({exc.msg}, line {line_number or exc.lineno})"
        raise UnreadableFile(path, reason) from exc


def article_from_mapping(item: Any, *, where: str) -> ArticleInput:
    """Build an ArticleInput from a JSON object, or raise InvalidInput naming the place."""
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise InvalidInput(f"{where}: each article must be an object with a string 'text'.")
    published = item.get("published")
    try:
        published_date = date.fromisoformat(published) if published else None
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"{where}: 'published' must be an ISO date (YYYY-MM-DD).") from exc
    return ArticleInput(
        text=item["text"],
        title=item.get("title"),
        source=item.get("source"),
        url=item.get("url"),
        published=published_date,
        language=item.get("language"),
    )


def html_to_text(html: str) -> str:
    """Main text of an HTML page with navigation and boilerplate removed (jusText)."""
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    kept = [p.text for p in paragraphs if not p.is_boilerplate]
    if not kept:  # a short page jusText judges all boilerplate: keep its text rather than nothing
        kept = [p.text for p in paragraphs if not p.is_heading or p.text]
    return "\n\n".join(kept)
