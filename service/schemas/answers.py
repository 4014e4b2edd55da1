"""API schemas for claims and answers."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from service.schemas.facts import SentenceOut
from service.schemas.pages import Page


class SpanOut(BaseModel):
    """A cited span: ``text == article.text[start:end]``."""

    article_id: int
    start: int
    end: int
    text: str


class CitationOut(SpanOut):
    """A cited span with its article's publisher."""

    source: str | None


class ClaimValueOut(BaseModel):
    """One stated figure (``stated``, as the text writes it), the interval its hedge implies,
    and who states it."""

    stated: int | float | None
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
                            "stated": 62,
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
                            "value": {"stated": 30, "min": 30, "max": 62},
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


class ClaimList(Page[ClaimOut]):
    """A page of claims, most cited first."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"claims": [], "total": 3, "next_cursor": None}]}
    )

    claims: list[ClaimOut]


class ClaimKindSummary(BaseModel):
    """Totals for one kind of a field, for dashboards."""

    kind: str
    claims: int
    facts: int
    disputed: int
    range: RangeOut


class ClaimSummary(BaseModel):
    """Per-kind totals of a field's claims."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "field": "casualties",
                    "kinds": [
                        {
                            "kind": "killed",
                            "claims": 3,
                            "facts": 16,
                            "disputed": 1,
                            "range": {"min": 12, "max": 300000},
                        }
                    ],
                }
            ]
        }
    )

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
                stated=v.stated,
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


class ConstraintsOut(BaseModel):
    """What the question pins its event by; an article that lacks a named place or person, or
    neither states nor was published just after a named date, is not about that event."""

    dates: list[str] = Field(
        description="ISO dates the question names (--MM-DD when it gives no year)."
    )
    places: list[str]
    address: list[str]
    people: list[str]


class InterpretationOut(BaseModel):
    """How the question was read."""

    type: str
    field: str | None
    kind: str | None
    terms: list[str]
    focus: str | None
    source: str | None
    answer_type: str = Field(
        description=(
            "The expected answer: count, person (with role), role, role_holder, speaker, "
            "place, date, organization, person_or_organization, thing or passage."
        )
    )
    role: str | None = Field(
        default=None, description="For a person: suspect or victim, when the question says."
    )
    constraints: ConstraintsOut


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
                        "answer_type": "count",
                        "role": None,
                        "constraints": {"dates": [], "places": [], "address": [], "people": []},
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
            answer_type=interp.answer_type,
            role=interp.role,
            constraints=ConstraintsOut(**interp.constraints.describe()),
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
