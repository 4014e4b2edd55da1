"""Organizations named in the best retrieved passages, read at question time for "Which group /
agency ...?" when ingest stored no organization for the name: a capitalised name counts as one
when the lexicon knows it, when it ends in an organization's head noun ("Oregon State Police",
"... Department"), when the question's own noun names it ("the environmental group <Name>"),
or when it modifies a noun the question asks about ("<Name> demonstrators" for "Which group's
demonstrators ...?"). Only the best few passages are read (bounded work)."""

from __future__ import annotations

import re
from functools import cache

from sqlmodel import Session

from corpus.facts.lexicons import MONTHS, WEEKDAYS, function_words, load_data
from corpus.facts.organizations import canonical_organization
from search.answer.candidates import Candidate, names_in, overlap, read_sentences, stems
from search.answer.names import is_first_name
from search.answer.questions import Interpretation
from search.backend import PassageBackend

PASSAGES_READ = 6
MIN_SENTENCE_MATCH = 0.3  # sentences sharing less of the question are not read
_PREFIX = r"(?:(?:al|el|ez|as|ad|an|ar|ash|at|es|ed|ul)-)?"
_WORD = rf"{_PREFIX}[A-Z][\w’'&.-]*"
NAME = re.compile(rf"{_WORD}(?:\s+(?:(?:of|for|the|and|de)\s+)*{_WORD}){{0,5}}")
NAMED = 1.0  # known, or built on a head noun, or introduced by the question's noun
MODIFIER = 0.9  # "<Name> demonstrators": it modifies a word of the question


@cache
def opening_words() -> frozenset[str]:
    """Words that open a capitalised run without being part of a name ("The", "In", "May")."""
    return frozenset({w.lower() for w in function_words()} | set(MONTHS) | set(WEEKDAYS))


# Words that end a company's name in business news ("Champion Products Inc").
_COMPANY_ENDS = frozenset(
    {"inc", "corp", "co", "ltd", "plc", "llc", "holdings", "industries"}
    | {"nv", "bv", "ag", "sa", "spa", "gmbh", "kk", "ab"}  # written "N.V.", "S.A." ...
)


@cache
def _heads() -> frozenset[str]:
    return frozenset(h.lower() for h in load_data("organizations")["heads"]) | _COMPANY_ENDS


def naming_cue(sentence: str, start: int, end: int, focus: str | None, terms: set[str]) -> float:
    """How surely the capitalised name ``sentence[start:end]`` is an organization the question
    asks for (0: no cue)."""
    name = sentence[start:end]
    words = name.split()
    if canonical_organization(name) is not None:
        return NAMED
    if len(words) > 1 and words[-1].lower().replace(".", "") in _heads():
        return NAMED  # "Oregon State Police"; "Police" alone names no body
    before = sentence[max(0, start - 50) : start].split()[-4:]
    if focus and stems(focus) & stems(" ".join(before)):
        return NAMED  # "the radical group <Name>"
    after = re.match(r"\s+([\w'’-]+)", sentence[end:])
    if after and stems(after[1]) & terms and not _POSSESSIVE.search(name):
        return MODIFIER  # "<Name> demonstrators"; "<Name>'s friends" is a person's
    return 0.0


_POSSESSIVE = re.compile(r"['’]s?$")


def trimmed(name: str, blocked: frozenset[str]) -> str:
    """The name without words that open a sentence before it ("Dozens of <Name>", "The")."""
    words = name.split()
    while words and words[0].lower() in blocked:
        words = words[1:]
    if " of " in " ".join(words):
        left = " ".join(words).split(" of ")[0]
        # "Dozens of <Name>", "Members of <Name>": one word before "of" is not part of the name
        # ("People for the Ethical Treatment of Animals" is one).
        if (
            len(left.split()) == 1
            and not (stems(left) & _heads())
            and canonical_organization(left) is None
        ):
            words = " ".join(words).split(" of ", 1)[1].split()
    return " ".join(words)


def recognised_organizations(
    session: Session, index: PassageBackend, interp: Interpretation
) -> list[Candidate]:
    """Organizations named in the best passages' sentences, scored by their sentence's match
    with the question (its asked noun aside) and by how surely the name is one."""
    focus = stems(interp.focus or "")
    terms = tuple(t for t in interp.terms if t not in focus)
    asked = set(interp.terms) | set(interp.names)
    blocked = opening_words()
    out = []
    for read in read_sentences(session, index, interp, PASSAGES_READ):
        match = overlap(terms, read.text)
        if match < MIN_SENTENCE_MATCH or not names_in(read.article, interp):
            continue
        for m in NAME.finditer(read.text):
            name = trimmed(m.group(0).rstrip("."), blocked)
            if not name:
                continue
            offset = m.start() + m.group(0).index(name)
            words = name.split()
            if words[0].lower() in blocked or stems(name) <= asked:
                continue
            if len(words) > 1 and is_first_name(words[0]) and words[-1].lower() not in _heads():
                continue  # a person
            cue = naming_cue(read.text, offset, offset + len(name), interp.focus, set(terms))
            if not cue:
                continue
            start = read.start + offset
            fact = read.fact(
                "organizations", "organization", {"name": name}, start, start + len(name)
            )
            out.append(Candidate(fact, read.article, match * cue, read.passage.relative_score))
    return out
