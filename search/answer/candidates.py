"""Candidates: facts near the passages BM25 retrieves for a question, scored by how well their
sentence matches the question's content words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lemminflect import getAllInflections, getLemma
from sqlmodel import Session, col, select

from corpus.fact_store import facts_for_answer
from corpus.spans import sentences
from corpus.tables import Article, Fact
from search.analysis import passage_analyzer
from search.answer.constraints import PLACE_KINDS
from search.answer.questions import Interpretation
from search.answer.sales import buying_words
from search.answer.types import Citation, SentenceRef
from search.backend import PassageBackend

RETRIEVE = 60


@dataclass(frozen=True, slots=True)
class Retrieved:
    """A passage BM25 found for the question, with its score relative to the best."""

    article_id: int
    start: int
    end: int
    relative_score: float
    text: str
    title: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A fact that may answer the question, and how well its context matches it."""

    fact: Fact
    article: Article
    overlap: float
    retrieval: float
    bonus: float = 0.0

    @property
    def score(self) -> float:
        """Blend of content-word overlap (dominant) and BM25 rank of its passage, plus any
        answer-type bonus (proximity to the question's words, a locative preposition...)."""
        return 0.75 * self.overlap + 0.25 * self.retrieval + self.bonus

    @property
    def publisher(self) -> str:
        """Who published it (an unnamed publisher counts per article)."""
        return self.article.source or f"article {self.article.id}"

    def citation(self) -> Citation:
        """This candidate as a citation."""
        fact = self.fact
        return Citation(
            article_id=fact.article_id,
            source=self.article.source,
            title=self.article.title,
            start=fact.start,
            end=fact.end,
            text=fact.text,
            sentence=SentenceRef(fact.sentence_text, fact.sentence_start, fact.sentence_end),
            attributed_to=fact.attributed_to,
        )


_RETRIEVED: dict[tuple[int, int, tuple[str, ...]], list[Retrieved]] = {}


def retrieve(index: PassageBackend, terms: Sequence[str]) -> list[Retrieved]:
    """Top passages for the question's words: BM25 over an OR of them (a passage with more of
    them, and rarer ones, ranks higher). Remembered per index generation, as one question
    retrieves for several fields."""
    words = tuple(t for t in terms if t.isalnum())
    if not words:
        return []
    key = (id(index), index.generation, words)
    if key not in _RETRIEVED:
        if len(_RETRIEVED) > 256:
            _RETRIEVED.clear()
        _RETRIEVED[key] = _retrieve(index, words)
    return _RETRIEVED[key]


def _retrieve(index: PassageBackend, words: Sequence[str]) -> list[Retrieved]:
    hits = index.top_passages(words, RETRIEVE)
    best = max((hit.score for hit in hits), default=0.0) or 1.0
    return [
        Retrieved(
            hit.article_id,
            hit.passage.start,
            hit.passage.end,
            hit.score / best,
            hit.passage.text,
            hit.title,
            hit.source,
        )
        for hit in hits
    ]


@lru_cache(maxsize=8192)
def stems(text: str) -> frozenset[str]:
    """The analyzed words of a text (cached: sentences repeat across questions).

    The analyzer works a token at a time (split on ``\\w+``, lower-case, fold accents, drop
    stop words, stem), so each distinct word is analyzed once and remembered: running the
    whole chain over every sentence was a fifth of a question's time."""
    return frozenset(stem for word in _WORD.findall(text) if (stem := _stem(word)))


_WORD = re.compile(r"\w+")  # the analyzer's tokenizer (search/analysis.py)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """``word`` analyzed alone: its stem, or "" for a stop word."""
    return next((token.text for token in passage_analyzer()(word)), "")


@lru_cache(maxsize=256)
def lowered(text: str) -> str:
    """An article's text in lower case (a name's stem is found in it as a substring)."""
    return text.lower()


@lru_cache(maxsize=8192)
def _shortened(text: str) -> frozenset[str]:
    """Each stem of ``text`` less its last one or two letters (kept at four letters or more)."""
    return frozenset(stem[:-cut] for stem in stems(text) for cut in (1, 2) if len(stem) - cut >= 4)


def overlap(terms: Sequence[str], *texts: str) -> float:
    """Fraction of the question's content words found in ``texts`` (read as one text joined by
    spaces; each part's words are cached on their own, so a sentence shared by several facts,
    or a headline by a whole article, is analyzed once).

    A word also counts when a stem differing only in its last two letters is found ("syrian"
    ~ "syria"), and two adjacent question words count when the text writes them as one
    ("air strike" ~ "airstrike")."""
    if not terms:
        return 0.0
    if len(texts) == 1:
        found, shortened = stems(texts[0]), _shortened(texts[0])
    else:
        found = frozenset().union(*(stems(t) for t in texts))
        shortened = frozenset().union(*(_shortened(t) for t in texts))
    hits = [_found(term, found, shortened) for term in terms]
    for i in range(len(terms) - 1):
        if not (hits[i] and hits[i + 1]) and _compound(terms[i], terms[i + 1]) in found:
            hits[i] = hits[i + 1] = True
    return sum(hits) / len(terms)


# A verb's stem in vowel + "d" whose noun ends "-sion": the noun's stem has "s" for the "d".
_NOMINAL_D = re.compile(r"\w{2,}[aeiou]d$")


def _found(term: str, found: frozenset[str], shortened: frozenset[str]) -> bool:
    if term in found:
        return True
    if not found.isdisjoint(verb_forms(term)):
        return True  # "When did he fall ill?" ~ "he fell ill"
    if term in buying_words() and not found.isdisjoint(buying_words()):
        return True  # "Which company bought ...?" ~ "agreed to acquire", "the acquisition of"
    if len(term) < 4:
        return False
    if _NOMINAL_D.search(term) and term[:-1] + "s" in found:
        return True  # "invade" ~ "invasion", "decide" ~ "decision", "explode" ~ "explosion"
    # A found stem extends the term, or the term extends a found stem, by one or two letters.
    return term in shortened or any(len(term) - cut >= 4 and term[:-cut] in found for cut in (1, 2))


@lru_cache(maxsize=4096)
def verb_forms(term: str) -> frozenset[str]:
    """The stems of the other forms of the verb a question word is, from lemminflect's English
    lexicon: a question asks "did he fall", "will they meet", the article writes "fell", "met";
    stemming joins regular forms only ("killed" ~ "kill"), never "fell" ~ "fall"."""
    forms: set[str] = set()
    for lemma in getLemma(term, upos="VERB"):
        forms.add(lemma)
        for words in getAllInflections(lemma, upos="VERB").values():
            forms.update(words)
    return frozenset(stem for form in forms if (stem := _stem(form)) and stem != term)


@lru_cache(maxsize=4096)
def _compound(first: str, second: str) -> str:
    tokens = [t.text for t in passage_analyzer()(first + second)]
    return tokens[0] if tokens else ""


@dataclass(frozen=True, slots=True)
class ReadSentence:
    """A sentence of a retrieved passage: ``article.text[start:end] == text``."""

    passage: Retrieved
    article: Article
    start: int
    end: int
    text: str

    def fact(self, field: str, kind: str, value: dict[str, Any], start: int, end: int) -> Fact:
        """A span of this sentence as an unsaved fact (grouped and cited, never stored)."""
        return Fact(
            article_id=self.passage.article_id,
            field=field,
            kind=kind,
            value=value,
            start=start,
            end=end,
            text=self.article.text[start:end],
            sentence_start=self.start,
            sentence_end=self.end,
            sentence_text=self.text,
        )


def read_sentences(
    session: Session,
    index: PassageBackend,
    interpretation: Interpretation,
    passages: int,
    keep: Callable[[Retrieved], bool] | None = None,
) -> Iterator[ReadSentence]:
    """The sentences of the best ``passages`` passages for the question (of those ``keep``
    accepts, when given), with their articles: what the question-time recognisers read (a
    bounded amount of text)."""
    retrieved = retrieve(index, interpretation.terms)
    retrieved = [p for p in retrieved if keep is None or keep(p)][:passages]
    if not retrieved:
        return
    ids = sorted({p.article_id for p in retrieved})
    articles = {a.id: a for a in session.exec(select(Article).where(col(Article.id).in_(ids)))}
    for passage in retrieved:
        article = articles.get(passage.article_id)
        if article is None:
            continue
        for span in sentences(passage.text):
            start, end = passage.start + span.start, passage.start + span.end
            yield ReadSentence(passage, article, start, end, article.text[start:end])


def gather(
    session: Session,
    index: PassageBackend,
    interpretation: Interpretation,
    *,
    field: str,
    kind: str | None = None,
    name_like: str | None = None,
    everywhere: bool = False,
    keep: Callable[[Mapping[str, Any]], bool] | None = None,
    score: bool = True,
) -> list[Candidate]:
    """Facts of ``field`` scored against the question: those in the retrieved passages, or
    everywhere (a person looked up by name). ``keep`` (on a fact's value) drops facts before
    they are loaded; without ``score`` their match is 0 (the caller scores them its own way)."""
    passages = retrieve(index, interpretation.terms)
    spans = None if everywhere else [(p.article_id, p.start, p.end) for p in passages]
    rows = facts_for_answer(
        session, field=field, kind=kind, name_like=name_like, spans=spans, keep=keep
    )
    by_article: dict[int, list[Retrieved]] = {}
    for passage in passages:
        by_article.setdefault(passage.article_id, []).append(passage)
    out = []
    names = interpretation.names
    for fact, article in rows:
        if names and not names_in(article, interpretation):
            continue  # a name the question gives is nowhere in this article
        retrieval = max(
            (
                p.relative_score
                for p in by_article.get(fact.article_id, [])
                if p.start <= fact.start < p.end
            ),
            default=0.0,
        )
        if not score:
            out.append(Candidate(fact, article, 0.0, retrieval))
            continue
        match = sentence_match(interpretation.terms, article, fact, implied_words(fact))
        out.append(Candidate(fact, article, match, retrieval))
    return out


def sentence_match(terms: Sequence[str], article: Article, fact: Fact, implied: str = "") -> float:
    """How much of the question a fact's sentence holds. The sentence counts most; its
    neighbours and the headline supply what it leaves implicit ("the toll rose to 80", with
    the place named in the sentence before)."""
    in_sentence = overlap(terms, fact.sentence_text, implied)
    before, after = neighbours(article.text, fact)
    context = overlap(terms, before, fact.sentence_text, after, article.title or "", implied)
    return 0.6 * in_sentence + 0.4 * context


def names_in(article: Article, interpretation: Interpretation) -> bool:
    """Whether every capitalised word of the question occurs in the article's text."""
    text = lowered(article.text)
    return all(word in text for word in interpretation.name_words)


_LOCATIVE = re.compile(
    r"\b(?:in|at|near|on|outside|inside|into|across|around|to|towards?|within|from|over|aboard)"
    r"\s+(?:the\s+)?$",
    re.I,
)


def proximity(fact: Fact, terms: Sequence[str]) -> float:
    """1 / (1 + words between the fact's span and the nearest question word in its sentence)."""
    sentence = fact.sentence_text
    start, end = fact.start - fact.sentence_start, fact.end - fact.sentence_start
    wanted = set(terms)
    positions = []
    inside = []
    for number, (text, startchar) in enumerate(_tokens(sentence)):
        if start <= startchar < end:
            inside.append(number)
        elif text in wanted:
            positions.append(number)
    if not inside or not positions:
        return 0.0
    best = min(min(abs(p - i) for i in inside) for p in positions)
    return 1.0 / best if best else 1.0


@lru_cache(maxsize=4096)
def _tokens(sentence: str) -> tuple[tuple[str, int], ...]:
    analyzed = passage_analyzer()(sentence, chars=True, removestops=False)
    return tuple((token.text, token.startchar) for token in analyzed)


# What may stand between the preposition and the name: a compass word ("in northern
# <Region>"), the kind of place ("in the Danish capital, <City>", "at the market town of
# <Town>", "in an area called <Name>") or the place that holds it ("in <Town>'s <Quarter>").
_BETWEEN = re.compile(
    r"\b(?:in|at|near|on|outside|inside|into|across|around|to|towards?|within|from|over|"
    r"through)\s+(?:(?:the|an?)\s+)?"
    r"(?:(?:far\s+)?(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?(?:"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?:{PLACE_KINDS})"
    r"(?:\s+of|\s+called|\s+named|\s+known\s+as|,)\s+|"
    r"(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+)?$",
)


def locative(fact: Fact) -> bool:
    """True when the span follows a locative preposition ("at Jebel Tharda", "in Bishkek"),
    directly or past a compass word, the kind of place or its owner (``_BETWEEN``)."""
    before = fact.sentence_text[: fact.start - fact.sentence_start]
    return bool(_LOCATIVE.search(before[-30:]) or _BETWEEN.search(before[-60:]))


_KIND_WORDS = {
    "killed": "killed kill dead died die death deaths toll fatalities lives",
    "injured": "injured injury injuries wounded wound hurt",
}


def implied_words(fact: Fact) -> str:
    """Words a fact satisfies by what it is: a "killed" casualty answers "died", "dead"..."""
    if fact.field != "casualties":
        return ""
    victims = fact.value.get("victims") or ""
    return f"{_KIND_WORDS.get(fact.kind, '')} {victims}"


def neighbours(text: str, fact: Fact) -> tuple[str, str]:
    """Up to ~200 characters on each side of the fact's sentence, cut at sentence ends."""
    before = text[max(0, fact.sentence_start - 200) : fact.sentence_start].rstrip()
    after = text[fact.sentence_end : fact.sentence_end + 200]
    # The sentence before ends with its own full stop: cut at the one before that.
    before = before[before.rfind(". ", 0, len(before) - 1) + 1 :] if ". " in before else before
    after = after[: after.find(". ") + 1] if ". " in after else after
    return before, after
