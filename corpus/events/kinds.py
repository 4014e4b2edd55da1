"""An incident's type from its trigger words: general news vocabulary, no model.

Each type has trigger words (lower-case word forms). An article's type is the one whose triggers
weigh most, where a trigger in the headline counts ``HEADLINE_WEIGHT``, in the lead
``LEAD_WEIGHT`` and elsewhere 1; ties go to the type listed first below (the more specific
one: an airstrike is also an attack). No trigger at all: ``UNKNOWN``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

UNKNOWN = "incident"
HEADLINE_WEIGHT = 4.0
LEAD_WEIGHT = 2.0
LEAD_CHARS = 600  # about the first three sentences of the body

# Ordered most specific first; each word form is matched whole.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "airstrike": (
        "airstrike", "airstrikes", "air strike", "air strikes", "air raid", "air raids",
        "warplanes", "warplane", "bombed from the air", "drone strike", "drone strikes",
    ),
    "bombing": (
        "bombing", "bombings", "suicide bomber", "car bomb", "bomb blast", "bomb attack",
        "explosive device", "ied", "bomber", "suicide attack",
    ),
    "shooting": (
        "shooting", "shootings", "shot", "shots", "gunfire", "gunman", "gunmen", "gunshot",
        "gunshots", "shootout", "opened fire", "shot dead", "fatally shot", "shooter",
        "shooters", "gunned down", "sniper", "snipers", "shots fired", "fired shots",
        "gun fire", "gunshot wound", "gunshot wounds", "bullet", "bullets",
        # The weapon named ("the pistol went off in her hand"; a deer hunter's rifle).
        "handgun", "handguns", "shotgun", "shotguns", "rifle", "rifles", "firearm",
        "firearms", "accidental discharge", "accidentally discharged",
    ),
    "stabbing": ("stabbing", "stabbings", "stabbed", "knife attack"),
    "fire": ("fire", "blaze", "wildfire", "wildfires", "arson", "burned", "flames", "inferno"),
    "crash": (
        "crash", "crashed", "collision", "collided", "derailed", "derailment", "plane crash",
        "car crash", "pile-up",
    ),
    "flood": ("flood", "floods", "flooding", "flash flood", "floodwaters", "inundated"),
    "earthquake": ("earthquake", "quake", "tremor", "aftershock", "magnitude"),
    "storm": ("hurricane", "tornado", "typhoon", "cyclone", "storm", "blizzard"),
    "explosion": ("explosion", "exploded", "blast", "blew up"),
    "attack": ("attack", "attacked", "assault", "ambush", "massacre", "raid"),
}  # fmt: skip

# Words about a type that do not trigger it: "fire" in "opened fire", "gun fire", "fire into"
# (a gun is fired; "a fire at the house" is a fire) or "fire department" (who came); an
# "assault rifle" or a charge of "aggravated assault" tells a weapon or an offence, not an
# attack.
_NOT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "fire": (
        "opened fire", "open fire", "opening fire", "opens fire", "returned fire",
        "return fire", "exchange of fire", "exchanged fire", "gun fire", "rifle fire",
        "weapons fire", "automatic fire", "sniper fire", "cross fire", "crossfire",
        "under fire", "fire into", "fire a gun", "fire shots", "fire rounds",
        "fire department", "fire departments", "fire dept", "fire chief", "fire officials",
        "fire rescue", "fire marshal", "fire station", "fire truck", "fire crews",
        "fire-rescue", "ceasefire", "cease-fire", "firefighters",
    ),
    "attack": (
        "assault rifle", "assault rifles", "assault-style", "assault weapon",
        "assault weapons", "aggravated assault", "assault charge", "assault charges",
        "sexual assault", "domestic assault", "heart attack",
    ),
}  # fmt: skip

_PATTERNS = {
    kind: re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"
    )
    for kind, words in TRIGGERS.items()
}
_EXCLUDED = {
    kind: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    for kind, words in _NOT_TRIGGERS.items()
}
TYPES: tuple[str, ...] = (*TRIGGERS, UNKNOWN)


def type_scores(text: str, headline_end: int) -> dict[str, float]:
    """Each type's trigger weight in ``text`` (headline ``text[:headline_end]``)."""
    lowered = text.lower()
    lead_end = headline_end + LEAD_CHARS
    scores: dict[str, float] = {}
    for kind, pattern in _PATTERNS.items():
        excluded = _EXCLUDED.get(kind)
        blocked = [(m.start(), m.end()) for m in excluded.finditer(lowered)] if excluded else []
        total = 0.0
        for match in pattern.finditer(lowered):
            if any(s <= match.start() < e for s, e in blocked):
                continue
            if match.start() < headline_end:
                total += HEADLINE_WEIGHT
            elif match.start() < lead_end:
                total += LEAD_WEIGHT
            else:
                total += 1.0
        if total:
            scores[kind] = total
    return scores


def event_type(text: str, headline_end: int) -> str:
    """The incident type ``text`` reports (``UNKNOWN`` when it names none)."""
    scores = type_scores(text, headline_end)
    return best_type(scores)


def best_type(scores: dict[str, float]) -> str:
    """The heaviest type, ties to the earlier (more specific) one in ``TRIGGERS``; a fire
    with a cause of death told at ``CAUSE_SHARE`` of its weight is that cause."""
    if not scores:
        return UNKNOWN
    order = list(TRIGGERS)
    best = min(scores, key=lambda kind: (-scores[kind], order.index(kind)))
    for cause in _CAUSES.get(best, ()):
        if scores.get(cause, 0.0) >= CAUSE_SHARE * scores[best]:
            return cause
    return best


# A fire set after a shooting or a stabbing (a murder-suicide that burns the house) is told at
# length (flames, blaze, crews), while the deaths were by gun or knife: the incident is that.
# A plain house fire names guns or knives rarely, and far less than half as often.
_CAUSES: dict[str, tuple[str, ...]] = {"fire": ("shooting", "stabbing")}
CAUSE_SHARE = 0.5


def type_named(words: Sequence[str]) -> str | None:
    """The type a question's words name ("bombings", "floods"), or None."""
    phrase = " ".join(w.lower() for w in words)
    for kind, pattern in _PATTERNS.items():
        if pattern.search(phrase):
            return kind
    return None
