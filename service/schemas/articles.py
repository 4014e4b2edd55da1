"""API schemas for articles, search and health: what clients send and receive."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, field_validator

from corpus.ingest import MAX_ARTICLE_CHARS, ArticleInput, storable
from service.schemas.pages import Page

_SAMPLE_TEXT = (
    "(Newswire.net — September 18, 2016) — US-led coalition jets bombed Syrian government "
    "troops killing 62 and wounding over 100 soldiers."
)


_ARTICLE_EXAMPLE: dict[str, JsonValue] = {
    "id": 1,
    "content_hash": "04a256b6…",
    "title": "US-led coalition jets bombed Syrian government troops…",
    "source": "Newswire.net",
    "url": None,
    "published": "2016-09-18",
    "language": "en",
    "ingested_at": "2026-11-21T04:54:41Z",
    "passage_count": 10,
    "extraction": "complete",
}


# What both databases store (PostgreSQL refuses NUL), said in the schema so clients can know.
_NO_NUL = r"^[^\x00]*$"
_TEXT = r"^[^\x00]*[^\s\x00][^\x00]*$"  # and not only whitespace


class ArticleCreate(BaseModel):
    """An article to ingest; metadata fields override what is sniffed from the text."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"text": _SAMPLE_TEXT}]}
    )

    text: str = Field(
        min_length=1,
        max_length=MAX_ARTICLE_CHARS,
        pattern=_TEXT,
        description="Article text (not only whitespace, no NUL; at most 100,000 characters); "
        "CRLF is normalised to LF.",
    )
    title: str | None = Field(default=None, max_length=1000, pattern=_NO_NUL)
    source: str | None = Field(
        default=None, max_length=200, pattern=_NO_NUL, description="Publisher."
    )
    url: str | None = Field(default=None, max_length=4000, pattern=_NO_NUL)
    published: date | None = Field(
        default=None, description="A calendar date (YYYY-MM-DD); numbers are not dates."
    )
    language: str | None = Field(default=None, max_length=16, pattern=_NO_NUL)

    @field_validator("published", mode="before")
    @classmethod
    def _date_not_number(cls, value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise ValueError("published must be a date (YYYY-MM-DD), not a number")
        return value

    @field_validator("text", "title", "source", "url", "language")
    @classmethod
    def _storable(cls, value: str | None) -> str | None:
        return storable(value)

    def to_input(self) -> ArticleInput:
        """The domain value ingestion works on."""
        return ArticleInput(**self.model_dump())


class ArticleSummary(BaseModel):
    """An article without its text, as listed."""

    model_config = ConfigDict(json_schema_extra={"examples": [_ARTICLE_EXAMPLE]})

    id: int
    content_hash: str
    title: str | None
    source: str | None
    url: str | None
    published: date | None
    language: str | None
    ingested_at: datetime
    passage_count: int
    extraction: Literal["complete", "partial"] = Field(
        description="'partial' when the article had more facts than the extraction budget "
        "(1,000): the facts past it were skipped."
    )


class ArticlePublic(ArticleSummary):
    """An article with its stored text; every offset in the API indexes this text."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{**_ARTICLE_EXAMPLE, "text": _SAMPLE_TEXT}]}
    )

    text: str


class ArticleList(Page[ArticleSummary]):
    """A page of articles."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "articles": [_ARTICLE_EXAMPLE],
                    "total": 5,
                    "next_cursor": "eyJrIjoiYXJ0aWNsZXMiLCJxIjoiNGUxYiIsInAiOltudWxsLDFdfQ",
                    "facets": {"source": [{"value": "Newswire.net", "count": 2}]},
                }
            ]
        }
    )

    articles: list[ArticleSummary]


class BatchItem(ArticleSummary):
    """One article of a batch: ``created`` is false when the text was already stored."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{**_ARTICLE_EXAMPLE, "created": True}]}
    )

    created: bool


class BatchResult(BaseModel):
    """The outcome of a batch, in input order."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "articles": [{**_ARTICLE_EXAMPLE, "created": True}],
                    "created": 1,
                    "existing": 0,
                }
            ]
        }
    )

    articles: list[BatchItem]
    created: int
    existing: int


class HighlightOut(BaseModel):
    """A matched word; ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


class PassageOut(BaseModel):
    """The passage that matched; ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


class SearchHit(BaseModel):
    """One cited passage."""

    article_id: int
    title: str | None
    source: str | None
    published: date | None
    score: float
    passage: PassageOut
    highlights: list[HighlightOut]


class SearchResponse(Page[SearchHit]):
    """A page of search hits, best first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "query": "Tharda",
                    "total": 4,
                    "total_relation": "eq",
                    "hits": [
                        {
                            "article_id": 1,
                            "title": "US-led coalition jets bombed…",
                            "source": "Newswire.net",
                            "published": "2016-09-18",
                            "score": 3.53,
                            "passage": {
                                "text": "A Syrian army general reported … al-Tharda Mountain …",
                                "start": 295,
                                "end": 539,
                            },
                            "highlights": [{"start": 494, "end": 500, "text": "Tharda"}],
                        }
                    ],
                    "next_cursor": None,
                    "variants": [],
                }
            ]
        }
    )

    query: str
    hits: list[SearchHit]
    total_relation: Literal["eq", "gte"] = Field(
        default="eq",
        description='"eq": `total` is exact; "gte": more passages match than `total`, the '
        "track_total_hits bound.",
    )
    variants: list[str] = Field(
        default_factory=list, description="Spellings the query was expanded with (aliases)."
    )


class Health(BaseModel):
    """Service status and what it holds."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "status": "ok",
                    "articles": 5,
                    "passages": 109,
                    "corpus_version": 1,
                    "index_generation": 1,
                    "database": "sqlite",
                }
            ]
        }
    )

    status: str
    articles: int
    passages: int
    corpus_version: int = Field(
        description="Bumped with every write; ETags and result caches key on it."
    )
    index_generation: int
    database: str


class Ready(BaseModel):
    """The service is ready: startup done, database answering, index consistent with it."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ready"}]})

    status: str


def summary_of(article: Any) -> dict[str, Any]:
    """The summary fields of a stored article."""
    return {name: getattr(article, name) for name in ArticleSummary.model_fields}
