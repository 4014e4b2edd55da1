"""One victim told without a number: "A 19-year-old was shot and killed", "An elderly woman
died", "A cyclist was wounded". Local news reports a lone victim this way, so an article about
the event a question pins may hold no figure at all; such a sentence counts one person, of
the kind its verb says. Only a singular subject (an article or "one" before a person noun,
or an age) and a singular verb count: "a man and a woman were shot" is left to the numeric
recognisers. ``incident`` reads an article for these only when it states no figure of the
kind: "the man" is then the one victim, not one of several counted elsewhere."""

from __future__ import annotations

import re

from search.answer.recognisers import Mention

# Nouns a lone victim is named by in a report (general English).
_PERSON = (
    r"(?i:man|woman|boy|girl|teen|teenager|child|toddler|infant|baby|person|victim|mother|"
    r"father|son|daughter|husband|wife|brother|sister|cousin|grandmother|grandfather|"
    r"student|driver|passenger|resident|homeowner|neighbou?r|youth|juvenile|male|female|"
    r"motorist|cyclist|pedestrian|customer|clerk|employee|worker|guard|deputy|officer|trooper|"
    r"\d{1,3}-year-old)"
)
# "A man", "One teenager", "The woman who was ...": one person, up to three words before the noun.
_ONE = rf"\b(?:[Aa]n?|[Oo]ne|[Tt]he)\s+(?:[\w'’-]+\s+){{0,3}}?{_PERSON}\b"
_SUBJECT = (
    _ONE + r"(?:\s*,[^,.;]{1,60},)?"  # "A man, whom police did not name, was ..."
    r"(?:\s+who)?\s+(?:was|has\s+been|had\s+been|is)\s+(?:(?:later|critically|seriously|"
    r"reportedly|also|then)\s+)?"
)
_KILLED = re.compile(
    _SUBJECT + r"(?:shot\s+and\s+killed|shot\s+dead|shot\s+to\s+death|fatally\s+(?:shot|wounded)|"
    r"killed|pronounced\s+dead|found\s+dead|gunned\s+down)\b"
    + rf"|{_ONE}\s+(?:died|dies)\b"
    + r"|\bfatal\s+shooting\s+of\s+(?:[Aa]n?|[Oo]ne)\s+(?:[\w'’-]+\s+){0,3}?"
    + _PERSON
    + r"\b"
)
_INJURED = re.compile(
    _SUBJECT + r"(?:shot|wounded|injured|hurt|grazed)\b(?!\s+(?:and\s+killed|dead|to\s+death))"
)
# A headline names its lone victim without an article: "Clerk, 52, killed in robbery",
# "<Town> teen wounded at bus stop": capitalised words, the person noun, an age, the verb.
_HEADLINE = (
    r"\A\s*(?!(?:An?|One|The)\s)(?:[A-Z][\w'’.-]*[ \t]+){0,3}?"
    + _PERSON
    + r"(?:,[ \t]*\d{1,3},)?[ \t]+(?:(?:is|was)[ \t]+)?"
)
_HEADLINE_KILLED = re.compile(
    _HEADLINE + r"(?i:shot\s+and\s+killed|shot\s+dead|fatally\s+shot|killed|dies|died|slain)\b"
)
_HEADLINE_INJURED = re.compile(
    _HEADLINE + r"(?i:shot|wounded|injured|hurt|grazed)\b(?!\s+(?:and\s+killed|dead|to\s+death))"
)


def singular_casualties(text: str, kind: str) -> list[Mention]:
    """Sentences of ``text`` that tell one person ``kind`` ("killed" or "injured") without a
    number; each mention spans the subject and its verb. One shot who, the next words say,
    died ("A boy was shot ... He died two hours later") was killed, not wounded."""
    if kind not in ("killed", "injured"):
        return []
    killed = [*_HEADLINE_KILLED.finditer(text), *_KILLED.finditer(text)]
    found = killed if kind == "killed" else []
    for m in [*_HEADLINE_INJURED.finditer(text), *_INJURED.finditer(text)]:
        # "the victim" was introduced before: what the words before say of them counts too
        begin = max(0, m.start() - LATER_CHARS) if m.group(0)[:3].lower() == "the" else m.end()
        died = _DIED_LATER.search(text, begin, m.end() + LATER_CHARS) is not None
        if died == (kind == "killed"):
            found.append(m)
    return [Mention(m.start(), m.end(), m.group(0), "1", 1.0) for m in found]


LATER_CHARS = 150  # about a sentence: where a report says the one shot died
_DIED_LATER = re.compile(r"\b(?:died|dies|dead|killed|fatal\w*|succumbed)\b", re.I)
