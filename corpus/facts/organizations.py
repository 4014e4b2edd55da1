"""Organizations: a lexicon of canonical organizations and their aliases.

``canonical_organization`` normalises a mention ("the observatory", "Russia's Defense Ministry",
"SOHR") to one canonical organization; other extractors (attribution, quotes) call it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Organization:
    """A canonical organization: a stable entity id and its preferred name."""

    entity_id: str
    name: str


# canonical name -> aliases (matched case-insensitively, with a leading "the" optional).
_LEXICON: dict[str, tuple[str, ...]] = {
    "Islamic State": ("ISIS", "IS", "ISIL", "Islamic State", "Daesh", "Islamic State group",
                      "Isis", "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria"),
    "Syrian Observatory for Human Rights": ("SOHR", "Syrian Observatory for Human Rights",
                                            "the observatory", "Syrian Observatory"),
    "U.S. Central Command": ("CENTCOM", "U.S. Central Command", "US Central Command",
                             "Central Command", "US military's Central Command"),
    "SANA": ("SANA", "Syrian Arab News Agency", "Syria's official news agency SANA",
             "state news agency SANA", "Syrian national news agency SANA"),
    "UN Security Council": ("UN Security Council", "U.N. Security Council",
                            "United Nations Security Council", "Security Council"),
    "Russian Defense Ministry": ("Russian Defense Ministry", "Russia's Defense Ministry",
                                 "Russian Defence Ministry", "Russia's Defence Ministry",
                                 "Defense Ministry", "defense ministry in Russia",
                                 "Russian Ministry of Defense", "the ministry",
                                 "Russian military", "Russian army", "Moscow's Defense Ministry"),
    "Syrian military": ("Syrian military", "Syria's military", "Syrian army", "Syria's army",
                        "Syrian army general command", "Syria's army general command",
                        "Syrian General Command", "General Command",
                        "General Command of the Army and Armed Forces"),
    "Russian Foreign Ministry": ("Russian foreign ministry", "Russia's foreign ministry",
                                 "foreign ministry"),
    "Pentagon": ("Pentagon", "U.S. Department of Defense", "US Department of Defense"),
    "Reuters": ("Reuters",),
    "RT": ("RT", "Russia Today"),
    "Fox News": ("Fox News",),
    "The Guardian": ("The Guardian", "Guardian"),
    "Haaretz": ("Haaretz",),
    "BBC": ("BBC",),
    "The Washington Post": ("Washington Post",),
    "RIA Novosti": ("RIA Novosti",),
    "Amaq": ("Amaq", "Amaq news outlet"),
    "United Nations": ("UN", "U.N.", "United Nations"),
    "UN Office for the Coordination of Humanitarian Affairs": (
        "UN Office for the Coordination of Humanitarian Affairs", "OCHA"),
    "Fateh al-Sham Front": ("Fateh al-Sham Front", "Jabhat Fateh al-Sham", "Al-Nusra Front",
                            "Nusra Front"),
    "al-Qaeda": ("al-Qaeda", "al Qaeda", "Al-Qaida"),
    "NATO": ("NATO",),
}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _key(mention: str) -> str:
    text = re.sub(r"[’`]", "'", mention).strip().lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\s+", " ", text)


_ALIASES: dict[str, Organization] = {}
for _canonical, _aliases in _LEXICON.items():
    _org = Organization(entity_id=f"organization:{_slug(_canonical)}", name=_canonical)
    for _alias in (_canonical, *_aliases):
        _ALIASES[_key(_alias)] = _org


def canonical_organization(mention: str) -> Organization | None:
    """Normalise an organization mention to its canonical organization, or None if unknown."""
    return _ALIASES.get(_key(mention))


def organization_aliases() -> dict[str, tuple[str, ...]]:
    """The lexicon: canonical name -> aliases (for search alias expansion and entity listing)."""
    return dict(_LEXICON)
