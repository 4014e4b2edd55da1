"""Organizations, sayers and office holders on sentences and articles written for this test:
"The company said ..." read back to the organization it refers to, a figure the question states
deciding between sayers, sayers written before a reporting verb, partnerships' names, the two
sides of a sale, "<Name> is the head of ..." and role phrases joined by "and". Every answer
cites spans that slice its article exactly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from search.answer.coreference import antecedent, opening_offset, refers_back
from search.answer.organizations import (
    NAMED,
    SAYER,
    naming_cue,
    opening_organization,
    opening_words,
    organization_mentions,
)
from search.answer.persons import acting_people
from search.answer.questions import stems_of
from search.answer.role_holders import role_holders
from search.answer.roles import role_near
from search.answer.sales import other_side
from tests.search.serving import assert_top_answer, serving

REFERS_BACK = [
    ("The company said it would close two plants.", True),
    ("It said the sale would close in April.", True),
    ("But the agency says the figures are early.", True),
    ("However, the group did not say when.", True),
    ("They added that talks would go on.", True),
    ("The company's shares rose.", False),  # "company's": no subject reference
    ("The Company Store opened.", False),
    ("Its chairman resigned.", False),
    ("Italy said it would join.", False),
]


@pytest.mark.parametrize(("sentence", "expected"), REFERS_BACK)
def test_refers_back(sentence: str, expected: bool) -> None:
    assert refers_back(sentence) is expected


OPENING = [
    ("BRANTFORD, March 3 - Velmor Tools Inc said it sold a unit.", "Velmor Tools Inc"),
    ("OSLO, Feb 26 - <Harkon Shipping AS> said it bought two ships.", "Harkon Shipping AS"),
    ("DALTON, Ga., March 2 - The Ostry Fund Inc said it had an offer.", "Ostry Fund Inc"),
    ("Velmor Tools Inc <VLT> said profits fell.", "Velmor Tools Inc"),
    ("Pella Grain Commission has cut its forecast.", "Pella Grain Commission"),
    ("Analysts said Velmor Tools Inc would gain.", None),  # not its subject
    ("Marta Quill said the deal was fair.", None),  # a person
    ("Velmor Tools Inc's shares rose.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), OPENING)
def test_opening_organization(sentence: str, expected: str | None) -> None:
    found = opening_organization(sentence)
    assert (sentence[found[0] : found[1]] if found else None) == expected


def test_opening_offset_skips_a_dateline() -> None:
    sentence = "NEW HAVEN, Conn., March 2 - Velmor Tools Inc said"
    assert sentence[opening_offset(sentence) :].startswith("Velmor")


CHAINS = [
    # the chain of references reaches the subject of the first sentence
    (
        "TALLIN, March 2 - Velmor Tools Inc said its profits may fall. The company said the "
        "decline was due to costs. It said results would come in April.",
        "Velmor Tools Inc",
    ),
    # a person opening a sentence in between: "it" is ambiguous, nothing is answered
    (
        "Velmor Tools Inc said its profits may fall. Marta Quill called the figures weak. "
        "It said results would come in April.",
        None,
    ),
    # an organization that is not the subject of its sentence is no antecedent
    (
        "Analysts said Velmor Tools Inc would gain. It said results would come in April.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "expected"), CHAINS)
def test_antecedent(text: str, expected: str | None) -> None:
    last = text.rindex("It said")
    found = antecedent(text, last, opening_organization)
    assert (text[found.start : found.end] if found else None) == expected
    if found:
        assert found.sentence_start <= found.start < found.end <= found.sentence_end


CUES = [
    # a name of two words or more before a reporting verb is a sayer
    ("Output fell 4 pct in May, Corvana Minera Estatal said.", "Corvana Minera Estatal", SAYER),
    ("Corvana Minera Estatal reported a loss.", "Corvana Minera Estatal", SAYER),
    # a person's name is none
    ("Output fell, Marta Quill said.", "Marta Quill", 0.0),
    # a name that reports nothing and has no head noun is none
    ("Corvana Minera Estatal owns the mine.", "Corvana Minera Estatal", 0.0),
    # a company named for its trade
    ("Talbot Petroleum delayed the pipeline.", "Talbot Petroleum", NAMED),
    ("Ostmark Resources sold the unit.", "Ostmark Resources", NAMED),
]


@pytest.mark.parametrize(("sentence", "name", "cue"), CUES)
def test_sayer_cue(sentence: str, name: str, cue: float) -> None:
    start = sentence.index(name)
    assert naming_cue(sentence, start, start + len(name), "company", {"output"}) == cue


NAMED_AS = [
    # the noun before a verb of naming gives the name's kind
    ("She founded a group called Vornex in 1990.", "Vornex", "group", set(), NAMED),
    ("Staff joined a militia known as Orvane Guard.", "Orvane Guard", "group", set(), NAMED),
    # a place before a preposition of the question modifies no noun of it
    ("The raid in eastern Lisle after the warning stopped.", "Lisle", "command", {"after"}, 0.0),
]


@pytest.mark.parametrize(("sentence", "name", "focus", "terms", "cue"), NAMED_AS)
def test_naming_cue_for_the_asked_kind(
    sentence: str, name: str, focus: str, terms: set[str], cue: float
) -> None:
    start = sentence.index(name)
    assert naming_cue(sentence, start, start + len(name), focus, terms) == cue


def test_a_name_opening_on_a_title_is_a_persons() -> None:
    sentence = "President Orvo says the Vornex Group was set up in 1998."
    found = organization_mentions(sentence, opening_words(), set(), "group", {"set"})
    assert [name for _, name, _ in found] == ["Vornex Group"]


PARTNERSHIPS = [
    # a first name opening a partnership's name does not make it a person
    ("A partner at accountancy firm Karl and Brandt, Nils Orvo, says", "Karl and Brandt"),
    ("The accounting firm Holt & Farrow found sales up.", "Holt & Farrow"),
]


@pytest.mark.parametrize(("sentence", "name"), PARTNERSHIPS)
def test_partnership_names(sentence: str, name: str) -> None:
    found = organization_mentions(sentence, opening_words(), set(), "firm", {"survey", "sale"})
    names = [n for _, n, _ in found]
    assert name in names
    for offset, n, _ in found:
        assert sentence[offset : offset + len(n)] == n


SALES = [
    # (sentence, name, question's words, answers)
    (
        "Zeta Corp completed the acquisition of Pell Power from Omega Gas.",
        "Omega Gas",
        "sold",
        True,
    ),
    (
        "Zeta Corp completed the acquisition of Pell Power from Omega Gas.",
        "Omega Gas",
        "buy",
        False,
    ),
    ("Alpha Co agreed to sell 80 pct of Beta Holding to <Delta PLC>.", "Delta PLC", "buying", True),
    ("Alpha Co agreed to sell 80 pct of Beta Holding to <Delta PLC>.", "Delta PLC", "sold", False),
    ("Zeta Corp moved its staff from Omega Gas.", "Omega Gas", "sold", False),  # no sale
]


@pytest.mark.parametrize(("sentence", "name", "asked", "expected"), SALES)
def test_other_side_of_a_sale(sentence: str, name: str, asked: str, expected: bool) -> None:
    terms = set(stems_of(f"who {asked} it"))
    assert other_side(sentence, sentence.index(name), terms) is expected
    if expected:
        start = sentence.index(name)
        assert naming_cue(sentence, start, start + len(name), None, terms) == NAMED


ACTING = [
    ("Oren Talbi is the head of the Kessel mosque in Dunmore.", "head", ["Oren Talbi"]),
    ("Oren Talbi was the founder of the Kessel club.", "founder", ["Oren Talbi"]),
    ("Oren Talbi has the head of the list.", "head", []),  # "has the": no copula
]


@pytest.mark.parametrize(("text", "verb", "names"), ACTING)
def test_copula_with_the_verbs_noun(text: str, verb: str, names: list[str]) -> None:
    found = acting_people(text, 0, len(text), frozenset(stems_of(verb)))
    assert [m.text for m in found] == names
    for m in found:
        assert text[m.start : m.end] == m.text


ROLES = [
    (
        "They will serve with Pell Mart president and chief executive officer Jon Quill.",
        "Jon Quill",
        "president and chief executive officer",
    ),
    (
        "The firm's chief financial officer Jon Quill resigned.",
        "Jon Quill",
        "chief financial officer",
    ),
]


@pytest.mark.parametrize(("text", "name", "role"), ROLES)
def test_role_phrases_joined_by_and(text: str, name: str, role: str) -> None:
    start = text.index(name)
    found = role_near(text, start, start + len(name))
    assert found is not None and role in found.text
    assert text[found.start : found.end] == found.text


UNNAMED_THEN_NAMED = [
    # the speaker known by role is the one the next sentence names
    (
        "Iris Vell, the actress, died on Friday aged 80, her agent said. She had been ill for "
        "a year, said Tom McQuarry. He said she died at home.",
        "Tom McQuarry",
    ),
    ("Iris Vell died on Friday, her agent said. Tom Quarry said she had been ill.", "Tom Quarry"),
    # whose agent is not said: no holder
    ("The film opened on Friday, the agent said. It ran for a year, said Tom Quarry.", None),
    # the next sentence names nobody speaking
    ("Iris Vell died on Friday, her agent said. Tom Quarry was at her side.", None),
]


@pytest.mark.parametrize(("text", "name"), UNNAMED_THEN_NAMED)
def test_unnamed_speaker_named_next(text: str, name: str | None) -> None:
    end = text.index("said.") + len("said.")
    found = list(role_holders(text, 0, end, "agent"))
    assert [h.name for h in found] == ([name] if name else [])
    for h in found:
        assert text[h.name_start : h.name_end] == h.name
        assert text[h.role_start : h.role_end] == h.role


ARTICLES = [
    {
        "source": "Valley Wire",
        "published": "2024-05-06",
        "text": (
            "Dam breach floods Orvane valley\n\n"
            "The Orvane Water Board said at least 30 people were missing after the flood "
            "breached the dam and swept through the lower valley. "
            "The Orvane Valley Rescue Network said 45 were missing."
        ),
    },
    {
        "source": "Market Wire",
        "published": "1987-03-02",
        "text": (
            "KESTEN MILLS SEES LOWER NET\n\n"
            "TALLIN, March 2 - Kesten Mills Co said its first quarter profits may fall.\n"
            "The company said the decline was due to the purchase of 64 pct of Darrow Looms "
            "Inc's stock.\n"
            "It said the report would be issued in April."
        ),
    },
    {
        "source": "Market Wire",
        "published": "1987-03-03",
        "text": (
            "BRELL UNITED BUYS PELL POWER\n\n"
            "OSLO, March 3 - Brell United Inc said it completed the acquisition of Pell Power "
            "from Ostmark Energy for about 40 mln dlrs."
        ),
    },
    {
        "source": "Market Wire",
        "published": "1987-03-04",
        "text": (
            "HARBOUR HOTEL SOLD\n\n"
            "LISBON, March 4 - <Ostra Hotels Inc> and Corbel Land Partners said they agreed to "
            "acquire the Harbour Hotel in Porto Vell from Dalmar Corp for undisclosed terms."
        ),
    },
    {
        "source": "Stage Wire",
        "published": "2024-06-01",
        "text": (
            "Dame Orla Penhallow, the stage actress best known for her years at the Kestrel "
            "Playhouse, died on Friday aged 81, her agent said. She had been ill for some months "
            "and died at home, said Fergus McAllan. He said she had been working until May."
        ),
    },
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serving(tmp_path_factory.mktemp("organizations"), ARTICLES) as test_client:
        yield test_client


ANSWERS = [
    # the figure the question states decides between two sayers
    ("Which organization said 45 people were missing after the flood?", "Orvane Valley Rescue"),
    ("Which organization said 30 people were missing after the flood?", "Orvane Water Board"),
    # "The company said ..." answers with the company that opened the story
    ("Which company bought 64 pct of Darrow Looms' stock?", "Kesten Mills Co"),
    # a sale told by the buyer answers who sold
    ("Who sold Pell Power to Brell United?", "Ostmark Energy"),
    # "Hotels" is a common noun the question's "Harbour Hotel" shares: no subject of the
    # question; and "Land Partners" inside a company's name is no person
    ("Who agreed to buy the Harbour Hotel from Dalmar?", "Ostra Hotels Inc"),
    # "..., her agent said. ..., said <Name>."
    ("Who was Orla Penhallow's agent?", "Fergus McAllan"),
]


@pytest.mark.parametrize(("question", "expected"), ANSWERS)
def test_answers(client: TestClient, question: str, expected: str) -> None:
    assert_top_answer(client, question, (expected,))
