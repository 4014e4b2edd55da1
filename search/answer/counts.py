"""Counts of any noun found at question time: "How many houses were destroyed?" is answered by
"12 houses were destroyed", "destroyed 12 houses" or "12 destroyed houses" in the top retrieved
passages, even when ingest stored no quantity for it. Only the best few passages are read, so
the work per question stays bounded."""

from __future__ import annotations

from sqlmodel import Session, col, select

from corpus.spans import sentences
from corpus.tables import Article, Fact
from search.answer.candidates import Candidate, retrieve, sentence_match, stems
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
    passages = retrieve(index, interp.terms)[:PASSAGES_READ]
    if not passages:
        return []
    ids = sorted({p.article_id for p in passages})
    articles = {a.id: a for a in session.exec(select(Article).where(col(Article.id).in_(ids)))}
    verbs = frozenset(t for t in interp.terms if t not in stems(interp.focus))
    out = []
    for passage in passages:
        article = articles.get(passage.article_id)
        if article is None:
            continue
        for span in sentences(passage.text):
            start = passage.start + span.start
            end = passage.start + span.end
            for mention, number in count_mentions(article.text, start, end, interp.focus, verbs):
                fact = Fact(
                    article_id=passage.article_id,
                    field="quantities",
                    kind="count",
                    value={"number": number, "unit": interp.focus},
                    start=mention.start,
                    end=mention.end,
                    text=mention.text,
                    sentence_start=start,
                    sentence_end=end,
                    sentence_text=article.text[start:end],
                    qualifier="exact",
                )
                match = sentence_match(interp.terms, article, fact) * mention.weight
                out.append(Candidate(fact, article, match, passage.relative_score))
    return out
