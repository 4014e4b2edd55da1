"""Counts of any noun found at question time: "How many houses were destroyed?" is answered by
"12 houses were destroyed", "destroyed 12 houses" or "12 destroyed houses" in the top retrieved
passages, even when ingest stored no quantity for it. Only the best few passages are read, so
the work per question stays bounded.

A count's sentence must say what the question asks (its noun and verb); the names the question
gives (a company, a town, a ship) pin the article, and an article names them once, in its lead,
then writes "the company", "the plane": they count where the article says them
(``count_match``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from sqlmodel import Session

from corpus.facts.numbers import find_amounts
from corpus.spans import sentences
from corpus.tables import Article, Fact
from search.answer.candidates import (
    Candidate,
    ReadSentence,
    implied_words,
    lowered,
    overlap,
    read_sentences,
    sentence_match,
    stems,
)
from search.answer.questions import Interpretation
from search.answer.recognisers import OTHER_VERB, count_mentions
from search.backend import PassageBackend

PASSAGES_READ = 6
ARTICLES_READ = 3  # the best passages' articles read whole: a count may follow its passage
MISMATCHED_VERB = OTHER_VERB  # a stored count another verb governs weighs as a recognised one
OUTSIDE = 0.8  # retrieval weight of a sentence outside the article's retrieved passages


def question_verbs(interp: Interpretation) -> frozenset[str]:
    """The question's words a count's governing verb is checked against: all but the noun;
    none when the question's verb is "be" or "have" (any verb may then govern it)."""
    if interp.copular:
        return frozenset()
    return frozenset(t for t in interp.terms if t not in stems(interp.focus or ""))


def recognised_counts(
    session: Session, index: PassageBackend, interp: Interpretation
) -> list[Candidate]:
    """Counts of the question's focus noun in the best passages, scored like stored facts:
    by how much of the question their sentence holds and by the verb that governs them."""
    if not interp.focus:
        return []
    verbs = question_verbs(interp)
    out = []
    for read in article_sentences(session, index, interp):
        text = read.article.text
        for mention, number in count_mentions(text, read.start, read.end, interp.focus, verbs):
            value = {"number": number, "unit": interp.focus}
            fact = read.fact("quantities", "count", value, mention.start, mention.end)
            fact.qualifier = "exact"
            match = count_match(interp, read.article, fact) * mention.weight
            out.append(Candidate(fact, read.article, match, read.passage.relative_score))
    return out


def verb_weight(interp: Interpretation, fact: Fact, article: Article) -> float:
    """``MISMATCHED_VERB`` when a stored count is governed by another verb than the
    question's (``count_mentions`` reads the same span): "acquired 258,591 shares" does not
    say how many were sold; otherwise 1.0 (no verb near it, or not a count it reads)."""
    if not interp.focus:
        return 1.0
    text = article.text
    mentions = count_mentions(
        text, fact.sentence_start, fact.sentence_end, interp.focus, question_verbs(interp)
    )
    weight = next((m.weight for m, _ in mentions if m.start == fact.start), 1.0)
    return MISMATCHED_VERB if weight <= OTHER_VERB else 1.0


# What a casualty sentence says of its dead or hurt (stems are matched on the sentence).
_KIND_CUES = {
    "killed": "killed dead died death deaths toll fatalities lives slain",
    "injured": "injured wounded hurt injuries hospitalised hospitalized",
    "shot": "shot wounded gunfire",
}


def recognised_casualties(
    session: Session, index: PassageBackend, interp: Interpretation
) -> list[Candidate]:
    """Counts of the victims a question names ("How many Israelis have died") in sentences
    that say what happened to them: "... the death toll to 1,121 people, including 865
    Palestinians and 234 Israelis" names the dead of each side, which ingest stores only as
    the toll."""
    if not interp.focus or interp.kind not in _KIND_CUES:
        return []
    cues = stems(_KIND_CUES[interp.kind])
    out = []
    for read in article_sentences(session, index, interp):
        if not stems(read.text) & cues:
            continue
        text = read.article.text
        for mention, number in count_mentions(text, read.start, read.end, interp.focus, cues):
            if not isinstance(number, int) and not float(number).is_integer():
                continue
            amount = next(iter(find_amounts(text, mention.start, mention.end)), None)
            if amount is None or amount.qualifier != "exact":
                continue  # hedged figures are read by ingest, with their hedge
            victims = text[mention.start : mention.end].split()[-1]
            value = {"min": int(number), "max": int(number), "victims": victims}
            fact = read.fact("casualties", interp.kind, value, mention.start, mention.end)
            fact.qualifier = "exact"
            match = count_match(interp, read.article, fact)
            out.append(Candidate(fact, read.article, match, read.passage.relative_score))
    return out


def count_match(interp: Interpretation, article: Article, fact: Fact) -> float:
    """How much of the question a count's sentence holds (``sentence_match``), where the
    question's names count as held when its article says them anywhere: they pin the
    article, while the sentence must hold what is counted and what happened to it."""
    names = [t for t in interp.terms if t in interp.names]
    rest = [t for t in interp.terms if t not in interp.names]
    implied = implied_words(fact)  # a count of the dead answers "died", "killed" ...
    if not names or not rest:
        return sentence_match(interp.terms, article, fact, implied)
    said = _names_said(names, article)
    content = sentence_match(rest, article, fact, implied)
    return (len(rest) * content + len(names) * said) / len(interp.terms)


def _names_present(article: Article, interp: Interpretation) -> bool:
    """Whether the article says every capitalised word of the question, a demonym by its
    country's stem ("Turkish" ~ "Turkey", "Syrian" ~ "Syria")."""
    text = lowered(article.text)
    return all(
        word in text or (len(word) > 6 and word[: len(word) - 3] in text)
        for word in interp.name_words
    )


def _names_said(names: Sequence[str], article: Article) -> float:
    """The share of the question's name words its article (headline or text) says."""
    return overlap(names, article.title or "", lowered(article.text))


def article_sentences(
    session: Session, index: PassageBackend, interp: Interpretation
) -> Iterator[ReadSentence]:
    """The sentences of the best passages, then the rest of the first few articles: an article
    passage ends where the index cut it, and "The 185 passengers and 12 crew members ..." may
    be the sentence after the one that names the flight."""
    read: list[ReadSentence] = []
    for sentence in read_sentences(session, index, interp, PASSAGES_READ):
        if not _names_present(sentence.article, interp):
            continue  # a name the question gives is nowhere in this article
        read.append(sentence)
        yield sentence
    seen = {(r.passage.article_id, r.start) for r in read}
    articles: dict[int, ReadSentence] = {}
    for r in read:
        articles.setdefault(r.passage.article_id, r)
    for first in list(articles.values())[:ARTICLES_READ]:
        text = first.article.text
        best = max(r.passage.relative_score for r in read if r.article is first.article)
        passage = replace(first.passage, relative_score=OUTSIDE * best)
        for span in sentences(text):
            if (first.passage.article_id, span.start) in seen:
                continue
            yield ReadSentence(passage, first.article, span.start, span.end, span.text)


_LENGTH = (
    "kilometres kilometers kilometre kilometer km miles mile metres meters metre meter m feet "
    "foot ft yards yard inches inch cm centimetres centimeters storeys stories floors"
)
_MONEY = "dollars dlrs euros pounds yen yuan rupees"
_MEASURE_UNITS = {
    "far": _LENGTH,
    "long": _LENGTH + " seconds minutes hours days weeks months years decades",
    "wide": _LENGTH,
    "deep": _LENGTH,
    "high": _LENGTH,
    "tall": _LENGTH,
    "big": f"{_LENGTH} hectares acres {_MONEY}",
    "large": f"{_LENGTH} hectares acres {_MONEY}",
    "old": "years",
    "heavy": "tonnes tons kilograms kg pounds lb",
    "fast": "kph mph knots",
    "much money": _MONEY,
    "much cash": _MONEY,
    "percent": "percent pct",
}
# Units an amount of a substance is told in ("How much grain ...": "2 mln tonnes").
_AMOUNTS = (
    "barrels tonnes tons tonne ton litres liters gallons bags bushels kilos kilograms "
    "ounces pounds bales carats megawatts gigawatts kilowatts cubic"
)
AMOUNT_UNITS = frozenset(_AMOUNTS.split())


def measure_units(adjective: str | None) -> frozenset[str]:
    """The units that answer "How <adjective> ...?" ("far": kilometres, miles, feet ...)."""
    return frozenset(_MEASURE_UNITS.get(adjective or "", "").split())
