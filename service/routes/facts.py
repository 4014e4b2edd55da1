"""Facts: every extracted claim as data, the field catalogue, and per-article facts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import APIRouter, Path, Query

from corpus.fact_store import FactFilters, count_facts, field_catalogue, get_fact, list_facts
from corpus.facts.model import FIELD_CATALOGUE, FIELDS
from corpus.tables import MAX_ID
from search.backend import PassageBackend
from search.cache import GenerationCache
from service.cursors import decode_cursor, encode_cursor
from service.deps import ArticleDep, IndexDep, ResultCacheDep, SessionDep
from service.problems import problem_responses
from service.schemas.facts import FactList, FactPublic, FieldInfo, FieldKind, FieldList, fact_public

router = APIRouter(tags=["facts"])

if TYPE_CHECKING:
    FieldName = str
else:  # the fields as an enum in the schema, from the one catalogue
    FieldName = Literal[FIELDS]
LimitQuery = Annotated[int, Query(ge=1, le=100)]
CursorQuery = Annotated[str | None, Query(description="next_cursor of the previous page.")]


def _page(
    session: SessionDep,
    index: PassageBackend,
    cache: GenerationCache,
    filters: FactFilters,
    limit: int,
    cursor: str | None,
) -> FactList:
    # Counting 100k matching rows costs more than the page: keep totals until the next write.
    total = cache.get_or_compute(
        index.generation,
        ("facts-total", filters),
        lambda: count_facts(session=session, filters=filters),
    )
    page = list_facts(
        session=session,
        filters=filters,
        limit=limit,
        after=decode_cursor("facts", cursor),
        total=total,
    )
    return FactList(
        facts=[fact_public(fact, source) for fact, source in page.facts],
        total=page.total,
        next_cursor=encode_cursor("facts", page.next_after) if page.next_after else None,
    )


@router.get(
    "/facts",
    summary="List facts",
    response_model=FactList,
    responses=problem_responses(400, 422),
)
def get_facts(
    session: SessionDep,
    index: IndexDep,
    cache: ResultCacheDep,
    field: Annotated[FieldName | None, Query(description="Omit for every field.")] = None,
    kind: Annotated[str | None, Query(max_length=32, examples=["killed"])] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    source: Annotated[str | None, Query(description="Publisher, case-insensitive.")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in the fact or its sentence.")
    ] = None,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> FactList:
    """Every extracted claim, filtered; each cites its article by exact offsets."""
    filters = FactFilters(field=field, kind=kind, article_id=article_id, source=source, q=q)
    return _page(session, index, cache, filters, limit, cursor)


@router.get(
    "/facts/{fact_id}",
    summary="Read one fact",
    response_model=FactPublic,
    responses=problem_responses(404, 422),
)
def get_one_fact(
    session: SessionDep, fact_id: Annotated[int, Path(ge=1, le=MAX_ID, examples=[3])]
) -> FactPublic:
    """One fact by id."""
    fact, source = get_fact(session=session, fact_id=fact_id)
    return fact_public(fact, source)


@router.get(
    "/articles/{article_id}/facts",
    summary="List one article's facts",
    response_model=FactList,
    responses=problem_responses(400, 404, 422),
)
def get_article_facts(
    session: SessionDep,
    index: IndexDep,
    cache: ResultCacheDep,
    article: ArticleDep,
    field: FieldName | None = None,
    limit: LimitQuery = 100,
    cursor: CursorQuery = None,
) -> FactList:
    """The facts of one article, in text order."""
    filters = FactFilters(article_id=article.id, field=field)
    return _page(session, index, cache, filters, limit, cursor)


@router.get("/fields", summary="The field catalogue", response_model=FieldList)
def get_fields(session: SessionDep) -> FieldList:
    """Every fact field with its meaning, value keys, and counts per kind."""
    counts: dict[str, list[FieldKind]] = {}
    for field, kind, count in field_catalogue(session):
        counts.setdefault(field, []).append(FieldKind(kind=kind, count=count))
    return FieldList(
        fields=[
            FieldInfo(
                field=name,
                description=spec.description,
                value_keys=list(spec.value_keys),
                count=sum(k.count for k in counts.get(name, [])),
                kinds=counts.get(name, []),
            )
            for name, spec in FIELD_CATALOGUE.items()
        ]
    )
