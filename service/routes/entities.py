"""Entities: canonical places, people and organizations with their spellings and mentions."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from corpus.entities import get_entity, list_entities
from service.cursors import decode_cursor, encode_cursor, offset_of, query_digest
from service.deps import SessionDep
from service.problems import problem_responses
from service.reads import NOT_MODIFIED, ConditionalRead, ReadDep
from service.schemas.facts import EntityList, EntityPublic, entity_public

router = APIRouter(tags=["entities"])


@router.get(
    "/entities",
    summary="List entities",
    response_model=EntityList,
    dependencies=[ConditionalRead],
    responses={**NOT_MODIFIED, **problem_responses(400, 409, 422)},
)
def get_entities(
    session: SessionDep,
    read: ReadDep,
    type: Annotated[Literal["place", "person", "organization"] | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=200, description="Name or any spelling.")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
) -> EntityList:
    """Canonical entities with variants, mention counts and article ids, most mentioned first.
    A cursor holds an offset into this ranking at one corpus version: after a write it is a 409."""
    bound = query_digest(type, q, limit)
    position = decode_cursor("entities", bound, cursor, version=read.version)
    offset = 0 if position is None else offset_of(position)
    page = list_entities(session=session, type=type, q=q, limit=limit, offset=offset)
    more = page.next_offset
    return EntityList(
        entities=[entity_public(view) for view in page.entities],
        total=page.total,
        next_cursor=encode_cursor("entities", bound, more, version=read.version) if more else None,
    )


@router.get(
    "/entities/{entity_id}",
    summary="Read one entity",
    response_model=EntityPublic,
    dependencies=[ConditionalRead],
    responses={**NOT_MODIFIED, **problem_responses(404, 422)},
)
def get_one_entity(
    session: SessionDep,
    entity_id: Annotated[str, Path(max_length=200, examples=["place:deir-ez-zor"])],
) -> EntityPublic:
    """One entity with its spellings, mentions and articles."""
    return entity_public(get_entity(session=session, entity_id=entity_id))
