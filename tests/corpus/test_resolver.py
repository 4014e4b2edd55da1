"""The resolver: explicit names, owned bodies and generic mentions, on copy we wrote ourselves.

A generic mention ("the ministry", "police", "the coroner") names only a compatible body named
earlier in the same article; a nationality or owner inside the phrase names that country's body;
nothing ever falls back to a default body.
"""

from __future__ import annotations

import pytest

from corpus.facts import organizations
from corpus.facts.attribution import find_attribution
from corpus.facts.document import Document
from corpus.facts.grounding import is_grounded
from corpus.facts.resolver import (
    canonical_organization,
    compatible,
    generic_mention,
    organization,
    resolve,
)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Israel's Defense Ministry", "Israeli Defense Ministry"),
        ("the Israeli defence ministry", "Israeli Defense Ministry"),
        ("Nigeria's army", "Nigerian Army"),
        ("Ghana’s Ministry of Health", "Ghanaian Health Ministry"),
        ("the foreign ministry of Ukraine", "Ukrainian Foreign Ministry"),
        ("the interior ministry in Peru", "Peruvian Interior Ministry"),
        ("Mexico's navy", "Mexican Navy"),
        ("the Liberian army", "Liberian Army"),  # demonyms beyond our table (countryinfo)
        ("Tanzania's police", "Tanzanian Police"),
        ("Eswatini's army", "Swazi Army"),
        ("Curaçao's police", "Curacao Police"),  # no demonym known: the country's name
        ("the Congolese army", None),  # two countries' demonym: neither
        ("U.S. Army", "U.S. Army"),
        ("the US military", "U.S. military"),
        ("the UK Ministry of Defence", "British Defense Ministry"),
        ("General Staff of the Polish Armed Forces", "Polish General Staff"),
        ("Syria's army general command", "Syrian General Command"),
        ("Syrian Arab Army", "Syrian Army"),  # the lexicon's name for that army
        ("Kenya Red Cross", None),  # a name of its own, never the ICRC
        ("Red Cross", None),
        ("ICRC", "International Committee of the Red Cross"),
        ("Kyodo", "Kyodo News"),
        ("ATF", "Bureau of Alcohol, Tobacco, Firearms and Explosives"),
        ("the ministry", None),  # generic: no default body
        ("the foreign ministry", None),
        ("the army", None),
        ("the observatory", None),
        ("the General Command", None),
        ("police", None),
    ],
)
def test_canonical_names(mention: str, expected: str | None) -> None:
    org = canonical_organization(mention)
    assert (org.name if org else None) == expected


@pytest.mark.parametrize(
    ("mention", "earlier", "expected"),
    [
        ("the ministry", [], None),
        ("the ministry", ["Peruvian Defense Ministry", "Chilean Foreign Ministry"],
         "Chilean Foreign Ministry"),  # the nearest
        ("the defense ministry", ["Peruvian Defense Ministry", "Chilean Foreign Ministry"],
         "Peruvian Defense Ministry"),  # its portfolio, not the nearest
        ("the foreign ministry", ["Peruvian Defense Ministry"], None),
        ("the army", ["Chad Police", "Malian military"], "Malian military"),
        ("the military", ["Nigerian Army"], "Nigerian Army"),
        ("the army", ["Chad Police"], None),
        ("police", ["Tampa Police Department", "Hillsborough County Sheriff's Office"],
         "Tampa Police Department"),
        ("the sheriff’s office", ["Tampa Police Department", "Polk County Sheriff's Office"],
         "Polk County Sheriff's Office"),
        ("the coroner", ["Lake County Medical Examiner's Office"],
         "Lake County Medical Examiner's Office"),
        ("State Police", ["Dover Police"], None),
        ("State Police", ["Ohio State Police", "Dover Police"], "Ohio State Police"),
        ("the agency", ["Syrian Observatory for Human Rights", "SANA"], "SANA"),
        ("the observatory", ["SANA"], None),
    ],
)  # fmt: skip
def test_generic_mentions_refer_back(
    mention: str, earlier: list[str], expected: str | None
) -> None:
    bodies = [canonical_organization(n) or organization(n) for n in earlier]
    org = resolve(mention, bodies)
    assert (org.name if org else None) == expected


def test_compatibility_needs_the_head_and_the_portfolio() -> None:
    ministry = generic_mention("the health ministry")
    assert ministry is not None
    assert compatible(ministry, organization("Ghanaian Health Ministry"))
    assert not compatible(ministry, organization("Ghanaian Foreign Ministry"))
    assert not compatible(ministry, organization("Accra Police"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry said 40 people died in floods across the north of the country.", []),
        ("Nigeria's army said 12 soldiers died in the ambush. The army later raised the toll.",
         [("Nigeria's army", "Nigerian Army"), ("The army", "Nigerian Army")]),
        ("Ghana's health ministry reported 30 new cases. The foreign ministry said nothing.",
         [("Ghana's health ministry", "Ghanaian Health Ministry")]),
        ("Peru's defense ministry and Chile's foreign ministry met on Monday. The ministry said "
         "talks went well.",
         [("Peru's defense ministry", "Peruvian Defense Ministry"),
          ("Chile's foreign ministry", "Chilean Foreign Ministry"),
          ("The ministry", "Chilean Foreign Ministry")]),
        ("The Kenya Red Cross said 12 people had drowned. The Red Cross asked for blood donors.",
         [("Kenya Red Cross", "Kenya Red Cross"), ("Red Cross", "Red Cross")]),
        ("Officers from the Tampa Police Department responded to the call after midnight. "
         "Police said the victim was 24.",
         [("Tampa Police Department", "Tampa Police Department"),
          ("Police", "Tampa Police Department")]),
        ("Police said three people were hurt in the crash on the interstate.", []),
        ("Tampa police said two men were hurt outside a bar on the east side of the city.",
         [("Tampa police", "Tampa Police")]),
        ("Aransas Pass police said the girl was 11. Officers from several police departments "
         "came.", []),  # a town the gazetteer lacks is not "Pass"; plural police are no body
        ("Lagos police arrested two men on Sunday. The army said they were deserters.",
         [("Lagos police", "Lagos Police")]),
        ("The Lake County coroner identified the man on Friday. The coroner said he had died "
         "of a single gunshot wound.",
         [("Lake County coroner", "Lake County Coroner"), ("The coroner", "Lake County Coroner")]),
        ("A deputy with the Polk County Sheriff's Office found the car on a rural road near the "
         "county line. The sheriff's office said it had been stolen.",
         [("Polk County Sheriff's Office", "Polk County Sheriff's Office"),
          ("The sheriff's office", "Polk County Sheriff's Office")]),
        ("Two people died in the blast, the Kyodo news agency reported, citing police.",
         [("Kyodo news", "Kyodo News")]),
        ("Xinhua and Yonhap both carried the defence ministry statement in full.",
         [("Xinhua", "Xinhua"), ("Yonhap", "Yonhap")]),
        # a name of generic words matches only as written, and beats the generic mention
        ("The State Department said the embassy would stay closed over the weekend.",
         [("State Department", "U.S. State Department")]),
        ("The state department of transportation closed the road for a week.", []),
        ("Global research shows the same pattern in every country we studied.", []),
        # a bare lower-case noun modifying another names no body
        ("Nigeria's army said 12 died. Military forces and army camps were on alert in the "
         "north; the army position near the border held.",
         [("Nigeria's army", "Nigerian Army")]),
        # "<head> of the <generic words>" is a generic mention of its head
        ("Iraq's army general command said 9 died. The General Command of the Army and Armed "
         "Forces said more.",
         [("Iraq's army general command", "Iraqi General Command"),
          ("General Command of the Army and Armed Forces", "Iraqi General Command")]),
        ("The General Command of Mali's army said 20 soldiers died near the border.",
         [("General Command of Mali's army", "Malian General Command")]),
    ],
)  # fmt: skip
def test_mentions_in_copy(text: str, expected: list[tuple[str, str]]) -> None:
    facts = organizations.extract(Document.parse(text))
    assert [(f.text, f.value["name"]) for f in facts] == expected
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
        assert is_grounded(fact.value["name"], text)


@pytest.mark.parametrize(
    ("text", "sentence", "source"),
    [
        ("The ministry said 40 people died in the floods.", 0, "ministry"),
        ("Israel's Defense Ministry said 14 soldiers were killed.", 0, "Israeli Defense Ministry"),
        ("Kenya Red Cross said 12 people died in the floods.", 0, "Kenya Red Cross"),
        ("Officers from the Tampa Police Department were called after midnight. Two men were "
         "wounded, police said.", 1, "Tampa Police Department"),
        ("Two men were wounded, police said.", 0, "police"),
        ("Three people were killed, said Sgt. Ann Lee of the Dayton Police Department.", 0,
         "Dayton Police Department"),
        ("Five people died, the Boyle County coroner said.", 0, "Boyle County Coroner"),
        ("Four were killed, the AFP news agency reported.", 0, "Agence France-Presse"),
        ("Six were killed, according to the observatory.", 0, "observatory"),
        ("Nigeria's army said 12 soldiers were killed. The army said 3 more died later.", 1,
         "Nigerian Army"),
        ("Chile's foreign ministry was told of the raid. Nine died, a ministry spokesman said.", 1,
         "Chilean Foreign Ministry"),
        # "the foreign ministry" keeps its portfolio: the health ministry is not it
        ("Ghana's health ministry reported 30 new cases. The foreign ministry said 2 died.", 1,
         "foreign ministry"),
    ],
)  # fmt: skip
def test_attribution_through_the_resolver(text: str, sentence: int, source: str) -> None:
    doc = Document.parse(text)
    assert find_attribution(doc, sentence) == source
    assert is_grounded(source, text)


@pytest.mark.parametrize(
    ("name", "text", "grounded"),
    [
        ("Israeli Defense Ministry", "Israel's defense ministry said on Monday.", True),
        ("Russian Defense Ministry", "Israel's defense ministry said on Monday.", False),
        ("U.S. military", "American troops left the base.", True),
        ("Syrian Observatory for Human Rights", "SOHR said 12 died.", True),
        ("International Committee of the Red Cross", "Kenya Red Cross said 12 died.", False),
        ("Chicago Police Department", "Chicago police said two were shot.", True),
        ("Nigerian Army", "The army said 12 died.", False),
        ("ministry", "The ministry said so.", True),  # nothing distinctive to ground
    ],
)
def test_is_grounded(name: str, text: str, grounded: bool) -> None:
    assert is_grounded(name, text) is grounded


@pytest.mark.parametrize(
    "text",
    [
        # another paragraph (another story on the page) lends no source
        "Deputies of the Elm County Sheriff's Office said the road was closed.\n\n"
        "Three people were hurt in a crash on Route 9 overnight.",
        # nor does anything lend its source to a headline
        "Police in Dover said it was over. Three Hurt In Dover Crash On Main Street",
    ],
)
def test_no_source_is_borrowed_across_paragraphs_or_into_headlines(text: str) -> None:
    doc = Document.parse(text)
    assert len(doc.sentences) == 2
    assert find_attribution(doc, 1) is None
