"""Who holds the role a question asks for ("Who is the chief executive of <Org>?"), read at
question time in the best retrieved passages when ingest stored no person with that role. The
role's head noun (the question's last role word: "executive officer" -> officer; for "head",
any noun a body's head is written with: chief, leader, director) is looked for next to a name:

- pre-modifier: "<Org> Chairman <Name>", "South African captain <Name>";
- role, then the name: "the service's chief executive officer, <Name>,";
- appositive: "<Name>, the incident controller for the region,", "<Name>, who heads ...";
- copula: "<Name> is the head of the <Body>";
- agent: "skippered by <Name>";
- an unnamed speaker named in the next sentence: "..., his agent said. ..., said <Name>." (a
  report goes on in the words of the same speaker, now named).

How well the role fits is read from the words written with it: each of the question's role
words found there counts for it, and a capitalised word there that the question does not
give counts against it ("Australian cricket captain" does not answer "the South African
cricket captain"). Only the best few passages are read (bounded work).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sqlmodel import Session

from corpus.tables import Fact
from search.answer.candidates import (
    Candidate,
    Retrieved,
    lowered,
    names_in,
    neighbours,
    read_sentences,
    sentence_match,
    stems,
)
from search.answer.names import is_first_name
from search.answer.persons import NAME_WORD
from search.answer.questions import Interpretation
from search.answer.recognisers import blocked_words
from search.backend import PassageBackend

PASSAGES_READ = 8
ROLE_WORDS_BEFORE = 4  # words of a role phrase read before its head noun
OTHER_NAME_PENALTY = 0.25  # per name in a role phrase that the question does not give
_NAME = rf"(?P<name>{NAME_WORD}(?:[ \t]+(?:{NAME_WORD}|[A-Z]\.)){{1,3}})"
_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Det|Sgt|Lt|Capt|Col|Gen|Maj|Rev|Prof)\.?\s+)?"
# "of the Relief Agency", "for the Environment": the body a role is held in, after its noun.
_COMPLEMENT = re.compile(
    r"^\s+(?:of|for|at|to|in)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|for|the|&)\s+)?"
    r"[A-Z][\w'’.-]*){0,5}"
)
_AFTER_HEAD = re.compile(rf"^(?:,\s+|[ \t]+){_TITLE}{_NAME}(?![\w'’-])")
_AFTER_COMPLEMENT = re.compile(rf"^,\s+{_TITLE}{_NAME}(?![\w'’-])")
_BY_NAME = re.compile(rf"^\w*\s+by\s+{_TITLE}{_NAME}(?![\w'’-])")
# "<Name>, the head of ...", "<Name>, who heads ...", "<Name> is the head of ...": the role
# after the name, set off by a comma or told by "is" / "was".
_NAME_THEN_ROLE = r"(?:,\s+|\s+(?:is|was)\s+)"
_APPOSITIVE = re.compile(
    rf"{_NAME}{_NAME_THEN_ROLE}(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){{0,{ROLE_WORDS_BEFORE}}}$"
)
_FUNCTION = frozenset({"a", "an", "the", "of", "for", "to", "in", "and", "said", "says", "by"})
# "..., his agent said." closing a sentence: a speaker known by role only ...
_UNNAMED_SPEAKER = re.compile(r"^\s+(?:said|says|added)\s*\.")
_OWNER = re.compile(r"^(?:his|her|their)\s|['’]s?\s")  # whose: "his agent", "the firm's lawyer"
# ... whom the next sentence names as its speaker: "..., said <Name>." / "<Name> said".
_SPEAKER = r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){1,3})"  # "Ann McRae", "Jo Smith-Ng"
_NAMED_SPEAKERS = (
    re.compile(rf"\b(?:said|says|added)\s+{_TITLE}{_SPEAKER}\s*[.,]"),
    re.compile(rf"\s*{_TITLE}{_SPEAKER}\s+(?:said|says)\b"),  # at the sentence's start
)


# Titles as news abbreviates them before a name ("police Sgt. <Name>").
ABBREVIATIONS = {
    "sgt.": "sergeant",
    "lt.": "lieutenant",
    "capt.": "captain",
    "det.": "detective",
    "cpl.": "corporal",
    "gov.": "governor",
    "sen.": "senator",
    "rep.": "representative",
    "gen.": "general",
    "col.": "colonel",
    "maj.": "major",
    "supt.": "superintendent",
    "insp.": "inspector",
    "cmdr.": "commander",
    "ofc.": "officer",
    "dep.": "deputy",
    "prof.": "professor",
}


@dataclass(frozen=True, slots=True)
class Holder:
    """A name read as holding a role: ``role`` and ``name`` are spans of the text."""

    name: str
    name_start: int
    name_end: int
    role: str
    role_start: int
    role_end: int


def role_head(focus: str) -> str:
    """The head noun of an asked role: its last word ("us peace envoy" -> envoy)."""
    words = focus.split()
    return words[-1] if words else ""


# The nouns a body's head is written with: "Who heads <Body>?" is answered by "<Body> chief
# <Name>", "the <Body>'s director, <Name>", "<Name>, leader of the <Body>".
_HEAD_NOUNS = ("head", "chief", "leader", "director", "boss")


def head_forms(head: str) -> tuple[str, ...]:
    """The nouns that write the asked role's head: itself, or any noun for a body's head."""
    return _HEAD_NOUNS if head.lower() == "head" else (head,)


def role_holders(text: str, start: int, end: int, head: str) -> Iterator[Holder]:
    """Names written with the role noun ``head`` in ``text[start:end]``."""
    wanted = frozenset().union(*(stems(form) for form in head_forms(head)))
    if not wanted:
        return
    blocked = blocked_words()
    for m in re.finditer(r"[A-Za-z][\w'’-]*\.?", text[start:end]):
        word = ABBREVIATIONS.get(m.group(0).lower(), m.group(0).rstrip("."))
        if not stems(word) & wanted and not stems(_verb_root(word)) & wanted:
            continue
        head_start, head_end = start + m.start(), start + m.end()
        role_start = _role_start(text, start, head_start)
        complement = _COMPLEMENT.match(text[head_end:end])
        role_end = head_end + (complement.end() if complement else 0)
        after = text[role_end:end]
        patterns = (_AFTER_COMPLEMENT,) if complement else (_AFTER_HEAD, _BY_NAME)
        for pattern in patterns:
            found = pattern.match(after)
            if found and found["name"].split()[0].lower() not in blocked:
                s, e = role_end + found.start("name"), role_end + found.end("name")
                role = text[role_start:role_end]
                yield Holder(text[s:e], s, e, role, role_start, role_end)
                break
        else:
            named = _named_next(text, role_start, head_end, end)
            if named is not None:
                yield named
                continue
            before = _APPOSITIVE.search(text[start:head_start])
            if before and before["name"].split()[0].lower() not in blocked:
                s, e = start + before.start("name"), start + before.end("name")
                gap = re.match(_NAME_THEN_ROLE, text[e:head_start])
                role_from = e + (gap.end() if gap else 0)
                yield Holder(text[s:e], s, e, text[role_from:role_end], role_from, role_end)


def _named_next(text: str, role_start: int, head_end: int, end: int) -> Holder | None:
    """ "..., his agent said. <...>, said <Name>.": the speaker known by the role alone is the
    one the next sentence names (only its first speaker counts)."""
    role = text[role_start:head_end]
    if not _UNNAMED_SPEAKER.match(text[head_end:end]) or not _OWNER.search(role):
        return None
    following = re.match(r"[^.!?]*[.!?]\s+[^.!?]*[.!?]", text[head_end : head_end + 400])
    if following is None:
        return None
    sentence_from = head_end + following.group(0).index(".") + 1
    until = head_end + following.end()
    m = _NAMED_SPEAKERS[1].match(text, sentence_from, until) or _NAMED_SPEAKERS[0].search(
        text, sentence_from, until
    )
    if m is None or m["name"].split()[0].lower() in blocked_words():
        return None
    s, e = m.start("name"), m.end("name")
    return Holder(text[s:e], s, e, role, role_start, head_end)


def _verb_root(word: str) -> str:
    """ "skippered" -> "skipper": a role noun used as a verb ("skippered by")."""
    return re.sub(r"(?:ed|ing)$", "", word)


def _role_start(text: str, floor: int, head_start: int) -> int:
    """Where the role phrase ending at ``head_start`` begins: up to ``ROLE_WORDS_BEFORE``
    words back, stopping at a function word or punctuation."""
    begin = head_start
    words = list(re.finditer(r"[\w'’.-]+", text[max(floor, head_start - 60) : head_start]))
    offset = max(floor, head_start - 60)
    for word in reversed(words[-ROLE_WORDS_BEFORE:]):
        between = text[offset + word.end() : begin]
        if word.group(0).lower() in _FUNCTION or re.search(r"[,.;:()\"“”\n]", between):
            break
        begin = offset + word.start()
    return begin


_ABBREVIATION_END = re.compile(
    r"(?:^|\s)(?:" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r")\s*$", re.I
)
NAME_AFTER_BREAK = 60  # characters read past a sentence break made at "Sgt." for the name


def _past_abbreviation(text: str, end: int) -> int:
    """Where a sentence ends for reading a role holder: past a break the splitter made at an
    abbreviated title ("police Sgt. | <Name> said"), which the name follows."""
    if _ABBREVIATION_END.search(text[max(0, end - 12) : end]):
        return min(len(text), end + NAME_AFTER_BREAK)
    return end


def _expanded(role: str) -> str:
    """A role with its abbreviated titles written out ("police Sgt." -> "police sergeant")."""
    return " ".join(ABBREVIATIONS.get(w.lower(), w) for w in role.split())


# A rank below the role its noun names: "vice-president", "deputy leader", "assistant
# commissioner", "ex-chairman" hold the asked noun and are not the role.
_UNDER = re.compile(r"\b(?:vice|deputy|assistant|ex)(?:\s+|-)(?=[a-z])", re.I)


def under_role(focus: str, role: str) -> bool:
    """Whether a written role is a rank under the asked one ("vice-president" for
    "president"), which the question does not itself ask for."""
    return _UNDER.search(role) is not None and _UNDER.search(focus) is None


def role_fit(focus: str, role: str, terms: frozenset[str]) -> float:
    """How well a written role fits the asked one: the share of the asked role's words it
    holds, averaged with the share of all the question's words (the body the role is held in:
    "chairman of <Org>"), less ``OTHER_NAME_PENALTY`` for each name in it (a run of
    capitalised words) the question does not give ("Australian" for "the South African
    captain")."""
    asked = stems(focus)
    if not asked or not terms or under_role(focus, role):
        return 0.0
    role = _expanded(role)
    written = stems(role)
    held = len(asked & written)
    head = stems(role_head(focus))
    if head - written and any(stems(form) <= written for form in head_forms(role_head(focus))):
        held = min(len(asked), held + 1)  # "<Body> chief" for "Who heads <Body>?"
    share = 0.5 * held / len(asked) + 0.5 * len(terms & written) / len(terms)
    others = [
        run
        for run in re.findall(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", role)
        if stems(run) and not stems(run) & (terms | asked)
    ]
    return max(0.0, share - OTHER_NAME_PENALTY * len(others))


def names_near(interp: Interpretation, fact: Fact, text: str) -> bool:
    """Whether a role holder's sentence or the sentences around it (``text`` is the article's)
    hold a name the question gives ("Who is the spokesman of the <Org>?"): a holder of that
    role in another body is no answer. True when the question names nothing."""
    if not interp.name_words:
        return True
    before, after = neighbours(text, fact)
    said = lowered(f"{fact.value.get('role') or ''} {before} {fact.sentence_text} {after}")
    return any(word in said for word in interp.name_words)


def recognised_role_holders(
    session: Session, index: PassageBackend, interp: Interpretation
) -> list[Candidate]:
    """People written with the asked role in the best passages, scored by how well their role
    fits and how much of the question their sentence holds."""
    if not interp.focus:
        return []
    head = role_head(interp.focus)
    terms = frozenset(interp.terms)
    # The best passages that write the role at all (its noun, or its abbreviation).
    forms = [re.escape(h[:-1] if len(h) > 4 else h) for h in head_forms(head)]
    forms += [re.escape(a) for a, full in ABBREVIATIONS.items() if full == head.lower()]
    writes_role = re.compile(rf"\b(?:{'|'.join(forms)})", re.I)

    def naming_role(passage: Retrieved) -> bool:
        return writes_role.search(passage.text) is not None

    out = []
    if head.lower() in AFFILIATION_ROLES:
        out += _affiliated(session, index, interp)
    for read in read_sentences(session, index, interp, PASSAGES_READ, keep=naming_role):
        text = read.article.text
        if not names_in(read.article, interp):
            continue  # a name the question gives is nowhere in this article
        for holder in role_holders(text, read.start, _past_abbreviation(text, read.end), head):
            fit = role_fit(interp.focus, holder.role, terms)
            if fit <= 0:
                continue
            start = min(holder.role_start, holder.name_start)
            end = max(holder.role_end, holder.name_end)
            value = {"name": holder.name, "role": holder.role}
            fact = read.fact("people", "person", value, start, end)
            if not names_near(interp, fact, text):
                continue
            match = 0.5 * fit + 0.5 * sentence_match(interp.terms, read.article, fact)
            out.append(Candidate(fact, read.article, match, read.passage.relative_score))
    return out


# Roles a newsroom often leaves unwritten: "<Body>'s <Name> says" and "<Name> from the <Body>"
# name who speaks for the body without saying "official" or "spokesman".
AFFILIATION_ROLES = frozenset(
    {"official", "spokesman", "spokeswoman", "spokesperson", "representative", "delegate"}
)
AFFILIATION_MATCH = 0.8  # the role is implied, not written: a little less sure
_BODY = r"(?P<body>(?:the\s+)?[A-Z][\w&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&.-]*){0,6})"
_OWNER_OF = re.compile(rf"{_BODY}['’]s\s+{_NAME}(?![\w'’-])")
_MEMBER_OF = re.compile(rf"{_NAME},?\s+(?:from|of|with)\s+{_BODY}")


def affiliations(text: str) -> Iterator[Holder]:
    """People written as belonging to a body: "<Body>'s <First> <Last>", "<First> <Last> from
    the <Body>"; the holder's role is the body's name as written."""
    for pattern in (_OWNER_OF, _MEMBER_OF):
        for m in pattern.finditer(text):
            name = m["name"]
            if not is_first_name(name.split()[0]) or len(name.split()) < 2:
                continue
            body_start, body_end = m.span("body")
            if text[body_start:body_end].lower().startswith("the "):
                body_start += 4
            yield Holder(
                name,
                m.start("name"),
                m.end("name"),
                text[body_start:body_end],
                body_start,
                body_end,
            )


def _affiliated(session: Session, index: PassageBackend, interp: Interpretation) -> list[Candidate]:
    """People the best passages write as belonging to the body the question names, for a
    question about its official or spokesman."""
    if not interp.name_words:
        return []
    out = []
    for read in read_sentences(session, index, interp, PASSAGES_READ):
        for holder in affiliations(read.text):
            body = lowered(holder.role)
            if not all(word in body for word in interp.name_words):
                continue  # another body's people
            start = read.start + min(holder.role_start, holder.name_start)
            end = read.start + max(holder.role_end, holder.name_end)
            value = {"name": holder.name, "role": holder.role}
            fact = read.fact("people", "person", value, start, end)
            match = AFFILIATION_MATCH * (
                0.5 + 0.5 * sentence_match(interp.terms, read.article, fact)
            )
            out.append(Candidate(fact, read.article, match, read.passage.relative_score))
    return out
