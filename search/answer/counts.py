"""Counts of any noun found at question time: "How many houses were destroyed?" is answered by
"12 houses were destroyed", "destroyed 12 houses" or "12 destroyed houses" in the top retrieved
passages, even when ingest stored no quantity for it. Only the best few passages are read, so
the work per question stays bounded."""

from __future__ import annotations

from sqlmodel import Session

from search.answer.candidates import Candidate, read_sentences, sentence_match, stems
from search.answer.questions import Interpretation
from search.answer.recognisers import count_mentions
from search.backend import PassageBackend

PASSAGES_READ = 6


def recognised_counts(
    session: Session, index: PassageBackend, interp: Interpretation
) -> list[Candidate]:
    """Counts of the question's focus noun in the best passages, scored like stored facts:
    by how much of the question their sentence holds and by the verb that governs them."""
    if not interp.focus:
        return []
    verbs = frozenset(t for t in interp.terms if t not in stems(interp.focus))
    out = []
    for read in read_sentences(session, index, interp, PASSAGES_READ):
        text = read.article.text
        for mention, number in count_mentions(text, read.start, read.end, interp.focus, verbs):
            value = {"number": number, "unit": interp.focus}
            fact = read.fact("quantities", "count", value, mention.start, mention.end)
            fact.qualifier = "exact"
            match = sentence_match(interp.terms, read.article, fact) * mention.weight
            out.append(Candidate(fact, read.article, match, read.passage.relative_score))
    return out
