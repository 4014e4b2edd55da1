"""Answers about one event the question pins (by date, address or a person it names): the
articles ``events.pin`` keeps are read (their first ``READ_CHARS`` characters), candidates come
from their stored facts and from the recognisers, and each is scored by where the article
states it (headline and opening first), what its sentence says (a suspect's or a victim's
side), how often it is said and how many pinned articles agree.

A candidate found at question time has no stored fact; it is carried as a transient ``Fact``
(never added to a session) so answers from both sources cite the same way. Reading the pinned
articles is ``pinned_reading``; the place of the event is ``event_places``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from sqlmodel import Session

from corpus.facts.dates import read_dates
from corpus.tables import Article, Fact
from search.answer.candidates import Candidate, overlap, retrieve, stems
from search.answer.compose import (
    Group,
    figure_key,
    figure_phrase,
    group_by,
    qualifier_strength,
    said_by,
)
from search.answer.dates import asked_near, date_text, event_cue
from search.answer.event_places import event_places
from search.answer.events import Pinned, pin
from search.answer.persons import bystander, local_side, person_mentions, sentence_side
from search.answer.pinned_reading import (
    article_weights,
    body_start,
    by_frequency,
    constraint_words,
    position_weight,
    readable,
    sentence_at,
    sentence_spans,
    stored_facts,
    transient,
)
from search.answer.questions import Interpretation, stems_of
from search.answer.recognisers import (
    Mention,
    casualty_counts,
)
from search.answer.singular import singular_casualties
from search.backend import PassageBackend


@dataclass(frozen=True, slots=True)
class PinnedAnswer:
    """Ranked groups from the pinned articles, or why no article matched."""

    groups: list[Group]
    scale: float
    articles: tuple[int, ...]
    no_article: bool = False


def pins_event(interp: Interpretation) -> bool:
    """True when the question names its event precisely enough (a date, an address or a
    person) and asks for a count, a person, a date, a place or a body, or asks for a person
    on one side of an event in a place it names."""
    c = interp.constraints
    if not (c.dates or c.address or c.people):
        # "Who was arrested after ... in <Town>?": a side of an event in a named place.
        if interp.answer_type == "person":
            return bool(c.places) and interp.role is not None
        if interp.answer_type == "count":
            # "How many people were shot in <Town> on Friday?": a town and a day name one
            # local incident; a count of other victims ("How many soldiers ...") or one
            # without a day is left to the passages, which weigh the victims asked for.
            return (
                interp.field == "casualties"
                and bool(c.places)
                and interp.focus is None
                and bool(_weekday_stems() & set(interp.terms))
            )
        # "When was the shooting at the <Town> party?", "Where in <Town> was the boy shot?",
        # "Which police department ... the shooting in <Town>?": an incident in a named place
        # is the event of the articles that name the place.
        return (
            bool(c.places)
            and interp.answer_type in ("date", "place", "organization")
            and bool(_INCIDENT.search(" ".join(interp.terms)))
        )
    if interp.answer_type == "count":
        return interp.field == "casualties"
    if interp.answer_type == "person":
        return interp.role is not None
    if interp.answer_type == "organization":
        # "Which sheriff's office is investigating the deaths of <Name> and <Name>?": the
        # body of the asked kind in the articles about the event the question names
        return bool(_INCIDENT.search(" ".join(interp.terms)))
    if interp.answer_type not in ("date", "place"):
        return False
    # A person alone pins an incident that happened to them ("When was <Name> shot?"), not
    # what they did or said ("When did <Name> first warn Congress?", "Where is <Co> based?").
    return bool(c.dates or c.address) or bool(_INCIDENT.search(" ".join(interp.terms)))


@cache
def _weekday_stems() -> frozenset[str]:
    """The stems of the weekdays' names and of "yesterday", "tonight", as question terms."""
    return stems_of(" ".join([*calendar.day_name, "yesterday", "tonight"]))


LOOSE_MARGIN = 0.9  # articles pinned by a place alone within this share of the best are read


def pins_loosely(interp: Interpretation) -> bool:
    """True when only a place pins the event of a "When" or "Where" question, or the question
    asks for a body: the pinned articles are read first, and when they do not answer, the best
    passages may."""
    c = interp.constraints
    if interp.answer_type == "organization":
        return True  # a body the pinned articles do not name may still be in the passages
    asked = interp.answer_type in ("date", "place") or (
        interp.answer_type == "count" and interp.field == "casualties"
    )
    return asked and not (c.dates or c.address or c.people)


# Stems of words that tell an incident (the question's content terms are stemmed).
_INCIDENT = re.compile(
    r"\b(?:kill|di|dead|death|shot|shoot|wound|injur|hurt|murder|slain|stab|attack|fire|"
    r"crash|explos|bomb|robberi|rob|accid|incid|homicid|arrest|fatal|gun\w*|slai|slay|bodi)\b"
)


def answer_pinned(session: Session, index: PassageBackend, interp: Interpretation) -> PinnedAnswer:
    """Candidates from the articles about the question's event, best group first."""
    pinned = pin(session, index, interp, interp.constraints)
    if not pinned:
        return PinnedAnswer([], 1.0, (), no_article=True)
    if pins_loosely(interp):
        # Several articles name the town, about other events in it: only those that match the
        # question nearly as well as the best one are about its event.
        pinned = [p for p in pinned if p.score >= LOOSE_MARGIN * pinned[0].score]
    ids = tuple(p.article.id or 0 for p in pinned)
    if interp.answer_type == "count":
        return PinnedAnswer(_counts(session, pinned, interp), 1.0, ids)
    if interp.answer_type == "person":
        return PinnedAnswer(_people(pinned, interp), 0.9, ids)
    if interp.answer_type == "date":
        return PinnedAnswer(_dates(session, pinned, interp), 0.9, ids)
    if interp.answer_type == "organization":
        return PinnedAnswer(_bodies(session, pinned, interp), 0.9, ids)
    return PinnedAnswer(event_places(session, pinned, interp), 0.9, ids)


def _bodies(session: Session, pinned: Sequence[Pinned], interp: Interpretation) -> list[Group]:
    """Bodies of the asked kind the articles about the event name: a stored organization
    whose name ends in a word of the question's own ("Which police department ...?":
    "<Town> Police Department", "<County> police"; "Which sheriff's office ...?": "<County>
    Sheriff's Office"), scored by the article's pin, where it stands, and how much of the
    question its sentence holds."""
    weights = article_weights(pinned)
    articles = {p.article.id: p.article for p in pinned}
    kind = set(interp.terms) - set(interp.names)
    candidates = []
    for fact in stored_facts(session, list(weights), "organizations", None):
        name = str(fact.value.get("canonical") or fact.value.get("name") or fact.text)
        words = re.sub(r"['’]s$", "", name).split()
        head = stems(words[-1]) if words else frozenset()
        if not head or not head <= kind:
            continue
        article = articles[fact.article_id]
        match = (0.7 + 0.3 * overlap(interp.terms, fact.sentence_text)) * position_weight(
            article, fact.start
        )
        candidates.append(Candidate(fact, article, match, weights[fact.article_id]))

    def phrase(c: Candidate) -> tuple[str, object]:
        value = c.fact.value
        return str(value.get("canonical") or value.get("name") or c.fact.text), key(c)

    def key(c: Candidate) -> str:
        value = c.fact.value
        return str(value.get("entity_id") or value.get("name") or c.fact.text).lower()

    return group_by(by_frequency(candidates, key), key, phrase)


BEST_ARTICLE_MATCH = 0.9  # the share of the question's words its best passages must hold
BEST_ARTICLE_PASSAGES = 5  # of the best passages, those of the best one's article are read


def answer_best_article(
    session: Session, index: PassageBackend, interp: Interpretation
) -> PinnedAnswer:
    """A "When" question that names no event the corpus knows ("the 4-year-old <Town> boy", a
    town no gazetteer holds) but whose words one article's best passages hold nearly all of:
    that article is read as the event's, as a pinned article is (its date may stand in another
    paragraph than the passages). Not for "Where": a passage that names the place answers
    better than an article's most stated place."""
    passages = retrieve(index, interp.terms)[:BEST_ARTICLE_PASSAGES]
    if not passages:
        return PinnedAnswer([], 1.0, (), no_article=True)
    best = passages[0].article_id
    texts = [p.text for p in passages if p.article_id == best]  # its headline and opening
    if overlap(interp.terms, *texts) < BEST_ARTICLE_MATCH:
        return PinnedAnswer([], 1.0, (), no_article=True)
    article = session.get(Article, best)
    if article is None:
        return PinnedAnswer([], 1.0, (), no_article=True)
    pinned = [Pinned(article, 1.0, 1.0)]
    ids = (article.id or 0,)
    return PinnedAnswer(_dates(session, pinned, interp), 0.9, ids)


def _counts(session: Session, pinned: Sequence[Pinned], interp: Interpretation) -> list[Group]:
    kind = interp.kind or "killed"
    candidates = _count_candidates(session, pinned, kind)
    if kind == "shot":
        candidates += _shot_totals(session, pinned)
    if interp.constraints.address:
        candidates = [_by_address(c, interp.constraints.address) for c in candidates]
    candidates = [c for c in candidates if said_by(c, interp.source)]
    return group_by(
        by_frequency(candidates, lambda c: str(figure_key(c))),
        figure_key,
        figure_phrase,
        qualifier_strength,
    )


def _count_candidates(session: Session, pinned: Sequence[Pinned], kind: str) -> list[Candidate]:
    """Casualty figures of ``kind`` the pinned articles state: stored facts, and counts the
    recogniser reads that no stored fact holds."""
    weights = article_weights(pinned)
    articles = {p.article.id: p.article for p in pinned}
    candidates = []
    stored = stored_facts(session, list(weights), "casualties", kind)
    for fact in stored:
        article = articles[fact.article_id]
        place = position_weight(article, fact.start)
        candidates.append(Candidate(fact, article, place, weights[fact.article_id]))
    taken = {(f.article_id, f.start) for f in stored} | {(f.article_id, f.end) for f in stored}
    for p in pinned:
        article = p.article
        text = readable(article)
        for mention, number in casualty_counts(text, 0, len(text), kind):
            if (article.id, mention.start) in taken or (article.id, mention.end) in taken:
                continue  # the stored fact already says it
            value = {"min": number, "max": number, "victims": None}
            fact = transient(article, mention, "casualties", value)
            fact.kind, fact.qualifier = kind, "exact"
            place = position_weight(article, mention.start)
            candidates.append(Candidate(fact, article, place, weights[article.id or 0]))
    counted = {c.fact.article_id for c in candidates}
    for p in pinned:
        if p.article.id in counted:
            continue  # an article that states a figure is not read for a lone victim
        text = readable(p.article)
        for mention in singular_casualties(text, kind):
            fact = transient(
                p.article, mention, "casualties", {"min": 1, "max": 1, "victims": None}
            )
            fact.kind, fact.qualifier = kind, "exact"
            place = position_weight(p.article, mention.start) * SINGULAR_WEIGHT
            candidates.append(Candidate(fact, p.article, place, weights[p.article.id or 0]))
    return candidates


SINGULAR_WEIGHT = 0.8  # one victim told without a number ("a man was shot") is a weaker figure


ADDRESS_FAR = 0.7  # a figure told away from the asked street, in an article about several


def _by_address(c: Candidate, address: Sequence[str]) -> Candidate:
    """A figure weighed by whether its sentence, or the one before it, names the street the
    question asks about: a round-up of several shootings gives each its own street ("20 hurt
    across the city ... seven wounded at a party on Elm St."). Unchanged when the article
    never names the street near a figure of its own."""
    text = readable(c.article)
    spans = sentence_spans(text)
    here, _, _ = sentence_at(text, c.fact.start)
    window = " ".join(text[s:e] for s, e in spans[max(0, here - 1) : here + 1]).lower()
    words = [w for w in address if not w[:1].isdigit()] or list(address)
    held = sum(re.search(rf"\b{re.escape(w)}\b", window) is not None for w in words)
    if held * 2 >= len(words):
        return c
    return replace(c, overlap=c.overlap * ADDRESS_FAR)


SUM_WEIGHT = 0.9  # a total added up from two figures is a little less sure than a stated one
ONE_KIND_WEIGHT = 0.8


def _shot_totals(session: Session, pinned: Sequence[Pinned]) -> list[Candidate]:
    """Everyone shot, added up where an article states its dead and its wounded apart ("one
    man died and three were wounded": 4): the first exact figure of each kind, both cited."""
    killed = _count_candidates(session, pinned, "killed")
    injured = _count_candidates(session, pinned, "injured")
    out = []
    for p in pinned:
        dead, wounded = _first_exact(killed, p.article.id), _first_exact(injured, p.article.id)
        if wounded is not None:
            after = p.article.text[wounded.fact.start : wounded.fact.end + 40]
            if re.search(r"\bshot\b(?!\s+and\s+killed)", after, re.I):
                continue  # "4 shot": a count of everyone shot already, not the wounded alone
        parts = [c for c in (dead, wounded) if c is not None]
        # One kind alone ("a man was shot and killed") is the total, less surely.
        weight = SUM_WEIGHT if len(parts) == 2 else ONE_KIND_WEIGHT
        total = sum(int(c.fact.value["min"]) for c in parts)
        for c in parts:
            fact = Fact(**{**c.fact.model_dump(), "value": {"min": total, "max": total}})
            fact.kind, fact.qualifier = "shot", "exact"
            out.append(replace(c, fact=fact, overlap=c.overlap * weight))
    return out


def _first_exact(candidates: Sequence[Candidate], article_id: int | None) -> Candidate | None:
    exact = [
        c
        for c in candidates
        if c.fact.article_id == article_id
        and c.fact.qualifier in (None, "exact")
        and c.fact.value.get("min") is not None
        and c.fact.value.get("min") == c.fact.value.get("max")
    ]
    return min(exact, key=lambda c: c.fact.start, default=None)


def _people(pinned: Sequence[Pinned], interp: Interpretation) -> list[Group]:
    """People on the asked side of the event: each name's sentence (and, more weakly, the one
    before it) is read for suspect cues (arrested, charged, shooter...), death cues (died,
    killed...) and injury cues (wounded, victim...)."""
    weights = article_weights(pinned)
    asked = {w.lower() for p in interp.constraints.people for w in p.split()}
    candidates = []
    for p in pinned:
        article = p.article
        text = readable(article)
        mentions = sorted(person_mentions(text), key=lambda m: m.start)
        names = _full_names(mentions)
        spans = sentence_spans(text)
        for m, name in zip(mentions, names, strict=True):
            if not name or m.key in asked:
                continue
            here, start, end = sentence_at(text, m.start)
            side = _side(text[start:end], interp)
            suspect, death, injury = local_side(text, m.start, m.end)
            side += 2 * _weigh(suspect, death, injury, interp)
            if interp.role == "suspect":
                side -= injury  # "<Name>, who was shot in the face": hurt, not the shooter
            if here > 0:
                before = spans[here - 1]
                side += 0.5 * _side(text[before[0] : before[1]], interp)
            if side < 0:
                continue  # on the other side of the event
            # A person the article names without saying what they did is a weak answer.
            strength = 0.4 + 0.2 * side if side > 0 else 0.25
            match = min(1.0, strength) * m.weight * position_weight(article, m.start)
            if bystander(text, m.start, m.end):
                match *= 0.6  # a relative or a quoted speaker talks about the event
            fact = transient(article, m, "people", {"name": name, "role": interp.role})
            candidates.append(Candidate(fact, article, match, weights[article.id or 0]))

    def phrase(c: Candidate) -> tuple[str, object]:
        return str(c.fact.value["name"]), c.fact.value["name"]

    return group_by(by_frequency(candidates, _key), _key, phrase)


def _full_names(mentions: Sequence[Mention]) -> list[str | None]:
    """Each mention's full name: its own, or for a surname alone the last full name with that
    surname before it (the first after it when none comes before)."""
    last: dict[str, str] = {}
    first: dict[str, str] = {}
    for m in mentions:
        if len(m.text.split()) > 1:
            first.setdefault(m.key, m.text)
    out: list[str | None] = []
    for m in mentions:
        if len(m.text.split()) > 1:
            last[m.key] = m.text
            out.append(m.text)
        else:
            out.append(last.get(m.key) or first.get(m.key))
    return out


def _side(sentence: str, interp: Interpretation) -> float:
    """How strongly a sentence puts a person on the asked side of the event."""
    return _weigh(*sentence_side(sentence), interp)


def _weigh(suspect: int, death: int, injury: int, interp: Interpretation) -> float:
    """Cues for the asked side count, cues for the other side count against."""
    if interp.role == "suspect":
        return suspect - 0.5 * death
    if interp.kind == "injured":
        return injury + 0.5 * death - suspect
    return death + 0.5 * injury - suspect


def _key(c: Candidate) -> str:
    return " ".join(str(c.fact.value.get("name", "")).lower().split())


def _dates(session: Session, pinned: Sequence[Pinned], interp: Interpretation) -> list[Group]:
    """The event's day: dates the pinned articles state (weekdays and "yesterday" resolved
    against publication at ingest), near an event word or the question's person, on or before
    publication. An article that states no date answers with its publication day, weakly,
    citing its headline: local news reports an event the day it happens or the next."""
    weights = article_weights(pinned)
    articles = {p.article.id: p.article for p in pinned}
    person_words = {w.lower() for p in interp.constraints.people for w in p.split()}
    named = stems(" ".join(constraint_words(interp)))
    words = tuple(t for t in interp.terms if t not in named)
    later = _LATER_EVENTS.intersection(words)
    if later and not any(later & stems(readable(p.article)) for p in pinned):
        return []  # "When was <Name> sentenced?": the articles tell the shooting, not that
    # "In what year ...?": a year answers it, and is all an old event is often dated by
    yearly = interp.focus == "year"
    size = 4 if yearly else 10
    candidates = []
    for fact in stored_facts(session, list(weights), "dates", None):
        value = fact.value
        iso = str(value.get("iso") or "")[:size]
        precise = yearly or value.get("precision") in ("day", "time")
        if value.get("role") == "publication" or len(iso) < size or not precise:
            continue
        article = articles[fact.article_id]
        if article.published and iso > article.published.isoformat():
            continue  # a court date or funeral to come is not when it happened
        match = _date_match(article, fact, person_words, words)
        candidates.append(Candidate(fact, article, match, weights[fact.article_id]))
    for p in pinned:
        if p.article.published is None:
            candidates += _undated(p.article, weights[p.article.id or 0], person_words, words)
    dated = {c.fact.article_id for c in candidates}
    for p in pinned:
        if p.article.id not in dated and p.article.published is not None:
            candidates.append(_published(p.article, weights[p.article.id or 0]))

    def phrase(c: Candidate) -> tuple[str, object]:
        iso = str(c.fact.value["iso"])[:size]
        return (iso if yearly else date_text(iso)), iso

    return group_by(candidates, lambda c: str(c.fact.value["iso"])[:size], phrase)


# Stems of events that follow an incident on days of their own (an arrest, a sentence, a
# funeral): asked about one, an article that never tells it cannot date it.
_LATER_EVENTS = frozenset(
    {"arrest", "sentenc", "convict", "indict", "arraign", "plead", "acquitt", "funer", "buri"}
    | {"vigil", "trial", "extradit", "releas", "charg"}
)


def _undated(
    article: Article, weight: float, person_words: set[str], words: Sequence[str]
) -> list[Candidate]:
    """The days an article without a publication date writes ("on October 2", "on Monday
    night"), read now: ingest stores no date it cannot give a year; they are answered as
    written, without one."""
    text = readable(article)
    out = []
    for m in read_dates(text, weekdays=True):
        if m.precision not in ("day", "weekday"):
            continue
        mention = Mention(m.start, m.end, m.text, m.iso)
        fact = transient(article, mention, "dates", {"iso": m.iso, "precision": m.precision})
        match = _date_match(article, fact, person_words, words)
        out.append(Candidate(fact, article, match, weight))
    return out


def _date_match(
    article: Article, fact: Fact, person_words: set[str], words: Sequence[str]
) -> float:
    """How surely a date tells the event: its sentence tells the event (not when it was said),
    names the question's person, holds the question's other words ("arrested"), and sits
    early in the article."""
    near = 1.0 if any(w in fact.sentence_text.lower() for w in person_words) else 0.9
    said = 0.7 + 0.3 * overlap(words, fact.sentence_text) if words else 1.0
    cue = event_cue(fact)
    if asked_near(fact, words):
        # "was arrested Sunday" for "When was <Name> arrested?": the asked event's own date
        cue = max(cue, 1.0)
    elif words:
        cue *= ASKED_FAR  # "released on Saturday the names of those shot on Friday"
    return cue * near * said * position_weight(article, fact.start)


ASKED_FAR = 0.9  # a date whose neighbouring words are none of the question's event words


def _published(article: Article, weight: float) -> Candidate:
    """The article's publication day as a weak date answer, citing its headline."""
    assert article.published is not None
    body = body_start(article)
    end = len(article.text[: max(body - 2, 0)].rstrip()) or min(len(article.text), 200)
    headline = Mention(0, end, article.text[:end], "published")
    value = {"iso": article.published.isoformat(), "precision": "day", "role": "publication"}
    fact = transient(article, headline, "dates", value)
    fact.sentence_start, fact.sentence_end, fact.sentence_text = 0, end, article.text[:end]
    return Candidate(fact, article, 0.5, weight)
