"""A named person's part in an incident, read from the construction around the name.

Whether a sentence *contains* "killed" or "arrested" says little about a given person in it
("Police arrested Dana Cole in the killing of Lee Park": one suspect, one victim). So a role
and status come from how the sentence attaches to the name:

- passive or intransitive with the name as subject: "<Name>(, 22,) was shot and killed",
  "<Name> died", "<Name> was wounded" (victim: killed / injured); "<Name> was arrested /
  charged / booked / taken into custody" (suspect: arrested);
- the name as object: "shot and killed <Name>", "wounded <Name>" (victim); "police arrested
  <Name>", "charged <Name>" (suspect: arrested);
- apposition: "the victim, <Name>", "victims ... identified as <Name>", "the killing of
  <Name>" (victim); "the suspect,
  <Name>", "suspect <Name>" (suspect); "the gunman, <Name>" (suspect);
- the name as agent of a violent verb: "<Name> shot his wife", "<Name> opened fire" (suspect).

The first construction found, in that order, gives the role; the status collects every
construction that gives one (killed outranks injured: "was shot and killed"). No
construction: no role from this sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_AGE = r"(?:,\s*(?:\d{1,3}|aged \d{1,3})\s*,)?"  # "Lee Park, 22, was ..."
_AUX = r"(?:\s+(?:was|were|is|has been|had been|have been|got|later))+"
_ADVERB = r"(?:\s+(?:fatally|critically|seriously|badly|allegedly|reportedly|also|then))*"

_KILLED_PASSIVE = (
    r"(?:shot and killed|shot dead|fatally (?:shot|wounded|injured|stabbed)|"
    r"killed|slain|murdered|pronounced dead|found dead|stabbed to death|shot to death)"
)
_INJURED_PASSIVE = r"(?:shot|wounded|injured|hurt|stabbed|hospitali[sz]ed|grazed|struck)"
_ARRESTED_PASSIVE = (
    r"(?:arrested|charged|booked|indicted|detained|apprehended|taken into custody|"
    r"in custody|jailed)"
)
_KILLED_ACTIVE = r"(?:shot and killed|fatally (?:shot|stabbed)|killed|murdered|shot dead)"
_INJURED_ACTIVE = r"(?:shot|wounded|injured|stabbed)"
_ARRESTED_ACTIVE = r"(?:arrested|charged|booked|indicted|detained|apprehended)"
_VIOLENT = r"(?:shot|killed|fatally shot|opened fire|stabbed|fired|murdered|ambushed)"


@dataclass(frozen=True, slots=True)
class Part:
    """What one sentence says of one person: a role (None: none told) and statuses."""

    role: str | None
    status: frozenset[str]


def _after(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?i)^{_AGE}{_AUX}{_ADVERB}\s+{pattern}\b")


_Construction = tuple[str, str | None, re.Pattern[str]]
_SUBJECT: tuple[_Construction, ...] = (
    ("victim", "killed", _after(_KILLED_PASSIVE)),
    ("victim", "killed", re.compile(rf"(?i)^{_AGE}{_ADVERB}\s+(?:died|was killed)\b")),
    ("victim", "injured", _after(_INJURED_PASSIVE)),
    ("suspect", "arrested", _after(_ARRESTED_PASSIVE)),
    (
        "suspect",
        "arrested",
        re.compile(rf"(?i)^{_AGE}\s+(?:surrendered|turned (?:him|her)self in)\b"),
    ),
)
# Before the name (matched against the text that ends where the name starts).
_OBJECT: tuple[_Construction, ...] = (
    ("victim", "killed", re.compile(rf"(?i)\b{_KILLED_ACTIVE}\s+$")),
    ("victim", "injured", re.compile(rf"(?i)\b{_INJURED_ACTIVE}\s+$")),
    ("suspect", "arrested", re.compile(rf"(?i)\b{_ARRESTED_ACTIVE}\s+$")),
    ("victim", None, re.compile(r"(?i)\b(?:victims?|deceased)(?: \w+){0,3},?\s+(?:as\s+)?$")),
    ("victim", None, re.compile(r"(?i)\bidentified (?:\w+ ){0,3}as\s+$")),
    ("suspect", None, re.compile(r"(?i)\b(?:suspects?|gunman|shooter|accused)(?: \w+){0,2},?\s+$")),
    ("victim", "killed", re.compile(r"(?i)\b(?:killing|murder|death|slaying) of\s+$")),
    ("victim", None, re.compile(r"(?i)\b(?:shooting|stabbing) of\s+$")),
)
_AGENT = re.compile(
    rf"(?i)^{_AGE}{_ADVERB}\s+{_VIOLENT}\s+(?!(?:and|in|at|on|by|to|multiple|several|dead)\b)"
)


def part_of(sentence: str, start: int, end: int) -> Part:
    """The role and status ``sentence`` gives the person named at ``sentence[start:end]``."""
    after, before = sentence[end:], sentence[:start]
    role: str | None = None
    status: set[str] = set()
    for found_role, found_status, pattern in _SUBJECT:
        if pattern.match(after):
            role = role or found_role
            if found_status:
                status.add(found_status)
    for found_role, found_status, pattern in _OBJECT:
        if pattern.search(before):
            role = role or found_role
            if found_status:
                status.add(found_status)
    if role is None and _AGENT.match(after):
        role = "suspect"
    if "killed" in status:
        status.discard("injured")  # "was shot and killed": the outcome is the status
    return Part(role, frozenset(status))
