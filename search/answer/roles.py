"""A person's role read at question time around a mention of their name, for "Who is <name>?"
when ingest stored the name without one (the role sits across a sentence break the splitter
made at "Det." or "Sgt.", or in a construction the people extractor does not read):

- pre-modifier: "police spokeswoman Det. <Name>", "Chief Deputy <Name>";
- appositive: "<Name>, a spokesman for the county sheriff's office," / "<Name>, the head of ...";
- copula: "<Name> is head of the ... Party", "<Name>, who ..., was the mayor of ...".

A role phrase must end in (pre-modifier) or hold (appositive) a role noun of the people lexicon
(``corpus/facts/data/people.json``), or be one of its titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas

from corpus.facts.lexicons import function_words, load_data

_ABBREVIATED_TITLE = r"(?:Det|Sgt|Lt|Capt|Cpl|Ofc|Off|Insp|Cmdr|Col|Gen|Maj|Dr|Rev|Gov|Sen|Rep)\."
_LOOK_BEHIND = 80  # characters read before a name for a pre-modifier
_LOOK_AHEAD = 120  # and after it for an appositive


@dataclass(frozen=True, slots=True)
class Role:
    """A role phrase at ``start:end`` of the text (``text`` is that slice)."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_data("people")
    nouns = frozenset(n.lower() for n in data["role_nouns"])
    nouns |= frozenset(f"{n}s" for n in nouns)
    titles = frozenset(t.lower() for t in data["titles"])
    modifiers = frozenset(m.lower() for m in data["role_modifiers"])
    return nouns, titles, modifiers


# Up to five words right before the name (an abbreviated title may stand between).
_BEFORE = re.compile(
    r"(?P<phrase>(?:[A-Za-z][\w'’-]*\.?\s+){1,5}?)(?:" + _ABBREVIATED_TITLE + r"\s+)?$"
)
# ", a spokesman for the Baltimore police," / ", the head of the relief agency."
_AFTER = re.compile(
    r"^,\s+(?P<phrase>(?:(?:a|an|the)\s+)?[^,.;:()\"“”]{3,90}?)(?=[,.;)]|\s+said\b)"
)
# "chief executive officer", "chief operating officer": the kinds of a company's officers.
_OFFICER_KINDS = frozenset({"executive", "operating", "financial", "information", "technology"})
_FUNCTION = frozenset(
    {"a", "an", "the", "said", "says", "told", "and", "or", "but", "of", "for", "to", "in"}
    | {"on", "at", "by", "with", "as"}
)


_PREPOSITIONS = frozenset(
    {"over", "after", "before", "during", "from", "into", "about", "against", "despite"}
    | {"since", "until", "without", "amid", "under", "near", "who", "which", "where", "when"}
)
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "sir", "madam"})


# A sentence's end inside a role, the next sentence opening on a form of address ("... in
# <Town>. Mr <Name> says": "<Town>. Mr" is no role; "Det. Sgt.", "St. Louis" are).
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?]\s+(?:Mr|Mrs|Ms|Miss)\b")


def is_role(role: object) -> bool:
    """A role that says who someone is: "Mr" is a form of address, not a role, and words
    across a sentence's end are none."""
    text = str(role or "")
    return (
        bool(text)
        and text.lower().strip(". ") not in HONORIFICS
        and not _SENTENCE_BREAK.search(text)
    )


def is_title(role: object) -> bool:
    """A role that is only a title a name is written with ("Professor", "Chief Inspector",
    "Dr"): it says less of who someone is than a role noun phrase does."""
    words = str(role or "").lower().replace(".", "").split()
    titles = _lexicon()[1]
    return bool(words) and (" ".join(words) in titles or all(w in titles for w in words))


def role_near(text: str, start: int, end: int) -> Role | None:
    """The role written next to the name at ``start:end`` of ``text``, or None. A bare title
    before the name gives way to an appositive after it ("Officer <Name>, a police
    spokesman,", "the Attorney-General, Dr <Name>": the role is who they are)."""
    pre = _pre_modifier(text, start)
    if pre is not None and is_title(pre.text):
        return _appositive(text, end) or _role_then_name(text, start, end) or pre
    return pre or _role_then_name(text, start, end) or _appositive(text, end) or _copula(text, end)


# ", Dr <Name>", ", Mr <Name>": the comma that sets a name off, a title or form of address
# between them.
_COMMA_BEFORE_NAME = re.compile(r",\s+(?:(?P<title>[A-Z][a-z]{1,9})\.?\s+)?$")


def _role_word(word: str) -> bool:
    """A role noun or title, or a compound of one ("Governor-General", "Attorney-General")."""
    nouns, titles, _ = _lexicon()
    bare = word.lower().rstrip(".").replace("’", "'")
    return bare in nouns or bare in titles or ("-" in bare and bare.split("-")[0] in nouns)


def _role_then_name(text: str, start: int, end: int) -> Role | None:
    """ "the service's chief executive officer, <Name>, says", "the Attorney-General, Dr
    <Name>.": a role set off before the name by a comma (a title may stand between), the name
    closed by a comma, a speech verb or the sentence's end."""
    lead = _COMMA_BEFORE_NAME.search(text, max(0, start - 14), start)
    if lead is None:
        return None
    if lead["title"] and not _is_address(lead["title"]):
        return None
    if not re.match(r"(?:,|\.(?:\s|$)|\s+(?:said|says|told)\b)", text[end : end + 8]):
        return None
    end_at = lead.start()
    words = list(re.finditer(r"[A-Za-z][\w'’-]*", text[max(0, end_at - _LOOK_BEHIND) : end_at]))
    offset = max(0, end_at - _LOOK_BEHIND)
    if not words or words[-1].end() + offset != end_at:
        return None
    if not _role_word(words[-1].group(0)):
        return None  # the word before the comma must be a role noun ("officer,")
    begin = words[-1].start() + offset
    for word in reversed(words[-5:-1]):
        gap = text[offset + word.end() : begin]
        if word.group(0).lower() in _FUNCTION or gap.strip():
            break  # "the", or punctuation between the words
        begin = offset + word.start()
    return Role(begin, end_at, text[begin:end_at])


# "<Name>, who is under house arrest, is head of the ... Party." / "<Name> was the mayor".
_COPULA = re.compile(
    r"^(?:,[^,.;]{0,80},)?\s+(?:is|was)\s+(?P<phrase>(?:(?:a|an|the)\s+)?[^,.;:()\"“”]{3,90}?)"
    r"(?=[,.;)]|\s+(?:and|who|which|since|until)\b)"
)


_OFFICE = re.compile(r"(?:the|a|an)\s+(?:[a-z][\w'’-]*\s+){1,3}(?:for|of|at)\s+(?:the\s+)?\S")


def _pre_modifier(text: str, start: int) -> Role | None:
    window_start = max(0, start - _LOOK_BEHIND)
    before = text[window_start:start]
    line_break = before.rfind("\n")
    if line_break >= 0:
        before, window_start = before[line_break + 1 :], window_start + line_break + 1
    m = _BEFORE.search(before)
    if m is None:
        return None
    words = m["phrase"].split()
    nouns, titles, modifiers = _lexicon()
    # Keep the words that can belong to a role, from the name leftwards.
    kept: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        bare = word.lower().rstrip(".").replace("’", "'")
        abbreviated = word.endswith(".") and not re.fullmatch(_ABBREVIATED_TITLE, word)
        if bare == "and" and kept and i > 0 and words[i - 1].lower() in nouns | titles:
            kept.insert(0, word)  # "president and chief executive officer <Name>"
            continue
        if bare in _FUNCTION or abbreviated or _opens_clause(bare) or word.endswith(","):
            break  # "When Dr <Name> ...": the clause's first word is no part of a role
        if kept and not (
            bare in modifiers
            or bare in nouns
            or bare in _OFFICER_KINDS
            or word[:1].isupper()
            # a role noun, not a bare title ("popular Dr"), takes common modifiers
            or (_modifying_word(bare) and kept[-1].lower().rstrip(".") in nouns)
        ):
            break
        kept.insert(0, word)
    if not kept:
        return None
    last = kept[-1].lower().rstrip(".")
    if last not in nouns and last not in titles and " ".join(kept).lower() not in titles:
        return None
    phrase = " ".join(kept)
    if not is_role(phrase):
        return None
    offset = before.rfind(phrase) if phrase in before else -1
    if offset < 0:
        return None
    role_start = window_start + offset
    return Role(role_start, role_start + len(phrase), phrase)


@lru_cache(maxsize=4096)
def _modifying_word(word: str) -> bool:
    """A singular noun or an adjective that may modify a role noun ("transport minister",
    "county fire spokeswoman"), in lemminflect's lexicon; not a plural ("reporters"), nor an
    inflected verb ("shot", "told") that ends the clause before the role."""
    lemmas = getAllLemmas(word)
    if "VERB" in lemmas and word not in lemmas["VERB"]:
        return False
    return word in lemmas.get("NOUN", ()) or "ADJ" in lemmas


def _is_address(word: str) -> bool:
    """A title or form of address a name is written with ("Dr", "Mr", "Professor")."""
    bare = word.lower().rstrip(".")
    return bare in HONORIFICS or bare in _lexicon()[1]


def _opens_clause(word: str) -> bool:
    """A function word ("if", "when", "but") that is neither a title nor a role's modifier."""
    nouns, titles, modifiers = _lexicon()
    return word in function_words() and word not in nouns | titles | modifiers | HONORIFICS


def _copula(text: str, end: int) -> Role | None:
    return _appositive(text, end, _COPULA, _LOOK_AHEAD + 80)


def _appositive(
    text: str, end: int, pattern: re.Pattern[str] | None = None, look_ahead: int = _LOOK_AHEAD
) -> Role | None:
    after = text[end : end + look_ahead]
    m = (pattern or _AFTER).match(after)
    if m is None:
        return None
    phrase = m["phrase"].strip()
    first = phrase.split()[0].lower() if phrase.split() else ""
    if first in _FUNCTION - {"a", "an", "the"} or first in _PREPOSITIONS:
        return None  # ", over his ties with President <Name>": no apposition
    nouns, titles, _ = _lexicon()
    words = {w.lower().strip("'’") for w in re.findall(r"[\w'’-]+", phrase)}
    # "<Name>, the incident controller for the region": a definite noun phrase that says whom
    # or what it is for is a role, in the lexicon or not.
    office = pattern is None and bool(_OFFICE.match(phrase))
    if not words & (nouns | titles) and not office:
        return None
    start = end + m.start("phrase")
    return Role(start, start + len(phrase), phrase)
