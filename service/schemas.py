"""API schemas: what clients send and receive. Tables (corpus/tables.py) are never returned."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from corpus.ingest import ArticleInput

_SAMPLE_TEXT = (
    "(Newswire.net — September 18, 2016) — US-led coalition jets bombed Syrian government "
    "troops killing 62 and wounding over 100 soldiers."
)


class ArticleCreate(BaseModel):
    """An article to ingest; metadata fields override what is sniffed from the text."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"text": _SAMPLE_TEXT}]}
    )

    text: str = Field(min_length=1, description="Article text; CRLF is normalised to LF.")
    title: str | None = Field(default=None, max_length=1000)
    source: str | None = Field(default=None, max_length=200, description="Publisher.")
    url: str | None = Field(default=None, max_length=4000)
    published: date | None = None
    language: str | None = Field(default=None, max_length=16)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must contain more than whitespace")
        return value

    def to_input(self) -> ArticleInput:
        """The domain value ingestion works on."""
        return ArticleInput(**self.model_dump())


class ArticleSummary(BaseModel):
    """An article without its text, as listed."""

    id: int
    content_hash: str
    title: str | None
    source: str | None
    url: str | None
    published: date | None
    language: str | None
    ingested_at: datetime
    passage_count: int


class ArticlePublic(ArticleSummary):
    """An article with its stored text; every offset in the API indexes this text."""

    text: str


class ArticleList(BaseModel):
    """A page of articles."""

    articles: list[ArticleSummary]
    total: int
    next_cursor: str | None


class BatchItem(ArticleSummary):
    """One article of a batch: ``created`` is false when the text was already stored."""

    created: bool


class BatchResult(BaseModel):
    """The outcome of a batch, in input order."""

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


class SearchResponse(BaseModel):
    """A page of search hits, best first."""

    query: str
    total: int
    hits: list[SearchHit]
    next_cursor: str | None
    variants: list[str] = Field(
        default_factory=list, description="Spellings the query was expanded with (aliases)."
    )


class Health(BaseModel):
    """Service status and what it holds."""

    status: str
    articles: int
    passages: int
    index_generation: int
    database: str
    versions: dict[str, str]


def summary_of(article: Any) -> dict[str, Any]:
    """The summary fields of a stored article."""
    return {name: getattr(article, name) for name in ArticleSummary.model_fields}


class SentenceOut(BaseModel):
    """The sentence that contains a span; ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


class FactPublic(BaseModel):
    """One extracted claim, cited by exact offsets into its article's text."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 7,
                    "article_id": 2,
                    "source": None,
                    "field": "casualties",
                    "kind": "killed",
                    "value": {"min": 62, "max": 62, "victims": "soldiers"},
                    "text": "Sixty-two Syrian soldiers",
                    "start": 479,
                    "end": 504,
                    "sentence": {
                        "text": "Sixty-two Syrian soldiers were killed …",
                        "start": 479,
                        "end": 685,
                    },
                    "attributed_to": "Russian Defense Ministry",
                    "qualifier": "exact",
                }
            ]
        }
    )

    id: int
    article_id: int
    source: str | None
    field: str
    kind: str
    value: dict[str, Any]
    text: str
    start: int
    end: int
    sentence: SentenceOut
    attributed_to: str | None
    qualifier: str | None


class FactList(BaseModel):
    """A page of facts."""

    facts: list[FactPublic]
    total: int
    next_cursor: str | None


class FieldKind(BaseModel):
    """How many facts of one kind a field holds."""

    kind: str
    count: int


class FieldInfo(BaseModel):
    """One field of the catalogue."""

    field: str
    description: str
    value_keys: list[str]
    count: int
    kinds: list[FieldKind]


class FieldList(BaseModel):
    """The field catalogue."""

    fields: list[FieldInfo]


class EntityPublic(BaseModel):
    """A canonical place, person or organization and how the corpus writes it."""

    id: str
    type: str
    name: str
    data: dict[str, Any]
    variants: list[str]
    mentions: int
    article_ids: list[int]


class EntityList(BaseModel):
    """A page of entities, most mentioned first."""

    entities: list[EntityPublic]
    total: int
    next_cursor: str | None


def fact_public(fact: Any, source: str | None) -> FactPublic:
    """The API view of a stored fact."""
    return FactPublic(
        id=fact.id,
        article_id=fact.article_id,
        source=source,
        field=fact.field,
        kind=fact.kind,
        value=fact.value,
        text=fact.text,
        start=fact.start,
        end=fact.end,
        sentence=SentenceOut(
            text=fact.sentence_text, start=fact.sentence_start, end=fact.sentence_end
        ),
        attributed_to=fact.attributed_to,
        qualifier=fact.qualifier,
    )


def entity_public(view: Any) -> EntityPublic:
    """The API view of an entity and its mentions."""
    entity = view.entity
    return EntityPublic(
        id=entity.id,
        type=entity.type,
        name=entity.name,
        data=entity.data,
        variants=view.variants,
        mentions=view.mentions,
        article_ids=view.article_ids,
    )


class CitationOut(BaseModel):
    """A cited span: ``text == article.text[start:end]``."""

    article_id: int
    source: str | None
    start: int
    end: int
    text: str


class ClaimValueOut(BaseModel):
    """One stated figure and who states it."""

    min: int | float | None
    max: int | float | None
    qualifier: str | None
    sources: list[str]
    attributed_to: list[str]
    citations: list[CitationOut]


class RangeOut(BaseModel):
    """The lowest and highest figures stated (vague amounts do not set it)."""

    min: int | float | None
    max: int | float | None


class ClaimOut(BaseModel):
    """Facts about the same quantity, and whether they can all be true."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "field": "casualties",
                    "kind": "killed",
                    "subject": "soldiers",
                    "event": "Deir ez-Zor 2016-09-17",
                    "values": [
                        {
                            "min": 62,
                            "max": 62,
                            "qualifier": "exact",
                            "sources": ["Newswire.net"],
                            "attributed_to": ["Russian Defense Ministry"],
                            "citations": [
                                {
                                    "article_id": 1,
                                    "source": "Newswire.net",
                                    "start": 124,
                                    "end": 133,
                                    "text": "killing 62",
                                }
                            ],
                        }
                    ],
                    "range": {"min": 30, "max": 83},
                    "disputed": True,
                    "picks": {
                        "conservative": {
                            "rule": "the lowest lower bound stated",
                            "value": {"min": 30, "max": 62},
                        }
                    },
                }
            ]
        }
    )

    field: str
    kind: str
    subject: str
    event: str
    values: list[ClaimValueOut]
    range: RangeOut
    disputed: bool
    picks: dict[str, dict[str, Any]]


class ClaimList(BaseModel):
    """A page of claims, most cited first."""

    claims: list[ClaimOut]
    total: int
    next_cursor: str | None


class ClaimKindSummary(BaseModel):
    """Totals for one kind of a field, for dashboards."""

    kind: str
    claims: int
    facts: int
    disputed: int
    range: RangeOut


class ClaimSummary(BaseModel):
    """Per-kind totals of a field's claims."""

    field: str
    kinds: list[ClaimKindSummary]


def claim_out(claim: Any) -> ClaimOut:
    """The API view of a claim."""
    return ClaimOut(
        field=claim.field,
        kind=claim.kind,
        subject=claim.subject,
        event=claim.event,
        values=[
            ClaimValueOut(
                min=v.min,
                max=v.max,
                qualifier=v.qualifier,
                sources=v.sources,
                attributed_to=v.attributed_to,
                citations=[
                    CitationOut(
                        article_id=c.article_id,
                        source=c.source,
                        start=c.start,
                        end=c.end,
                        text=c.text,
                    )
                    for c in v.citations
                ],
            )
            for v in claim.values
        ],
        range=RangeOut(min=claim.range_min, max=claim.range_max),
        disputed=claim.disputed,
        picks=claim.picks,
    )


class AskCitation(CitationOut):
    """A cited span with its article's title and the sentence around it."""

    title: str | None
    sentence: SentenceOut
    attributed_to: str | None = None


class AnswerOut(BaseModel):
    """One answer, best first; every citation's offsets are exact."""

    text: str
    value: Any
    confidence: float
    citations: list[AskCitation]
    sources: list[str]
    attributed_to: list[str]


class InterpretationOut(BaseModel):
    """How the question was read."""

    type: str
    field: str | None
    kind: str | None
    terms: list[str]
    focus: str | None
    source: str | None


class AskRequest(BaseModel):
    """A question sent as JSON (for long questions)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"q": "How many Syrian soldiers were killed?"}]},
    )

    q: str = Field(min_length=1, max_length=2000)


class AskResponse(BaseModel):
    """Answers with citations, the disagreement shown, or an honest abstention."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "question": "How many Syrian soldiers were killed?",
                    "interpretation": {
                        "type": "how_many",
                        "field": "casualties",
                        "kind": "killed",
                        "terms": ["syrian", "soldier", "kill"],
                        "focus": "soldiers",
                        "source": None,
                    },
                    "answers": [
                        {
                            "text": "62",
                            "value": {"min": 62, "max": 62, "qualifier": "exact"},
                            "confidence": 0.95,
                            "citations": [],
                            "sources": ["Newswire.net"],
                            "attributed_to": ["Russian Defense Ministry"],
                        }
                    ],
                    "disputed": True,
                    "abstained": False,
                    "reason": None,
                }
            ]
        }
    )

    question: str
    interpretation: InterpretationOut
    answers: list[AnswerOut]
    disputed: bool
    abstained: bool
    reason: str | None


def ask_response(result: Any) -> AskResponse:
    """The API view of an answer result."""
    interp = result.interpretation
    return AskResponse(
        question=result.question,
        interpretation=InterpretationOut(
            type=interp.type,
            field=interp.field,
            kind=interp.kind,
            terms=list(interp.terms),
            focus=interp.focus,
            source=interp.source,
        ),
        answers=[
            AnswerOut(
                text=a.text,
                value=a.value,
                confidence=a.confidence,
                citations=[
                    AskCitation(
                        article_id=c.article_id,
                        source=c.source,
                        title=c.title,
                        start=c.start,
                        end=c.end,
                        text=c.text,
                        attributed_to=c.attributed_to,
                        sentence=SentenceOut(
                            text=c.sentence.text, start=c.sentence.start, end=c.sentence.end
                        ),
                    )
                    for c in a.citations
                ],
                sources=list(a.sources),
                attributed_to=list(a.attributed_to),
            )
            for a in result.answers
        ],
        disputed=result.disputed,
        abstained=result.abstained,
        reason=result.reason,
    )
