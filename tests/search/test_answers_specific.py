"""The most specific place, the asked precision of a date, and amounts asked "how much", on
sentences written for this test: a place named after the kind it is ("the Danish capital,
<City>", "an area called <Name>"), within its owner ("<Town>'s Old Quarter"), past a compass
word or a part ("on north <Region>'s <Range>", "through the heart of"), a nationality or a
word that describes the next place, the place the question's verb governs; a month told
ahead, a day asked for, a date bounded by "since"; money, a substance's amount, a percentage.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from search.answer.candidates import overlap
from search.answer.locatives import locative_places
from tests.search.serving import assert_top_answer, serving

PLACES = [
    ("He received the medal in the Danish capital, Copenhagen, on Friday.", ["Copenhagen"]),
    ("The grain was sold at the old market town of Brenning.", ["Brenning"]),
    ("They met at the Dutch border town of Venlo on Friday.", ["Venlo"]),
    ("The ferry ran aground in an area called Gull Flats, south of Kelso.", ["Gull Flats"]),
    ("She grew up in Ostrava's Old Quarter.", ["Old Quarter"]),
    ("He felled trees on north Ostravia's Kelso Range in May.", ["Kelso Range"]),
    ("A road may run through the heart of the Marrow Ridge estate.", ["Marrow Ridge"]),
    ("The boy was found on Pike Lane an hour later.", ["Pike Lane"]),
    # a parking lot is named by the store it serves, possessive or not
    ("He was hurt in the Orlo's parking lot on Friday.", ["Orlo's parking lot"]),
    ("He was found in the Keelmart parking lot.", ["Keelmart parking lot"]),
]


@pytest.mark.parametrize(("sentence", "names"), PLACES)
def test_locative_places(sentence: str, names: list[str]) -> None:
    """The names a sentence gives after a locative, the kind of place or its owner."""
    assert [m.text for m, _ in locative_places(sentence)] == names


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("invad", "the invasion of the island"),
        ("decid", "a decision on the merger"),
        ("explod", "the explosion at the plant"),
        ("conclud", "the conclusion of the talks"),
    ],
)
def test_a_verb_is_found_in_its_noun(term: str, text: str) -> None:
    """A verb's stem in vowel + "d" is found in its noun in "-sion"."""
    assert overlap([term], text) == 1.0


ARTICLES = [
    {
        "source": "Harbour Daily",
        "published": "2020-03-10",
        "text": (
            "Ferry runs aground near Kelso\n\n"
            "The ferry Tamsin ran aground in an area called Gull Flats, about 12 kilometres "
            "south of Kelso, late on Sunday. Its 40 passengers were taken to Kelso by bus.\n\n"
            "The owner, Brisk Lines, is paying 2.4 mln dlrs for a new hull. No trains have run "
            "between Lisle and Kelso since the 3rd of February, the operator said."
        ),
    },
    {
        "source": "Northern Courier",
        "published": "2019-08-05",
        "text": (
            "Mayor honoured abroad\n\n"
            "Mayor Ada Pell received the Civic Medal in the Danish capital, Copenhagen, on "
            "Friday. She grew up in Ostrava's Old Quarter and moved to Lisle in 1990.\n\n"
            "Relief barges unloaded grain from the Tallow river at the market town of Brenning. "
            "A boy, 4, was taken from a car at the Wexmoor Mall in Dunmore. The boy was found "
            "on Pike Lane an hour after the car was taken."
        ),
    },
    {
        "source": "Lisle Gazette",
        "published": "2013-12-30",
        "text": (
            "Transit fares rise\n\n"
            "Bus fares in Lisle rise to $3 next week, but rail riders must wait until June to "
            "see the change. Kestrel Air said its profit rose by 14 per cent last year, while "
            "its fleet grew by 3 per cent. The Halvard refinery processed 2.1 mln barrels of "
            "crude oil last month."
        ),
    },
    {
        "source": "Valley Post",
        "published": "2016-04-12",
        "text": (
            "Bridge memorial\n\n"
            "Nine people died when the Marrowfield bridge collapsed in 1998. Engineers said "
            "the span fell on May 14, 1998, after days of rain. The bridge was built after "
            "Marrowfield's 1954 annexation of Brisk, and a second bridge is planned."
        ),
    },
]

QUESTIONS = [
    ("Where did the ferry Tamsin run aground?", ("Gull Flats",)),
    ("Where did Ada Pell receive the Civic Medal?", ("Copenhagen",)),
    ("Where did Ada Pell grow up?", ("Old Quarter",)),
    ("Where did the relief barges unload grain from the Tallow?", ("Brenning",)),
    ("Where was the boy found after being taken from a car in Dunmore?", ("Pike Lane",)),
    ("When will rail riders in Lisle see the fare change?", ("June 2014",)),
    ("On what date did the Marrowfield bridge fall?", ("1998-05-14",)),
    ("Since when have no trains run between Lisle and Kelso?", ("2020-02-03",)),
    ("In what year did Marrowfield annex Brisk?", ("1954",)),
    ("How much is Brisk Lines paying for a new hull?", ("2.4 mln dlrs",)),
    ("How much crude oil did the Halvard refinery process last month?", ("2.1 mln",)),
    ("By what percentage did Kestrel Air's profit grow?", ("14 per cent",)),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with serving(tmp_path_factory.mktemp("specific"), ARTICLES) as test_client:
        yield test_client


@pytest.mark.parametrize(("question", "accepted"), QUESTIONS)
def test_specific_answers(client: TestClient, question: str, accepted: tuple[str, ...]) -> None:
    assert_top_answer(client, question, accepted)
