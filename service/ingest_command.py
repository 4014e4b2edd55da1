"""``factdesk ingest``: every readable file is ingested, every other one named with its reason.

Files are read one at a time and ingested in batches of about ``CHUNK`` articles (one index
commit each), so memory stays bounded and progress moves: a bar on a terminal (tqdm), otherwise
a line as a batch ends, at most one every ``LINE_EVERY`` seconds. A file that cannot be read, or
whose articles the service refuses, is reported by name and the rest go on; skipped files
(unsupported type, not a regular file, a symlink out of the folder) are listed; the summary ends
the run, which exits 1 when any file failed.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from sqlmodel import Session
from tqdm import tqdm

from corpus.errors import FactdeskError
from corpus.files import UnreadableFile, read_articles, scan_paths
from corpus.ingest import MAX_BATCH, ArticleInput, ingest_articles
from corpus.prepare_pool import PreparePool
from search.backend import PassageBackend

CHUNK = 200  # articles per batch: large enough for the extraction workers, small for progress
LINE_EVERY = 5.0  # seconds between progress lines when not on a terminal


@dataclass
class IngestReport:
    """What one run did."""

    files: int = 0
    created: int = 0
    existing: int = 0
    failed: list[tuple[Path, str]] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)

    def summary(self) -> str:
        """One line: articles new and already stored, files read, failed and skipped."""
        line = (
            f"ingested {self.created} new article(s), {self.existing} already stored, "
            f"from {self.files - len(self.failed)} of {self.files} file(s)"
        )
        return line + f"; {len(self.failed)} failed, {len(self.skipped)} skipped"


class Progress:
    """A tqdm bar on a terminal; otherwise a plain line now and then."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self._stream, self._total, self._done = stream, total, 0
        self._bar = tqdm(total=total, unit="file", file=stream) if stream.isatty() else None
        self._last_line = time.monotonic()

    def advance(self, files: int, report: IngestReport) -> None:
        """Count files as done."""
        self._done += files
        if self._bar is not None:
            self._bar.update(files)
            self._bar.set_postfix(new=report.created, failed=len(report.failed), refresh=False)
        elif time.monotonic() - self._last_line >= LINE_EVERY:
            self._last_line = time.monotonic()
            self.note(
                f"ingest: {self._done}/{self._total} file(s), {report.created} new article(s), "
                f"{len(report.failed)} failed"
            )

    def note(self, line: str) -> None:
        """Print a line without breaking the bar."""
        if self._bar is not None:
            self._bar.write(line, file=self._stream)
        else:
            print(line, file=self._stream, flush=True)

    def close(self) -> None:
        """Finish the bar."""
        if self._bar is not None:
            self._bar.close()


def ingest_paths(
    *,
    session: Session,
    index: PassageBackend,
    pool: PreparePool,
    paths: Sequence[Path],
    stream: TextIO,
) -> IngestReport:
    """Ingest every article file under ``paths``; report progress and problems on ``stream``."""
    scan = scan_paths(paths)
    report = IngestReport(files=len(scan.files) + len(scan.failed), skipped=scan.skipped)
    for path, reason in scan.skipped:
        print(f"skipped {path}: {reason}", file=stream)
    for path, reason in scan.failed:
        _fail(report, None, path, reason, stream)
    progress = Progress(len(scan.files), stream)
    pending: list[tuple[Path, list[ArticleInput]]] = []
    try:
        for path in scan.files:
            try:
                pending.append((path, read_articles(path)))
            except UnreadableFile as exc:
                _fail(report, progress, path, exc.reason, stream)
                progress.advance(1, report)
            if sum(len(articles) for _path, articles in pending) >= CHUNK:
                _ingest(session, index, pool, pending, report, progress, stream)
                pending = []
        _ingest(session, index, pool, pending, report, progress, stream)
    finally:
        progress.close()
    return report


def _ingest(
    session: Session,
    index: PassageBackend,
    pool: PreparePool,
    files: list[tuple[Path, list[ArticleInput]]],
    report: IngestReport,
    progress: Progress,
    stream: TextIO,
) -> None:
    """One batch for the files together; when it is refused, one batch per file, so the
    refusal names its file and the others are kept."""
    articles = [article for _path, file_articles in files for article in file_articles]
    try:
        _store(session, index, pool, articles, report)
    except FactdeskError:
        session.rollback()
        for path, file_articles in files:
            try:
                _store(session, index, pool, file_articles, report)
            except FactdeskError as exc:
                session.rollback()
                _fail(report, progress, path, exc.detail, stream)
    progress.advance(len(files), report)


def _store(
    session: Session,
    index: PassageBackend,
    pool: PreparePool,
    articles: list[ArticleInput],
    report: IngestReport,
) -> None:
    results = []
    for start in range(0, len(articles), MAX_BATCH):
        chunk = articles[start : start + MAX_BATCH]
        results += ingest_articles(session=session, index=index, articles_in=chunk, pool=pool)
    report.created += sum(result.created for result in results)
    report.existing += sum(not result.created for result in results)


def _fail(
    report: IngestReport, progress: Progress | None, path: Path, reason: str, stream: TextIO
) -> None:
    report.failed.append((path, reason))
    line = f"failed {path}: {reason}"
    if progress is None:
        print(line, file=stream)
    else:
        progress.note(line)
