"""Event assignment reads a whole batch's candidates at once (``_batch_candidates``): the same
candidates, and so the same events, as reading them article by article (``_candidates``)."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from corpus.db import create_schema, make_engine, sqlite_url
from corpus.events import assign
from corpus.events.kinds import UNKNOWN
from corpus.events.signature import Signature
from corpus.events.summary import summarise
from corpus.tables import Article

START = date(2020, 5, 1)
COUNT = 260  # articles; "key:common" is on about a third: more than MAX_KEY_CANDIDATES
BATCHES = (1, 39, 60, 100, 60)  # batch sizes, in order of ids


def _signatures(seed: int) -> list[tuple[int, Signature]]:
    """Made-up signatures dense enough to link often, with undated articles, shared and common
    keys, far mentions (day keys) and roundups."""
    rng = random.Random(seed)
    made = []
    for article_id in range(1, COUNT + 1):
        day = START + timedelta(days=rng.randrange(90)) if rng.random() < 0.8 else None
        published = (day or START + timedelta(days=rng.randrange(90))) + timedelta(
            days=rng.randrange(2)
        )
        keys = {f"key:{rng.randrange(12)}"}
        if rng.random() < 0.35:
            keys.add("key:common")
        place, locality = _place(rng.randrange(12)), None
        if rng.random() < 0.5:  # a place that is its own town: one dict, as extraction makes
            locality = place
        elif rng.random() < 0.5:
            locality = _place(rng.randrange(12))
        mentioned: tuple[str, ...] = ()
        if rng.random() < 0.15:
            mentioned = ((START + timedelta(days=rng.randrange(90))).isoformat(),)
        made.append(
            (
                article_id,
                Signature(
                    type=rng.choice(["shooting", "fire", UNKNOWN]),
                    day=day,
                    published=published,
                    place=place,
                    locality=locality,
                    keys=tuple(sorted(keys)),
                    near_keys=(f"key:{rng.randrange(12)}",) if rng.random() < 0.3 else (),
                    lat=None,
                    lon=None,
                    region=None,
                    country=None,
                    people=(f"person:{rng.randrange(30)}",) if rng.random() < 0.4 else (),
                    terms=tuple(sorted({f"Term{rng.randrange(8)}" for _ in range(4)})),
                    roundup=rng.random() < 0.05,
                    mentioned=mentioned,
                ),
            )
        )
    return made


def _place(number: int) -> dict[str, Any]:
    name = f"Townville {number}"
    return {"name": name, "canonical": name, "kind": "city", "entity_id": f"place:{number}",
            "near": None, "start": 0, "end": len(name)}  # fmt: skip


def _engine(path: Path) -> Engine:
    path.mkdir(parents=True, exist_ok=True)
    return _engine_at(sqlite_url(path))


def _engine_at(url: str) -> Engine:
    engine = make_engine(url)
    create_schema(engine)
    with Session(engine) as session:
        for number in range(1, COUNT + 1):
            session.add(Article(id=number, content_hash=f"{number:064d}", text=f"Report {number}."))
        session.commit()
    return engine


def _batches(signatures: list[tuple[int, Signature]]) -> list[list[tuple[int, Signature]]]:
    batches, at = [], 0
    for size in BATCHES:
        batches.append(signatures[at : at + size])
        at += size
    assert at == len(signatures)
    return batches


def _assign_article_by_article(
    session: Session, signatures: Sequence[tuple[int, Signature]]
) -> None:
    """Assignment as it was before batch reads: each article's candidates read on its turn."""
    assign._store_signatures(session, signatures)
    known = dict(signatures)
    touched: set[int] = set()
    for article_id, sig in sorted(signatures, key=lambda m: m[0]):
        candidates = assign._candidates(session, article_id, sig, known)
        touched |= assign._place_article(session, article_id, sig, candidates, fresh=True)
    assign._refresh(session, touched)


def _events(session: Session) -> tuple[list[Any], list[Any]]:
    rows = session.execute(text("SELECT * FROM event ORDER BY id")).all()
    members = session.execute(text("SELECT * FROM event_member ORDER BY 1, 2")).all()
    return [tuple(r) for r in rows], [tuple(m) for m in members]


def test_batch_candidates_are_each_articles_own(tmp_path: Path) -> None:
    _check_candidates(_engine(tmp_path))


def test_batch_candidates_are_each_articles_own_on_postgres(postgres_url: str) -> None:
    engine = _engine_at(postgres_url)
    try:
        _check_candidates(engine)
    finally:
        engine.dispose()


def _check_candidates(engine: Engine) -> None:
    signatures = _signatures(seed=7)
    limited = 0
    with Session(engine) as session:
        for batch in _batches(signatures):
            assign._store_signatures(session, batch)
            found = assign._batch_candidates(session, batch, dict(batch))
            for article_id, sig in batch:  # candidates do not depend on events: none placed
                alone = [i for i, _ in assign._candidates(session, article_id, sig, dict(batch))]
                assert found[article_id] == alone, article_id
                limited += len(alone) >= assign.MAX_KEY_CANDIDATES
        assert limited, "no article reached the limit on key candidates: the test tests less"


def test_batches_give_the_events_of_article_by_article_reads(tmp_path: Path) -> None:
    for seed in (1, 2, 3):
        signatures = _signatures(seed)
        batched, alone = _engine(tmp_path / f"b{seed}"), _engine(tmp_path / f"a{seed}")
        with Session(batched) as session:
            for batch in _batches(signatures):
                assign.assign_events(session, batch)
            got = _events(session)
        with Session(alone) as session:
            for batch in _batches(signatures):
                _assign_article_by_article(session, batch)
            expected = _events(session)
        assert got == expected
        assert len(got[0]) < COUNT - 20, "few links: the test tests less"


def test_a_summary_is_the_same_from_a_fresh_and_a_stored_signature() -> None:
    """A fresh signature may hold one dict as both place and locality; read back from the
    database it holds two equal ones. The event's place must not depend on which it sees."""
    base = _signatures(1)[0][1]
    town, other = _place(1), _place(2)
    fresh = [
        (1, replace(base, place=other, locality=None)),
        (2, replace(base, place=town, locality=town)),  # one dict, as extraction makes it
    ]
    # as the JSON column stores and reads it back
    stored = [(a, Signature.from_json(json.loads(json.dumps(sig.to_json())))) for a, sig in fresh]
    assert stored[1][1].place is not stored[1][1].locality
    assert summarise(fresh) == summarise(stored)
