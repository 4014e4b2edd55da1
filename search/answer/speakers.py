"""Who said a quotation the question gives ('Who said "We dodged a bullet"?'), read at question
time: the quotation is looked for in the passages BM25 retrieves for its words, and its speaker
is the person named right after it ('," said Jane Roe', '," Roe said') or, failing that, the
last person named before it in its paragraph ('Roe said: "..."'). A surname alone is given the
full name the article used before. Only the best few passages are read (bounded work).
"""

from __future__ import annotations

import re

from sqlmodel import Session, col, select

from corpus.tables import Article, Fact
from search.answer.candidates import Candidate, overlap, read_sentences, retrieve
from search.answer.persons import person_mentions
from search.answer.questions import Interpretation
from search.answer.recognisers import Mention
from search.backend import PassageBackend

PASSAGES_READ = 10
READ_CHARS = 20_000  # names are read this far into an article
AFTER_CHARS = 80  # a speaker named within this many characters after the quotation
BEFORE_CHARS = 300  # or, failing that, this many before it in its paragraph
_NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){0,3})"
_VERB = r"(?:said|says|added|told|explained|wrote|recalled|continued)"
# '," said Jane Roe' / '," Roe said' right after the quotation's closing mark.
# A title before a speaker's name ('," said Dr. Jane Roe', '," said Sgt. Roe') is no part of it.
_TITLE = (
    r"(?:(?:Dr|Mr|Mrs|Ms|Sgt|Lt|Capt|Det|Cpl|Rev|Gov|Sen|Rep|Prof|Officer|Detective|Deputy|"
    r"Sheriff|Chief|Mayor|Judge|Pastor|Sergeant|Lieutenant|Captain|Trooper)\.?\s+)?"
)
_SAID_AFTER = re.compile(
    r"[,.!?]?[\"”’]?\s*(?:"
    + _VERB
    + r"\s+"
    + _TITLE
    + _NAME
    + r"|"
    + _NAME.replace("name", "name2")
    + r"(?:,\s+\d{1,3},)?\s+"  # '," Jane Roe, 52, said'
    + _VERB
    + r")\b"
)
_PRONOUN_SAID = re.compile(
    r"[,.!?]?[\"”’]?\s*(?:(?:he|she|they)\s+" + _VERB + r"|" + _VERB + r"\s+(?:he|she|they))\b"
)
QUOTE_CHARS = 400  # the rest of a quotation the question cut short
_CLOSING = re.compile(r"[^\"”\n]*?[,.!?]?[\"”]")
_WORD = re.compile(r"[\w'’]+")


def quote_speakers(
    session: Session, index: PassageBackend, interp: Interpretation, quote: str
) -> list[Candidate]:
    """The people named as saying ``quote`` where the corpus states it."""
    words = _WORD.findall(quote)
    if len(words) < 2:
        return []
    pattern = re.compile(r"[^\w'’]+".join(re.escape(w) for w in words), re.I)
    passages = retrieve(index, interp.terms)[:PASSAGES_READ]
    ids = sorted({p.article_id for p in passages})
    articles = {a.id: a for a in session.exec(select(Article).where(col(Article.id).in_(ids)))}
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for passage in passages:
        article = articles.get(passage.article_id)
        found = pattern.search(passage.text)
        if article is None or found is None:
            continue
        start, end = passage.start + found.start(), passage.start + found.end()
        end = _quotation_end(article.text, end)
        if (passage.article_id, start) in seen or end > READ_CHARS:
            continue
        seen.add((passage.article_id, start))
        speaker = speaker_of(article.text[:READ_CHARS], start, end)
        if speaker is None:
            continue
        name, s_start, s_end = speaker
        span_start, span_end = min(start, s_start), max(end, s_end)
        fact = Fact(
            article_id=passage.article_id,
            field="quotes",
            kind="quote",
            value={"quote": article.text[start:end], "speaker": name},
            start=s_start,
            end=s_end,
            text=article.text[s_start:s_end],
            sentence_start=span_start,
            sentence_end=span_end,
            sentence_text=article.text[span_start:span_end],
        )
        out.append(Candidate(fact, article, 1.0, passage.relative_score))
    return out


def _quotation_end(text: str, end: int) -> int:
    """Where the quotation holding ``text[:end]`` closes (the question may quote its start
    only), or ``end`` when no closing mark follows in its paragraph."""
    m = _CLOSING.match(text, end, min(len(text), end + QUOTE_CHARS))
    return m.end() if m else end


def speaker_of(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """(full name, start, end) of the person named as saying ``text[start:end]``."""
    mentions = sorted(person_mentions(text), key=lambda m: m.start)
    first: dict[str, str] = {}
    for m in mentions:
        if len(m.text.split()) > 1:
            first.setdefault(m.key, m.text)
    # A full name is its own; a surname alone is the nearest full name before it (relatives
    # share a surname), or the first after it.
    last: dict[str, str] = {}
    named: list[tuple[str, int, int]] = []
    for m in mentions:
        if len(m.text.split()) > 1:
            last[m.key] = m.text
            named.append((m.text, m.start, m.end))
        else:
            named.append((last.get(m.key) or first.get(m.key, m.text), m.start, m.end))
    attributed = _SAID_AFTER.match(text, end, min(len(text), end + AFTER_CHARS))
    if attributed is not None:
        group = "name" if attributed["name"] else "name2"
        name = attributed[group]
        if len(name.split()) == 1:  # a surname alone: the full name written before it
            surname = re.escape(name)
            pattern = rf"\b[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?{surname}\b"
            earlier = [m.group(0) for m in re.finditer(pattern, text[:start])]
            name = earlier[-1] if earlier else name  # the nearest: relatives share a surname
        return name, attributed.start(group), attributed.end(group)
    after = [n for n in named if end <= n[1] <= end + AFTER_CHARS and "\n" not in text[end : n[1]]]
    if after and not _PRONOUN_SAID.match(text, end):
        return after[0]  # not after '," she said.': the pronoun points back, not forward
    paragraph = text.rfind("\n", 0, start) + 1
    before = [n for n in named if max(paragraph, start - BEFORE_CHARS) <= n[1] and n[2] <= start]
    # The one a speech verb follows ("<Name> says she ...") speaks, not a person named after
    # them ("... by <Other>'s death.").
    speaking = [n for n in before if _SPEAKS.match(text, n[2])]
    return (speaking or before)[-1] if before else None


_SPEECH_VERBS = r"(?:says|said|told|tells|added|explained|warned|stated|insisted|believes)"
_SPEAKS = re.compile(rf"\s+(?:\w+\s+)?{_SPEECH_VERBS}\b")
# Indirect speech: "<Name> says the talks failed", "The talks failed, <Name> said."
_SAYS_THAT = re.compile(rf"\s+{_SPEECH_VERBS}\s+(?:that\s+)?\S")
_SAID_AT_END = re.compile(rf"^,\s+{_SPEECH_VERBS}\s*$|^,?\s+{_SPEECH_VERBS}\s*[.!]?\s*$")
MIN_REPORTED_MATCH = 0.5  # of the question's words the reported sentence must hold


def reported_speakers(
    session: Session, index: PassageBackend, interp: Interpretation
) -> list[Candidate]:
    """People the best passages report as saying what the question says, without quotation
    marks: "<Name> says <clause>" or "<clause>, <Name> said", scored by the share of the
    question's words the sentence holds."""
    out: list[Candidate] = []
    for read in read_sentences(session, index, interp, PASSAGES_READ):
        match = overlap(interp.terms, read.text)
        if match < MIN_REPORTED_MATCH:
            continue
        for m in reported_speaker_mentions(read.text):
            name = _full_name(read.article.text, m.text, read.start + m.start)
            start, end = read.start + m.start, read.start + m.end
            value = {"quote": read.text, "speaker": name}
            fact = read.fact("quotes", "reported", value, start, end)
            out.append(Candidate(fact, read.article, match, read.passage.relative_score))
    return out


def reported_speaker_mentions(sentence: str) -> list[Mention]:
    """The people a sentence reports as speaking: "<Name> says ...", "..., <Name> said."."""
    return [
        m
        for m in person_mentions(sentence)
        if _SAYS_THAT.match(sentence[m.end :]) or _SAID_AT_END.match(sentence[m.end :])
    ]


def _full_name(text: str, name: str, start: int) -> str:
    """A surname alone as the full name the article wrote before it (the nearest)."""
    if len(name.split()) > 1:
        return name
    pattern = rf"\b[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?{re.escape(name)}\b"
    earlier = [m.group(0) for m in re.finditer(pattern, text[:start])]
    return earlier[-1] if earlier else name


def stored_quote_speaker(candidate: Candidate) -> Candidate | None:
    """A stored quotation ingest kept without a speaker, with the speaker ``speaker_of`` reads
    around it ('," she said' after "<Name> says she ..."), as an unsaved fact; else None."""
    fact = candidate.fact
    text = candidate.article.text
    if fact.value.get("speaker") or fact.end > READ_CHARS:
        return None
    found = speaker_of(text[:READ_CHARS], fact.start, fact.end)
    if found is None:
        return None
    name, s_start, s_end = found
    span_start, span_end = min(fact.start, s_start), max(fact.end, s_end)
    read = Fact(
        article_id=fact.article_id,
        field="quotes",
        kind="quote",
        value={**fact.value, "speaker": name},
        start=s_start,
        end=s_end,
        text=text[s_start:s_end],
        sentence_start=span_start,
        sentence_end=span_end,
        sentence_text=text[span_start:span_end],
    )
    return Candidate(read, candidate.article, candidate.overlap, candidate.retrieval)
