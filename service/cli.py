"""The ``factdesk`` command: serve, ingest, reindex, reextract, search, ask,
export-openapi."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

from sqlmodel import Session

from corpus.db import create_schema, make_engine, sqlite_url
from corpus.errors import FactdeskError, NotFound
from corpus.fact_store import reextract_all
from corpus.facts import EXTRACTOR_VERSION
from corpus.files import SUFFIXES
from corpus.prepare_pool import PreparePool
from search.backend import PassageBackend
from search.maintenance import reindex
from service.backends import open_backend
from service.ingest_command import ingest_paths
from service.settings import Settings


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``factdesk`` command."""
    args = _parser().parse_args(argv)
    try:
        return int(_COMMANDS[args.command](args))
    except FactdeskError as exc:
        print(f"factdesk: {exc.detail}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    formatter = argparse.ArgumentDefaultsHelpFormatter
    parser = argparse.ArgumentParser(
        prog="factdesk",
        description="Cited passages, facts and answers from a corpus of news articles.",
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"factdesk {version('factdesk')}")
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder of the SQLite database and the index (default: $FACTDESK_DATA_DIR, else "
        "./data in the current directory); the database used is printed on stderr",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, *parents: argparse.ArgumentParser) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, help=help, description=help, parents=list(parents), formatter_class=formatter
        )

    serve = command("serve", "serve the HTTP API", data)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on")
    serve.add_argument(
        "--workers",
        type=_positive,
        default=argparse.SUPPRESS,
        help="processes serving on the port (default: $FACTDESK_WORKERS, else the cores this "
        "process may use, at most 4); they share one pool of extraction workers",
    )
    ingest = command("ingest", "ingest article files and folders", data)
    ingest.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help=f"files or folders (searched recursively) of {' '.join(sorted(SUFFIXES))} files",
    )
    command("reindex", "rebuild the search index from the database", data)
    command("reextract", "recompute every article's facts with the current rules", data)
    search = command("search", "search passages", data)
    search.add_argument("query", help='Whoosh query: words, AND/OR/NOT, "phrases", prefix*')
    search.add_argument("--limit", type=int, default=10, help="passages to show")
    ask = command("ask", "answer a question with citations", data)
    ask.add_argument("question", help="a question in English")
    export = command("export-openapi", "write the OpenAPI document (no database needed)")
    export.add_argument("--output", type=Path, default=Path("openapi/openapi.json"), help="file")
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _settings(args: argparse.Namespace) -> Settings:
    """Settings from the environment, with ``--data-dir`` over ``FACTDESK_DATA_DIR``."""
    if getattr(args, "data_dir", None) is not None:
        return Settings(data_dir=args.data_dir)
    return Settings()


def _serve(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from service.workers import serve

    try:
        settings = _settings(args)
    except ValidationError as exc:  # e.g. an empty FACTDESK_API_KEY: refuse before serving
        for error in exc.errors(include_url=False):
            print(f"factdesk: {error['msg'].removeprefix('Value error, ')}", file=sys.stderr)
        return 2
    workers = getattr(args, "workers", None) or settings.worker_count
    serve(settings, host=args.host, port=args.port, workers=workers)
    return 0


def _open(settings: Settings, *, create: bool = False) -> tuple[Session, PassageBackend]:
    """Open the database and index, saying which on stderr. Only ``create`` commands (ingest)
    may start a new SQLite database: a read in the wrong directory is an error, not an empty
    database silently made there."""
    url = settings.database_url
    if url is None:
        database = (settings.data_dir / "factdesk.db").resolve()
        if not database.exists() and not create:
            raise NotFound(
                f"no database at {database}; pass --data-dir or set FACTDESK_DATA_DIR to the "
                "folder the service uses (`factdesk ingest` creates one)."
            )
        print(f"database: {database}" + ("" if database.exists() else " (new)"), file=sys.stderr)
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        url = sqlite_url(settings.data_dir)
    engine = make_engine(url)
    if settings.database_url is not None:
        print(f"database: {engine.url.render_as_string(hide_password=True)}", file=sys.stderr)
    create_schema(engine)
    return Session(engine, expire_on_commit=False), open_backend(settings, engine)


def _ingest(args: argparse.Namespace) -> int:
    settings = _settings(args)
    session, index = _open(settings, create=True)
    pool = PreparePool(settings.extract_worker_count)
    try:
        with session:
            report = ingest_paths(
                session=session, index=index, pool=pool, paths=args.paths, stream=sys.stderr
            )
    finally:
        pool.close()
        index.close()
    print(report.summary())
    return 1 if report.failed else 0


def _reindex(args: argparse.Namespace) -> int:
    session, index = _open(_settings(args))
    with session:
        passages = reindex(session=session, index=index)
    print(f"reindexed {passages} passage(s); index generation {index.generation}")
    index.close()
    return 0


def _reextract(args: argparse.Namespace) -> int:
    session, index = _open(_settings(args))
    with session:
        articles, facts = reextract_all(session=session)
    index.close()  # re-extraction bumps the corpus version: a running server's caches see it
    print(f"re-extracted {facts} fact(s) from {articles} article(s) (rules {EXTRACTOR_VERSION})")
    return 0


def _search(args: argparse.Namespace) -> int:
    session, index = _open(_settings(args))
    session.close()
    page = index.search(args.query, limit=args.limit)
    print(f"{page.total} passage(s) match {args.query!r}")
    for hit in page.hits:
        print(
            f"\n[{hit.article_id}] {hit.source or '?'} — {hit.title or ''} "
            f"({hit.passage.start}:{hit.passage.end}, score {hit.score:.2f})"
        )
        print(f"  {hit.passage.text}")
    index.close()
    return 0


def _ask(args: argparse.Namespace) -> int:
    from search.answer.answerer import answer_question

    session, index = _open(_settings(args))
    with session:
        result = answer_question(session=session, index=index, question=args.question)
    index.close()
    interp = result.interpretation
    print(f"question: {result.question}")
    print(f"read as:  {interp.type} {interp.field or ''} {interp.kind or ''}".rstrip())
    if result.abstained:
        print(f"no answer: {result.reason}")
        return 0
    if result.disputed:
        print("disputed: the sources disagree")
    for number, answer in enumerate(result.answers, 1):
        sources = ", ".join(answer.sources)
        print(f"\n{number}. {answer.text}  (confidence {answer.confidence:.2f}; {sources})")
        for c in answer.citations:
            who = f" — {c.attributed_to}" if c.attributed_to else ""
            print(
                f"   [{c.article_id}:{c.start}-{c.end}] {c.source or '?'}{who}: {c.sentence.text}"
            )
    return 0


def _export_openapi(args: argparse.Namespace) -> int:
    from service.app import create_app

    document = create_app(Settings(seed_samples=False)).openapi()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {args.output}")
    return 0


_COMMANDS = {
    "serve": _serve,
    "ingest": _ingest,
    "reindex": _reindex,
    "reextract": _reextract,
    "search": _search,
    "ask": _ask,
    "export-openapi": _export_openapi,
}

if __name__ == "__main__":
    sys.exit(main())
