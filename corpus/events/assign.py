"""Assigning articles to events as they arrive, and keeping events right on delete.

Events are the connected groups of linked articles (``scoring.linked``), so the partition does
not depend on the order articles arrive in (as long as no place has more than
``MAX_KEY_CANDIDATES`` reports in a follow-up window: there the bound on work wins). A new
article is compared with its candidates
(articles whose day lies within ``scoring.WINDOW_DAYS`` of its own, and articles sharing a
place key that are undated or within ``scoring.FOLLOW_UP_DAYS``: the newest
``MAX_KEY_CANDIDATES`` of those), never with the whole corpus:

- linked to articles of one or more events: it joins them, and events it links merge into the
  oldest (lowest id);
- linked to none: it opens a new event.

A *roundup* (an article reporting several incidents: "three separate shootings") joins every
event it links to but never merges them, and opens its own event only while it links to none.

Deleting an article re-assigns the other members of its events (in id order), so an event it
held together splits again.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from itertools import islice
from typing import Any

from sqlalchemy import CursorResult, bindparam, delete, insert, or_, update
from sqlmodel import Session, col, select

from corpus.events.scoring import FOLLOW_UP_DAYS, WINDOW_DAYS, linked
from corpus.events.signature import Signature
from corpus.events.summary import summarise
from corpus.tables import Event, EventKey, EventMember, EventSignature

MAX_KEY_CANDIDATES = 50  # articles sharing a place key compared with a new one, newest first
_MEMBER = EventMember.__table__  # type: ignore[attr-defined]
_SIGNATURE = EventSignature.__table__  # type: ignore[attr-defined]
_KEY = EventKey.__table__  # type: ignore[attr-defined]
_EVENT = Event.__table__  # type: ignore[attr-defined]

# Statements built once (SQLAlchemy caches their compiled form): assignment runs several for
# every article of every batch, and building them each time cost more than running them.
_NEAR_DAYS = select(_SIGNATURE.c.article_id).where(
    _SIGNATURE.c.day.between(bindparam("low"), bindparam("high"))
)
_SHARING = (
    select(_SIGNATURE.c.article_id)
    .join(_KEY, _KEY.c.article_id == _SIGNATURE.c.article_id)
    .where(_KEY.c.key.in_(bindparam("keys", expanding=True)))
)
_SHARING_ANY = _SHARING.order_by(_SIGNATURE.c.article_id.desc()).limit(MAX_KEY_CANDIDATES)
_SHARING_NEAR = (
    _SHARING.where(
        or_(
            _SIGNATURE.c.day.is_(None),
            _SIGNATURE.c.day.between(bindparam("low"), bindparam("high")),
        )
    )
    .order_by(_SIGNATURE.c.article_id.desc())
    .limit(MAX_KEY_CANDIDATES)
)
_OF_DAYS = (
    select(_SIGNATURE.c.article_id)
    .where(_SIGNATURE.c.day.in_(bindparam("days", expanding=True)))
    .order_by(_SIGNATURE.c.article_id.desc())
    .limit(MAX_KEY_CANDIDATES)
)
_NAMING_DAY = (
    select(_KEY.c.article_id)
    .where(_KEY.c.key == bindparam("key"))
    .order_by(_KEY.c.article_id.desc())
    .limit(MAX_KEY_CANDIDATES)
)
# The same candidates for a whole batch at once (``_batch_candidates``): the rows of every day
# and key the batch asks about, picked per article in memory.
_OF_DAY_SET = select(_SIGNATURE.c.article_id, _SIGNATURE.c.day).where(
    _SIGNATURE.c.day.in_(bindparam("values", expanding=True))
)
_SHARING_ROWS = (
    select(_KEY.c.key, _SIGNATURE.c.article_id, _SIGNATURE.c.day)
    .join(_KEY, _KEY.c.article_id == _SIGNATURE.c.article_id)
    .where(_KEY.c.key.in_(bindparam("values", expanding=True)))
)
_NAMING_ROWS = select(_KEY.c.key, _KEY.c.article_id).where(
    _KEY.c.key.in_(bindparam("values", expanding=True))
)
_IN_CHUNK = 5000  # values bound to one IN list (SQLite's limit on parameters is far above)
_SIGNATURES = select(_SIGNATURE.c.article_id, _SIGNATURE.c.data).where(
    _SIGNATURE.c.article_id.in_(bindparam("ids", expanding=True))
)
_MEMBERSHIPS = (
    select(_MEMBER.c.article_id, _MEMBER.c.event_id)
    .where(_MEMBER.c.article_id.in_(bindparam("ids", expanding=True)))
    .order_by(_MEMBER.c.event_id)
)
_MEMBERS = select(_MEMBER.c.event_id, _MEMBER.c.article_id).where(
    _MEMBER.c.event_id.in_(bindparam("ids", expanding=True))
)
_PRESENT = select(_MEMBER.c.article_id).where(
    _MEMBER.c.event_id == bindparam("event"),
    _MEMBER.c.article_id.in_(bindparam("ids", expanding=True)),
)
_NEW_EVENT = insert(_EVENT).values(type="incident", keys=[], figures={}, article_count=0)
_UPDATE_EVENT = update(_EVENT).where(_EVENT.c.id == bindparam("event_id"))


def _all_keys(sig: Signature) -> list[str]:
    return sorted(set(sig.keys) | set(sig.near_keys))


def _far_mentions(sig: Signature) -> list[date]:
    """Days the article mentions beyond the date window of its own day (a follow-up's
    incident, however long ago): the articles of those days are its candidates too."""
    when = sig.day or sig.published
    days = [date.fromisoformat(d) for d in sig.mentioned]
    return sorted(d for d in days if when is None or abs((d - when).days) > WINDOW_DAYS)


def _day_keys(sig: Signature) -> list[str]:
    return [DAY_KEY + d.isoformat() for d in _far_mentions(sig)]


DAY_KEY = "day:"  # an EventKey naming a day the article mentions, not a place


def assign_events(session: Session, signatures: Sequence[tuple[int, Signature]]) -> None:
    """Store the signatures of freshly flushed articles and place each in its events."""
    if not signatures:
        return
    _store_signatures(session, signatures)
    touched: set[int] = set()
    known = dict(signatures)  # decoded once a call: a batch's candidates overlap
    found = _batch_candidates(session, signatures, known)
    pending = {a for a, _ in signatures}  # not placed yet: in no event, so never joined
    for article_id, sig in sorted(signatures, key=lambda m: m[0]):
        pending.discard(article_id)
        candidates = [(i, known[i]) for i in found[article_id] if i not in pending]
        touched |= _place_article(session, article_id, sig, candidates, fresh=True)
    # The batch's own signatures are read back: a stored one is not always the one computed
    # (``summary._place`` tells place from locality by identity, and storing splits a shared
    # dict in two), and summaries are made from stored signatures.
    batch = {a for a, _ in signatures}
    _refresh(session, touched, {a: s for a, s in known.items() if a not in batch})


def _store_signatures(session: Session, signatures: Sequence[tuple[int, Signature]]) -> None:
    """Insert the signatures and their place and day keys (before any article is placed)."""
    session.execute(
        insert(_SIGNATURE),
        [
            {"article_id": a, "day": s.day or s.published, "data": s.to_json()}
            for a, s in signatures
        ],
    )
    keys = [
        {"article_id": a, "key": k}
        for a, s in signatures
        for k in sorted(set(_all_keys(s)) | set(_day_keys(s)))
    ]
    if keys:
        session.execute(insert(_KEY), keys)


def delete_article_events(session: Session, article_ids: Iterable[int]) -> None:
    """Remove articles from their events (before the articles are deleted) and re-assign the
    rest of those events' members."""
    ids = sorted(set(article_ids))
    if not ids:
        return
    events = _events_of(session, ids)
    members = sorted(set(_members(session, events)) - set(ids))
    session.exec(delete(EventMember).where(col(EventMember.event_id).in_(events)))  # type: ignore[call-overload]
    session.exec(delete(Event).where(col(Event.id).in_(events)))  # type: ignore[call-overload]
    session.exec(delete(EventSignature).where(col(EventSignature.article_id).in_(ids)))  # type: ignore[call-overload]
    session.exec(delete(EventKey).where(col(EventKey.article_id).in_(ids)))  # type: ignore[call-overload]
    signatures = _signatures(session, members)
    touched: set[int] = set()
    for article_id in members:
        sig = signatures[article_id]
        candidates = _candidates(session, article_id, sig, signatures)
        touched |= _place_article(session, article_id, sig, candidates, fresh=False)
    _refresh(session, touched)


def delete_all_events(session: Session) -> None:
    """Forget every event and signature (re-extraction rebuilds them)."""
    for table in (EventMember, Event, EventKey, EventSignature):
        session.exec(delete(table))  # type: ignore[call-overload]


def _place_article(
    session: Session,
    article_id: int,
    sig: Signature,
    candidates: Sequence[tuple[int, Signature]],
    *,
    fresh: bool,
) -> set[int]:
    """Place one article among its candidates (by id); the ids of the events whose members
    changed."""
    # Scores first, memberships of the linked only: most articles link to none.
    links = [(a, other) for a, other in candidates if linked(sig, other)]
    memberships = _memberships(session, [a for a, _ in links])
    plain: set[int] = set()  # events of linked articles that are not roundups
    roundups: list[int] = []  # linked roundup articles
    for other_id, other in links:
        if other_id not in memberships:
            continue  # an article not yet (re)placed is compared when its own turn comes
        if other.roundup:
            roundups.append(other_id)
        else:
            plain.update(memberships[other_id])
    if sig.roundup:
        targets = sorted(plain) or [_new_event(session)]
    else:
        target = min(plain) if plain else _new_event(session)
        _merge(session, target, sorted(plain - {target}))
        targets = [target]
        for roundup in roundups:  # a roundup leaves the event it had alone, joins this one
            own = [e for e in memberships[roundup] if _members(session, [e]) == [roundup]]
            session.exec(delete(Event).where(col(Event.id).in_(own)))  # type: ignore[call-overload]
            session.exec(delete(EventMember).where(col(EventMember.event_id).in_(own)))  # type: ignore[call-overload]
            _join(session, target, [roundup])
    if fresh:  # a new article is in no event yet: no check needed
        session.execute(
            insert(_MEMBER), [{"event_id": e, "article_id": article_id} for e in targets]
        )
    else:  # re-placed after a delete, a roundup may still be in events that stayed
        for event_id in targets:
            _join(session, event_id, [article_id])
    return set(targets)


def _candidates(
    session: Session, article_id: int, sig: Signature, known: dict[int, Signature]
) -> list[tuple[int, Signature]]:
    """Articles dated within the window of this one, and articles sharing a place key that are
    dated within the follow-up window or undated (symmetric: b is a's candidate iff a is b's)."""
    when = sig.day or sig.published
    ids: set[int] = set()
    window = (
        {"low": when - timedelta(days=WINDOW_DAYS), "high": when + timedelta(days=WINDOW_DAYS)}
        if when is not None
        else {}
    )
    if when is not None:
        ids |= set(session.execute(_NEAR_DAYS, window).scalars())
    keys = _all_keys(sig)
    if keys:
        # The most recent first, and at most so many: a common place ("Aleppo") with many
        # undated reports must not make each write read them all.
        if when is not None:
            follow_up = {
                "keys": keys,
                "low": when - timedelta(days=FOLLOW_UP_DAYS),
                "high": when + timedelta(days=FOLLOW_UP_DAYS),
            }
            ids |= set(session.execute(_SHARING_NEAR, follow_up).scalars())
        else:
            ids |= set(session.execute(_SHARING_ANY, {"keys": keys}).scalars())
    # Follow-ups however much later: the articles of a day this one mentions, and the articles
    # mentioning this one's day (symmetric, as above).
    far = _far_mentions(sig)
    if far:
        ids |= set(session.execute(_OF_DAYS, {"days": far}).scalars())
    if sig.day is not None:
        naming = {"key": DAY_KEY + sig.day.isoformat()}
        ids |= set(session.execute(_NAMING_DAY, naming).scalars())
    ids.discard(article_id)
    known.update(_signatures(session, sorted(ids - known.keys())))
    found = {i: known[i] for i in ids}
    return sorted(found.items())


def _batch_candidates(
    session: Session, signatures: Sequence[tuple[int, Signature]], known: dict[int, Signature]
) -> dict[int, list[int]]:
    """``_candidates`` of every article of a fresh batch, by article id, in three reads for the
    whole batch instead of up to four for each article; the signatures of all of them go to
    ``known`` (one more read for those not there yet).

    Placing an article changes no signature, key or day, so every article's candidates can be
    read before any is placed. Each limited read keeps what its SQL form would: the newest
    ``MAX_KEY_CANDIDATES`` rows (an article sharing two keys is two rows of the join)."""
    whens = {a: s.day or s.published for a, s in signatures}
    far = {a: sorted(set(_far_mentions(s))) for a, s in signatures}
    days: set[date] = {d for f in far.values() for d in f}
    for when in whens.values():
        if when is not None:
            days.update(when + timedelta(days=n) for n in range(-WINDOW_DAYS, WINDOW_DAYS + 1))
    of_day: dict[date, list[int]] = defaultdict(list)
    for article_id, day in _rows_in(session, _OF_DAY_SET, sorted(days)):
        of_day[day].append(article_id)
    sharing: dict[str, list[tuple[int, date | None]]] = defaultdict(list)
    place_keys = sorted({k for _, s in signatures for k in _all_keys(s)})
    for key, article_id, day in _rows_in(session, _SHARING_ROWS, place_keys):
        sharing[key].append((article_id, day))
    for rows in sharing.values():  # newest first: an article's share is read to its limit
        rows.sort(key=_first, reverse=True)
    naming: dict[str, list[int]] = defaultdict(list)
    day_keys = sorted({DAY_KEY + s.day.isoformat() for _, s in signatures if s.day is not None})
    for key, article_id in _rows_in(session, _NAMING_ROWS, day_keys):
        naming[key].append(article_id)
    found: dict[int, list[int]] = {}
    for article_id, sig in signatures:
        when = whens[article_id]
        ids: set[int] = set()
        if when is not None:
            for n in range(-WINDOW_DAYS, WINDOW_DAYS + 1):
                ids.update(of_day.get(when + timedelta(days=n), ()))
        keys = _all_keys(sig)
        if keys:
            shared = heapq.merge(*(sharing.get(key, []) for key in keys), key=_first, reverse=True)
            near = (
                other
                for other, day in shared
                if when is None or day is None or abs((day - when).days) <= FOLLOW_UP_DAYS
            )
            ids.update(islice(near, MAX_KEY_CANDIDATES))
        if far[article_id]:
            of_far = [other for day in far[article_id] for other in of_day.get(day, ())]
            ids.update(heapq.nlargest(MAX_KEY_CANDIDATES, of_far))
        if sig.day is not None:
            named = naming.get(DAY_KEY + sig.day.isoformat(), [])
            ids.update(heapq.nlargest(MAX_KEY_CANDIDATES, named))
        ids.discard(article_id)
        found[article_id] = sorted(ids)
    missing = {i for ids in found.values() for i in ids} - known.keys()
    known.update(_signatures(session, sorted(missing)))
    return found


def _first(row: tuple[int, date | None]) -> int:
    return row[0]


def _rows_in(session: Session, statement: Any, values: Sequence[Any]) -> list[Any]:
    """The rows of ``statement`` for ``values`` bound to its IN list, a chunk at a time."""
    rows: list[Any] = []
    for at in range(0, len(values), _IN_CHUNK):
        chunk = list(values[at : at + _IN_CHUNK])
        rows.extend(session.execute(statement, {"values": chunk}).all())
    return rows


def _signatures(session: Session, article_ids: Sequence[int]) -> dict[int, Signature]:
    if not article_ids:
        return {}
    rows = session.execute(_SIGNATURES, {"ids": list(article_ids)})
    return {a: Signature.from_json(data) for a, data in rows}


def _memberships(session: Session, article_ids: Sequence[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    if not article_ids:
        return found
    for article_id, event_id in session.execute(_MEMBERSHIPS, {"ids": list(article_ids)}):
        found.setdefault(article_id, []).append(event_id)
    return found


def _events_of(session: Session, article_ids: Sequence[int]) -> list[int]:
    rows = session.exec(
        select(EventMember.event_id).where(col(EventMember.article_id).in_(article_ids))
    )
    return sorted(set(rows))


def _members(session: Session, event_ids: Sequence[int]) -> list[int]:
    rows = session.execute(_MEMBERS, {"ids": list(event_ids)})
    return sorted({article_id for _, article_id in rows})


def _new_event(session: Session) -> int:
    result = session.execute(_NEW_EVENT)
    assert isinstance(result, CursorResult)
    created = result.inserted_primary_key
    assert created is not None
    return int(created[0])


def _join(session: Session, event_id: int, article_ids: Sequence[int]) -> None:
    present = set(
        session.execute(_PRESENT, {"event": event_id, "ids": list(article_ids)}).scalars()
    )
    rows = [{"event_id": event_id, "article_id": a} for a in article_ids if a not in present]
    if rows:
        session.execute(insert(_MEMBER), rows)


def _merge(session: Session, target: int, others: Sequence[int]) -> None:
    if not others:
        return
    _join(session, target, _members(session, others))
    session.exec(delete(EventMember).where(col(EventMember.event_id).in_(others)))  # type: ignore[call-overload]
    session.exec(delete(Event).where(col(Event.id).in_(others)))  # type: ignore[call-overload]


def _refresh(
    session: Session, event_ids: set[int], known: dict[int, Signature] | None = None
) -> None:
    """Summarise each changed event once a batch, in one read of members and signatures and
    one update (an event merged away has no members left and is skipped). ``known``: stored
    signatures decoded already."""
    if not event_ids:
        return
    members: dict[int, list[int]] = defaultdict(list)
    for event_id, article_id in session.execute(_MEMBERS, {"ids": sorted(event_ids)}):
        members[event_id].append(article_id)
    known = known or {}
    wanted = {a for m in members.values() for a in m}
    signatures = {a: known[a] for a in wanted if a in known}
    signatures.update(_signatures(session, sorted(wanted - signatures.keys())))
    rows = []
    for event_id in sorted(members):
        summary = summarise(sorted((a, signatures[a]) for a in members[event_id]))
        fields = {name: getattr(summary, name) for name in summary.__dataclass_fields__}
        rows.append({"event_id": event_id, **fields})
    session.execute(_UPDATE_EVENT, rows)
    for event in [o for o in session.identity_map.values() if isinstance(o, Event)]:
        if event.id in members:
            session.expire(event)  # a loaded row reads the new summary


def refresh_event(session: Session, event_id: int) -> None:
    """Recompute an event's summary from its members' signatures."""
    _refresh(session, {event_id})
