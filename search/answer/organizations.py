"""Organizations named in the best retrieved passages, read at question time for "Which group /
agency ...?" when ingest stored no organization for the name: a capitalised name counts as one
when the lexicon knows it, when it ends in an organization's head noun ("Oregon State Police",
"... Department"), when the question's own noun names it ("the environmental group <Name>"),
or when it modifies a noun the question asks about ("<Name> demonstrators" for "Which group's
demonstrators ...?"). Only the best few passages are read (bounded work)."""

from __future__ import annotations

import re
from functools import cache

from lemminflect import getAllLemmas
from sqlmodel import Session

from corpus.facts.lexicons import MONTHS, WEEKDAYS, demonyms, fold, function_words, load_data
from corpus.facts.organizations import canonical_organization
from corpus.tables import Fact
from search.answer.candidates import (
    Candidate,
    ReadSentence,
    names_in,
    overlap,
    read_sentences,
    sentence_match,
    stems,
)
from search.answer.coreference import antecedent, opening_offset, refers_back
from search.answer.locatives import in_capitals
from search.answer.names import is_first_name
from search.answer.questions import Interpretation
from search.answer.sales import other_side
from search.backend import PassageBackend

PASSAGES_READ = 6
MIN_SENTENCE_MATCH = 0.3  # sentences sharing less of the question are not read
_PREFIX = r"(?:(?:al|el|ez|as|ad|an|ar|ash|at|es|ed|ul)-)?"
_WORD = rf"{_PREFIX}[A-Z][\w’'&.-]*"
NAME = re.compile(rf"{_WORD}(?:\s+(?:(?:of|for|the|and|de|&)\s+)*{_WORD}){{0,5}}")
NAMED = 1.0  # known, or built on a head noun, or introduced by the question's noun
MODIFIER = 0.9  # "<Name> demonstrators": it modifies a word of the question
SAYER = 0.9  # "..., <Name> said.": a name of two words or more that reports something
# A reporting verb right after a name (past a bracketed ticker): "<Name> said", "<Name> <TKR>
# reported", "..., <Name> added."
_REPORTS = re.compile(
    r"^>?\s*(?:<[^<>]{1,12}>\s*)?(?:said|says|reported|reports|announced|announces|added"
    r"|stated|estimated|estimates|forecast|predicted)\b"
)
# Wire copy marks a company's name in angle brackets ("<Pittston Co>", "<SHV (United Kingdom)
# Holding Co Ltd>"): the whole bracketed name is one, parentheses and all.
BRACKETED = re.compile(r"<(?P<name>[A-Z][^<>\n]{1,80}?)>")
_TICKER = re.compile(r"[A-Z][A-Z.]{0,7}")  # "<AXP>", "<ICGS.L>": a stock symbol, not a name
# A partnership's name lists its partners: "Birr, Wilson and Co", "Kidder, Peabody & Co".
_PARTNERS = re.compile(r"^[A-Z][\w'’-]*\s+(?:and|&)\s+(?:Co|Company|Sons)\.?$")
_PARTNER_BEFORE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]*,\s+)+$")
# A last word written as initials keeps its final period ("WTC International N.V.").
_INITIALS_END = re.compile(r"(?:\b[A-Z]\.){2,}$")
# ", a private group," / ", the environmental organisation": an appositive after the name.
_APPOSITIVE_AFTER = re.compile(r"^,\s+(?:a|an|the)\s+(?P<words>(?:[\w'’-]+\s+){0,3}[\w'’-]+)")


@cache
def opening_words() -> frozenset[str]:
    """Words that open a capitalised run without being part of a name ("The", "In", "May")."""
    return frozenset({w.lower() for w in function_words()} | set(MONTHS) | set(WEEKDAYS))


# Words that end a company's name in business news ("Champion Products Inc").
_COMPANY_ENDS = frozenset(
    {"inc", "corp", "co", "ltd", "plc", "llc", "holdings", "industries"}
    | {"nv", "bv", "ag", "sa", "spa", "gmbh", "kk", "ab"}  # written "N.V.", "S.A." ...
    # A company named for its trade: "<Name> Petroleum", "<Name> Resources", "<Name> Electric".
    | {"petroleum", "resources", "energy", "electric", "motors", "steel", "chemicals", "mining"}
)


@cache
def _heads() -> frozenset[str]:
    return frozenset(h.lower() for h in load_data("organizations")["heads"]) | _COMPANY_ENDS


# The word after a name, past a gloss or an acronym in parentheses ("<Name> (friends of
# <Place>) group", "<Name> (OVU) party").
WORD_AFTER = re.compile(r"\s+(?:\([^()]{1,40}\)\s+)?([\w'’-]+)")


def naming_cue(sentence: str, start: int, end: int, focus: str | None, terms: set[str]) -> float:
    """How surely the capitalised name ``sentence[start:end]`` is an organization the question
    asks for (0: no cue)."""
    name = sentence[start:end]
    words = name.split()
    if canonical_organization(name) is not None:
        return NAMED
    head = _OF_PLACE.sub("", name).split()[-1]
    if len(words) > 1 and head.lower().replace(".", "") in _heads():
        return NAMED  # "Oregon State Police", "Bank of Orvane"; "Police" alone names no body
    if other_side(sentence, start, terms):
        return NAMED  # "acquired <Thing> from <Name>" for "Who sold <Thing>?"
    before = _CALLED.sub("", sentence[max(0, start - 50) : start]).split()[-1:]
    if focus and before and before[0][-1:].isalpha() and stems(focus) & stems(before[0]):
        return NAMED  # "the radical group <Name>", "a group called <Name>"; not "a factory in
        # <Town>, <State>"
    after_word = WORD_AFTER.match(sentence[end:])
    if focus and after_word and stems(focus) & stems(after_word[1]):
        return NAMED  # "<Name> factory", "<Name> group"
    appositive = _APPOSITIVE_AFTER.match(sentence[end:])
    if focus and appositive and stems(focus) & stems(appositive["words"]):
        return NAMED  # "<Name>, a private group,"
    if len(words) > 1 and not is_first_name(words[0]) and _REPORTS.match(sentence[end:]):
        return SAYER  # "Alpha Beta Gamma said", and not "Alpha Beta's said"
    after = re.match(r"\s+([\w'’-]+)", sentence[end:])
    if (
        after
        and stems(after[1]) & terms
        and after[1].lower() not in function_words()  # "<Place> after ...": no noun follows
        and not _POSSESSIVE.search(name)
        and fold(name) not in demonyms()
        and not _opening_word(sentence, start, name)
    ):
        # "<Name> demonstrators"; "<Name>'s friends" is a person's, "Australian voters" a
        # people's
        return MODIFIER
    return 0.0


# "a group called <Name>", "a company named <Name>", "a militia known as <Name>": the noun
# before the verb of naming is the kind of the name after it.
_CALLED = re.compile(r"\s+(?:called|named|dubbed|known\s+as)\s+(?:the\s+)?$")


@cache
def _person_titles() -> frozenset[str]:
    """Titles a person's name is written with ("President", "Dr", "Senator"), one word long."""
    titles = load_data("people")["titles"]
    return frozenset(t.lower().rstrip(".") for t in titles if " " not in t.strip())


def _titled(name: str) -> bool:
    """A name opening on a person's title ("President <Name>"), unless the lexicon knows it
    as an organization's ("General Motors")."""
    first = name.split()[0].lower().rstrip(".")
    return first in _person_titles() and canonical_organization(name) is None


def _opening_word(sentence: str, start: int, name: str) -> bool:
    """Whether the name is one word of English opening the sentence, capitalised for that
    alone ("Very many ...", "Garden tool makers ..."), as lemminflect's lexicon knows it."""
    return (
        " " not in name
        and not sentence[:start].strip(" \"“'‘")
        and bool(getAllLemmas(name.lower()))
    )


_JOINED = re.compile(r"\s(?:and|&)\s")
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


def read_apart(fact: Fact) -> list[Fact]:
    """A stored organization whose name joins two whole names with "and" ("<Name> Bank of
    <Place> and <Name> Inc"), as the two names read again in its sentence (unsaved facts);
    any other fact as it is."""
    if fact.field != "organizations" or not _JOINED.search(fact.text):
        return [fact]
    start, end = fact.start - fact.sentence_start, fact.end - fact.sentence_start
    parts = [
        (offset, name)
        for offset, name, _ in organization_mentions(
            fact.sentence_text, opening_words(), set(), None, set()
        )
        if offset < end and start < offset + len(name)
    ]
    if len(parts) < 2:
        return [fact]
    return [
        Fact(
            article_id=fact.article_id,
            field="organizations",
            kind=fact.kind,
            value={"name": name},
            start=fact.sentence_start + offset,
            end=fact.sentence_start + offset + len(name),
            text=name,
            sentence_start=fact.sentence_start,
            sentence_end=fact.sentence_end,
            sentence_text=fact.sentence_text,
        )
        for offset, name in parts
    ]


def recognised_organizations(
    session: Session, index: PassageBackend, interp: Interpretation
) -> list[Candidate]:
    """Organizations named in the best passages' sentences, scored by their sentence's match
    with the question (its asked noun aside) and by how surely the name is one."""
    focus = stems(interp.focus or "")
    terms = tuple(t for t in interp.terms if t not in focus)
    asked = set(interp.terms) | set(interp.names)
    for place in interp.constraints.places:
        asked |= stems(place)  # "Orvane City": "City" is no term, the place is still asked
    blocked = opening_words()
    out = []
    for read in read_sentences(session, index, interp, PASSAGES_READ):
        match = overlap(terms, read.text)
        if match < MIN_SENTENCE_MATCH or not names_in(read.article, interp):
            continue
        for offset, name, cue in organization_mentions(
            read.text, blocked, asked, interp.focus, set(terms)
        ):
            start = read.start + offset
            fact = read.fact(
                "organizations", "organization", {"name": name}, start, start + len(name)
            )
            # scored as stored organizations are: the sentence, then its neighbours and headline
            score = sentence_match(interp.terms, read.article, fact) * cue
            out.append(Candidate(fact, read.article, score, read.passage.relative_score))
        referred = _referred(read, asked)
        if referred is not None:
            out.append(Candidate(referred, read.article, match, read.passage.relative_score))
    return out


def _referred(read: ReadSentence, asked: set[str]) -> Fact | None:
    """The organization a sentence opening "The company said ..." refers back to, cited where
    an earlier sentence names it as its subject; None when there is none or the question names
    it itself."""
    if not refers_back(read.text):
        return None
    subject = antecedent(read.article.text, read.start, opening_organization)
    if subject is None:
        return None
    name = read.article.text[subject.start : subject.end]
    if stems(name) <= asked:
        return None
    where = ReadSentence(
        read.passage,
        read.article,
        subject.sentence_start,
        subject.sentence_end,
        read.article.text[subject.sentence_start : subject.sentence_end],
    )
    return where.fact("organizations", "organization", {"name": name}, subject.start, subject.end)


# After a sentence's subject: its verb, past a bracketed ticker or a parenthesis ("Velmor
# Spa <VLM.MI> said", "Alpha Corp (AC) said").
_VERB_AFTER = re.compile(r"^>?\s*(?:<[^<>]{1,12}>\s*)?(?:\([^()]{1,40}\)\s*)?,?\s*[a-z]")
_BEFORE_SUBJECT = re.compile(r"^(?:<|[Tt]he\s+)?$")


def opening_organization(sentence: str) -> tuple[int, int] | None:
    """The (start, end) of an organization opening ``sentence`` as its subject, after a
    dateline ("<Name> said ...", "The <Name> Inc has ..."); None when it opens otherwise."""
    at = opening_offset(sentence)
    mentions = organization_mentions(sentence, opening_words(), set(), None, set())
    for offset, name, cue in mentions:
        end = offset + len(name)
        if (
            cue >= NAMED
            and _BEFORE_SUBJECT.match(sentence[at:offset])
            and _VERB_AFTER.match(sentence[end:])
        ):
            return offset, end
    return None


def organization_mentions(
    text: str, blocked: frozenset[str], asked: set[str], focus: str | None, terms: set[str]
) -> list[tuple[int, str, float]]:
    """The names of a sentence that read as organizations the question does not itself give,
    as (offset, name, cue): wire copy's bracketed names, then capitalised runs with a cue."""
    bracketed = [
        (m.start("name"), m.end("name"))
        for m in BRACKETED.finditer(text)
        if not _TICKER.fullmatch(m["name"])
    ]
    found = [(s, text[s:e], NAMED) for s, e in bracketed]
    found += _capitalised(text, bracketed, blocked, asked, focus, terms)
    return [(s, name, cue) for s, name, cue in found if not stems(name) <= asked]


def _capitalised(
    text: str,
    taken: list[tuple[int, int]],
    blocked: frozenset[str],
    asked: set[str],
    focus: str | None,
    terms: set[str],
) -> list[tuple[int, str, float]]:
    """Capitalised runs of a sentence that read as organizations (outside the bracketed names
    in ``taken``), as (offset, name, cue)."""
    out = []
    for m in NAME.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        raw = m.group(0)
        # A function word written in capitals in mid-sentence opens a name ("from First
        # Orvane Bank", "the First Harlow bid"); at a sentence's start it need not.
        opens = blocked & _CALENDAR if _MID_SENTENCE.search(text[: m.start()]) else blocked
        name = trimmed(raw if _INITIALS_END.search(raw) else raw.rstrip("."), opens)
        if not name:
            continue
        offset = m.start() + raw.index(name)
        if _PARTNERS.match(name) and (partner := _PARTNER_BEFORE.search(text[:offset])):
            name, offset = text[partner.start() : offset + len(name)], partner.start()
        for at, part in _split_joined(offset, name):
            out += _named(text, at, part, opens, asked, focus, terms)
    return out


_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
# Prepositions a name writes in lower case ("Bank of <Place>", "Campaign for <Cause>") and a
# headline in title case capitalises ("Driver Jailed For Crash At <Place>").
_HEADLINE_WORDS = frozenset(
    {"For", "At", "In", "On", "With", "To", "From", "By", "After", "Into", "Over", "As", "Of"}
)
_MID_SENTENCE = re.compile(r"[a-z,]\s+$")
# "<Name> Bank of <Place> and <Name> Inc": two bodies, each named whole, joined by "and".
_JOINER = re.compile(r"\s+(?:and|&)\s+")
_OWNER = re.compile(r"['’]s\s+(?=[A-Z])")
_OF_PLACE = re.compile(r"\s+of(?:\s+[A-Z][\w.'’-]*)+$")


def _split_joined(offset: int, name: str) -> list[tuple[int, str]]:
    """A capitalised run that joins two whole names with "and" ("Alpha Bank of Orvane and
    Beta Holdings Inc": each side ends in an organization's head noun, before "of <Place>" on
    the left, and has two words or more) or names a body's unit after the body's possessive
    ("Alpha Holdings Inc's Beta Tools"), as its two names. Any other run as it is ("Lands and
    Water Department", "Karl and Brandt": one side alone names no body)."""
    owner = _OWNER.search(name)
    if owner is not None:
        left, right = name[: owner.start()], name[owner.end() :]
        if len(left.split()) > 1 and left.split()[-1].lower().replace(".", "") in _heads():
            return [(offset, left), (offset + owner.end(), right)]  # "<Name> Inc's <Unit>"
    for joint in _JOINER.finditer(name):
        left, right = name[: joint.start()], name[joint.end() :]
        head = _OF_PLACE.sub("", left).split()[-1]
        if (
            len(left.split()) > 1
            and len(right.split()) > 1
            and head.lower().replace(".", "") in _heads()
            and right.split()[-1].lower().replace(".", "") in _heads()
        ):
            return [(offset, left), (offset + joint.end(), right)]
    return [(offset, name)]


def _named(
    text: str,
    offset: int,
    name: str,
    blocked: frozenset[str],
    asked: set[str],
    focus: str | None,
    terms: set[str],
) -> list[tuple[int, str, float]]:
    """The name at ``offset`` as [(offset, name, cue)] when it reads as an organization the
    question does not give; [] otherwise."""
    words = name.split()
    if words[0].lower() in blocked or stems(name) <= asked:
        return []
    if any(w in _HEADLINE_WORDS for w in words[1:]):
        return []  # "Jailed For Crash At <Place>": a headline in title case
    after = WORD_AFTER.match(text[offset + len(name) :])
    called = bool(focus and after and stems(focus) & stems(after[1]))  # "<Name> group"
    if (
        len(words) > 1
        and (is_first_name(words[0]) or _titled(name))
        and words[-1].lower() not in _heads()
        and not _JOINED.search(name)
        and not called
    ):
        return []  # a person ("President <Name>"); "Karl and Brandt" is a partnership
    if len(words) > 1 and name.upper() == name and in_capitals(text, offset):
        return []  # a wire headline in capitals: "STUDY GROUP URGES ..." names nobody
    cue = naming_cue(text, offset, offset + len(name), focus, terms)
    return [(offset, name, cue)] if cue else []
