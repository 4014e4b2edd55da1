"""Where and when on articles written for this test: places pinned by a town alone, the most
specific place of the event's sentence, a date in another paragraph than the passage that
matches, a day told ahead, a wire dateline's day."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.search.serving import assert_top_answer, serving

ARTICLES = [
    {
        "source": "Lisle Courier",
        "published": "2019-06-10",  # a Monday
        "text": (
            "Three hurt in shooting at Lisle birthday party\n\n"
            "Three people were hurt when gunfire broke out at a birthday party in Lisle, "
            "police said.\n\n"
            "It happened around 11 p.m. Saturday at the Brennock Room on Highway 41.\n\n"
            "Lisle police said no arrests had been made."
        ),
    },
    {
        "source": "Valley Post",
        "published": "2019-06-11",  # a Tuesday
        "text": (
            "Man shot outside store in Dunmore\n\n"
            "A man was shot outside a store in Dunmore, police said. He was taken to hospital.\n\n"
            "The shooting happened Sunday evening in the 2300 block of N. 41st Street.\n\n"
            "Police arrested Orrin Blake, 24, on Monday in connection with the shooting."
        ),
    },
    {
        "source": "Harbor Daily",
        "published": "2019-11-15",  # a Friday
        "text": (
            "Orrin Vale girl, 6, recovering after gunshot wound\n\n"
            "UPDATE: A 6-year-old Orrin Vale girl is recovering after she was wounded by a "
            "handgun she found, her family said.\n\n"
            "The family said the girl found the gun at a relative's home on November 9.\n\n"
            "She was taken to a hospital in Brisk."
        ),
    },
    {
        "source": "Example Wire",
        "published": "1987-03-02",
        "text": (
            "KESTREL SETS MERGER VOTE\n\n"
            "PORT ELLIS, Ore., March 2 - Kestrel Holdings said its shareholders will vote on "
            "the merger with Tallis Corp at a special meeting on March 30."
        ),
    },
    {
        "source": "Example Wire",
        "published": "1987-03-04",
        "text": (
            "BRISK MILLS HOLDERS BACK MERGER\n\n"
            "LISLE, March 4 - Brisk Mills Inc said its shareholders approved the merger with "
            "Ostra Corp on Tuesday."
        ),
    },
]

# Issue 10's shapes: an undated story's weekday, a weekday told ahead, where a body is based
# or a person is from, which hospital (a name with "&"), a place located "near" another, a
# question whose verb the article writes in an irregular past.
ARTICLES += [
    {
        "source": "Outback Mail",  # no publication date: its weekdays are said as written
        "text": (
            "Fires at Brannock Holding Centre\n\n"
            "Fire destroyed or damaged eleven huts at the Brannock Holding Centre on Monday "
            "night, the department says. Detainees now sleep in tents."
        ),
    },
    {
        "source": "Capitol Desk",
        "published": "2023-11-06",  # a Monday
        "text": (
            "Korver to argue water case\n\n"
            "Solicitor Ilse Korver will argue the Tallow River water case before the court on "
            "Tuesday. Korver, a Dunmore, Ohio, native, joined the office in 2009. Last Friday "
            "she argued a tax case."
        ),
    },
    {
        "source": "Example Wire",
        "published": "1987-03-04",
        "text": (
            "HALBROOK BUYS LISLE INN\n\n"
            "TORONTO, March 4 - Halbrook Hotels Inc said it agreed to buy the Lisle Inn from "
            "Tallis Corp for undisclosed terms. The purchase is expected to close by April 30. "
            "Port Ellis-based Halbrook owns 12 inns."
        ),
    },
    {
        "source": "Prairie News",
        "published": "2016-04-12",
        "text": (
            "Three dead in Marrowfield home\n\n"
            "MARROWFIELD - Three people were found dead in a home on Elder Road. A fourth "
            "victim, a woman, was flown to Orrin Vale & Brisk Hospital in Temperance in "
            "critical condition.\n\n"
            "A neighbor said she heard shots in the 400 block of North Keel St. near Wren Ave. "
            "Senator Ada Pell fell from the stage on Sunday at the Marrowfield fair. Pell had "
            "opened the fair on Saturday."
        ),
    },
    {
        "source": "Coast Courier",
        "published": "2002-02-14",
        "text": (
            "Patient escapes secure ward\n\n"
            "Police are searching the Lisle coast for Tobin Ash, who killed a Lisle student in "
            "1996. He walked out of the secure ward at Orvane hospital on Sunday."
        ),
    },
    {
        "source": "Valley Ledger",
        "published": "2016-09-20",
        "text": (
            "Man charged over unlocked rifle\n\n"
            "LISLE - Orrin Walsh, 41, was charged on Monday with leaving a loaded rifle where "
            "children could reach it. Deputies said his niece found the rifle in a shed behind "
            "the family's farmhouse on Mill Lane.\n\n"
            "The girl was not hurt. Neighbours said the farm had been in the family for years "
            "and that the shed was usually locked.\n\n"
            "A judge ordered Walsh held until he posts a $900 bond, and he is due back in "
            "court in October."
        ),
    },
]

QUESTIONS = [
    # a town pins its event; the venue and the road are more specific than the town
    ("Where did gunfire break out at a party in Lisle?", ("Brennock Room", "Highway 41")),
    ("When was the shooting at the Lisle birthday party?", ("2019-06-08",)),
    # an ordinal street in a block
    ("On what street was the man shot outside a store in Dunmore?", ("41st Street",)),
    ("What night was the man shot outside a store in Dunmore?", ("2019-06-09",)),
    # the asked event's own date, not the shooting's
    ("When was Orrin Blake arrested?", ("2019-06-10",)),
    # the date stands in another paragraph than the passages that match the question
    ("On what date did the 6-year-old Orrin Vale girl find the gun?", ("2019-11-09",)),
    # told ahead: the next March 30, not last year's; not the dateline's day
    ("When will Kestrel Holdings shareholders vote on the merger?", ("1987-03-30",)),
    ("When were the huts at the Brannock Holding Centre destroyed?", ("Monday",)),
    ("When will Korver argue the Tallow River water case?", ("2023-11-07",)),
    ("Where is Korver from?", ("Dunmore",)),
    ("Where is Halbrook Hotels based?", ("Port Ellis",)),
    ("When is the purchase of the Lisle Inn expected to close?", ("1987-04-30",)),
    ("Which hospital was the woman taken to after the Marrowfield deaths?", ("Orrin Vale",)),
    ("Where did the neighbor in Marrowfield hear shots?", ("400 block of North Keel St.",)),
    ("When did Senator Ada Pell fall?", ("2016-04-10",)),
    # an old event a later report dates by its year alone
    ("In what year did Tobin Ash kill the Lisle student?", ("1996",)),
    # a sum for the named person, paragraphs from the passages that match the question best
    ("How much was the bond set for Orrin Walsh, whose niece found the rifle?", ("$900",)),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serving(tmp_path_factory.mktemp("wherewhen"), ARTICLES) as test_client:
        yield test_client


@pytest.mark.parametrize(("question", "accepted"), QUESTIONS)
def test_where_and_when(client: TestClient, question: str, accepted: tuple[str, ...]) -> None:
    assert_top_answer(client, question, accepted)


# An event the articles never tell (a sentence, a funeral) has no date in them.
ABSTAIN = [
    "When was Orrin Blake sentenced?",
    "Where was Ilse Korver born?",
    # no hospital is named: the street the man was shot on is no answer
    "Which hospital was the man shot outside the store in Dunmore taken to?",
    # asked ahead, told only in the past: neither the vote's day nor the dateline's answers
    "When will Brisk Mills' merger with Ostra be completed?",
]


@pytest.mark.parametrize("question", ABSTAIN)
def test_an_untold_event_is_not_dated(client: TestClient, question: str) -> None:
    assert client.get("/ask", params={"q": question}).json()["abstained"]
