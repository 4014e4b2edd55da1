"""The words casualty rules read: verbs, states, auxiliaries, person nouns and what ends a phrase.

General English news vocabulary (wars, disasters, crime, accidents), not phrases of any article.
"""

from __future__ import annotations

import re


def wordset(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated ``words``."""
    return frozenset(words.split())


TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w[\w’'-]*\w|\w|[^\w\s]")

# A lower-cased sentence without any of these word starts states no casualty: the rules skip
# it unread (case-sensitive on lower-cased text: five times faster than IGNORECASE).
GATE = re.compile(
    r"\b(?:kill|dead|die|death|fatal|slain|slay|slew|murder|massacr|execut|drown|perish|wound|injur"
    r"|hurt|shot|shoot|hospital|toll|lives|life|casualt|condition|bodies|decease|homicide"
    r"|suffer|sustain|treated|slaughter|succumb)"
)

ACTIVE = re.compile(
    r"(?<![\w-])(?P<verb>kill(?:s|ed|ing)?|(?:shot|shooting|shoots|gunned|gunning)\s+dead"
    r"|slay(?:s|ing)?|slew|massacr(?:e|es|ed|ing)|execut(?:e|es|ed|ing)|murder(?:s|ed|ing)?"
    r"|wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|(?:claim(?:s|ed|ing)?|t(?:ook|aking|akes|ake)"
    r"|cost(?:s|ing)?)(?:\s+the\s+lives\s+of)?|le(?:ft|aving|aves|ave)"
    r"|(?:(?P<fatal>fatally|mortally)\s+)?(?:shot|shoots|shooting)"
    r"|sen(?:t|ds|ding|d)|hit|hits|hitting|struck|striking|strikes)"
    r"\s+(?:all\s+(?:the\s+)?|both\s+|the\s+)?$",
    re.IGNORECASE,
)
TOLL = re.compile(
    r"\b(?:(?P<kind>death|injury)\s+toll|toll(?!-free)|number\s+of\s+(?:the\s+)?(?P<what>dead|deaths"
    r"|fatalities|(?:people\s+|those\s+)?killed|(?:people\s+|those\s+)?(?:injured|wounded)"
    r"|injuries))\b(?P<mid>[^.;:!?,]{0,80}?)\b(?:to|at|of|reached|hit|topped|passed|exceeded"
    r"|is|was|stands|stood|rose|climbed|jumped|increased)(?:\s+now)?\s+$",
    re.IGNORECASE,
)
# "the deaths of two men", "the killings of 3 people": the noun names what happened to them.
DEATHS_OF = re.compile(
    r"\b(?:deaths?|killings?|murders?|slayings?|homicides?|bod(?:y|ies)|remains)\s+of\s+(?:the\s+)?"
    r"(?:other\s+)?$",
    re.IGNORECASE,
)
HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|may|should|must|can|cannot|will|shall|not|never|no|to|if|unless"
    r"|whether|\w+n't|fear(?:s|ed)?|expected|likely|nearly|almost|narrowly|threaten(?:s|ed|ing)?|tr(?:y|ies|ied|ying)"
    r"|attempt(?:s|ed|ing)?|plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|want(?:s|ed)?)"
    r"(?:\s+\w+){0,2}\s+$",
    re.IGNORECASE,
)
NEGATED_BEFORE = re.compile(
    r"\b(?:no|none|not|never|nobody|neither|nor|without|if|unless|whether|zero)"
    r"(?:\s+of)?(?:\s+(?:the|those|these))?\s+$",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(
    r";|\b(?:while|whereas|but|said|says|reported|according|told)\b", re.IGNORECASE
)
AND = re.compile(r",?\s+(?:and|as\s+well\s+as|plus)\s+", re.IGNORECASE)
BOTH_KINDS = re.compile(r"\b(?:kill\w*|dead|wound\w*|injur\w*)\s+(?:and|or)\s+$", re.I)
# Numbers that are not counts of people: ages ("a 31-year-old", "ages 19 and 25", "Doe, 24,"),
# and what a gun does ("fired one shot", "heard 9 shots").
AGE_AFTER = re.compile(r"[\s-]*(?:years?|yrs?|months?|weeks?|days?)[\s-]*old\b", re.I)
AGE_BEFORE = re.compile(
    r"\b(?:ages?|aged)\s+(?:of\s+|between\s+|from\s+)*(?:\d+\s*(?:,|and|to|-|–)\s*)*$", re.I
)
NAME_COMMA = re.compile(r"[A-Z][\w'’.-]*,\s*$")
AGE_COMMA_AFTER = re.compile(r"\s*(?:,|\)|;|\.(?!\d)|$|\s+and\b)")
FIRED_BEFORE = re.compile(
    r"\b(?:fired|fires|fire|firing|heard|hear|hearing|let\s+off|squeezed\s+off|took|take|got"
    r"|get)\s+(?:off\s+)?$",
    re.IGNORECASE,
)
# "9 shot, one fatally", "shot six people, one of them fatally".
FATALLY_AFTER = re.compile(
    r"\s*,\s*(?:and\s+)?(?P<amount>\S.*?)\s+(?:of\s+(?:them|whom|those)\s+)?(?:fatally|mortally)\b",
    re.IGNORECASE,
)

KILL_WORDS = wordset(
    "killed dead died die dies perished slain deaths fatalities drowned massacred executed "
    "murdered slaughtered deceased"
)
INJURE_WORDS = wordset("wounded injured hurt injuries hospitalized hospitalised")
AUX = wordset(
    """were was are is have has had been being be got get reportedly reported confirmed
    believed thought said known later also all both subsequently allegedly initially eventually
    to now since officially seriously critically badly severely slightly lightly gravely
    fatally mortally found pronounced declared each apparently accidentally listed there
    currently still"""
)
MODAL = wordset(
    """could would might may should must can cannot will shall not never no feared expected
    nearly almost narrowly likely couldn't wouldn't won't weren't wasn't haven't hadn't didn't
    aren't isn't"""
)
# Verbs of being carried to care: "were taken to the hospital" states injuries.
TO_HOSPITAL = wordset(
    "taken transported rushed airlifted flown sent driven brought drove walked went arrived"
)
STOP = (
    AUX
    | TO_HOSPITAL
    | MODAL
    | KILL_WORDS
    | INJURE_WORDS
    | wordset(
        """and or but nor who that which whose in on at by from with during after before since as
    for to into near across including when while where among of the a an this these those
    their his her its shot lost yesterday today tonight overnight monday tuesday wednesday
    thursday friday saturday sunday last suffered sustained received remain remains remained
    then taken transported rushed airlifted flown treated sought seeking told saw heard came ran
    fled gave made say tell because although though unless until so"""
    )
)
ING_NOUNS = wordset("offspring")
LY_NOUNS = wordset("family ally assembly")
ADVERBS = wordset("worldwide nationwide overall altogether abroad inside there here")
PERSON_NOUNS = wordset(
    """people persons person soldiers soldier civilians civilian militants militant fighters
    troops children child women woman men man policemen officers police workers students
    passengers residents villagers protesters demonstrators rebels insurgents jihadists gunmen
    attackers members personnel servicemen marines sailors pilots migrants refugees pilgrims
    miners firefighters rescuers crew tourists worshippers bystanders patients staff employees
    guards officials journalists doctors nurses teachers pupils infants babies relatives
    victims inmates prisoners detainees hostages fishermen farmers shoppers commuters
    spectators fans youths teenagers boys girls adults individuals others teens juveniles
    males females suspects deputies motorists pedestrians drivers customers"""
)
# A singular person a rule may count as one victim ("a man was shot and killed").
SINGULAR_PERSONS = wordset(
    """man woman boy girl child person teenager teen toddler baby infant adult juvenile male
    female youth student officer deputy trooper soldier civilian driver motorist pedestrian
    passenger bystander resident clerk customer employee worker guard victim suspect gunman
    shooter father mother son daughter brother sister husband wife boyfriend girlfriend friend
    neighbor neighbour cousin nephew niece uncle aunt grandmother grandfather grandson
    granddaughter stepson stepdaughter relative roommate teacher pupil patient nurse doctor
    firefighter miner pilot sailor journalist reporter fan worker farmer tourist hiker
    cyclist bicyclist homeowner tenant landlord owner manager cashier security infant
    newborn kid preschooler kindergartner cleaner janitor intruder invader burglar robber
    attacker assailant bartender bouncer waiter waitress clerk mom mum dad stepfather
    stepmother stepbrother stepsister grandma grandpa fiance fiancee spouse sibling"""
)
ANAPHORIC = wordset("others other more")
# What starts an object after an active verb: "killed the guards", "killed at least 3".
OBJECT = re.compile(
    r"^(?:(?:the|a|an|his|her|their|its|our|several|dozens|hundreds|scores|him|her|them|himself"
    r"|herself|themselves|me|us|you)\b|\d|at least|at most"
    r"|more than|up to|as many as|(?:over|about|around|nearly|some|roughly) (?:\d|\w+)"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
)
NON_PERSON = wordset(
    """second seconds minute minutes hour hours day days week weeks month months year years time
    decade decades percent per % times attacks attack strikes strike airstrikes raids buildings
    houses homes vehicles cars trucks tanks aircraft jets planes warplanes helicopters drones
    missiles rockets shells bombs km kilometres kilometers miles metres meters feet dollars
    euros pounds villages towns cities positions targets sites shots shot rounds bullets
    counts count charges charge cases case shootings shooting incidents incident homicides
    murders blocks block inches yards degrees calls points games goals"""
)
CONDITIONS = wordset("critical serious stable grave fair good")
WOUND_NOUNS = wordset("wounds wound injuries injury burns")
CARE_VERBS = wordset(
    "suffered sustained received suffering sustaining receiving with treated sought seeking"
)
