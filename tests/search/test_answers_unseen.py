"""Answers on articles about other events, written for this test (not the sample corpus): the
rules must work on constructions, not on the samples' sentences."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.search.serving import serving

ARTICLES = [
    {
        "source": "Example Wire",
        "published": "2023-02-07",
        "text": (
            "Quake kills hundreds in southern Turkey\n\n"
            "A magnitude 7.8 earthquake struck southern Turkey on Monday, killing at least "
            "1,500 people and injuring more than 7,000 others, the country's disaster agency "
            "AFAD said.\n\n"
            "Rescue teams searched through the rubble of 2,800 collapsed buildings in the city of "
            "Gaziantep, where temperatures fell below freezing.\n\n"
            "\u201cWe are facing one of the biggest disasters in our history,\u201d said Health "
            "Minister Fahrettin Koca.\n\n"
            "The United Nations sent 40 search teams to the region."
        ),
    },
    {
        "source": "Daily Courier",
        "published": "2022-05-25",
        "text": (
            "Gunman kills 19 children at Texas elementary school\n\n"
            "A gunman opened fire at Robb Elementary School in Uvalde, Texas, on Tuesday, killing "
            "19 children and two teachers, state police said.\n\n"
            "Governor Greg Abbott said the 18-year-old suspect was shot dead by border patrol "
            "agents. Seventeen people were wounded, according to the Texas Department of Public "
            "Safety."
        ),
    },
    {
        "source": "River News",
        "published": "2021-07-16",
        "text": (
            "Floods in western Germany leave dozens dead\n\n"
            "Severe flooding in western Germany has killed at least 58 people, police said on "
            "Thursday, as rivers burst their banks in the Ahr valley.\n\n"
            "Police in Koblenz said 1,300 people were still missing. Around 15,000 police officers "
            "and soldiers were deployed to help, the interior ministry said."
        ),
    },
]

# Roles written as a pre-modifier, an appositive and "X, who heads Y"; speakers of quotes.
ARTICLES += [
    {
        "source": "Metro Desk",
        "published": "2023-05-02",
        "text": (
            "Tunnel closed after crash\n\n"
            "The Holland Tunnel was closed for six hours on Monday after a truck crashed into a "
            "wall, Port Authority spokeswoman Jane Roe said. Roe said 14 cars were towed.\n\n"
            "\u201cWe expect it to reopen by rush hour,\u201d said Mark Ostrow, who heads the "
            "tunnel's maintenance unit."
        ),
    },
    {
        "source": "Delta Times",
        "published": "2023-05-03",
        "text": (
            "Aid reaches flood villages\n\n"
            "Relief trucks reached 40 villages cut off by floods, said Amina Karim, the head of "
            "the relief agency. The agency's deputy director, Tomas Lind, said 3,000 families "
            "had been reached.\n\n"
            "\u201cThe water is still rising,\u201d Karim told reporters."
        ),
    },
]

# Business news: a chairman written before his name, "<Place>-based", an owner named after
# "owned by" beside another body, a large figure written with its scale word.
ARTICLES += [
    {
        "source": "Trade Wire",
        "published": "2023-05-04",
        "text": (
            "KESTREL TO BUY DUNMORE PUMP MAKER\n\n"
            "HARLOW, May 4 - Kestrel Holdings Plc said it has agreed to buy Dunmore-based "
            "Tallis Engineering Inc for 40 mln dlrs.\n"
            "Kestrel Chairman Amos Pell told reporters the deal would close in June.\n"
            "In a filing with the Trade Commission, Tallis, which is principally owned by Orrin "
            "Capital Corp, said it makes pumps for ships.\n"
            "Its water plant near Lake Varn serves 2 million people."
        ),
    },
]

QUESTIONS = [
    ("Who is the chairman of Kestrel Holdings Plc?", ("Amos Pell",)),
    ("Where is Tallis Engineering Inc based?", ("Dunmore",)),
    ("Which company principally owns Tallis Engineering?", ("Orrin Capital",)),
    ("How many people does the water plant near Lake Varn serve?", ("2 million",)),
    ("How many people were killed in the earthquake in Turkey?", ("1500", "1,500")),
    ("How many people were injured in the earthquake?", ("7000", "7,000")),
    ("How many buildings collapsed in Gaziantep?", ("2800", "2,800")),
    ("How many search teams did the United Nations send?", ("40",)),
    ("How many children were killed at the school in Uvalde?", ("19",)),
    ("How many people were wounded in the Uvalde shooting?", ("17",)),
    ("How many people were killed by the floods in Germany?", ("58",)),
    ("How many people were still missing in Koblenz?", ("1300", "1,300")),
    ("Who said they were facing one of the biggest disasters in their history?", ("Koca",)),
    ("Who is Fahrettin Koca?", ("Health Minister",)),
    ("Where did the gunman open fire?", ("Uvalde", "Texas", "Robb")),
    ("When did the earthquake strike southern Turkey?", ("2023-02-06",)),
    ("Who is the spokeswoman of the Port Authority?", ("Jane Roe",)),
    ("Who is the head of the relief agency?", ("Karim",)),
    ("Who is the deputy director of the agency?", ("Lind",)),
    ("Who is Jane Roe?", ("spokeswoman",)),
    ("Who said the water is still rising?", ("Karim",)),
    ("Who said they expect the tunnel to reopen by rush hour?", ("Ostrow",)),
    ("How many cars were towed?", ("14",)),
    ("How many villages did relief trucks reach?", ("40",)),
]

ABSTAIN = [
    "How many tanks were destroyed in the earthquake?",
    "Who is the mayor of Lisbon?",
    "How many votes did the governor receive?",
    "When was Tallis Engineering Inc founded?",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serving(tmp_path_factory.mktemp("unseen"), ARTICLES) as test_client:
        yield test_client


def test_unseen_articles(client: TestClient) -> None:
    misses = []
    for question, accepted in QUESTIONS:
        body = client.get("/ask", params={"q": question}).json()
        first = body["answers"][0]["text"] if body["answers"] else ""
        if not any(a.lower() in first.lower() for a in accepted):
            misses.append(f"{question} -> {first or body['reason']!r}")
    wrong = [q for q in ABSTAIN if not client.get("/ask", params={"q": q}).json()["abstained"]]
    accuracy = 1 - len(misses) / len(QUESTIONS)
    print(
        f"\nunseen: {accuracy:.0%} of {len(QUESTIONS)}; misses: {misses}; wrongly answered: {wrong}"
    )
    assert accuracy >= 0.75, misses
    assert not wrong
