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

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlalchemy import delete, insert, or_
from sqlmodel import Session, col, select

from corpus.events.scoring import FOLLOW_UP_DAYS, WINDOW_DAYS, linked
from corpus.events.signature import Signature
from corpus.events.summary import summarise
from corpus.tables import Event, EventKey, EventMember, EventSignature

MAX_KEY_CANDIDATES = 50  # articles sharing a place key compared with a new one, newest first
_MEMBER = EventMember.__table__  # type: ignore[attr-defined]
_SIGNATURE = EventSignature.__table__  # type: ignore[attr-defined]
_KEY = EventKey.__table__  # type: ignore[attr-defined]


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
    touched: set[int] = set()
    known = dict(signatures)  # decoded once a call: a batch's candidates overlap
    for article_id, sig in sorted(signatures, key=lambda m: m[0]):
        touched |= _place_article(session, article_id, sig, known)
    _refresh(session, touched)


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
        touched |= _place_article(session, article_id, signatures[article_id], signatures)
    _refresh(session, touched)


def delete_all_events(session: Session) -> None:
    """Forget every event and signature (re-extraction rebuilds them)."""
    for table in (EventMember, Event, EventKey, EventSignature):
        session.exec(delete(table))  # type: ignore[call-overload]


def _place_article(
    session: Session, article_id: int, sig: Signature, known: dict[int, Signature]
) -> set[int]:
    """Place one article; the ids of the events whose members changed. ``known`` holds
    signatures already decoded in this call (it grows)."""
    candidates = _candidates(session, article_id, sig, known)
    memberships = _memberships(session, [a for a, _ in candidates])
    plain: set[int] = set()  # events of linked articles that are not roundups
    roundups: list[int] = []  # linked roundup articles
    for other_id, other in candidates:
        if other_id not in memberships or not linked(sig, other):
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
    if when is not None:
        near = select(EventSignature.article_id).where(
            col(EventSignature.day) >= when - timedelta(days=WINDOW_DAYS),
            col(EventSignature.day) <= when + timedelta(days=WINDOW_DAYS),
        )
        ids |= set(session.exec(near))
    keys = _all_keys(sig)
    if keys:
        sharing = (
            select(EventSignature.article_id)
            .join(EventKey, col(EventKey.article_id) == EventSignature.article_id)
            .where(col(EventKey.key).in_(keys))
        )
        if when is not None:
            sharing = sharing.where(
                or_(
                    col(EventSignature.day).is_(None),
                    col(EventSignature.day).between(
                        when - timedelta(days=FOLLOW_UP_DAYS), when + timedelta(days=FOLLOW_UP_DAYS)
                    ),
                )
            )
        # The most recent first, and at most so many: a common place ("Aleppo") with many
        # undated reports must not make each write read them all.
        sharing = sharing.order_by(col(EventSignature.article_id).desc()).limit(MAX_KEY_CANDIDATES)
        ids |= set(session.exec(sharing))
    # Follow-ups however much later: the articles of a day this one mentions, and the articles
    # mentioning this one's day (symmetric, as above).
    far = _far_mentions(sig)
    if far:
        of_day = (
            select(EventSignature.article_id)
            .where(col(EventSignature.day).in_(far))
            .order_by(col(EventSignature.article_id).desc())
            .limit(MAX_KEY_CANDIDATES)
        )
        ids |= set(session.exec(of_day))
    if sig.day is not None:
        naming = (
            select(EventKey.article_id)
            .where(col(EventKey.key) == DAY_KEY + sig.day.isoformat())
            .order_by(col(EventKey.article_id).desc())
            .limit(MAX_KEY_CANDIDATES)
        )
        ids |= set(session.exec(naming))
    ids.discard(article_id)
    known.update(_signatures(session, sorted(ids - known.keys())))
    found = {i: known[i] for i in ids}
    return sorted(found.items())


def _signatures(session: Session, article_ids: Sequence[int]) -> dict[int, Signature]:
    if not article_ids:
        return {}
    rows = session.exec(
        select(EventSignature.article_id, EventSignature.data).where(
            col(EventSignature.article_id).in_(article_ids)
        )
    )
    return {a: Signature.from_json(data) for a, data in rows}


def _memberships(session: Session, article_ids: Sequence[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    if not article_ids:
        return found
    rows = session.exec(
        select(EventMember.article_id, EventMember.event_id)
        .where(col(EventMember.article_id).in_(article_ids))
        .order_by(col(EventMember.event_id))
    )
    for article_id, event_id in rows:
        found.setdefault(article_id, []).append(event_id)
    return found


def _events_of(session: Session, article_ids: Sequence[int]) -> list[int]:
    rows = session.exec(
        select(EventMember.event_id).where(col(EventMember.article_id).in_(article_ids))
    )
    return sorted(set(rows))


def _members(session: Session, event_ids: Sequence[int]) -> list[int]:
    rows = session.exec(
        select(EventMember.article_id).where(col(EventMember.event_id).in_(event_ids))
    )
    return sorted(set(rows))


def _new_event(session: Session) -> int:
    event = Event(type="incident")
    session.add(event)
    session.flush()
    assert event.id is not None
    return event.id


def _join(session: Session, event_id: int, article_ids: Sequence[int]) -> None:
    present = set(
        session.exec(
            select(EventMember.article_id).where(
                col(EventMember.event_id) == event_id,
                col(EventMember.article_id).in_(article_ids),
            )
        )
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


def _refresh(session: Session, event_ids: set[int]) -> None:
    """Summarise each changed event once a batch (an event merged away is skipped)."""
    rows = session.exec(select(Event.id).where(col(Event.id).in_(sorted(event_ids))))
    for event_id in sorted(i for i in rows if i is not None):
        refresh_event(session, event_id)


def refresh_event(session: Session, event_id: int) -> None:
    """Recompute an event's summary from its members' signatures."""
    members = _members(session, [event_id])
    signatures = _signatures(session, members)
    summary = summarise(sorted(signatures.items()))
    event = session.get(Event, event_id)
    assert event is not None
    for name in summary.__dataclass_fields__:
        setattr(event, name, getattr(summary, name))
    session.add(event)
    session.flush()
