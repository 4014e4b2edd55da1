"""Whether two articles report the same incident: a symmetric score with stated weights.

``link_score(a, b)`` adds, for two article signatures:

- type: the same known type ``+TYPE_SAME``; one unknown, or related types (an airstrike is
  an attack) ``0``; two unrelated types: never the same incident (``None``);
- place: the same block address ("the 2700 block of Larch Ave.") not in different regions,
  or a shared entity or spelling key of place or town (``Deir Ezzor`` = ``Deir ez-Zor``)
  ``+PLACE_SAME`` (``PLACE_BIG_CITY`` when it is a city of half a million or more); else one's
  place named where the other tells the incident, or the two within ``NEAR_KM`` of each other
  (neighbourhood in its city, town by its landmark), or, for an article without a place of its
  own, the other's town (not a big city) among its capitalised words ``+PLACE_NEAR``; else
  in different regions, or farther apart than ``FAR_KM``: ``PLACE_FAR`` (negative); nothing
  known ``0``;
- date: one published more than a day before the other's day ``DATE_FAR``; days apart 0 / 1
  / 2 ``+DAY_WEIGHTS``; without a day of its own, its publication date within two days of
  the other's day ``+UNDATED_NEAR``, up to ``FOLLOW_UP_DAYS`` after it ``0``; a follow-up
  (published up to ``FOLLOW_UP_DAYS`` after the other's day, its own day not before it) that
  shares a named person ``+FOLLOW_UP``; a report that tells the other's day among the days it
  mentions (a follow-up: "a second arrest in the Sept. 28 shooting", however much later)
  ``+REFERS_BACK``, even when the other was published before the follow-up's own day (a
  later death or arrest dates it); otherwise ``DATE_FAR``, which no other evidence outweighs
  (``None``: far apart in time, with no one named in both and no mention of the day, they are
  other incidents);
- people: a named person in both ``+PEOPLE_SHARED``;
- words: ``TERMS_SHARED_MIN`` or more distinctive capitalised words in common (streets,
  names) ``+TERMS_SHARED`` for each from there, at most ``TERMS_SHARED_CAP``; none in common
  though both have ``TERMS_DISJOINT_MIN``: ``TERMS_DISJOINT``;
- figures: killed figures that cannot both describe one incident as it developed (each over
  twice the other, both above ``FIGURE_SLACK``) ``FIGURES_CONTRADICT``; the same killed or
  injured figure of at least ``FIGURES_AGREE_MIN`` ``+FIGURES_AGREE`` (two double killings in one
  place on one day are rare; one killing is not distinctive).

Two articles are linked when the score reaches ``LINK_THRESHOLD``: a shared place and a day
within one (2 + 2), with the type agreeing or unknown, is enough; a place and a type alone are
not. Events are the connected groups of linked articles (``corpus.events.assign``).
"""

from __future__ import annotations

from corpus.events.geo import km_between
from corpus.events.kinds import UNKNOWN
from corpus.events.signature import Signature

TYPE_SAME = 1.0
PLACE_SAME = 2.0
PLACE_BIG_CITY = 1.25  # a city of half a million holds several incidents a day: with the type
# and one day apart (1.25 + 1 + 1.5) it stays short of ``LINK_THRESHOLD``; more must agree
PLACE_NEAR = 1.5
PLACE_FAR = -3.0
NEAR_KM = 30.0
FAR_KM = 80.0
DAY_WEIGHTS = (2.0, 1.5, 1.0)  # 0, 1 and 2 days apart
WINDOW_DAYS = len(DAY_WEIGHTS) - 1
FOLLOW_UP_DAYS = 60
FOLLOW_UP = 0.5
UNDATED_NEAR = 1.0
DATE_FAR = -3.0
PEOPLE_SHARED = 1.5
FIGURE_SLACK = 3
FIGURES_CONTRADICT = -2.0
FIGURES_AGREE = 1.0
FIGURES_AGREE_MIN = 2
REFERS_BACK = 2.0
TERMS_SHARED_MIN = 3
TERMS_SHARED = 0.5
TERMS_SHARED_CAP = 4.0
TERMS_DISJOINT_MIN = 4
TERMS_DISJOINT = -1.0
LINK_THRESHOLD = 4.0

# Types one incident can be told as.
_RELATED = {
    frozenset({"airstrike", "bombing"}), frozenset({"airstrike", "attack"}),
    frozenset({"airstrike", "explosion"}), frozenset({"bombing", "explosion"}),
    frozenset({"bombing", "attack"}), frozenset({"shooting", "attack"}),
    frozenset({"stabbing", "attack"}), frozenset({"explosion", "fire"}),
    frozenset({"shooting", "stabbing"}), frozenset({"storm", "flood"}),
    frozenset({"explosion", "attack"}), frozenset({"crash", "fire"}),
}  # fmt: skip


def link_score(a: Signature, b: Signature) -> float | None:
    """The evidence that ``a`` and ``b`` report one incident (None: they cannot)."""
    if a.type != b.type and UNKNOWN not in (a.type, b.type):
        if frozenset({a.type, b.type}) not in _RELATED:
            return None
        score = 0.0
    else:
        score = TYPE_SAME if a.type == b.type and a.type != UNKNOWN else 0.0
    shared_people = bool(set(a.people) & set(b.people))
    dated = _date_score(a, b, shared_people)
    if dated == DATE_FAR:
        return None  # far apart in time, with no one named in both: other incidents
    score += _place_score(a, b)
    score += dated
    if shared_people:
        score += PEOPLE_SHARED
    shared_terms = len(set(a.terms) & set(b.terms))
    if shared_terms >= TERMS_SHARED_MIN:
        score += min(TERMS_SHARED * (shared_terms - TERMS_SHARED_MIN + 1), TERMS_SHARED_CAP)
    elif not shared_terms and min(len(a.terms), len(b.terms)) >= TERMS_DISJOINT_MIN:
        score += TERMS_DISJOINT
    if _figures_contradict(a, b):
        score += FIGURES_CONTRADICT
    elif _figures_agree(a, b):
        score += FIGURES_AGREE
    return score


def linked(a: Signature, b: Signature) -> bool:
    """Whether the score reaches ``LINK_THRESHOLD``."""
    score = link_score(a, b)
    return score is not None and score >= LINK_THRESHOLD


def _place_score(a: Signature, b: Signature) -> float:
    if set(a.addresses) & set(b.addresses) and not _apart(a, b):
        return PLACE_SAME  # one block of one street: one place, whatever town each names
    if set(a.keys) & set(b.keys):
        return PLACE_BIG_CITY if a.big_city and b.big_city else PLACE_SAME
    if set(a.keys) & set(b.near_keys) or set(b.keys) & set(a.near_keys):
        return PLACE_NEAR
    if _names_town(a, b) or _names_town(b, a):
        return PLACE_NEAR
    distance = _km(a, b)
    if distance is not None and distance <= NEAR_KM:
        return PLACE_NEAR
    if a.region and b.region and a.region != b.region:
        return PLACE_FAR
    if distance is not None and distance > FAR_KM:
        return PLACE_FAR
    return 0.0


def _apart(a: Signature, b: Signature) -> bool:
    """In different regions, or farther apart than ``FAR_KM``."""
    if a.region and b.region and a.region != b.region:
        return True
    distance = _km(a, b)
    return distance is not None and distance > FAR_KM


def _date_score(a: Signature, b: Signature, shared_people: bool) -> float:
    # A report that tells the other's day is a follow-up of it even when its own day is a
    # later development ("died in hospital on Saturday; he was hit in the March 6 shooting"):
    # that the first report came out before that later day says nothing against them.
    if _told_back(a, b):
        return REFERS_BACK
    if _reported_before(a, b) or _reported_before(b, a):
        return DATE_FAR
    if a.day is None or b.day is None:
        return _undated_score(a, b) if a.day is None else _undated_score(b, a)
    apart = abs((a.day - b.day).days)
    if apart <= WINDOW_DAYS:
        return DAY_WEIGHTS[apart]
    if refers_back(a, b) or refers_back(b, a):
        return REFERS_BACK
    if shared_people and (_follows(a, b) or _follows(b, a)):
        return FOLLOW_UP
    return DATE_FAR


def _undated_score(undated: Signature, other: Signature) -> float:
    """An article without a day of its own: its publication date against the other's day."""
    when = other.day or other.published
    if undated.published is None or when is None:
        return 0.0
    if refers_back(undated, other):
        return REFERS_BACK
    if abs((undated.published - when).days) <= WINDOW_DAYS:
        return UNDATED_NEAR
    if 0 <= (undated.published - when).days <= FOLLOW_UP_DAYS:
        return 0.0
    return DATE_FAR


def _reported_before(report: Signature, incident: Signature) -> bool:
    """``report`` was published before ``incident`` happened (allowing a day for time zones)."""
    if report.published is None or incident.day is None:
        return False
    return (incident.day - report.published).days > 1


def _told_back(a: Signature, b: Signature) -> bool:
    """One tells the other's day and its own day lies beyond the date window after it, within
    ``FOLLOW_UP_DAYS`` (a follow-up dated by a later development: a death, an arrest, a
    funeral). Further on, a day told is background ("a year after the mall attack of Dec. 2")."""
    for later, earlier in ((a, b), (b, a)):
        if later.day is None or earlier.day is None:
            continue
        apart = (later.day - earlier.day).days
        if WINDOW_DAYS < apart <= FOLLOW_UP_DAYS and refers_back(later, earlier):
            return True
    return False


def refers_back(later: Signature, earlier: Signature) -> bool:
    """``later`` tells ``earlier``'s day among the days it mentions, and was published after it."""
    if earlier.day is None or later.published is None or later.published < earlier.day:
        return False
    return earlier.day.isoformat() in later.mentioned


def _names_town(placeless: Signature, other: Signature) -> bool:
    """``placeless`` has no place of its own but names ``other``'s town among its capitalised
    words (a place the extraction missed: "Bellflower Barbershop Shooting")."""
    if placeless.keys or not other.keys or other.big_city:
        return False  # a big city is named in many a report of what happened around it
    town = other.locality or other.place
    if not town:
        return False
    words = place_words(str(town.get("canonical") or town.get("name") or ""))
    return bool(words) and words <= set(placeless.terms)


def place_words(name: str) -> set[str]:
    """The lower-case words of a place name as ``Signature.terms`` holds them."""
    return {w for w in name.lower().replace("-", " ").split() if len(w) >= 3}


def _follows(later: Signature, earlier: Signature) -> bool:
    """``later`` was published within the follow-up window after ``earlier``'s day."""
    if later.published is None or earlier.day is None or later.day is None:
        return False
    return later.day >= earlier.day and 0 <= (later.published - earlier.day).days <= FOLLOW_UP_DAYS


def _figures_contradict(a: Signature, b: Signature) -> bool:
    fa, fb = a.figure("killed"), b.figure("killed")
    if fa is None or fb is None or fa.stated is None or fb.stated is None:
        return False
    low, high = sorted((fa.stated, fb.stated))
    return low > FIGURE_SLACK and high > 2 * low


def _figures_agree(a: Signature, b: Signature) -> bool:
    for kind in ("killed", "injured"):
        fa, fb = a.figure(kind), b.figure(kind)
        if fa is None or fb is None or fa.stated is None:
            continue
        if fa.stated == fb.stated and fa.stated >= FIGURES_AGREE_MIN:
            return True
    return False


def _km(a: Signature, b: Signature) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return km_between((a.lat, a.lon), (b.lat, b.lon))
