"""Answers to questions that pin no event: facts of the asked field near the passages BM25
retrieves for the question's words, scored by their sentence's match (``candidates.gather``),
grouped by equal value, one handler per question type (``HANDLERS``; "how many" is in
``how_many.py``)."""

from __future__ import annotations

import re
from dataclasses import replace

from lemminflect import getAllLemmas
from sqlmodel import Session

from corpus.facts.lexicons import demonyms, fold, function_words
from corpus.facts.numbers import find_amounts
from corpus.facts.organizations import canonical_organization
from corpus.tables import Fact
from search.answer.candidates import (
    Candidate,
    Retrieved,
    gather,
    locative,
    neighbours,
    overlap,
    proximity,
    read_sentences,
    stems,
    verb_forms,
)
from search.answer.compose import (
    Group,
    Handled,
    group_by,
)
from search.answer.counts import (
    count_match,
)
from search.answer.dates import (
    asked_near,
    date_text,
    event_cue,
    in_dateline,
    in_the_future,
    nearness_bonus,
    recognised_dates,
)
from search.answer.how_many import equipment_matches, equipment_sets, how_many
from search.answer.locatives import (
    FOCUS_HEADS,
    based_places,
    described_next,
    in_capitals,
    recognised_places,
)
from search.answer.organizations import WORD_AFTER, read_apart, recognised_organizations
from search.answer.persons import acting_people
from search.answer.questions import Interpretation
from search.answer.role_holders import (
    head_forms,
    names_near,
    recognised_role_holders,
    role_fit,
    role_head,
    under_role,
)
from search.answer.roles import is_role, is_title, role_near
from search.answer.speakers import quote_speakers, reported_speakers, stored_quote_speaker
from search.backend import PassageBackend


def _what(session: Session, index: PassageBackend, interp: Interpretation) -> Handled:
    if interp.field == "equipment":
        candidates = [
            c
            for c in gather(session, index, interp, field="equipment")
            if equipment_matches(c, interp.focus)
        ]
        return equipment_sets(candidates), 0.9
    return _entities(session, index, interp, interp.field or "organizations"), 0.7


def _entities(
    session: Session, index: PassageBackend, interp: Interpretation, field: str
) -> list[Group]:
    found = gather(session, index, interp, field=field)
    if field == "organizations" and interp.type in ("what", "who"):
        recognised = recognised_organizations(session, index, interp)
        # A name read whole at question time ("<SHV (United Kingdom) Holding Co Ltd>") replaces
        # a stored fact that holds only part of it; a stored fact otherwise names it already.
        found = [c for c in found if not any(_inside(c.fact, r.fact) for r in recognised)]
        # A stored name joining two whole names ("<Name> Bank of <Place> and <Name> Inc") is
        # answered as the two.
        found = [replace(c, fact=part) for c in found for part in read_apart(c.fact)]
        stored = {(c.fact.article_id, c.fact.start, c.fact.end) for c in found}
        found += [
            c
            for c in recognised
            if not any(
                a == c.fact.article_id and s < c.fact.end and c.fact.start < e for a, s, e in stored
            )
        ]
    candidates = _not_in_question(found, interp)

    def phrase(c: Candidate) -> tuple[str, object]:
        v = c.fact.value
        name = str(v.get("canonical") or v.get("name") or c.fact.text)
        written = c.fact.text
        if c.fact.field == "organizations":
            name = _as_written(name, written)  # "Federal Bureau of Investigation (FBI)"
        elif name != written and _letters(name) == _letters(written):
            name = written  # "Agence France Presse" as the article spells it
        if v.get("near"):
            name = f"{name}, near {v['near']}"
        return name, v.get("entity_id") or name

    def key(c: Candidate) -> object:
        return c.fact.value.get("entity_id") or c.fact.text

    fuller = _fuller_mentions(candidates) if field == "organizations" else {}
    return group_by(
        candidates,
        lambda c: key(fuller.get(id(c), c)),
        lambda c: phrase(fuller.get(id(c), c)),
        agreement=False,
    )


def _fuller_mentions(candidates: list[Candidate]) -> dict[int, Candidate]:
    """A short mention's fuller name in the same article ("Ionic" -> "Ionic Industries Inc",
    "Consolidated TVX" -> "Consolidated TVX Mining Corp"): a later mention shortens the name
    the article gave first, and both are one answer. Keyed by ``id`` of the short one."""
    out: dict[int, Candidate] = {}
    for c in candidates:
        short = c.fact.text.casefold()
        longer = [
            d
            for d in candidates
            if d.fact.article_id == c.fact.article_id
            and d.fact.text.casefold().startswith(short + " ")
        ]
        if longer:
            out[id(c)] = max(longer, key=lambda d: len(d.fact.text))
    return out


def _written_in_question(name: str, interp: Interpretation) -> bool:
    """Whether every word of a name is a word of the question, read without periods ("U.S."
    is the question's "US") or as its stem."""
    words = [w.replace(".", "").lower() for w in name.split()]
    return bool(words) and all(
        w in interp.name_words or (stems(w) and stems(w) <= set(interp.terms)) for w in words
    )


def _of_the_asked_kind(fact: Fact, interp: Interpretation) -> bool:
    """ "<Town> Police Department" for "Which police department ... in <Town>?": a name whose
    last word is the asked kind, which the question writes in lower case (the question names
    the town, not the body; "the <Town> Police Department" would write it in capitals)."""
    if interp.type != "what" or not interp.focus:
        return False
    head = stems(_name_head(fact))
    return bool(head) and head <= stems(interp.focus) and not head & set(interp.names)


def _inside(part: Fact, whole: Fact) -> bool:
    """Whether ``part`` spans strictly less of its article than ``whole`` does, within it."""
    return (
        part.article_id == whole.article_id
        and whole.start <= part.start
        and part.end <= whole.end
        and whole.end - whole.start > part.end - part.start
    )


def _as_written(name: str, written: str) -> str:
    """A name the lexicon or gazetteer spells otherwise, as the cited text writes it: alone
    when only case, spaces or punctuation differ ("PortEllis" for "Port Ellis"), else after the
    known spelling ("Marrowfield (Marowfield)", "Federal Bureau of Investigation (FBI)"),
    so the answer states what the article says."""
    if name == written or not _letters(written):
        return name
    if _letters(name) == _letters(written):
        return written
    return f"{name} ({written})"


def _letters(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def _not_in_question(candidates: list[Candidate], interp: Interpretation) -> list[Candidate]:
    """Drop entities the question itself names (they are its subject, not its answer), and
    favour mentions next to the question's words and, for places, after a locative."""
    asked = set(interp.terms) | set(interp.names)
    asked_bodies = _named_bodies(interp)
    out = []
    for c in candidates:
        if any(
            named and named <= asked for named in (stems(c.fact.text), stems(_canonical(c.fact)))
        ) and not _of_the_asked_kind(c.fact, interp):
            continue
        if c.fact.value.get("entity_id") in asked_bodies:
            continue  # named in the question by another spelling ("IS", "CENTCOM")
        if interp.type == "what" and _of_another_kind(c.fact, interp):
            continue  # "Tallis Company Ltd" for "Which bank holds the debt ...?"
        if _written_in_question(c.fact.text, interp) and not _of_the_asked_kind(c.fact, interp):
            continue  # "U.S. military" for "Which US military command ...?"
        if interp.type == "where" and _modifier(c.fact, interp):
            continue  # "US-led coalition": a place used as a modifier is not where
        if interp.type == "where" and in_capitals(c.fact.sentence_text, _offset(c.fact)):
            continue  # a headline in capitals: "TO BUY" is no place
        # Next to the question's other words (its verb: "owned by <Org>"), not to the names it
        # gives: those are its subject, and whatever stands beside them need not answer.
        bonus = 0.15 * proximity(c.fact, [t for t in interp.terms if t not in interp.names])
        if interp.type == "where":
            bonus += 0.1 if locative(c.fact) else -0.1
            if interp.verb and proximity(c.fact, _verb_stems(interp.verb)) >= VERB_NEAR:
                bonus += VERB_BONUS  # "was found on <Street>" for "Where was he found ...?"
            if _name_head(c.fact) in FOCUS_HEADS.get(interp.focus or "", ()):
                bonus += 0.2  # "Which hospital ...": a name of that kind
        if interp.focus and stems(interp.focus) & (
            stems(_left_context(c.fact)) | stems(_noun_after(c.fact))
        ):
            bonus += 0.1  # "news agency SANA", "the <Name> (<gloss>) group" for "which group"
        elif interp.focus in _AGENCY_NOUNS and _name_head(c.fact) in _AGENCY_HEADS:
            bonus += 0.1  # "Which agency ...": a body named "<...> Department" or "<...> Police"
        elif (
            interp.focus in _COMPANY_NOUNS and _name_head(c.fact).replace(".", "") in _COMPANY_HEADS
        ):
            bonus += 0.1  # "Which firm ...": a name ending "Corp", "Inc", "Ltd"
        if interp.type == "what" and (
            _subject_of_asked_verb(c.fact, interp) or _agent_of_asked_word(c.fact, interp)
        ):
            bonus += 0.1  # "<Name> operates ...", "the report issued by <Name>"
        if interp.type in _NAMING_TYPES and _states_asked_number(c.fact, interp):
            bonus += STATED_NUMBER  # "<Org> said at least 80 ..." for "... said 80 ...?"
        if (
            interp.type in ("what", "who")
            and _shares_a_name(c.fact, interp)
            and not _of_the_asked_kind(c.fact, interp)
        ):
            bonus -= 0.2  # "Versatile Noble Cultivators" for "... buy Versatile Corp's division"
        out.append(Candidate(c.fact, c.article, c.overlap, c.retrieval, bonus))
    return out


# A place within three words of the question's verb is the place that verb governs ("was found
# on <Name> Street"); another the sentence names is where something else happened.
VERB_NEAR = 1 / 3
VERB_BONUS = 0.1


def _verb_stems(verb: str) -> list[str]:
    """A verb's stem and the stems of its other forms ("come" ~ "came")."""
    return [verb, *verb_forms(verb)]


# A figure the question states ("Which group said at least 80 soldiers died?") is the surest
# word to tell two sayers apart: one whose sentence states it beats one whose sentence gives
# another figure, however close the rest of the sentence is to the question.
STATED_NUMBER = 0.15
_NAMING_TYPES = frozenset({"what", "who", "who_said"})
_NUMBER_TERM = re.compile(r"\d+(?:\.\d+)?")


def _asked_numbers(interp: Interpretation) -> set[float]:
    return {float(t) for t in interp.terms if _NUMBER_TERM.fullmatch(t)}


def _states_asked_number(fact: Fact, interp: Interpretation) -> bool:
    """Whether the fact's sentence states every figure the question gives (none: False)."""
    asked = _asked_numbers(interp)
    if not asked:
        return False
    stated = {float(a.number) for a in find_amounts(fact.sentence_text)}
    return asked <= stated


# Wire copy writes a company's own act as "<Name> <TICKER> said it has agreed to ...": the
# ticker and "said (that) it" stand between the subject and its verb.
_TICKER_AFTER = r"^>?\s+(?:<[^<>]{1,12}>\s+)?"
_AUXILIARY = r"(?:(?:also|has|have|had|will|would|is|was)\s+)?(?P<word>[a-z][\w-]*)"
_NEXT_WORDS = (
    re.compile(_TICKER_AFTER + _AUXILIARY),
    re.compile(_TICKER_AFTER + r"(?:said|says)\s+(?:that\s+)?(?:it|they)\s+" + _AUXILIARY),
)


def _subject_of_asked_verb(fact: Fact, interp: Interpretation) -> bool:
    """Whether the word right after the name (an auxiliary aside) is one of the question's
    own words that is no name: the name is the subject of the asked verb ("<Name> operates
    ...", "<Name> also agreed to ...")."""
    own = set(interp.terms) - set(interp.names) - stems(interp.focus or "")
    context = _right_context(fact, 50)
    found = (pattern.match(context) for pattern in _NEXT_WORDS)
    return any(m is not None and bool(stems(m["word"]) & own) for m in found)


# "the report issued by the <Name>", "a study by <Name>", "figures released by <Name>": the
# name is the agent of the word or two before "by".
_BY_AGENT = re.compile(r"(?P<words>(?:[A-Za-z][\w-]*\s+){1,2})by\s+(?:the\s+)?$")


def _agent_of_asked_word(fact: Fact, interp: Interpretation) -> bool:
    """Whether the name follows "by" after one of the question's own words that is no name:
    it did what the question asks about ("the report issued by <Name>" for "Which body
    published the report ...?", "the study by <Name>" for "Whose study found ...?")."""
    own = set(interp.terms) - set(interp.names) - stems(interp.focus or "")
    offset = fact.start - fact.sentence_start
    m = _BY_AGENT.search(fact.sentence_text[max(0, offset - 40) : offset])
    return m is not None and bool(stems(m["words"]) & own)


# Kinds of body whose members carry the kind in their names or are called by it ("Bank of
# Orvane", "OrvaneBank", "the Harbour Workers Union"): a name built as a trading company's
# ("Tallis Company Ltd", "Orvane Industries Inc", "... Gas Association") is another kind.
_KIND_WORDS = {
    "bank": re.compile(r"ban[ck]|banque|banco", re.I),
    "banks": re.compile(r"ban[ck]|banque|banco", re.I),
    "union": re.compile(r"union", re.I),
    "party": re.compile(r"part(?:y|ie)|partei|partido", re.I),
}
# The lower-case words right before a name, which may call it by its kind ("the merchant
# bank <Name>"); not past another name ("<Name> Bank and <Name> Inc").
_CALLED = re.compile(r"(?:\b[a-z][\w'’-]*,?\s+){1,3}$")
_TRADING_ENDS = frozenset(
    {"inc", "corp", "co", "ltd", "plc", "llc", "company", "industries", "association"}
)


def _of_another_kind(fact: Fact, interp: Interpretation) -> bool:
    """Whether a name ends as a trading company's does and neither it nor the lower-case words
    right before it say the kind the question asks for ("Which bank ...?": "Harlow Traffic Co"
    is none, "Bank of Orvane Co Inc" and "the merchant bank Hollis Brothers Ltd" are)."""
    kind = _KIND_WORDS.get((interp.focus or "").lower())
    name = fact.text or _canonical(fact)
    if kind is None or _name_head(fact).replace(".", "") not in _TRADING_ENDS:
        return False
    before = fact.sentence_text[: fact.start - fact.sentence_start]
    called = _CALLED.search(before)
    return not (kind.search(name) or (called and kind.search(called.group())))


def _shares_a_name(fact: Fact, interp: Interpretation) -> bool:
    """Whether an organization's name holds a distinctive name the question gives: it is the
    question's subject, or part of it, rather than the answer. A common noun of English
    ("Hotels", "Power") names a kind of body, and two bodies of a kind are not one: only the
    other words count ("Ostra Hotels" for "... buy the Harbour Hotel" shares none)."""
    distinct = {
        stem
        for word in re.findall(r"[A-Za-z][\w'’-]*", fact.text)
        if not _common_noun(word)
        for stem in stems(word)
    }
    own = {w for w in distinct if len(w) > 2} - _COMPANY_HEADS
    return bool(own & (set(interp.names) - _COMPANY_HEADS))


def _common_noun(word: str) -> bool:
    """Whether lemminflect's English lexicon knows the word as a noun ("hotels", "power")."""
    return "NOUN" in getAllLemmas(word.lower())


def _named_bodies(interp: Interpretation) -> set[str]:
    """Entity ids of the organizations the question names, under any spelling the lexicon
    knows (an acronym is looked up in capitals)."""
    ids = set()
    for word in interp.name_words:
        for spelling in {word.upper(), word.title()} if len(word) <= 6 else {word.title()}:
            if (org := canonical_organization(spelling)) is not None:
                ids.add(org.entity_id)
    return ids


_MODIFIER = re.compile(
    r"-(?:led|backed|based|made|born|affiliated|brokered|owned|funded|run|allied)\b", re.I
)


def _modifier(fact: Fact, interp: Interpretation) -> bool:
    """A place written as a modifier ("US-led", "a US military ship") or as the agent after
    "by", except "<Place>-based" when the question asks where something is based."""
    if fact.kind == "country" and _attributive(fact):
        return True
    if _AGENT_BEFORE.search(fact.sentence_text[: _offset(fact)]) and not (
        _right_context(fact).startswith("-")  # "by the Orvane-based trader": his base
    ):
        return True  # "seized by Orvane and held aboard <Ship>": the agent, not where
    m = _MODIFIER.match(_right_context(fact))
    return m is not None and not (m.group(0).lower() == "-based" and "base" in interp.terms)


_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.I)
_COMMON_WORD_AFTER = re.compile(r"^\s+([a-z][\w'’-]*)")


def _attributive(fact: Fact) -> bool:
    """A country's name between an article and a common word ("a US military ship", "the
    Australian-flagged ...", "the UK government"): it says whose the thing is, not where; "in
    the Netherlands yesterday", "the US on Monday" still say where."""
    after = _COMMON_WORD_AFTER.match(_right_context(fact))
    return (
        _ARTICLE_BEFORE.search(fact.sentence_text[: _offset(fact)]) is not None
        and after is not None
        and after[1] not in function_words()
    )


def _offset(fact: Fact) -> int:
    return fact.start - fact.sentence_start


_COMPANY_NOUNS = frozenset(
    {"company", "companies", "firm", "firms", "maker", "makers", "manufacturer", "producer"}
    | {"supplier", "retailer", "broker", "insurer", "lender", "carrier", "subsidiary"}
    | {"corporation", "operator", "bank"}
)
# Last words of companies' names ("Mutual Shares Corp", "Brierley Investments Ltd").
_COMPANY_HEADS = frozenset(
    {"corp", "inc", "ltd", "co", "plc", "llc", "nv", "ag", "sa", "group", "holdings"}
    | {"industries", "corporation", "company", "bank", "bancorp"}
)
_AGENCY_NOUNS = frozenset(
    {"agency", "agencies", "authority", "authorities", "body", "regulator", "watchdog"}
)
# Last words of the names of public bodies ("State Police", "Wildlife Department").
_AGENCY_HEADS = frozenset(
    {"department", "police", "office", "agency", "service", "bureau", "administration"}
    | {"commission", "patrol", "authority", "ministry", "council", "force", "command"}
)


def _name_head(fact: Fact) -> str:
    """The last word of a name, lower case, without an abbreviation's period ("Ave.")."""
    words = _canonical(fact).lower().split() or fact.text.lower().split()
    return words[-1].rstrip(".") if words else ""


def _canonical(fact: Fact) -> str:
    return str(fact.value.get("canonical") or fact.value.get("name") or "")


def _right_context(fact: Fact, length: int = 20) -> str:
    end = fact.end - fact.sentence_start
    return fact.sentence_text[end : end + length]


def _noun_after(fact: Fact) -> str:
    """The word right after a name of two words or more, past a gloss in parentheses ("<Name>
    (OVU) group"); none after one word, which may be an adjective of the noun ("Islamic group")."""
    if " " not in fact.text.strip():
        return ""
    m = WORD_AFTER.match(_right_context(fact, 60))
    return m[1] if m else ""


def _left_context(fact: Fact) -> str:
    return fact.sentence_text[
        max(0, fact.start - fact.sentence_start - 40) : fact.end - fact.sentence_start
    ]


_PLACE_NOUNS = {
    "country": "country",
    "countries": "country",
    "city": "city",
    "town": "city",
    "village": "city",
    "region": "region",
    "province": "region",
    "state": "region",
    "states": "region",
}
_PLACE_SPECIFICITY = {
    "landmark": 1.0,
    "facility": 1.0,
    "city": 0.9,
    "place": 0.85,
    "region": 0.75,
    "country": 0.55,
}


def _origin(fact: Fact) -> bool:
    """Whether a place is written as where a body is based or a person is from ("the
    Miami-based ...", "a Dunmore native"), whichever reader stored it."""
    mentions = based_places(fact.sentence_text)
    return any(m.start == fact.start - fact.sentence_start for m in mentions)


def _where(session: Session, index: PassageBackend, interp: Interpretation) -> Handled:
    stored = gather(session, index, interp, field="places")
    taken = {(c.fact.article_id, c.fact.start) for c in stored}
    read = [
        c
        for c in recognised_places(session, index, interp)
        if (c.fact.article_id, c.fact.start) not in taken
    ]
    candidates = _most_specific(_not_in_question(stored + read, interp), interp)
    wanted_kind = _PLACE_NOUNS.get(interp.focus or "")
    if wanted_kind:
        candidates = [c for c in candidates if c.fact.kind == wanted_kind]
    if interp.focus == "origin":
        # "Where is Halbrook Corp based?": "the Miami-based Halbrook Corp" says it, when the
        # sentence names the asked body; any other place of the article is where it acted.
        names = [t for t in interp.terms if t in interp.names]
        origins = [
            c for c in candidates if _origin(c.fact) and overlap(names, c.fact.sentence_text) > 0
        ]
        candidates = origins or candidates
    heads = FOCUS_HEADS.get(interp.focus or "")
    if heads:
        # "Which hospital ...": a name of that kind answers, never a street beside it, and
        # none when the articles name no place of that kind
        candidates = [c for c in candidates if _name_head(c.fact) in heads]

    def phrase(c: Candidate) -> tuple[str, object]:
        v = c.fact.value
        name = _as_written(str(v.get("canonical") or v.get("name") or c.fact.text), c.fact.text)
        if v.get("near"):
            name = f"{name}, near {v['near']}"
        return name, v.get("entity_id") or name.lower()

    def strength(c: Candidate) -> float:
        return _PLACE_SPECIFICITY.get(c.fact.kind, 0.8)

    groups = group_by(
        candidates,
        lambda c: c.fact.value.get("entity_id") or c.fact.text.lower(),
        phrase,
        strength,
        agreement=False,
    )
    return groups, 0.85


def _day_precise(c: Candidate) -> bool:
    return str(c.fact.value.get("precision")) in ("day", "time")


# Generic nouns a place's name may end in: "the <Name> river" is the question's "<Name>".
_GENERIC_PLACE_WORDS = frozenset(
    {"river", "lake", "city", "town", "village", "island", "mountain", "mountains", "valley"}
    | {"range", "region", "state", "province", "district", "county", "bay", "sea", "ocean"}
)


def _most_specific(candidates: list[Candidate], interp: Interpretation) -> list[Candidate]:
    """Places that can answer "Where": not a nationality ("Danish"), nor a word that
    describes the place named next ("the Dutch border town of <Name>"), nor the owner of a place
    named within it ("<Town>'s Old Quarter": the part is the more specific), nor the question's
    own place with a generic noun after it ("the <Name> river")."""
    asked = set(interp.terms) | set(interp.names)
    starts = {(c.fact.article_id, c.fact.start) for c in candidates}
    nationalities = demonyms()
    out = []
    for c in candidates:
        text = c.fact.text
        if fold(text) in nationalities:
            continue
        sentence, end = c.fact.sentence_text, c.fact.end - c.fact.sentence_start
        if described_next(sentence, end):
            continue
        owned = _OWNER.match(sentence, end)
        if owned and (c.fact.article_id, c.fact.sentence_start + owned.end()) in starts:
            continue
        words = text.split()
        if len(words) > 1 and words[-1].lower() in _GENERIC_PLACE_WORDS:
            named = stems(" ".join(words[:-1]))
            if named and named <= asked:
                continue
        out.append(c)
    return out


_OWNER = re.compile(r"['’]s\s+")


def _when(session: Session, index: PassageBackend, interp: Interpretation) -> Handled:
    stored = gather(session, index, interp, field="dates")
    taken = {(c.fact.article_id, c.fact.start) for c in stored}
    read = [
        c
        for c in recognised_dates(session, index, interp)
        if (c.fact.article_id, c.fact.start) not in taken
    ]
    # What happened, in the question's words other than its names ("founded", "arrested"):
    # a date whose sentence and neighbours say none of it dates something else.
    happened = [t for t in interp.terms if t not in interp.names]
    candidates = [
        c
        for c in map(in_the_future, stored + read)
        if c.fact.value.get("role") != "publication"
        and c.fact.value.get("iso")
        and (interp.focus != "time" or c.fact.kind == "time")
        and (
            not happened
            or overlap(happened, *neighbours(c.article.text, c.fact), c.fact.sentence_text) > 0
        )
    ]

    if interp.ahead:
        # "When will the merger be completed?": no day before its article was written, nor the
        # day a dateline says it was filed
        candidates = [c for c in candidates if not _before_report(c) and not in_dateline(c.fact)]
    if interp.focus == "day" and any(_day_precise(c) for c in candidates):
        # "On what date ...": a year or a month alone does not say which day
        candidates = [c for c in candidates if _day_precise(c)]

    # The question's names pin the article, which names them once, in its lead ("the sale of
    # the <Inn>" ... "the deal should close by April 30"): held where the article says them.
    candidates = [
        replace(
            c,
            overlap=max(c.overlap, count_match(interp, c.article, c.fact)),
            bonus=c.bonus + nearness_bonus(c.fact, happened),
        )
        for c in candidates
    ]
    if any(asked_near(c.fact, happened) and not in_dateline(c.fact) for c in candidates):
        # "the deal should close by April 30": a date beside the asked event's words dates it;
        # a wire dateline's day is only when the story was filed.
        candidates = [c for c in candidates if not in_dateline(c.fact)]

    def phrase(c: Candidate) -> tuple[str, object]:
        iso = str(c.fact.value["iso"])
        return date_text(iso), iso

    def strength(c: Candidate) -> float:
        role = c.fact.value.get("role")
        precision = str(c.fact.value.get("precision"))
        base = {"time": 1.0, "day": 0.95, "month": 0.7, "year": 0.5}.get(precision, 0.7)
        # the sentence tells the event, not its report; the asked event word next to the date
        # ("arrested Sunday") says it is that event's date
        cue = event_cue(c.fact)
        cue = max(cue, 1.0) if asked_near(c.fact, happened) and not in_dateline(c.fact) else cue
        base *= 0.7 + 0.3 * cue
        return base if role in (None, "event") else base * 0.8

    # A time and its day in one sentence are one answer: prefer the more precise value.
    return group_by(candidates, lambda c: c.fact.value["iso"], phrase, strength), 0.85


def _before_report(c: Candidate) -> bool:
    """Whether a date lies wholly before its article's publication (at the date's precision:
    a month or a year is before only when it ended before the report's)."""
    published = c.article.published
    iso = str(c.fact.value["iso"])
    return published is not None and iso < published.isoformat()[: len(iso)]


def _who_said(session: Session, index: PassageBackend, interp: Interpretation) -> Handled:
    candidates = quote_speakers(session, index, interp, interp.quote) if interp.quote else []
    for c in gather(session, index, interp, field="quotes"):
        if not c.fact.value.get("speaker"):
            read = stored_quote_speaker(c)
            if read is None:
                continue
            c = read  # the speaker read around a quotation ingest kept without one
        quote_match = overlap(interp.terms, c.fact.value.get("quote") or c.fact.text)
        candidates.append(Candidate(c.fact, c.article, quote_match, c.retrieval))

    if not interp.quote:
        candidates += reported_speakers(session, index, interp)

    def phrase(c: Candidate) -> tuple[str, object]:
        v = c.fact.value
        return str(v["speaker"]), v.get("speaker_entity_id") or v["speaker"]

    return group_by(
        candidates,
        lambda c: c.fact.value.get("speaker_entity_id") or c.fact.value["speaker"],
        phrase,
        agreement=False,
    ), 0.9


def _who_is(session: Session, index: PassageBackend, interp: Interpretation) -> Handled:
    surname = (interp.focus or "").split()[-1] if interp.focus else ""
    found = gather(
        session,
        index,
        interp,
        field="people",
        name_like=surname,
        everywhere=True,
        keep=lambda value: _same_person(value.get("name"), interp.focus),
        score=False,  # a role is the match here, not the words around it
    )
    candidates = [
        _fuller_role(
            Candidate(
                c.fact, c.article, 1.0 if is_role(c.fact.value.get("role")) else 0.0, c.retrieval
            )
        )
        for c in found
    ]
    if not any(_says_who(c.fact.value.get("role")) for c in candidates):
        # no role stored, or only a title ("Dr"): read one next to the name ("Opposition MP
        # <Name>"); a title stays an answer when nothing more is written
        titled = [c for c in candidates if is_role(c.fact.value.get("role"))]
        candidates = [r for c in candidates[:READ_ROLES] if (r := _read_role(c)) is not None]
        candidates += titled
    if not candidates and interp.focus:
        candidates = _named_in_passages(session, index, interp, interp.focus)

    def phrase(c: Candidate) -> tuple[str, object]:
        v = c.fact.value
        return f"{v.get('name')}, {v.get('role')}", v.get("entity_id")

    roles = [c for c in candidates if is_role(c.fact.value.get("role"))]
    # "the unit's director, Professor <Name>" then "Professor <Name>" twice: the title alone,
    # however often written, says less than the role.
    described = {
        c.fact.value["entity_id"]
        for c in roles
        if c.fact.value.get("entity_id") and not is_title(c.fact.value["role"])
    }
    roles = [
        c
        for c in roles
        if not (is_title(c.fact.value["role"]) and c.fact.value.get("entity_id") in described)
    ]
    return group_by(
        roles, lambda c: (c.fact.value.get("entity_id"), c.fact.value.get("role")), phrase
    ), 0.9


def _says_who(role: object) -> bool:
    """A role that says who someone is beyond a title they are written with."""
    return is_role(role) and not is_title(role)


READ_ROLES = 20  # mentions of the name read for a role when none is stored (bounds the work)
READ_ROLE_MATCH = 0.9  # a role read at question time is a little less sure than a stored one


def _read_role(c: Candidate) -> Candidate | None:
    """The mention with the role written next to it (``roles.role_near``), as an unsaved fact
    whose span covers the role and the name, or None."""
    text = c.article.text
    role = role_near(text, c.fact.start, c.fact.end)
    if role is None:
        return None
    start, end = min(role.start, c.fact.start), max(role.end, c.fact.end)
    fact = Fact(
        article_id=c.fact.article_id,
        field="people",
        kind=c.fact.kind,
        value={**c.fact.value, "role": role.text},
        start=start,
        end=end,
        text=text[start:end],
        sentence_start=min(start, c.fact.sentence_start),
        sentence_end=max(end, c.fact.sentence_end),
        sentence_text=text[min(start, c.fact.sentence_start) : max(end, c.fact.sentence_end)],
    )
    return Candidate(fact, c.article, READ_ROLE_MATCH, c.retrieval)


def _fuller_role(c: Candidate) -> Candidate:
    """A stored role that is a bare noun ("officer") with the words written around it ("the
    service's chief executive officer"), when a role read next to the name holds it."""
    stored = str(c.fact.value.get("role") or "")
    if not is_role(stored) or len(stored.split()) > 1:
        return c
    read = _read_role(c)
    role = str(read.fact.value.get("role") or "") if read else ""
    if read is None or len(role) <= len(stored):
        return c
    if stored.lower() not in role.lower() and not is_title(stored):
        return c  # another role than the stored one, unless that is a bare title ("Officer")
    return Candidate(read.fact, read.article, c.overlap, c.retrieval)


def _named_in_passages(
    session: Session, index: PassageBackend, interp: Interpretation, name: str
) -> list[Candidate]:
    """The asked name where the best passages that hold it write it with a role (ingest stored
    no person for it), as candidates read like ``_read_role``'s."""
    out = []
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])")

    def naming(passage: Retrieved) -> bool:
        return pattern.search(passage.text) is not None

    for read in read_sentences(session, index, interp, READ_PASSAGES, keep=naming):
        text = read.article.text
        for m in pattern.finditer(text, read.start, read.end):
            value = {"name": name, "role": None, "entity_id": name.lower()}
            mention = Candidate(
                read.fact("people", "person", value, m.start(), m.end()),
                read.article,
                0.0,
                read.passage.relative_score,
            )
            if (found := _read_role(mention)) is not None:
                out.append(found)
    return out


READ_PASSAGES = 8  # passages read for a name ingest stored no person for


def _same_person(name: str | None, focus: str | None) -> bool:
    if not name or not focus:
        return False
    a, b = name.lower().split(), focus.lower().split()
    if len(a) > 2 and len(b) > 2 and a[1:-1] != b[1:-1]:
        return False  # "Ahmad Shah <Surname>" is not "Ahmad Wali <Surname>": brothers
    return a[-1] == b[-1] and (len(a) == 1 or len(b) == 1 or a[0] == b[0])


def _who_role(session: Session, index: PassageBackend, interp: Interpretation) -> Handled:
    """Stored people whose role holds every word of the asked one; then people the passages
    write with the asked role's head noun (``role_holders``), scored by how well it fits."""
    focus = interp.focus or ""
    role_stems = stems(focus)
    heads = [stems(form) for form in head_forms(role_head(focus))]
    terms = frozenset(interp.terms)
    candidates = []
    for c in gather(session, index, interp, field="people"):
        role = c.fact.value.get("role") or ""
        if (
            not role_stems
            or not any(head <= stems(role) for head in heads)
            or under_role(focus, role)
            or not names_near(interp, c.fact, c.article.text)
        ):
            continue
        said = overlap(interp.terms, f"{role} {c.fact.sentence_text}")
        # The head noun with other words ("Australian captain" for "South African ...") fits
        # as well as its words do; a role holding every asked word fits at least as its
        # sentence matches.
        match = 0.5 * role_fit(focus, role, terms) + 0.5 * said
        if role_stems <= stems(role):
            match = max(match, said)
        candidates.append(Candidate(c.fact, c.article, match, c.retrieval))
    for read in recognised_role_holders(session, index, interp):
        # a stored fact may name this holder already: the better read of the two stays (the
        # stored "director" of "the charity's executive director, <Name>," fits less)
        same = [
            c
            for c in candidates
            if c.fact.article_id == read.fact.article_id
            and read.fact.start <= c.fact.start < read.fact.end
        ]
        if all(c.score < read.score for c in same):
            candidates = [c for c in candidates if all(c is not x for x in same)] + [read]

    def phrase(c: Candidate) -> tuple[str, object]:
        return str(c.fact.value.get("name")), c.fact.value.get("entity_id")

    return group_by(candidates, _person_key, phrase, agreement=False), 0.9


def _person_key(c: Candidate) -> str:
    """A person's group: their entity id, or their name as written."""
    value = c.fact.value
    return str(value.get("entity_id") or " ".join(str(value.get("name", "")).lower().split()))


def _who(session: Session, index: PassageBackend, interp: Interpretation) -> Handled:
    # "What is the name of the 18-year-old ...?" asks for a person; "Who ...?" may be a body
    asks_bodies = interp.field == "organizations"
    groups = _entities(session, index, interp, "organizations") if asks_bodies else []
    bodies = [c.fact for g in groups for c in g.members]
    people = _entities(session, index, interp, "people") + _acting(session, index, interp)
    groups += [g for g in people if not _within_a_body(g, bodies)]
    return sorted(groups, key=lambda g: -g.score), 0.6


def _within_a_body(group: Group, bodies: list[Fact]) -> bool:
    """Whether every mention of a person is part of an organization's name ("Land Partners"
    in "Corbel Land Partners"): it names the body, not a person."""
    return all(
        any(
            b.article_id == c.fact.article_id and b.start <= c.fact.start and c.fact.end <= b.end
            for b in bodies
        )
        for c in group.members
    )


ACTING_MATCH = 0.5  # of the question's words the sentence must hold
# The subject of the question's own verb answers it surer than another name of its sentence
# ("<Name> is the head of <Body>, where <Other> worshipped" for "Who heads <Body>?").
ACTING_BONUS = 0.1


def _acting(session: Session, index: PassageBackend, interp: Interpretation) -> list[Group]:
    """People the best passages write as the subject of the question's own verb ("<Name> will
    control ..." for "Who will control ...?"), read at question time: ingest may have stored
    the person in another sentence only, or not at all."""
    verbs = frozenset(interp.terms[:1])  # "Who <verb> ...": its first content word
    candidates = []
    for read in read_sentences(session, index, interp, ACTING_PASSAGES):
        match = overlap(interp.terms, read.text)
        if match < ACTING_MATCH or not verbs:
            continue
        for m in acting_people(read.article.text, read.start, read.end, verbs):
            value = {"name": m.key, "role": None}
            fact = read.fact("people", "person", value, m.start, m.end)
            candidates.append(
                Candidate(fact, read.article, match, read.passage.relative_score, ACTING_BONUS)
            )

    def phrase(c: Candidate) -> tuple[str, object]:
        return str(c.fact.value["name"]), c.fact.value["name"]

    return group_by(candidates, lambda c: c.fact.value["name"], phrase, agreement=False)


ACTING_PASSAGES = 6


def _passage_answer(session: Session, index: PassageBackend, interp: Interpretation) -> Handled:
    return [], 1.0


HANDLERS = {
    "how_many": how_many,
    "what": _what,
    "where": _where,
    "when": _when,
    "who_said": _who_said,
    "who_is": _who_is,
    "who_role": _who_role,
    "who": _who,
    "passage": _passage_answer,
}
