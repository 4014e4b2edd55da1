"""The extraction pipeline: one parsed ``Document`` carried through the field stages in order.

Like a spaCy pipeline, the article is parsed once (sentences, ``Document.parse``) and each stage
adds what it found. A stage's inputs are its arguments, named in ``Stage.needs``: nothing is
re-parsed and no extractor calls another. The order is the real dependency order:

    organizations -> people (not inside an organization)
                  -> places (not inside an organization or a person)
                  -> quotes (speakers among people and organizations)
                  -> casualties (sources named as the organizations found)
    casualties, equipment -> quantities (numbers not already claimed by either)
    dates
    then, once per article: the main event (``main_event.find_main_event``) from dates and places

The work is bounded: every stage is linear in the text (sentences are at most
``spans.MAX_SENTENCE_CHARS`` long, and lookups by position bisect), and ``run_stages`` keeps at
most ``MAX_FACTS_PER_ARTICLE`` facts: the stage that reaches the budget is cut there, the later
ones are skipped, and the extraction is marked ``partial``. Event assignment is an article-level
step after the field stages, beside the main event, reading ``Extraction.by_field``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from corpus.facts import (
    casualties,
    dates,
    equipment,
    organizations,
    people,
    places,
    quantities,
    quotes,
)
from corpus.facts.document import Document
from corpus.facts.main_event import MainEvent, find_main_event
from corpus.facts.model import MAX_FACTS_PER_ARTICLE, ExtractedFact


@dataclass(frozen=True, slots=True)
class Stage:
    """One field's extractor and the earlier fields whose facts it receives as arguments."""

    field: str
    extract: Callable[..., Any]  # list[ExtractedFact]; (that list, complete) when ``limited``
    needs: tuple[str, ...] = ()
    # Takes ``limit``, the facts left in the budget, and returns (facts, complete): a stage
    # whose candidates can outnumber the budget stops reading once past it.
    limited: bool = False


STAGES: tuple[Stage, ...] = (
    Stage("organizations", organizations.extract),
    Stage("people", people.extract, needs=("organizations",)),
    Stage("places", places.extract, needs=("organizations", "people")),
    Stage("quotes", quotes.extract, needs=("people", "organizations")),
    Stage("casualties", casualties.extract_within, needs=("organizations",), limited=True),
    Stage("equipment", equipment.extract),
    Stage("quantities", quantities.extract, needs=("casualties", "equipment")),
    Stage("dates", dates.extract),
)


@dataclass(slots=True)
class Extraction:
    """What the pipeline found in one article: facts by field and the article's main event."""

    doc: Document
    by_field: dict[str, list[ExtractedFact]]
    main_event: MainEvent | None = None
    partial: bool = False  # the budget ran out: some facts of the article were skipped

    @property
    def facts(self) -> list[ExtractedFact]:
        """Every fact, ordered by position (then field and kind)."""
        found = [fact for facts in self.by_field.values() for fact in facts]
        return sorted(found, key=lambda f: (f.start, f.end, f.field, f.kind))


def run_stages(
    doc: Document, stages: Sequence[Stage] = STAGES, budget: int = MAX_FACTS_PER_ARTICLE
) -> tuple[dict[str, list[ExtractedFact]], bool]:
    """Run ``stages`` in order on ``doc``; each receives the facts of the fields it needs.

    At most ``budget`` facts are kept: the stage reaching it is cut, later stages find nothing,
    and the second value says so (the extraction is partial)."""
    found: dict[str, list[ExtractedFact]] = {}
    left, partial = budget, False
    for stage in stages:
        if left <= 0:
            found[stage.field], partial = [], True
            continue
        given: dict[str, Any] = {need: found[need] for need in stage.needs}
        if stage.limited:
            facts, complete = stage.extract(doc, **given, limit=left)
        else:
            facts, complete = stage.extract(doc, **given), True
        partial = partial or not complete or len(facts) > left
        found[stage.field] = facts[:left]
        left -= len(found[stage.field])
    return found, partial


def extract(text: str, published: date | None = None) -> Extraction:
    """Parse ``text`` once and run every stage, then find the article's main event."""
    doc = Document.parse(text, published)
    by_field, partial = run_stages(doc)
    return Extraction(doc, by_field, find_main_event(doc, by_field), partial)


def field_facts(field: str, doc: Document) -> list[ExtractedFact]:
    """The facts of one ``field`` in ``doc``, running only the stages it depends on."""
    return run_stages(doc, _stages_for(field))[0][field]


def _stages_for(field: str) -> list[Stage]:
    by_field = {stage.field: stage for stage in STAGES}
    wanted: set[str] = set()
    pending = [field]
    while pending:
        name = pending.pop()
        if name not in wanted:
            wanted.add(name)
            pending.extend(by_field[name].needs)
    return [stage for stage in STAGES if stage.field in wanted]
