"""Facts: every extracted claim as data, the field catalogue, and per-article facts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import StreamingResponse
from sqlmodel import Session

from corpus.facets import FACT_FACETS, parse_facets
from corpus.fact_store import (
    FACT_SORTS,
    FactFilters,
    count_facts,
    fact_facets,
    fact_sort,
    field_catalogue,
    get_fact,
    list_facts,
    stream_fact_records,
)
from corpus.facts.model import FIELD_CATALOGUE, FIELDS
from corpus.tables import MAX_ID
from service.cursors import decode_cursor, encode_cursor, query_digest
from service.deps import ArticleDep, EngineDep, SessionDep
from service.exports import EXPORT_RESPONSES, FormatDep, export_response
from service.problems import problem_responses
from service.query_params import comma_separated, one_of
from service.reads import NOT_MODIFIED, ConditionalRead, CorpusRead, ReadDep
from service.schemas.facts import FactList, FactPublic, FieldInfo, FieldKind, FieldList, fact_public
from service.schemas.pages import facets_out

router = APIRouter(tags=["facts"])

if TYPE_CHECKING:
    FieldName = str
else:  # the fields as an enum in the schema, from the one catalogue
    FieldName = Literal[FIELDS]
LimitQuery = Annotated[int, Query(ge=1, le=100)]
CursorQuery = Annotated[str | None, Query(description="next_cursor of the previous page.")]
SortQuery = Annotated[
    str | None,
    Query(
        description="id (default), article_id, -article_id, value, -value (the number a numeric "
        "fact states; facts of other fields have none); missing values last either way.",
        examples=["-value"],
        json_schema_extra=one_of(list(FACT_SORTS)),
    ),
]
FacetsQuery = Annotated[
    str | None,
    Query(
        description="Comma-separated: field, kind, source, published, published_month, place.",
        examples=["kind,source"],
        json_schema_extra=comma_separated(FACT_FACETS),
    ),
]


def _page(
    session: Session,
    read: CorpusRead,
    filters: FactFilters,
    *,
    limit: int,
    cursor: str | None,
    sort: str | None = None,
    facets: str | None = None,
) -> FactList:
    order = fact_sort(sort, filters)
    names = parse_facets(facets, FACT_FACETS)
    bound = query_digest(filters, order.name, limit)
    after = decode_cursor("facts", bound, cursor)
    # Counting 100k matching rows costs more than the page: keep totals until the next write.
    total = read.cached(
        ("facts-total", filters), lambda: count_facts(session=session, filters=filters)
    )
    page = list_facts(
        session=session, filters=filters, sort=order, limit=limit, after=after, total=total
    )
    buckets = (
        read.cached(
            ("facts-facets", filters, names),
            lambda: fact_facets(session=session, filters=filters, names=names),
        )
        if names
        else None
    )
    return FactList(
        facts=[fact_public(fact, source) for fact, source in page.facts],
        total=page.total,
        next_cursor=encode_cursor("facts", bound, page.next_after) if page.next_after else None,
        facets=facets_out(buckets),
    )


@router.get(
    "/facts",
    summary="List or export facts",
    response_model=FactList,
    dependencies=[ConditionalRead],
    responses={**EXPORT_RESPONSES, **NOT_MODIFIED, **problem_responses(400, 422)},
)
def get_facts(
    session: SessionDep,
    engine: EngineDep,
    read: ReadDep,
    fmt: FormatDep,
    field: Annotated[FieldName | None, Query(description="Omit for every field.")] = None,
    kind: Annotated[str | None, Query(max_length=32, examples=["killed"])] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    source: Annotated[str | None, Query(description="Publisher, case-insensitive.")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in the fact or its sentence.")
    ] = None,
    sort: SortQuery = None,
    facets: FacetsQuery = None,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> FactList | StreamingResponse:
    """Every extracted claim, filtered; each cites its article by exact offsets. Cursors
    continue after the last row's sort key and id (no repeats or skips while the corpus
    changes)."""
    filters = FactFilters(field=field, kind=kind, article_id=article_id, source=source, q=q)
    if fmt != "json":
        order = fact_sort(sort, filters)
        return export_response(
            engine=engine,
            name="facts",
            fmt=fmt,
            rows=lambda s: stream_fact_records(session=s, filters=filters, sort=order),
            json_columns=frozenset({"value"}),
        )
    return _page(session, read, filters, limit=limit, cursor=cursor, sort=sort, facets=facets)


@router.get(
    "/facts/{fact_id}",
    summary="Read one fact",
    response_model=FactPublic,
    dependencies=[ConditionalRead],
    responses={**NOT_MODIFIED, **problem_responses(404, 422)},
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
    dependencies=[ConditionalRead],
    responses={**NOT_MODIFIED, **problem_responses(400, 404, 422)},
)
def get_article_facts(
    session: SessionDep,
    read: ReadDep,
    article: ArticleDep,
    field: FieldName | None = None,
    limit: LimitQuery = 100,
    cursor: CursorQuery = None,
) -> FactList:
    """The facts of one article, in text order."""
    filters = FactFilters(article_id=article.id, field=field)
    return _page(session, read, filters, limit=limit, cursor=cursor)


@router.get(
    "/fields",
    summary="The field catalogue",
    response_model=FieldList,
    dependencies=[ConditionalRead],
    responses=NOT_MODIFIED,
)
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
