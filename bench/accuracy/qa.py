"""Question answering scored by news-dev's rule, beside a bare BM25 sentence baseline.

``/ask`` is right when its top answer states an accepted value (``matching``) and carries a
citation, every one of whose spans slices its article exactly; on an abstain question only an
abstention is right. The baseline sends the question's words to ``/search`` (OR'ed) and is
right when the top passage's best sentence (the one holding most highlights) states an
accepted value; it never abstains, so it is wrong on every abstain question it finds a hit for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from syntok import segmenter

from bench.accuracy.matching import citation_slices, is_held_out, matches_expected
from bench.accuracy.service import Service
from bench.accuracy.tally import Ratio

_OPERATORS = {"and", "or", "not", "to", "near"}


@dataclass(frozen=True)
class Outcome:
    """How one question went."""

    id: str
    type: str
    split: str
    corpus: str
    right: bool
    abstained: bool
    baseline_sentence: bool
    baseline_passage: bool
    cited_evidence: bool | None  # None when the question names no evidence article
    answer: str | None  # the top answer's text, for --details only (never in the report)
    reason: str | None  # why the service abstained


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def answer_states(answer: dict[str, Any], expect: list[Any]) -> bool:
    """Whether an answer states an accepted value: numbers in its text; strings in its text or
    its value's strings (a date answer's ISO form)."""
    if matches_expected(answer["text"], expect):
        return True
    strings = [e for e in expect if isinstance(e, str)]
    return bool(strings) and any(matches_expected(s, strings) for s in _strings(answer["value"]))


def cites_exactly(answer: dict[str, Any], text_of: Callable[[int], str]) -> bool:
    """Whether an answer has citations and every one slices its article exactly."""
    citations = answer.get("citations") or []
    return bool(citations) and all(citation_slices(c, text_of(c["article_id"])) for c in citations)


def search_query(question: str) -> str:
    """The question's words OR'ed, as a bare BM25 query (no syntax survives)."""
    words = [w for w in re.findall(r"[A-Za-z0-9]+", question) if w.lower() not in _OPERATORS]
    return " OR ".join(words)


def best_sentence(hit: dict[str, Any]) -> str:
    """The sentence of a hit's passage that holds most of its highlights (the first on a tie)."""
    passage = hit["passage"]
    best, most = "", -1
    for paragraph in segmenter.analyze(passage["text"]):
        for sentence in paragraph:
            start = passage["start"] + sentence[0].offset
            end = passage["start"] + sentence[-1].offset + len(sentence[-1].value)
            held = sum(start <= h["start"] and h["end"] <= end for h in hit["highlights"])
            if held > most:
                best = passage["text"][sentence[0].offset : end - passage["start"]]
                most = held
    return best


def evidence_keys(question: dict[str, Any]) -> list[tuple[str, str]]:
    """The (corpus, article id) pairs a question's answer comes from: news-dev's
    ``evidence_doc_ids``, or an own question's ``article_id``."""
    corpus = question.get("corpus") or "news-dev"
    docs = list(question.get("evidence_doc_ids") or [])
    if question.get("article_id"):
        docs.append(question["article_id"])
    return [(corpus, str(doc)) for doc in docs]


def ask_all(
    service: Service, questions: list[dict[str, Any]], ids: dict[tuple[str, str], int]
) -> tuple[list[Outcome], Ratio]:
    """Ask every question (``ids`` maps (corpus, article id) to the service's id); the outcomes,
    and the share of all citations (every answer) that fail to slice their article."""
    outcomes, bad_citations = [], Ratio()
    for q in sorted(questions, key=lambda q: q["id"]):
        response = service.ask(q["q"])
        for answer in response["answers"]:
            for citation in answer.get("citations") or []:
                bad_citations.add(
                    not citation_slices(citation, service.text(citation["article_id"]))
                )
        abstain = q.get("type") == "abstain" or bool(q.get("abstain")) or not q["expect"]
        answers = [] if response["abstained"] else response["answers"]
        top = answers[0] if answers else None
        if abstain:
            right = top is None
        else:
            right = (
                top is not None
                and answer_states(top, q["expect"])
                and cites_exactly(top, service.text)
            )
        hit = service.search_top(search_query(q["q"]))
        if hit is None:
            sentence_right = passage_right = abstain
        elif abstain:
            sentence_right = passage_right = False
        else:
            sentence_right = matches_expected(best_sentence(hit), q["expect"])
            passage_right = matches_expected(hit["passage"]["text"], q["expect"])
        evidence = {ids[key] for key in evidence_keys(q) if key in ids}
        cited = None
        if evidence and top is not None:
            cited = any(c["article_id"] in evidence for c in top.get("citations") or [])
        split = q.get("split") or ("test" if is_held_out(q["id"]) else "dev")
        outcomes.append(
            Outcome(
                id=q["id"],
                type=q.get("type") or "other",
                split="held-out" if split == "test" else split,
                corpus=q.get("corpus") or "news-dev",
                right=right,
                abstained=top is None,
                baseline_sentence=sentence_right,
                baseline_passage=passage_right,
                cited_evidence=cited,
                answer=top["text"] if top else None,
                reason=response.get("reason"),
            )
        )
    return outcomes, bad_citations


@dataclass
class Line:
    """One row of the QA table."""

    label: str
    ask: Ratio
    baseline_sentence: Ratio
    baseline_passage: Ratio
    abstained: Ratio
    cited_evidence: Ratio


def summarise(outcomes: list[Outcome], key: Callable[[Outcome], str]) -> list[Line]:
    """Rows by ``key`` (sorted), then every answerable question, then all."""
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(key(outcome), []).append(outcome)
    lines = [_line(label, groups[label]) for label in sorted(groups)]
    lines.append(_line("answerable", [o for o in outcomes if o.type != "abstain"]))
    lines.append(_line("**all**", outcomes))
    return lines


def _line(label: str, outcomes: list[Outcome]) -> Line:
    line = Line(label, Ratio(), Ratio(), Ratio(), Ratio(), Ratio())
    for o in outcomes:
        line.ask.add(o.right)
        line.baseline_sentence.add(o.baseline_sentence)
        line.baseline_passage.add(o.baseline_passage)
        if o.type != "abstain":
            line.abstained.add(o.abstained)
        if o.cited_evidence is not None:
            line.cited_evidence.add(o.cited_evidence)
    return line
