"""Organizations and role holders read at question time, on sentences and articles written for
this test: a function word capitalised in mid-sentence opening a name, two whole names joined by
"and", a nationality or a sentence's first word before a noun (no organization), a body asked
for by its kind ("Which bank ...?"), a report's author after "by", a question opening with a
preposition, a purchase told in other words; a person's role preferred to a bare title, a rank
under the asked role ("vice-president") that is not it, and a verb naming a role ("Who chairs
...?"). Every answer cites spans that slice its article exactly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from search.answer.answerer import _new_name
from search.answer.candidates import overlap
from search.answer.organizations import MODIFIER, naming_cue, opening_words, organization_mentions
from search.answer.questions import analyze_question
from search.answer.role_holders import under_role
from search.answer.roles import is_role
from tests.search.serving import assert_top_answer, serving

MENTIONS = [
    # two whole names joined by "and" are two bodies
    (
        "It got financing from First Ostrava Bank of Lisle and Pellam Inc.",
        ["First Ostrava Bank of Lisle", "Pellam Inc"],
    ),
    (
        "Talbot Mining Co and Varga Steel Corp said they would merge.",
        ["Talbot Mining Co", "Varga Steel Corp"],
    ),
    # one side alone names no body: one name
    (
        "Officers from the Dorset Lands and Water Department said.",
        ["Dorset Lands and Water Department"],
    ),
    ("The Harbour and Port Workers Union said.", ["Harbour and Port Workers Union"]),
    # a function word in capitals in mid-sentence opens the name; a weekday does not
    ("The stake went to First Harlow Bank last year.", ["First Harlow Bank"]),
    ("He said on Monday Varga Steel Corp would sell.", ["Varga Steel Corp"]),
    # a body's possessive before its unit's name, or its member's
    (
        "LISLE, March 2 - Orne Business Systems Inc's Orne Meto division said it bought Pell Co.",
        ["Orne Business Systems Inc", "Pell Co"],
    ),
    ("The Harlow Services Union's Ann Lo says staff are owed pay.", ["Harlow Services Union"]),
    # "Bank of <Place>": the head noun before "of <Place>"
    ("Shares went to the Bank of Lisle.", ["Bank of Lisle"]),
]


@pytest.mark.parametrize(("sentence", "names"), MENTIONS)
def test_organization_mentions(sentence: str, names: list[str]) -> None:
    found = organization_mentions(sentence, opening_words(), set(), "bank", {"financ"})
    assert [name for _, name, _ in found] == names
    for offset, name, _ in found:
        assert sentence[offset : offset + len(name)] == name


GLOSSED = [
    # the asked noun after a gloss in parentheses names the body, a first name or not
    (
        "Officials say the Ansel al-Orvan (friends of Orvan) group holds the villages.",
        "Ansel al-Orvan",
    ),
    ("The Orvane Valley Union (OVU) party controls the north.", "Orvane Valley Union"),
]


@pytest.mark.parametrize(("sentence", "name"), GLOSSED)
def test_a_gloss_between_name_and_noun(sentence: str, name: str) -> None:
    found = organization_mentions(sentence, opening_words(), set(), "group", {"hold"})
    found += organization_mentions(sentence, opening_words(), set(), "party", {"control"})
    assert name in [n for _, n, _ in found]


MODIFIERS = [
    ("Fares will rise on the old Canadian fleet.", "Canadian", 0.0),
    ("On Monday Kestrel demonstrators walked into the plant.", "Kestrel", MODIFIER),
    # a word of English opening a sentence is capitalised for that alone
    ("Very many voters stayed home.", "Very", 0.0),
]


@pytest.mark.parametrize(("sentence", "name", "cue"), MODIFIERS)
def test_a_nationality_modifies_no_body(sentence: str, name: str, cue: float) -> None:
    start = sentence.index(name)
    terms = {"fleet", "demonstr", "few"}
    assert naming_cue(sentence, start, start + len(name), "organisation", terms) == cue


UNDER = [
    ("president", "Orvane Sailing Club vice-president", True),
    ("leader", "deputy leader", True),
    ("commissioner", "Assistant Commissioner", True),
    ("chairman", "ex-chairman", True),
    ("vice-president", "Orvane Sailing Club vice-president", False),
    ("president", "Orvane Sailing Club president", False),
    ("deputy chief executive", "deputy chief executive", False),
]


@pytest.mark.parametrize(("focus", "role", "expected"), UNDER)
def test_a_rank_under_the_role(focus: str, role: str, expected: bool) -> None:
    assert under_role(focus, role) is expected


ROLES = [
    ("Opposition leader", True),
    ("Det. Sgt.", True),  # abbreviations end in a period too
    ("St. Louis police chief", True),
    ("Mr", False),
    ("Orvane. Mr", False),  # the end of one sentence and the address opening the next
]


@pytest.mark.parametrize(("role", "expected"), ROLES)
def test_is_role(role: str, expected: bool) -> None:
    assert is_role(role) is expected


def test_a_rank_under_the_role_is_no_answer(client: TestClient) -> None:
    body = client.get("/ask", params={"q": "Who is the president of Orvane Sailing Club?"})
    texts = [a["text"] for a in body.json()["answers"]]
    assert texts and "Mara Voss" in texts[0]
    assert not any("Tom Hale" in t for t in texts)


NEW_NAMES = [
    # the question's own name with a possessive is no new name
    (
        "Which company bought Kestrel's mill?",
        "The administrators have a buyer for Kestrel's mill.",
        False,
    ),
    ("Which company bought Kestrel's mill?", "Ostra Mills bought Kestrel's mill.", True),
]


@pytest.mark.parametrize(("question", "sentence", "expected"), NEW_NAMES)
def test_new_name(question: str, sentence: str, expected: bool) -> None:
    assert _new_name(question, sentence) is expected


# One word of a purchase matches another ("bought" ~ "acquisition").
BUYING = [
    ("Which company bought the mill?", "The acquisition of the mill closed in May.", 1.0),
    ("Which company is buying the mill?", "Orne agreed to acquire the mill.", 1.0),
    ("Which company sold the mill?", "Orne agreed to acquire the mill.", 0.5),
]


@pytest.mark.parametrize(("question", "sentence", "share"), BUYING)
def test_words_of_a_purchase_match(question: str, sentence: str, share: float) -> None:
    terms = [t for t in analyze_question(question).terms if t != "compani"]
    assert overlap(terms, sentence) == share


TAKE_OVER = [
    ("Which firm took over Pell Wire?", ["firm", "acquir", "pell", "wire"]),
    ("Which company is taking over the mill?", ["compani", "acquir", "mill"]),
    # a successor takes over from someone, or as something
    ("Who is taking over from Ann Lo?", ["take", "over", "ann", "lo"]),
]


@pytest.mark.parametrize(("question", "terms"), TAKE_OVER)
def test_take_over_is_acquire(question: str, terms: list[str]) -> None:
    assert list(analyze_question(question).terms) == terms


ARTICLES = [
    {
        "source": "Market Wire",
        "published": "1987-03-05",
        "text": (
            "VARGA STEEL BUYS PELL WIRE\n\n"
            "LISLE, March 5 - <Varga Steel Corp> said it agreed with <Talbot Mining Co> to "
            "acquire <Pell Wire Co> for 20 mln dlrs, paid from its own funds."
        ),
    },
    {
        "source": "Market Wire",
        "published": "1987-03-06",
        "text": (
            "ORNE FOODS BID FINANCED\n\n"
            "LISLE, March 6 - <Orne Foods Inc> said it got financing for its offer for Kelso "
            "Dairies from Harrow Bank of Lisle and Quint Partners Inc <QP>."
        ),
    },
    {
        "source": "Coast Radio",
        "published": "2001-12-08",
        "text": (
            "Orvane Sailing Club president Mara Voss, vice-president Tom Hale and secretary "
            "Ina Bell were re-elected on Saturday. Orvane Sailing Club vice-president Tom Hale "
            "says the club will buy two boats."
        ),
    },
    {
        "source": "Coast Radio",
        "published": "2001-12-09",
        "text": (
            "Harlow Rovers chairman Ken Doyle says the club will not sell its ground. "
            "Swimmer Mia Renn won three gold medals. Renn's coach Joe Bart says she is in the "
            "best form of her life."
        ),
    },
    {
        "source": "Market Wire",
        "published": "1987-03-07",
        "text": (
            "DUNMORE BRANDS COMPLETES PURCHASE\n\n"
            "LISLE, March 7 - <Dunmore Brands Inc> said it completed the acquisition of "
            "<Quarry Tile Co> for five mln dlrs in cash and stock."
        ),
    },
    {
        "source": "Market Wire",
        "published": "1987-03-09",
        "text": (
            "KELSO DAIRIES HIRES ADVISER\n\n"
            "LISLE, March 9 - Kelso Dairies said it hired the merchant bank Hollis Brothers Ltd "
            "to advise it on the offer from Orne Foods."
        ),
    },
    {
        "source": "Valley Radio",
        "published": "2001-12-04",
        "text": (
            "An old Canadian fleet of buses is costly to run, a study finds. "
            "The study released by the Dunmore Institute says most old buses should go."
        ),
    },
    {
        "source": "Valley Radio",
        "published": "2001-12-06",
        "text": (
            "Fewer children walk to school. The council's Road Safety Unit director, professor "
            "Ann Lofthouse, says parents fear traffic. Professor Lofthouse says the trend is "
            "worrying. Professor Ann Lofthouse says more crossings would help."
        ),
    },
    {
        "source": "Valley Radio",
        "published": "2001-12-05",
        "text": (
            "Crime figures fell last year. As of July, police reported that the number of "
            "burglaries in Orvane was down 10 percent on the year before."
        ),
    },
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serving(tmp_path_factory.mktemp("kinds"), ARTICLES) as test_client:
        yield test_client


ANSWERS = [
    # "engineering", "steel": a modifier of the asked noun, not the question's verb
    ("Which steel company agreed to buy Pell Wire?", "Varga Steel Corp"),
    # the bank of the two bodies joined by "and"
    ("Which bank financed Orne Foods' offer for Kelso Dairies?", "Harrow Bank of Lisle"),
    # a trading company's name the sentence calls a bank
    ("Which bank is advising Kelso Dairies on the offer?", "Hollis Brothers Ltd"),
    # a rank under the asked role is not it
    ("Who is the president of Orvane Sailing Club?", "Mara Voss"),
    ("Who is the vice-president of Orvane Sailing Club?", "Tom Hale"),
    # a verb that names a role
    ("Who chairs Harlow Rovers?", "Ken Doyle"),
    ("Who coaches Mia Renn?", "Joe Bart"),
    # "take over" is told as "acquire"
    ("Which firm took over Quarry Tile?", "Dunmore Brands Inc"),
    # a preposition before "which"
    ("From which company is Varga Steel buying Pell Wire?", "Talbot Mining Co"),
    # the role said once beats the bare title said twice
    ("Who is Ann Lofthouse?", "Road Safety Unit director"),
    # the author of the study after "released by", not "Canadian" before "fleet"
    (
        "Which organisation published a study saying an old bus fleet is costly to run?",
        "Dunmore Institute",
    ),
]


@pytest.mark.parametrize(("question", "expected"), ANSWERS)
def test_answers(client: TestClient, question: str, expected: str) -> None:
    top = assert_top_answer(client, question, (expected,))
    assert top["text"] != expected + " and Quint Partners Inc"  # two bodies, not one name


# A bank the articles never name: a trading company of the sentence is no answer.
ABSTAIN = ["Which bank lent Varga Steel Corp the money to buy Pell Wire?"]


@pytest.mark.parametrize("question", ABSTAIN)
def test_a_body_of_another_kind_is_no_answer(client: TestClient, question: str) -> None:
    body = client.get("/ask", params={"q": question}).json()
    assert body["abstained"] or "Corp" not in body["answers"][0]["text"]
