"""Answers about one event the question pins (by date, address or a person it names): the
articles ``events.pin`` keeps are read (their first ``READ_CHARS`` characters), candidates come
from their stored facts and from the recognisers, and each is scored by where the article
states it (headline and opening first), what its sentence says (a suspect's or a victim's
side), how often it is said and how many pinned articles agree.

A candidate found at question time has no stored fact; it is carried as a transient ``Fact``
(never added to a session) so answers from both sources cite the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from sqlmodel import Session, col, select

from corpus.facts.dates import read_dates
from corpus.tables import Article, Fact
from search.answer.candidates import Candidate, overlap, stems
from search.answer.compose import Group, figure_key, figure_phrase, group_by, qualifier_strength
from search.answer.dates import date_text, event_cue
from search.answer.events import Pinned, pin
from search.answer.locatives import (
    FOCUS_HEADS,
    SPECIFIC_WEIGHT,
    head_word,
    locative_places,
    named_facilities,
)
from search.answer.persons import bystander, local_side, person_mentions, sentence_side
from search.answer.questions import Interpretation
from search.answer.recognisers import (
    Mention,
    casualty_counts,
    dateline_place,
    located_places,
    neighbourhoods,
    police_towns,
)
from search.backend import PassageBackend

# Where in an article a statement sits says how central it is: a headline or opening sentence
# states the event; later paragraphs add background, other events, a roundup's totals.
HEADLINE_WEIGHT = 1.0
READ_CHARS = 20_000  # news-dev's longest body is 12,000 characters; bounds a huge upload
OPENING_CHARS = 600


@dataclass(frozen=True, slots=True)
class PinnedAnswer:
    """Ranked groups from the pinned articles, or why no article matched."""

    groups: list[Group]
    scale: float
    articles: tuple[int, ...]
    no_article: bool = False


def pins_event(interp: Interpretation) -> bool:
    """True when the question names its event precisely enough (a date, an address or a
    person) and asks for a count, a person, a date or a place, or asks for a person on one
    side of an event in a place it names."""
    c = interp.constraints
    if not (c.dates or c.address or c.people):
        # "Who was arrested after ... in <Town>?": a side of an event in a named place.
        return bool(c.places) and interp.answer_type == "person" and interp.role is not None
    if interp.answer_type == "count":
        return interp.field == "casualties"
    if interp.answer_type == "person":
        return interp.role is not None
    return interp.answer_type in ("date", "place")


def answer_pinned(session: Session, index: PassageBackend, interp: Interpretation) -> PinnedAnswer:
    """Candidates from the articles about the question's event, best group first."""
    pinned = pin(session, index, interp, interp.constraints)
    if not pinned:
        return PinnedAnswer([], 1.0, (), no_article=True)
    ids = tuple(p.article.id or 0 for p in pinned)
    if interp.answer_type == "count":
        return PinnedAnswer(_counts(session, pinned, interp), 1.0, ids)
    if interp.answer_type == "person":
        return PinnedAnswer(_people(pinned, interp), 0.9, ids)
    if interp.answer_type == "date":
        return PinnedAnswer(_dates(session, pinned, interp), 0.9, ids)
    return PinnedAnswer(_places(session, pinned, interp), 0.9, ids)


def _weights(pinned: Sequence[Pinned]) -> dict[int, float]:
    best = pinned[0].score or 1.0
    return {p.article.id or 0: p.score / best for p in pinned}


def _readable(article: Article) -> str:
    """The part of an article the recognisers read: its first ``READ_CHARS`` characters (a
    prefix, so offsets into it are offsets into the article)."""
    return article.text[:READ_CHARS]


def _body_start(article: Article) -> int:
    """Where the body starts: after the headline's blank line, or 0."""
    cut = article.text.find("\n\n")
    return cut + 2 if 0 <= cut < 400 else 0


def _position(article: Article, offset: int) -> float:
    """1 in the headline, 0.9 in the opening, falling to 0.5 deep in the article."""
    body = _body_start(article)
    if offset < body:
        return HEADLINE_WEIGHT
    depth = offset - body
    if depth < OPENING_CHARS:
        return 0.9
    return max(0.5, 0.9 - 0.1 * (depth - OPENING_CHARS) / OPENING_CHARS)


def _facts(session: Session, ids: Sequence[int], field: str, kind: str | None) -> list[Fact]:
    # ``x || ''`` keeps SQLite on ix_fact_article_id (a few articles' facts) rather than
    # ix_fact_field or ix_fact_kind, which would walk every fact of the field in the corpus.
    query = select(Fact).where(
        col(Fact.article_id).in_(sorted(ids)),
        col(Fact.field).concat("") == field,
        col(Fact.start) < READ_CHARS,  # the part of the article the recognisers read too
    )
    if kind:
        query = query.where(col(Fact.kind).concat("") == kind)
    return list(session.exec(query.order_by(col(Fact.article_id), col(Fact.start))).all())


def _counts(session: Session, pinned: Sequence[Pinned], interp: Interpretation) -> list[Group]:
    kind = interp.kind or "killed"
    candidates = _count_candidates(session, pinned, kind)
    if kind == "shot":
        candidates += _shot_totals(session, pinned)
    return group_by(
        _by_frequency(candidates, lambda c: str(figure_key(c))),
        figure_key,
        figure_phrase,
        qualifier_strength,
    )


def _count_candidates(session: Session, pinned: Sequence[Pinned], kind: str) -> list[Candidate]:
    """Casualty figures of ``kind`` the pinned articles state: stored facts, and counts the
    recogniser reads that no stored fact holds."""
    weights = _weights(pinned)
    articles = {p.article.id: p.article for p in pinned}
    candidates = []
    stored = _facts(session, list(weights), "casualties", kind)
    for fact in stored:
        article = articles[fact.article_id]
        place = _position(article, fact.start)
        candidates.append(Candidate(fact, article, place, weights[fact.article_id]))
    taken = {(f.article_id, f.start) for f in stored} | {(f.article_id, f.end) for f in stored}
    for p in pinned:
        article = p.article
        text = _readable(article)
        for mention, number in casualty_counts(text, 0, len(text), kind):
            if (article.id, mention.start) in taken or (article.id, mention.end) in taken:
                continue  # the stored fact already says it
            value = {"min": number, "max": number, "victims": None}
            fact = _transient(article, mention, "casualties", value)
            fact.kind, fact.qualifier = kind, "exact"
            place = _position(article, mention.start)
            candidates.append(Candidate(fact, article, place, weights[article.id or 0]))
    return candidates


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


# Sentence ends for reading cues around a mention: a stop, then space, then a capital or a
# quote. Cheaper than the ingest splitter (a question reads whole articles); an abbreviation
# ("Sgt.") may end a sentence early, which only narrows the window read.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])|\n+")


@lru_cache(maxsize=64)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``, stripped of surrounding space."""
    spans = []
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        if m:
            start = m.end()
    return tuple(spans)


def _sentence_at(text: str, offset: int) -> tuple[int, int, int]:
    """(index, start, end) of the sentence holding ``offset`` (the nearest before it)."""
    spans = _sentence_spans(text)
    i = max(0, bisect_right(spans, (offset, len(text) + 1)) - 1)
    if not spans:
        return 0, 0, len(text)
    return i, spans[i][0], spans[i][1]


_KINDS = {"people": "person", "places": "city", "dates": "date", "casualties": "killed"}


def _transient(article: Article, mention: Mention, field: str, value: Mapping[str, object]) -> Fact:
    """A recognised mention as an unsaved fact (for grouping and citing only)."""
    assert article.id is not None
    _, s_start, s_end = _sentence_at(_readable(article), mention.start)
    s_start, s_end = min(s_start, mention.start), max(s_end, mention.end)
    return Fact(
        article_id=article.id,
        field=field,
        kind=_KINDS.get(field, field),
        value=dict(value),
        start=mention.start,
        end=mention.end,
        text=mention.text,
        sentence_start=s_start,
        sentence_end=s_end,
        sentence_text=article.text[s_start:s_end],
    )


def _sentence_of(article: Article, offset: int) -> str:
    _, start, end = _sentence_at(_readable(article), offset)
    return article.text[start:end]


def _people(pinned: Sequence[Pinned], interp: Interpretation) -> list[Group]:
    """People on the asked side of the event: each name's sentence (and, more weakly, the one
    before it) is read for suspect cues (arrested, charged, shooter...), death cues (died,
    killed...) and injury cues (wounded, victim...)."""
    weights = _weights(pinned)
    asked = {w.lower() for p in interp.constraints.people for w in p.split()}
    candidates = []
    for p in pinned:
        article = p.article
        text = _readable(article)
        mentions = sorted(person_mentions(text), key=lambda m: m.start)
        names = _full_names(mentions)
        spans = _sentence_spans(text)
        for m, name in zip(mentions, names, strict=True):
            if not name or m.key in asked:
                continue
            here, start, end = _sentence_at(text, m.start)
            side = _side(text[start:end], interp)
            side += 2 * _weigh(*local_side(text, m.start, m.end), interp)
            if here > 0:
                before = spans[here - 1]
                side += 0.5 * _side(text[before[0] : before[1]], interp)
            if side < 0:
                continue  # on the other side of the event
            # A person the article names without saying what they did is a weak answer.
            strength = 0.4 + 0.2 * side if side > 0 else 0.25
            match = min(1.0, strength) * m.weight * _position(article, m.start)
            if bystander(text, m.start, m.end):
                match *= 0.6  # a relative or a quoted speaker talks about the event
            fact = _transient(article, m, "people", {"name": name, "role": interp.role})
            candidates.append(Candidate(fact, article, match, weights[article.id or 0]))

    def phrase(c: Candidate) -> tuple[str, object]:
        return str(c.fact.value["name"]), c.fact.value["name"]

    return group_by(_by_frequency(candidates, _key), _key, phrase)


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


def _by_frequency(candidates: list[Candidate], key: Callable[[Candidate], str]) -> list[Candidate]:
    """Each candidate nudged up by how often its answer is stated (at most +0.15)."""
    counts = Counter(key(c) for c in candidates)
    return [replace(c, bonus=c.bonus + min(0.15, 0.05 * (counts[key(c)] - 1))) for c in candidates]


def _key(c: Candidate) -> str:
    return " ".join(str(c.fact.value.get("name", "")).lower().split())


def _dates(session: Session, pinned: Sequence[Pinned], interp: Interpretation) -> list[Group]:
    """The event's day: dates the pinned articles state (weekdays and "yesterday" resolved
    against publication at ingest), near an event word or the question's person, on or before
    publication. An article that states no date answers with its publication day, weakly,
    citing its headline: local news reports an event the day it happens or the next."""
    weights = _weights(pinned)
    articles = {p.article.id: p.article for p in pinned}
    person_words = {w.lower() for p in interp.constraints.people for w in p.split()}
    named = stems(" ".join(_constraint_words(interp)))
    words = tuple(t for t in interp.terms if t not in named)
    candidates = []
    for fact in _facts(session, list(weights), "dates", None):
        value = fact.value
        iso = str(value.get("iso") or "")[:10]
        precise = value.get("precision") in ("day", "time")
        if value.get("role") == "publication" or len(iso) < 10 or not precise:
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
        iso = str(c.fact.value["iso"])[:10]
        return date_text(iso), iso

    return group_by(candidates, lambda c: str(c.fact.value["iso"])[:10], phrase)


def _undated(
    article: Article, weight: float, person_words: set[str], words: Sequence[str]
) -> list[Candidate]:
    """The days an article without a publication date writes ("on October 2"), read now: ingest
    stores no date it cannot give a year; they are answered as written, without one."""
    text = _readable(article)
    out = []
    for m in read_dates(text):
        if m.precision != "day":
            continue
        mention = Mention(m.start, m.end, m.text, m.iso)
        fact = _transient(article, mention, "dates", {"iso": m.iso, "precision": "day"})
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
    return event_cue(fact) * near * said * _position(article, fact.start)


def _published(article: Article, weight: float) -> Candidate:
    """The article's publication day as a weak date answer, citing its headline."""
    assert article.published is not None
    body = _body_start(article)
    end = len(article.text[: max(body - 2, 0)].rstrip()) or min(len(article.text), 200)
    headline = Mention(0, end, article.text[:end], "published")
    value = {"iso": article.published.isoformat(), "precision": "day", "role": "publication"}
    fact = _transient(article, headline, "dates", value)
    fact.sentence_start, fact.sentence_end, fact.sentence_text = 0, end, article.text[:end]
    return Candidate(fact, article, 0.5, weight)


def _places(session: Session, pinned: Sequence[Pinned], interp: Interpretation) -> list[Group]:
    """The place of the event: a dateline, the headline, "in <Town>, <State>", "in the <Name>
    neighborhood", a facility or street after a locative ("at the <Name> Center", "on <Name>
    Road"), stored city and landmark facts; the site's own town in a headline suffix counts
    only weakly, a place in the sentence naming the question's person more, and a sentence with
    the question's other words more. The most specific place comes with its town
    (``_with_town``): "Kimlyn Circle, Akron"."""
    weights = _weights(pinned)
    named = stems(" ".join(_constraint_words(interp)))
    person_words = {w.lower() for p in interp.constraints.people for w in p.split()}
    words = [t for t in interp.terms if t not in named]
    heads = FOCUS_HEADS.get(interp.focus or "")
    destination = bool(_DESTINATION.search(" ".join(interp.terms))) or bool(heads)
    candidates = []
    for p in pinned:
        article = p.article
        found: list[tuple[Mention, float, str]] = []
        body = _body_start(article)
        if (m := dateline_place(article.text, body)) is not None:
            found.append((m, 1.0, "town"))
        text = _readable(article)
        found += [(m, m.weight, "town") for m in located_places(text)]
        found += [(m, 0.6, "area") for m in neighbourhoods(text)]
        found += [(m, 0.5, "town") for m in police_towns(text)]
        for m, preposition in locative_places(text, body):
            specific = m.weight == SPECIFIC_WEIGHT
            if not specific:
                continue  # towns after "in" are read by the recognisers above
            strength = LANDMARK_WEIGHT
            if preposition in _TOWARDS and not destination:
                strength *= 0.5  # "taken to <Hospital>": where they went, not where it happened
            found.append((m, strength, "landmark"))
        if heads is not None:  # "Which club ...": a name of that kind, wherever it stands
            found += [(m, LANDMARK_WEIGHT, "landmark") for m in named_facilities(text, heads)]
        for fact in _facts(session, [article.id or 0], "places", None):
            if fact.kind in ("city", "landmark"):
                name = str(fact.value.get("canonical") or fact.value.get("name") or fact.text)
                mention = Mention(fact.start, fact.end, fact.text, name.lower())
                found.append((mention, 0.6, "landmark" if fact.kind == "landmark" else "town"))
        for m, strength, kind in found:
            if stems(m.text) and stems(m.text) <= named:
                continue  # the question's own place, street or person
            if interp.focus in _AREA_NOUNS and kind != "area":
                continue  # "In which neighborhood ...": a neighbourhood answers
            if interp.focus in _TOWN_NOUNS and kind != "town":
                continue  # "In which city ...": a town answers
            if _MODIFIER.match(article.text, m.end):
                continue  # "a Columbia-based club": a place used as a modifier is not where
            if heads is not None and head_word(m.text) not in heads:
                continue  # "Which hospital ...": only a name of that kind answers
            if m.start < body:
                # The headline states the event's town, unless it is the site's own.
                strength = 0.3 if _in_site_name(article.text, m.start, body) else 0.9
            sentence = _sentence_of(article, m.start)
            near_person = any(w in sentence.lower() for w in person_words)
            # A facility or street must be told in a sentence with the question's words.
            # A facility or street must be told in a sentence with the question's words.
            said = 0.5 + 0.5 * overlap(words, sentence) if words and kind == "landmark" else 1.0
            match = strength * (1.0 if near_person else 0.85) * said * _position(article, m.start)
            display = m.text.title() if m.text.isupper() else m.text
            value = {"name": display, "specific": kind != "town"}
            fact = _transient(article, m, "places", value)
            candidates.append(Candidate(fact, article, match, weights[article.id or 0]))

    def key(c: Candidate) -> str:
        return str(c.fact.value["name"]).lower()

    def phrase(c: Candidate) -> tuple[str, object]:
        return str(c.fact.value["name"]), key(c)

    groups = group_by(_by_frequency(candidates, key), key, phrase)
    return groups if heads is not None else _with_town(groups)


LANDMARK_WEIGHT = 0.95  # a facility or street after a locative, before position and match
LANDMARK_SHARE = 0.6  # the best landmark is given when it scores this share of the best town
_TOWARDS = frozenset({"to", "into", "toward", "towards"})
_DESTINATION = re.compile(
    r"\b(?:go|went|gone|goe|move|moved|taken|take|evacu\w*|fled|flee|flown|airlift\w*|"
    r"transport\w*|rush\w*|sent|head\w*|brought|deliv\w*|carri\w*|return\w*)\b"
)
_TOWN_NOUNS = frozenset({"city", "town", "village", "country", "state", "region", "province"})
_AREA_NOUNS = frozenset({"neighborhood", "neighbourhood", "area", "district"})


def _constraint_words(interp: Interpretation) -> list[str]:
    c = interp.constraints
    return [*c.places, *c.states, *c.people, *c.address]


def _with_town(groups: list[Group]) -> list[Group]:
    """The best facility or street, said with the best town ("Kimlyn Circle, Akron"), when it
    scores nearly as well as that town; otherwise the groups as they are."""
    specific = [g for g in groups if g.members[0].fact.value.get("specific")]
    towns = [g for g in groups if not g.members[0].fact.value.get("specific")]
    if not specific or not towns:
        return groups
    landmark, town = specific[0], towns[0]
    if landmark.score < LANDMARK_SHARE * town.score:
        return groups
    if stems(town.text) <= stems(landmark.text):
        return [landmark, *[g for g in groups if g is not landmark]]
    both = Group(
        (landmark.key, town.key),
        f"{landmark.text}, {town.text}",
        {"place": landmark.text, "town": town.text},
        [*landmark.members, *town.members],
    )
    return [both, *[g for g in groups if g is not landmark and g is not town]]


_MODIFIER = re.compile(r"-(?:based|led|backed|born|area|owned|run|registered|bound)\b", re.I)


def _in_site_name(text: str, offset: int, body: int) -> bool:
    """True when ``offset`` lies after a " - " or " | " in the headline (the site's name)."""
    headline = text[:body]
    cut = max(headline.rfind(" - ", 0, offset), headline.rfind(" | ", 0, offset))
    return cut >= 0
