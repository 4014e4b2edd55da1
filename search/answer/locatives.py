"""The most specific place a sentence gives, read at question time for "Where ...?": a
capitalised name after a locative preposition ("at the <Name> Center", "near <Name> Creek",
"to <Town>", "on <Name> Road") in the best retrieved passages, even when ingest stored no
place for it. A name ending in a facility or street noun (hospital, center, road, creek...) is
the most specific; one the question itself names is its subject, not its answer. Only the best
few passages are read (bounded work).
"""

from __future__ import annotations

import re

from sqlmodel import Session, col, select

from corpus.spans import sentences
from corpus.tables import Article, Fact
from search.answer.candidates import Candidate, overlap, retrieve, stems
from search.answer.questions import Interpretation
from search.answer.recognisers import blocked_words
from search.backend import PassageBackend

PASSAGES_READ = 6
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|to|into|outside|inside|on|from|toward|towards)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,4}(?:\s+(?:village|town))?)"
)
# Last words that make a name a facility, a street or a natural feature.
_SPECIFIC = frozenset(
    " ".join(
        (
            "center centre hospital clinic school college university church cathedral mosque",
            "temple park apartments apartment complex mall plaza square station airport port",
            "harbor harbour bridge road street avenue boulevard drive lane way highway creek",
            "river lake bay beach mountain hill village club bar grill restaurant hotel motel",
            "stadium arena building tower plant factory base camp prison jail court courthouse",
            "market",
        )
    ).split()
)


def recognised_places(
    session: Session, index: PassageBackend, interp: Interpretation
) -> list[Candidate]:
    """Places named after a locative in the best passages, scored by their sentence's match
    with the question; the kind is ``landmark`` for a facility or street, else ``place``."""
    passages = retrieve(index, interp.terms)[:PASSAGES_READ]
    if not passages:
        return []
    ids = sorted({p.article_id for p in passages})
    articles = {a.id: a for a in session.exec(select(Article).where(col(Article.id).in_(ids)))}
    asked = set(interp.terms) | set(interp.names)
    blocked = blocked_words()
    out = []
    for passage in passages:
        article = articles.get(passage.article_id)
        if article is None:
            continue
        for span in sentences(passage.text):
            for m in _LOCATIVE.finditer(span.text):
                name = m["name"].rstrip(".")
                words = name.split()
                if words[0].lower().strip(".") in blocked or stems(name) <= asked:
                    continue
                start = passage.start + span.start + m.start("name")
                end = start + len(name)
                specific = words[-1].lower() in _SPECIFIC
                fact = Fact(
                    article_id=passage.article_id,
                    field="places",
                    kind="landmark" if specific else "place",
                    value={"name": name},
                    start=start,
                    end=end,
                    text=article.text[start:end],
                    sentence_start=passage.start + span.start,
                    sentence_end=passage.start + span.end,
                    sentence_text=span.text,
                )
                match = overlap(interp.terms, span.text)
                out.append(Candidate(fact, article, match, passage.relative_score))
    return out
