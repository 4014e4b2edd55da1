"""Equipment: weapons and military vehicles named in an article, with their counts.

Two lexicons, both plain data (``MODELS`` and ``GENERIC``) so new types are one line each:

- **Models** ("F-16", "Su-24", "MQ-9 Reaper", "T-72", "Kalibr") are always reported, with
  ``count`` None when no number is stated ("F-16s bombed"). Codes match with or without the
  hyphen and in any case ("F16", "su-24"); names that are also common words ("Tornado",
  "Predator", "Leopard") match capitalised only, and the riskiest ones only with their noun
  ("Apache helicopter", "Patriot missile", "Abrams tank").
- **Generic nouns** ("warplanes", "fighter jets", "tanks", "armored vehicles") are reported only
  with a count ("four warplanes"): an uncounted "jets" carries no figure worth citing.

The count is an amount just before the type, with at most two modifiers in between ("two F-16",
"four Russian Su-24 bombers", "at least 20 tanks", "an F-16" counts 1). A following noun is part
of the span ("two F-16 jet fighters", "two A-10 support aircraft"); a number followed by a word
such as "pilots" or "squadrons" counts those, not the aircraft, so ``count`` stays None.
``count`` is the stated number (the lower end of a range, the floor of a vague amount) and the
fact's qualifier is the amount's hedge. ``kind`` is the category: aircraft | drone | helicopter
| tank | missile | vehicle | artillery | ship.
"""

from __future__ import annotations

import re

from corpus.facts.document import Document
from corpus.facts.lexicons import trie_regex
from corpus.facts.model import ExtractedFact
from corpus.facts.numbers import Amount, find_amounts
from corpus.spans import Span

# canonical type -> (category, aliases). Aliases with a digit match in any case.
MODELS: dict[str, tuple[str, tuple[str, ...]]] = {
    # Fixed-wing combat, bomber and transport aircraft.
    "F-4": ("aircraft", ("F-4", "F-4 Phantom")),
    "F-5": ("aircraft", ("F-5",)),
    "F-14": ("aircraft", ("F-14",)),
    "F-15": ("aircraft", ("F-15", "F-15E", "F-15 Eagle")),
    "F-16": ("aircraft", ("F-16", "F-16 Fighting Falcon")),
    "F/A-18": ("aircraft", ("F/A-18", "F-18", "F/A-18 Hornet", "Super Hornet")),
    "F-22": ("aircraft", ("F-22", "F-22 Raptor")),
    "F-35": ("aircraft", ("F-35", "F-35A", "F-35B")),
    "A-10": ("aircraft", ("A-10", "A-10 Warthog", "A-10 Thunderbolt")),
    "AC-130": ("aircraft", ("AC-130",)),
    "C-130": ("aircraft", ("C-130", "C-130 Hercules")),
    "C-17": ("aircraft", ("C-17",)),
    "B-1": ("aircraft", ("B-1", "B-1B")),
    "B-2": ("aircraft", ("B-2", "B-2 Spirit")),
    "B-52": ("aircraft", ("B-52",)),
    "Su-22": ("aircraft", ("Su-22",)),
    "Su-24": ("aircraft", ("Su-24",)),
    "Su-25": ("aircraft", ("Su-25",)),
    "Su-27": ("aircraft", ("Su-27",)),
    "Su-30": ("aircraft", ("Su-30",)),
    "Su-34": ("aircraft", ("Su-34",)),
    "Su-35": ("aircraft", ("Su-35",)),
    "Su-57": ("aircraft", ("Su-57",)),
    "MiG-21": ("aircraft", ("MiG-21",)),
    "MiG-23": ("aircraft", ("MiG-23",)),
    "MiG-25": ("aircraft", ("MiG-25",)),
    "MiG-29": ("aircraft", ("MiG-29",)),
    "MiG-31": ("aircraft", ("MiG-31",)),
    "Tu-22M3": ("aircraft", ("Tu-22M3", "Tu-22")),
    "Tu-95": ("aircraft", ("Tu-95",)),
    "Tu-160": ("aircraft", ("Tu-160",)),
    "Il-76": ("aircraft", ("Il-76",)),
    "L-39": ("aircraft", ("L-39",)),
    "JF-17": ("aircraft", ("JF-17",)),
    "J-20": ("aircraft", ("J-20",)),
    "Tornado": ("aircraft", ("Tornado",)),
    "Rafale": ("aircraft", ("Rafale",)),
    "Eurofighter Typhoon": ("aircraft", ("Eurofighter Typhoon", "Eurofighter")),
    "Mirage 2000": ("aircraft", ("Mirage 2000", "Mirage")),
    "Gripen": ("aircraft", ("Gripen",)),
    "Harrier": ("aircraft", ("Harrier", "AV-8B")),
    # Drones.
    "MQ-9 Reaper": ("drone", ("MQ-9 Reaper", "MQ-9", "Reaper drone")),
    "MQ-1 Predator": ("drone", ("MQ-1 Predator", "MQ-1", "Predator drone")),
    "RQ-4 Global Hawk": ("drone", ("RQ-4 Global Hawk", "RQ-4", "Global Hawk")),
    "Bayraktar TB2": ("drone", ("Bayraktar TB2", "Bayraktar", "TB2")),
    "Shahed-136": ("drone", ("Shahed-136", "Shahed-131", "Shahed drone", "Geran-2")),
    "Orlan-10": ("drone", ("Orlan-10",)),
    "Lancet": ("drone", ("Lancet drone",)),
    "Switchblade": ("drone", ("Switchblade",)),
    "Mohajer-6": ("drone", ("Mohajer-6",)),
    "Heron": ("drone", ("Heron drone",)),
    "Hermes 450": ("drone", ("Hermes 450",)),
    # Helicopters.
    "AH-64 Apache": (
        "helicopter",
        ("AH-64 Apache", "AH-64", "Apache helicopter", "Apache gunship"),
    ),
    "UH-60 Black Hawk": ("helicopter", ("UH-60 Black Hawk", "UH-60", "Black Hawk")),
    "CH-47 Chinook": ("helicopter", ("CH-47 Chinook", "CH-47", "Chinook")),
    "AH-1 Cobra": ("helicopter", ("AH-1 Cobra", "AH-1", "Cobra helicopter")),
    "Mi-8": ("helicopter", ("Mi-8",)),
    "Mi-17": ("helicopter", ("Mi-17",)),
    "Mi-24": ("helicopter", ("Mi-24", "Mi-35")),
    "Mi-28": ("helicopter", ("Mi-28",)),
    "Ka-52": ("helicopter", ("Ka-52",)),
    "Tiger": ("helicopter", ("Tiger helicopter",)),
    # Tanks.
    "T-55": ("tank", ("T-55",)),
    "T-62": ("tank", ("T-62",)),
    "T-64": ("tank", ("T-64",)),
    "T-72": ("tank", ("T-72",)),
    "T-80": ("tank", ("T-80",)),
    "T-90": ("tank", ("T-90",)),
    "M1 Abrams": ("tank", ("M1 Abrams", "M1A1", "M1A2", "Abrams tank")),
    "Leopard 2": ("tank", ("Leopard 2", "Leopard tank")),
    "Challenger 2": ("tank", ("Challenger 2",)),
    "Merkava": ("tank", ("Merkava",)),
    # Armoured and utility vehicles.
    "BMP": ("vehicle", ("BMP-1", "BMP-2", "BMP-3", "BMP")),
    "BTR": ("vehicle", ("BTR-80", "BTR-82", "BTR")),
    "M2 Bradley": ("vehicle", ("M2 Bradley", "Bradley fighting vehicle", "Bradley IFV")),
    "Humvee": ("vehicle", ("Humvee",)),
    "MRAP": ("vehicle", ("MRAP",)),
    "Stryker": ("vehicle", ("Stryker",)),
    "Marder": ("vehicle", ("Marder",)),
    # Missiles and rocket systems (HIMARS is grouped with missiles, as the brief does).
    "Tomahawk": ("missile", ("Tomahawk",)),
    "Kalibr": ("missile", ("Kalibr",)),
    "Scud": ("missile", ("Scud",)),
    "Iskander": ("missile", ("Iskander",)),
    "ATACMS": ("missile", ("ATACMS",)),
    "Storm Shadow": ("missile", ("Storm Shadow", "SCALP")),
    "Hellfire": ("missile", ("Hellfire",)),
    "Javelin": ("missile", ("Javelin",)),
    "Stinger": ("missile", ("Stinger",)),
    "NLAW": ("missile", ("NLAW",)),
    "Patriot": ("missile", ("Patriot missile", "Patriot system", "Patriot battery")),
    "S-300": ("missile", ("S-300",)),
    "S-400": ("missile", ("S-400",)),
    "Kh-101": ("missile", ("Kh-101",)),
    "Kinzhal": ("missile", ("Kinzhal",)),
    "HIMARS": ("missile", ("HIMARS", "M142")),
    "Katyusha": ("missile", ("Katyusha",)),
    "Qassam": ("missile", ("Qassam",)),
    "Fateh-110": ("missile", ("Fateh-110",)),
    # Artillery.
    "M777": ("artillery", ("M777",)),
    "BM-21 Grad": ("artillery", ("BM-21 Grad", "BM-21", "Grad")),
    "BM-27 Uragan": ("artillery", ("BM-27", "Uragan")),
    "TOS-1": ("artillery", ("TOS-1",)),
    "M109": ("artillery", ("M109",)),
    "Caesar": ("artillery", ("Caesar howitzer",)),
    "D-30": ("artillery", ("D-30",)),
}

# canonical type -> (category, plural forms matched case-insensitively).
GENERIC: dict[str, tuple[str, tuple[str, ...]]] = {
    # Not "fighters": in war copy that word means combatants far more often than aircraft.
    "fighter jet": ("aircraft", ("fighter jets", "jet fighters", "fighter planes")),
    "warplane": ("aircraft", ("warplanes", "war planes", "combat aircraft", "military aircraft")),
    "jet": ("aircraft", ("jets",)),
    "bomber": ("aircraft", ("bombers",)),
    "aircraft": ("aircraft", ("aircraft", "planes", "airplanes")),
    "drone": ("drone", ("drones", "UAVs", "unmanned aerial vehicles", "kamikaze drones")),
    "helicopter": ("helicopter", ("helicopters", "helicopter gunships", "gunships", "choppers")),
    "tank": ("tank", ("tanks", "battle tanks")),
    "armored vehicle": (
        "vehicle",
        (
            "armored vehicles",
            "armoured vehicles",
            "armored personnel carriers",
            "armoured personnel carriers",
            "APCs",
            "military vehicles",
            "infantry fighting vehicles",
        ),
    ),
    "missile": ("missile", ("missiles", "cruise missiles", "ballistic missiles")),
    "rocket": ("missile", ("rockets",)),
    "artillery piece": (
        "artillery",
        ("artillery pieces", "howitzers", "mortars", "rocket launchers", "artillery guns"),
    ),
    "shell": ("artillery", ("shells", "artillery shells", "mortar shells", "mortar rounds")),
    "warship": (
        "ship",
        (
            "warships",
            "frigates",
            "destroyers",
            "submarines",
            "corvettes",
            "gunboats",
            "aircraft carriers",
            "naval vessels",
        ),
    ),
}

# A noun after a model belongs to it ("F-16 jet fighters", "Tomahawk cruise missiles"); up to
# two lower-case modifiers may precede it, but never a function word ("F-16 and jets").
_HEAD_NOUNS = (
    r"(?:(?!(?:and|or|of|the|with|to|in|on|at|from|by|for)\b)[a-z][\w-]*\s+){0,2}"
    r"(?:jets?|fighters?|aircraft|planes?|warplanes?|bombers?|helicopters?|gunships?|drones?"
    r"|tanks?|missiles?|rockets?|launchers?|systems?|vehicles?|howitzers?|batter(?:y|ies))\b"
)
_COUNTED_ELSEWHERE = re.compile(
    r"\s+(?:pilots?|crews?|squadrons?|strikes?|bases?|deals?|sales?|programm?e?s?|contracts?"
    r"|factor(?:y|ies)|parts|engines?)\b",
    re.IGNORECASE,
)
_GAP = re.compile(
    r"\s+(?:of\s+)?(?:(?:[A-Z][\w.’'-]*|new|more|additional|modern|advanced|enemy|"
    r"[a-z]+-(?:made|built|supplied|designed))\s+){0,2}$"
)
_SINGLE = re.compile(r"(?<![\w-])(?:an?|one|single)\s+$", re.IGNORECASE)


def _compile(aliases: list[str], flags: int) -> re.Pattern[str]:
    # One factored alternation (a trie, longest alias first) rather than ~200 branches that re
    # would try one by one at every position; hyphens and spaces inside an alias are optional.
    body = trie_regex(aliases, separator=r"[-\u2011\s]?")
    return re.compile(rf"(?<![\w/-])(?:{body})(?:s|'s|’s)?(?![\w-])", flags)


def _key(mention: str) -> str:
    return re.sub(r"[-\u2011\s]|(?:'s|’s)$", "", mention).lower()


_MODEL_INDEX: dict[str, tuple[str, str]] = {}
for _type, (_category, _aliases) in MODELS.items():
    for _alias in _aliases:
        _MODEL_INDEX[_key(_alias)] = (_type, _category)
_GENERIC_INDEX: dict[str, tuple[str, str]] = {}
for _type, (_category, _aliases) in GENERIC.items():
    for _alias in _aliases:
        _GENERIC_INDEX[_key(_alias)] = (_type, _category)

_CODES = _compile(
    [a for _, al in MODELS.values() for a in al if re.search(r"\d", a)], re.IGNORECASE
)
_NAMES = _compile([a for _, al in MODELS.values() for a in al if not re.search(r"\d", a)], 0)
_GENERICS = _compile([a for _, al in GENERIC.values() for a in al], re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_HEAD_AFTER = re.compile(rf"\s+{_HEAD_NOUNS}", re.IGNORECASE)


def extract(doc: Document) -> list[ExtractedFact]:
    """Weapons and vehicles (kind = category) with type, count and category."""
    facts: list[ExtractedFact] = []
    for sentence in doc.sentences:
        s, e = sentence.start, sentence.end
        amounts = find_amounts(doc.text, s, e)
        taken: list[tuple[int, int]] = []
        # Codes need a digit and generic nouns a count: skip the costly scans when absent.
        codes = _CODES.finditer(doc.text, s, e) if _DIGIT.search(sentence.text) else ()
        generics = _GENERICS.finditer(doc.text, s, e) if amounts else ()
        mentions = sorted(
            [(m, True) for m in codes]
            + [(m, True) for m in _NAMES.finditer(doc.text, s, e)]
            + [(m, False) for m in generics],
            key=lambda item: (item[0].start(), -item[0].end()),
        )
        for match, is_model in mentions:
            fact = _fact(doc.text, sentence, match, is_model, amounts)
            if fact is not None and not any(a < fact.end and fact.start < b for a, b in taken):
                taken.append((fact.start, fact.end))
                facts.append(fact)
    return facts


def _fact(
    text: str, sentence: Span, match: re.Match[str], is_model: bool, amounts: list[Amount]
) -> ExtractedFact | None:
    found = _lookup(match.group(), _MODEL_INDEX if is_model else _GENERIC_INDEX)
    if found is None:
        return None
    type_name, category = found
    end = match.end()
    if is_model and (head := _HEAD_AFTER.match(text, end, sentence.end)) is not None:
        end = head.end()
    count = _count(text, sentence.start, match.start(), amounts)
    if count is not None and _COUNTED_ELSEWHERE.match(text, end, sentence.end):
        count = None  # "two F-16 pilots" counts pilots
    if not is_model and (count is None or count[1] is None or count[1] < 2):
        return None
    start, number, qualifier = count if count is not None else (match.start(), None, None)
    return ExtractedFact(
        field="equipment",
        kind=category,
        value={"type": type_name, "count": number, "category": category},
        start=start,
        end=end,
        text=text[start:end],
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        qualifier=qualifier,
    )


def _lookup(mention: str, index: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(type, category) of a matched mention, with or without its plural ending."""
    key = _key(mention)
    return index.get(key) or index.get(re.sub(r"s$", "", key))


def _count(
    text: str, s_start: int, at: int, amounts: list[Amount]
) -> tuple[int, int | float | None, str | None] | None:
    """(start, count, qualifier) of the count written just before ``at``, if any."""
    for amount in reversed(amounts):
        if amount.end <= at:
            if _GAP.fullmatch(text, amount.end, at):
                return amount.start, amount.number, amount.qualifier
            break
    single = _SINGLE.search(text, max(s_start, at - 8), at)
    if single is not None:
        return single.start(), 1, "exact"
    return None
