"""Entities: the canonical places, people and organizations that facts point at.

Entity rows are kept in step with facts at ingest. A person named by surname only
("Konashenkov said") is linked to the one full name in the corpus that ends with that surname
("Igor Konashenkov"), whichever of the two arrived first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import func, text, update
from sqlmodel import Session, col, select

from corpus.errors import NotFound
from corpus.facts.resolver import is_generic_spelling
from corpus.tables import Entity, Fact

ENTITY_TYPES = ("place", "person", "organization")
_DATA_KEYS_SKIPPED = {"name", "entity_id", "canonical"}


def _entity_type(entity_id: str) -> str:
    return entity_id.split(":", 1)[0]


def _display_name(value: dict[str, Any]) -> str:
    return str(value.get("canonical") or value.get("name") or "")


class LinkedFact(Protocol):
    """What entity linking reads and rewrites on a fact row about to be inserted."""

    entity_id: str | None
    value: dict[str, Any]


def link_entities(session: Session, facts: Sequence[LinkedFact]) -> None:
    """Create missing Entity rows for ``facts`` and link surname-only people to full names."""
    new: dict[str, Entity] = {}
    known = _existing_ids(session, {fact.entity_id for fact in facts if fact.entity_id})
    for fact in facts:
        if not fact.entity_id or fact.entity_id in new or fact.entity_id in known:
            continue
        data = {
            k: v for k, v in fact.value.items() if k not in _DATA_KEYS_SKIPPED and v is not None
        }
        new[fact.entity_id] = Entity(
            id=fact.entity_id,
            type=_entity_type(fact.entity_id),
            name=_display_name(fact.value),
            data=data,
        )
    people = [e for e in new.values() if e.type == "person"]
    stale = _surname_entities(session, {e.name.rsplit(" ", 1)[-1] for e in people if " " in e.name})
    for entity in people:
        if " " in entity.name:
            _absorb_surname_entity(session, entity, stale)
        else:
            full = _full_name_for(session, entity.name, new)
            if full is not None:
                for fact in facts:
                    if fact.entity_id == entity.id:
                        fact.entity_id = full.id
                        fact.value = {**fact.value, "entity_id": full.id, "name": full.name}
                del new[entity.id]
    session.add_all(new.values())


def _full_name_for(session: Session, surname: str, new: dict[str, Entity]) -> Entity | None:
    """The one person whose full name ends with ``surname``, or None if none or several."""
    suffix = f" {surname}"
    candidates = {e.id: e for e in new.values() if e.type == "person" and e.name.endswith(suffix)}
    for entity in session.exec(
        select(Entity).where(Entity.type == "person", col(Entity.name).like(f"%{suffix}"))
    ):
        candidates.setdefault(entity.id, entity)
    return next(iter(candidates.values())) if len(candidates) == 1 else None


def _existing_ids(session: Session, entity_ids: set[str]) -> set[str]:
    """Those of ``entity_ids`` stored already: one query per 500 (not one per fact)."""
    ordered, found = sorted(entity_ids), set[str]()
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        found.update(session.exec(select(Entity.id).where(col(Entity.id).in_(chunk))))
    return found


def _surname_entities(session: Session, surnames: set[str]) -> dict[str, list[Entity]]:
    """Stored surname-only people with one of ``surnames`` as their name, by name."""
    by_name: dict[str, list[Entity]] = defaultdict(list)
    ordered = sorted(surnames)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        for entity in session.exec(
            select(Entity).where(Entity.type == "person", col(Entity.name).in_(chunk))
        ):
            by_name[entity.name].append(entity)
    return by_name


def _absorb_surname_entity(session: Session, full: Entity, stale: dict[str, list[Entity]]) -> None:
    """A full name arrived: earlier surname-only mentions of it now point at it."""
    candidates = stale.get(full.name.rsplit(" ", 1)[-1])
    if not candidates:
        return
    absorbed = candidates.pop(0)  # another full name with this surname finds the next, if any
    session.exec(
        update(Fact).where(col(Fact.entity_id) == absorbed.id).values(entity_id=full.id)  # type: ignore[call-overload]
    )
    session.delete(absorbed)


def drop_orphan_entities(session: Session, entity_ids: set[str]) -> None:
    """Delete those of ``entity_ids`` that no fact points at any more."""
    for entity_id in entity_ids:
        if (
            session.exec(select(Fact.id).where(Fact.entity_id == entity_id).limit(1)).first()
            is None
        ):
            entity = session.get(Entity, entity_id)
            if entity is not None:
                session.delete(entity)


def rebuild_entities(session: Session) -> None:
    """Drop entities no fact points at any more."""
    used = set(session.exec(select(Fact.entity_id).distinct()))
    for entity in session.exec(select(Entity)):
        if entity.id not in used:
            session.delete(entity)


@dataclass(frozen=True, slots=True)
class EntityView:
    """An entity with what the corpus says of it."""

    entity: Entity
    variants: list[str]
    mentions: int
    article_ids: list[int]


@dataclass(frozen=True, slots=True)
class EntityPage:
    """One page of entities, ordered by mentions then id; ``next_offset`` continues it."""

    entities: list[EntityView]
    total: int
    next_offset: int | None


def list_entities(
    *, session: Session, type: str | None, q: str | None, limit: int, offset: int = 0
) -> EntityPage:
    """Entities with variants, mention counts and article ids, most mentioned first."""
    mentions = func.count(col(Fact.id)).label("mentions")
    query = (
        select(Entity, mentions)
        .join(Fact, col(Fact.entity_id) == Entity.id)
        .group_by(col(Entity.id))
        .order_by(mentions.desc(), col(Entity.id))
    )
    counted = select(func.count(func.distinct(col(Entity.id)))).join(
        Fact, col(Fact.entity_id) == Entity.id
    )
    if type:
        query = query.where(Entity.type == type)
        counted = counted.where(Entity.type == type)
    if q:
        needle = f"%{q.lower()}%"
        matching = select(Fact.entity_id).where(func.lower(col(Fact.text)).like(needle))
        condition = func.lower(col(Entity.name)).like(needle) | col(Entity.id).in_(matching)
        query = query.where(condition)
        counted = counted.where(condition)
    total = int(session.exec(counted).one())
    rows = list(session.exec(query.offset(offset).limit(limit)))
    views = _views(session, [(entity, int(n)) for entity, n in rows])
    next_offset = offset + limit if offset + limit < total else None
    return EntityPage(views, total, next_offset)


def get_entity(*, session: Session, entity_id: str) -> EntityView:
    """One entity with its variants, mentions and articles, or NotFound."""
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise NotFound(f"No entity has id {entity_id!r}.")
    count = session.exec(select(func.count()).where(Fact.entity_id == entity_id)).one()
    return _views(session, [(entity, int(count))])[0]


def _views(session: Session, rows: list[tuple[Entity, int]]) -> list[EntityView]:
    ids = [entity.id for entity, _ in rows]
    variants: dict[str, set[str]] = defaultdict(set)
    articles: dict[str, set[int]] = defaultdict(set)
    if ids:
        for entity_id, text, article_id in session.exec(
            select(Fact.entity_id, Fact.text, Fact.article_id).where(col(Fact.entity_id).in_(ids))
        ):
            variants[entity_id].add(text)  # type: ignore[index]
            articles[entity_id].add(article_id)  # type: ignore[index]
    return [
        EntityView(entity, sorted(variants[entity.id]), count, sorted(articles[entity.id]))
        for entity, count in rows
    ]


def variant_groups(session: Session) -> list[list[str]]:
    """Spellings observed for each place and organization with more than one: the search alias
    table. Generic mentions ("the ministry", "Police") resolved to a body are not its spellings.
    (The predicate matches the partial index ``ix_fact_spellings`` exactly.)"""
    groups: dict[str, set[str]] = defaultdict(set)
    for entity_id, spelling in session.execute(
        select(Fact.entity_id, Fact.text)
        .where(text("field IN ('places', 'organizations')"), col(Fact.entity_id).is_not(None))
        .distinct()
    ):
        if not is_generic_spelling(spelling):
            groups[entity_id].add(spelling)
    return [sorted(v) for _, v in sorted(groups.items()) if len(v) > 1]
