"""The ``factdesk`` command: serve, ingest, reindex, reextract, search, ask,
export-openapi."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session

from corpus.db import create_schema, make_engine, sqlite_url
from corpus.errors import FactdeskError
from corpus.fact_store import reextract_all
from corpus.facts import EXTRACTOR_VERSION
from corpus.files import iter_paths, read_articles
from corpus.ingest import MAX_BATCH, ingest_articles
from corpus.prepare_pool import PreparePool
from search.maintenance import reindex
from search.whoosh_index import WhooshIndex
from service.settings import Settings


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``factdesk`` command."""
    parser = argparse.ArgumentParser(prog="factdesk", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    ingest = commands.add_parser("ingest", help="ingest files and folders")
    ingest.add_argument("paths", nargs="+", type=Path)
    commands.add_parser("reindex", help="rebuild the search index from the database")
    commands.add_parser("reextract", help="recompute every article's facts with the current rules")
    search = commands.add_parser("search", help="search passages")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=10)
    ask = commands.add_parser("ask", help="answer a question with citations")
    ask.add_argument("question")
    export = commands.add_parser("export-openapi", help="write the OpenAPI document")
    export.add_argument("--output", type=Path, default=Path("openapi/openapi.json"))
    args = parser.parse_args(argv)
    try:
        return int(_COMMANDS[args.command](args))
    except FactdeskError as exc:
        print(f"factdesk: {exc.detail}", file=sys.stderr)
        return 2


def _serve(args: argparse.Namespace) -> int:
    import uvicorn
    from pydantic import ValidationError

    from service.app import create_app

    try:
        settings = Settings()
    except ValidationError as exc:  # e.g. an empty FACTDESK_API_KEY: refuse before serving
        for error in exc.errors(include_url=False):
            print(f"factdesk: {error['msg'].removeprefix('Value error, ')}", file=sys.stderr)
        return 2
    app = create_app(settings, start_workers=True)
    uvicorn.run(app, host=args.host, port=args.port, server_header=False)
    return 0


def _open(settings: Settings) -> tuple[Session, WhooshIndex]:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.database_url or sqlite_url(settings.data_dir))
    create_schema(engine)
    return Session(engine, expire_on_commit=False), WhooshIndex.open(settings.index_dir)


def _ingest(args: argparse.Namespace) -> int:
    settings = Settings()
    session, index = _open(settings)
    pool = PreparePool(settings.extract_worker_count)
    created = existing = 0
    with session:
        inputs = [a for path in iter_paths(args.paths) for a in read_articles(path)]
        for start in range(0, len(inputs), MAX_BATCH):
            chunk = inputs[start : start + MAX_BATCH]
            results = ingest_articles(session=session, index=index, articles_in=chunk, pool=pool)
            for result in results:
                created += result.created
                existing += not result.created
    pool.close()
    index.close()
    print(f"ingested {created} new article(s), {existing} already stored")
    return 0


def _reindex(_args: argparse.Namespace) -> int:
    session, index = _open(Settings())
    with session:
        passages = reindex(session=session, index=index)
    print(f"reindexed {passages} passage(s); index generation {index.generation}")
    index.close()
    return 0


def _reextract(_args: argparse.Namespace) -> int:
    session, index = _open(Settings())
    with session:
        articles, facts = reextract_all(session=session)
    index.mark_changed()  # a running server's caches are keyed by the index generation
    index.close()
    print(f"re-extracted {facts} fact(s) from {articles} article(s) (rules {EXTRACTOR_VERSION})")
    return 0


def _search(args: argparse.Namespace) -> int:
    session, index = _open(Settings())
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

    session, index = _open(Settings())
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
