"""The place of the event a question pins: a dateline, the headline, "in <Town>, <State>",
"in the <Name> neighborhood", a facility or street after a locative, a name of the asked kind
("Which club ..."), stored city and landmark facts, each weighed by where the article says it
and by the question's words; the most specific place is said with its town."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlmodel import Session

from search.answer.candidates import Candidate, overlap, stems
from search.answer.compose import Group, group_by
from search.answer.constraints import us_states
from search.answer.events import Pinned
from search.answer.locatives import (
    FOCUS_HEADS,
    SPECIFIC_WEIGHT,
    areas_after_streets,
    head_word,
    locative_places,
    named_facilities,
)
from search.answer.pinned_reading import (
    article_weights,
    body_start,
    by_frequency,
    constraint_words,
    position_weight,
    readable,
    sentence_of,
    stored_facts,
    transient,
)
from search.answer.questions import Interpretation
from search.answer.recognisers import (
    Mention,
    dateline_place,
    located_places,
    neighbourhoods,
    police_towns,
)


def event_places(session: Session, pinned: Sequence[Pinned], interp: Interpretation) -> list[Group]:
    """The place of the event: a dateline, the headline, "in <Town>, <State>", "in the <Name>
    neighborhood", a facility or street after a locative ("at the <Name> Center", "on <Name>
    Road"), stored city and landmark facts; the site's own town in a headline suffix counts
    only weakly, a place in the sentence naming the question's person more, and a sentence with
    the question's other words more. The most specific place comes with its town
    (``_with_town``): "Wren Circle, Akron"."""
    weights = article_weights(pinned)
    named = stems(" ".join(constraint_words(interp)))
    person_words = {w.lower() for p in interp.constraints.people for w in p.split()}
    words = [t for t in interp.terms if t not in named]
    heads = FOCUS_HEADS.get(interp.focus or "")
    destination = bool(_DESTINATION.search(" ".join(interp.terms))) or bool(heads)
    candidates = []
    for p in pinned:
        article = p.article
        found: list[tuple[Mention, float, str]] = []
        body = body_start(article)
        if (m := dateline_place(article.text, body)) is not None:
            found.append((m, 1.0, "town"))
        text = readable(article)
        found += [(m, m.weight, "town") for m in located_places(text)]
        found += [(m, 0.6, "area") for m in neighbourhoods(text)]
        if interp.focus in _AREA_NOUNS:  # "at 1420 Wren St. in <Name>": the street's part of town
            found += [(m, 0.6, "area") for m in areas_after_streets(text)]
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
        for fact in stored_facts(session, [article.id or 0], "places", None):
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
            if kind == "town" and m.text.lower() in us_states():
                if interp.focus in _CITY_NOUNS:
                    continue  # "In which city ...": a state is no city
                strength *= STATE_WEIGHT  # a town, where one is told, is the more specific
            if _MODIFIER.match(article.text, m.end):
                continue  # "a Columbia-based club": a place used as a modifier is not where
            if heads is not None and head_word(m.text) not in heads:
                continue  # "Which hospital ...": only a name of that kind answers
            if m.start < body:
                # The headline states the event's town, unless it is the site's own.
                strength = 0.3 if _in_site_name(article.text, m.start, body) else 0.9
            sentence = sentence_of(article, m.start)
            near_person = any(w in sentence.lower() for w in person_words)
            # A facility or street must be told in a sentence with the question's words.
            # A facility or street must be told in a sentence with the question's words.
            said = 0.5 + 0.5 * overlap(words, sentence) if words and kind == "landmark" else 1.0
            place = position_weight(article, m.start)
            match = strength * (1.0 if near_person else 0.85) * said * place
            display = m.text.title() if m.text.isupper() else m.text
            value = {"name": display, "specific": kind != "town"}
            fact = transient(article, m, "places", value)
            candidates.append(Candidate(fact, article, match, weights[article.id or 0]))

    def key(c: Candidate) -> str:
        return str(c.fact.value["name"]).lower()

    def phrase(c: Candidate) -> tuple[str, object]:
        return str(c.fact.value["name"]), key(c)

    groups = group_by(by_frequency(candidates, key), key, phrase)
    if heads is not None:
        return groups
    return _with_town(groups, given=bool(interp.constraints.places))


LANDMARK_WEIGHT = 0.95  # a facility or street after a locative, before position and match
LANDMARK_SHARE = 0.6  # the best landmark is given when it scores this share of the best town
_TOWARDS = frozenset({"to", "into", "toward", "towards"})
_DESTINATION = re.compile(
    r"\b(?:go|went|gone|goe|move|moved|taken|take|evacu\w*|fled|flee|flown|airlift\w*|"
    r"transport\w*|rush\w*|sent|head\w*|brought|deliv\w*|carri\w*|return\w*)\b"
)
_TOWN_NOUNS = frozenset({"city", "town", "village", "country", "state", "region", "province"})
_CITY_NOUNS = frozenset({"city", "town", "village"})
STATE_WEIGHT = 0.7
_AREA_NOUNS = frozenset({"neighborhood", "neighbourhood", "area", "district"})


def _with_town(groups: list[Group], *, given: bool = False) -> list[Group]:
    """The best facility or street, said with the best town ("Wren Circle, Akron"), when it
    scores nearly as well as that town; otherwise the groups as they are. When the question
    gives the town itself ("Where in Akron ..."), the facility or street is said alone: the
    best other town is then one the article names for something else ("taken to a <Town>
    hospital")."""
    specific = [g for g in groups if g.members[0].fact.value.get("specific")]
    towns = [g for g in groups if not g.members[0].fact.value.get("specific")]
    if not specific or not towns:
        return groups
    landmark, town = specific[0], towns[0]
    if landmark.score < LANDMARK_SHARE * town.score:
        return groups
    if given:
        return [landmark, *[g for g in groups if g is not landmark]]
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
