"""Organizations a sentence refers to without naming them: "The company said it would ...",
"It added ...", "The agency says ...". Wire and broadcast copy name a body once, as the subject
of its first sentence, and go on with "the company" or "it"; a question about what the body
did then matches a sentence that never names it. Such a sentence answers with the organization
that opened an earlier sentence as its subject, cited where that sentence names it.

Only an unbroken chain counts: going back from the sentence, every sentence passed over must
itself open with such a reference, and the first one that does not must open with an
organization as its subject. A person, a place or a second organization opening a sentence in
between makes "it" ambiguous, and nothing is answered. The look-back is bounded
(``LOOK_BACK`` sentences)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from corpus.spans import sentences

LOOK_BACK = 4
# "The company", "the agency", "the group"... : a noun a body is referred to by. A body named
# for its kind ("the airline", "the union") is referred to by that noun.
_BODY_NOUNS = (
    r"company|firm|group|agency|organi[sz]ation|authority|bank|union|institute|airline"
    r"|partnership|fund|trust|council|commission|ministry|department|government|corporation"
)
# A reference opening a sentence, after a connective or a time adverb, and followed by a
# lower-case word (its verb: "The company said", "It has agreed", "The group did not").
ANAPHOR = re.compile(
    r"^(?:(?:But|And|However|Meanwhile|Earlier|Later|Separately),?\s+)?"
    r"(?:(?:today|yesterday|earlier|later|also),?\s+)?"
    rf"(?:[Tt]he\s+(?:{_BODY_NOUNS})|It|They)\s+(?=[a-z])"
)
# A wire dateline before a sentence's subject: "CLEVELAND, Feb 26 - ", "CRANFORD, N.J., Feb 26 - ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]*,(?:\s+[A-Z][\w.]*,)?\s+(?:[A-Z][a-z]*\.?\s+)?\d{1,2}\s+-\s+"
)


@dataclass(frozen=True)
class Subject:
    """An organization opening a sentence: its span in the article and its sentence's."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int


def refers_back(sentence: str) -> bool:
    """Whether a sentence opens with "the company", "it" or the like as its subject."""
    return ANAPHOR.match(sentence) is not None


def opening_offset(sentence: str) -> int:
    """Where a sentence's subject starts: after a wire dateline, if any."""
    m = _DATELINE.match(sentence)
    return m.end() if m else 0


def antecedent(
    text: str, start: int, subject_of: Callable[[str], tuple[int, int] | None]
) -> Subject | None:
    """The organization the sentence at ``start`` of ``text`` refers back to, or None.
    ``subject_of(sentence)`` gives the (offset, end) of an organization opening ``sentence``
    as its subject, or None when the sentence opens otherwise."""
    earlier = [s for s in sentences(text) if s.end <= start][-LOOK_BACK:]
    for span in reversed(earlier):
        sentence = text[span.start : span.end]
        if refers_back(sentence):
            continue
        found = subject_of(sentence)
        if found is None:
            return None
        offset, end = found
        return Subject(span.start + offset, span.start + end, span.start, span.end)
    return None
