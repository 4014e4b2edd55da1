"""Ask: plain-language questions answered from facts and passages, every span cited."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from search.answer.answerer import answer_question
from service.deps import IndexDep, SessionDep
from service.problems import problem_responses
from service.reads import NOT_MODIFIED, ConditionalRead
from service.schemas.answers import AskRequest, AskResponse, ask_response

router = APIRouter(tags=["ask"])

QuestionQuery = Annotated[
    str,
    Query(
        min_length=1,
        max_length=2000,
        description="A question in plain English.",
        examples=["How many Syrian soldiers were killed?"],
    ),
]


@router.get(
    "/ask",
    summary="Answer a question",
    response_model=AskResponse,
    dependencies=[ConditionalRead],
    responses={**NOT_MODIFIED, **problem_responses(422)},
)
def ask(session: SessionDep, index: IndexDep, q: QuestionQuery) -> AskResponse:
    """Answers best first with citations; disagreement shown; abstains when unsure."""
    return ask_response(answer_question(session=session, index=index, question=q))


@router.post(
    "/ask",
    summary="Answer a question sent as JSON",
    response_model=AskResponse,
    responses=problem_responses(413, 422),
)
def ask_post(session: SessionDep, index: IndexDep, body: AskRequest) -> AskResponse:
    """The same as GET /ask, for long questions."""
    return ask_response(answer_question(session=session, index=index, question=body.q))
