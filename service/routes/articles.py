"""Articles: ingest one or many, list, read, delete."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status
from fastapi.responses import StreamingResponse

from corpus.articles import (
    ARTICLE_SORTS,
    ArticleFilters,
    article_facets,
    delete_article,
    list_articles,
    stream_articles,
)
from corpus.facets import ARTICLE_FACETS, parse_facets
from corpus.ingest import ingest_article, ingest_articles
from corpus.ordering import pick_sort
from service.batch import batch_body
from service.cursors import decode_cursor, encode_cursor, query_digest
from service.deps import ArticleDep, EngineDep, IndexDep, PreparePoolDep, SessionDep, WriterDep
from service.exports import EXPORT_RESPONSES, FormatDep, export_response
from service.problems import problem_responses
from service.query_params import comma_separated, one_of
from service.reads import NOT_MODIFIED, ConditionalRead
from service.schemas.articles import (
    ArticleCreate,
    ArticleList,
    ArticlePublic,
    BatchItem,
    BatchResult,
    summary_of,
)
from service.schemas.pages import facets_out

router = APIRouter(prefix="/articles", tags=["articles"])

_BATCH_EXAMPLE = [
    {"text": "First article ..."},
    {"text": "Second article ...", "source": "Reuters"},
]


@router.post(
    "",
    summary="Ingest one article",
    status_code=status.HTTP_201_CREATED,
    response_model=ArticlePublic,
    dependencies=[WriterDep],
    responses={
        200: {"description": "The same text was already stored; the existing article."},
        201: {"description": "Created; the Location header names the new article."},
        **problem_responses(401, 413, 422),
    },
)
def create_article(
    article_in: ArticleCreate, session: SessionDep, index: IndexDep, response: Response
) -> ArticlePublic:
    """Store an article, extract its metadata and index its passages."""
    result = ingest_article(session=session, index=index, article_in=article_in.to_input())
    response.headers["Location"] = f"/articles/{result.article.id}"
    if not result.created:
        response.status_code = status.HTTP_200_OK
    return ArticlePublic.model_validate(result.article, from_attributes=True)


@router.post(
    "/batch",
    summary="Ingest up to 1,000 articles",
    response_model=BatchResult,
    dependencies=[WriterDep],
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "A JSON list of articles, or JSON Lines (one article per line).",
            "content": {
                "application/json": {
                    "schema": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/ArticleCreate"},
                        "maxItems": 1000,
                    },
                    "example": _BATCH_EXAMPLE,
                },
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        }
    },
    responses=problem_responses(401, 413, 422),
)
def create_articles(
    session: SessionDep,
    index: IndexDep,
    pool: PreparePoolDep,
    items: Annotated[list[ArticleCreate], Depends(batch_body)],
) -> BatchResult:
    """Store many articles with one index commit; results are in input order."""
    results = ingest_articles(
        session=session, index=index, articles_in=[item.to_input() for item in items], pool=pool
    )
    return BatchResult(
        articles=[BatchItem(**summary_of(r.article), created=r.created) for r in results],
        created=sum(r.created for r in results),
        existing=sum(not r.created for r in results),
    )


SortQuery = Annotated[
    str | None,
    Query(
        description="id (default), -id, published, -published, ingested_at, -ingested_at; "
        "missing dates last either way.",
        examples=["-published"],
        json_schema_extra=one_of(list(ARTICLE_SORTS)),
    ),
]
FacetsQuery = Annotated[
    str | None,
    Query(
        description="Comma-separated: source, published, published_month, place.",
        examples=["source,published_month"],
        json_schema_extra=comma_separated(ARTICLE_FACETS),
    ),
]


@router.get(
    "",
    summary="List or export articles (no text)",
    response_model=ArticleList,
    dependencies=[ConditionalRead],
    responses={**EXPORT_RESPONSES, **NOT_MODIFIED, **problem_responses(400, 422)},
)
def get_articles(
    session: SessionDep,
    engine: EngineDep,
    fmt: FormatDep,
    source: Annotated[str | None, Query(description="Publisher, case-insensitive.")] = None,
    since: Annotated[date | None, Query(description="Published on or after.")] = None,
    until: Annotated[date | None, Query(description="Published on or before.")] = None,
    sort: SortQuery = None,
    facets: FacetsQuery = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
) -> ArticleList | StreamingResponse:
    """Articles in ``sort`` order, filtered by publisher and publication date. Cursors continue
    after the last row's sort key and id, so pages neither repeat nor skip rows while the corpus
    changes."""
    filters = ArticleFilters(source=source, since=since, until=until)
    order = pick_sort(ARTICLE_SORTS, sort, "id")
    names = parse_facets(facets, ARTICLE_FACETS)
    if fmt != "json":
        return export_response(
            engine=engine,
            name="articles",
            fmt=fmt,
            rows=lambda s: (
                summary_of(a) for a in stream_articles(session=s, filters=filters, sort=order)
            ),
        )
    bound = query_digest(filters, order.name, limit)
    page = list_articles(
        session=session,
        filters=filters,
        sort=order,
        limit=limit,
        after=decode_cursor("articles", bound, cursor),
    )
    return ArticleList(
        articles=[summary_of(a) for a in page.articles],  # type: ignore[misc]
        total=page.total,
        next_cursor=encode_cursor("articles", bound, page.next_after) if page.next_after else None,
        facets=facets_out(
            article_facets(session=session, filters=filters, names=names) if names else None
        ),
    )


@router.get(
    "/{article_id:int}",
    summary="Read one article with its text",
    response_model=ArticlePublic,
    dependencies=[ConditionalRead],
    responses={**NOT_MODIFIED, **problem_responses(404, 422)},
)
def get_article(article: ArticleDep) -> ArticlePublic:
    """The stored article; every offset in the API indexes its ``text``."""
    return ArticlePublic.model_validate(article, from_attributes=True)


@router.delete(
    "/{article_id:int}",
    summary="Delete an article, its facts and its passages",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[WriterDep],
    responses=problem_responses(401, 404, 422),
)
def remove_article(article: ArticleDep, session: SessionDep, index: IndexDep) -> Response:
    """Delete the article from the database and the index."""
    delete_article(session=session, index=index, article=article)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
