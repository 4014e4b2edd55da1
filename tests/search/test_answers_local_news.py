"""Rules read from local news the answerer was not tuned on, on sentences written for this test:
question shapes ("What is the name of the bar ...", "Outside which club ...", "How much was the
bail ...", "<Town>, <State>", "24th and Elm"), places after "the intersection of" and after a
street address, speakers whose relatives share their surname, names in reported speech, the
victim of a relative clause, and people a headline counts by its verb alone."""

from __future__ import annotations

import pytest

from corpus.tables import Article, Fact
from search.answer.answerer import _fits
from search.answer.candidates import Candidate, stems
from search.answer.constraints import question_constraints
from search.answer.handlers import _modifier
from search.answer.incident import ADDRESS_FAR, _by_address, pins_event, pins_loosely
from search.answer.locatives import areas_after_streets, locative_places
from search.answer.persons import local_side, person_mentions
from search.answer.pinned_reading import sentence_spans
from search.answer.questions import analyze_question
from search.answer.recognisers import count_mentions
from search.answer.roles import role_near
from search.answer.speakers import speaker_of

SHAPES = [
    # (question, type, field, focus)
    ("What is the name of the bar where two men were shot?", "where", "places", "bar"),
    ("What was the name of the motel where the standoff ended?", "where", "places", "motel"),
    ("Outside which nightclub was the guard shot?", "where", "places", "nightclub"),
    ("Near what intersection did the crash happen?", "where", "places", "intersection"),
    ("Behind which store was the car found?", "where", "places", "store"),
    # "the name of" a person is still a person
    ("What was the name of the victim?", "who", "people", None),
    # "How much" with no noun after it asks for an amount of money
    ("How much was the bail for the driver?", "how_many", "measure", "much money"),
    ("How much did the house in Lisle sell for?", "how_many", "measure", "much money"),
    ("How much rain fell in Lisle?", "how_many", "quantities", "rain"),
    # "what's" written out; a phrase fronted before a dash
    ("What's the address of the Lisle bowling alley?", "where", "places", "address"),
    (
        "The boy shot near the Lisle park - which hospital was he taken to?",
        "where",
        "places",
        "hospital",
    ),
    # a noun that is a sum of money asks how much
    ("What bond was the driver given at his arraignment?", "how_many", "measure", "much money"),
    ("What reward is being offered?", "how_many", "measure", "much money"),
]


@pytest.mark.parametrize(("question", "type_", "field", "focus"), SHAPES)
def test_local_news_question_shapes(
    question: str, type_: str, field: str, focus: str | None
) -> None:
    interp = analyze_question(question)
    assert (interp.type, interp.field, interp.focus) == (type_, field, focus)


@pytest.mark.parametrize(
    ("question", "dropped"),
    [
        ("Who is the police chief of Brisk, North Carolina?", {"north", "carolina"}),
        ("When was the boy shot in Lisle, Oregon?", {"oregon"}),
    ],
)
def test_a_state_after_a_town_is_no_term(question: str, dropped: set[str]) -> None:
    interp = analyze_question(question)
    assert not stems(" ".join(dropped)) & set(interp.terms)
    assert not dropped & interp.name_words
    assert interp.constraints.states  # still a constraint on the event


def test_a_state_alone_stays_a_term() -> None:
    interp = analyze_question("Which group monitors hunters in Oregon?")
    assert "oregon" in interp.terms


@pytest.mark.parametrize(
    ("question", "address", "people"),
    [
        ("Who died in the shooting near 24th and Elm?", ("24th", "elm"), ()),
        ("How many were hurt at Vane and 5th in Lisle?", ("vane", "5th"), ()),
        ("Who shot Nadia Korver and Bram Ostler?", (), ("Nadia Korver", "Bram Ostler")),
    ],
)
def test_an_intersection_of_a_numbered_street_is_an_address(
    question: str, address: tuple[str, ...], people: tuple[str, ...]
) -> None:
    c = question_constraints(question)
    assert (c.address, c.people) == (address, people)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "A teen was hurt near the intersection of 41st Avenue and Orrin Street.",
            ["41st Avenue and Orrin Street"],
        ),
        (
            "It happened at the corner of Vane Street and Keel Avenue.",
            ["Vane Street and Keel Avenue"],
        ),
        ("A boy was hit at 112-40 Vane Blvd. on Sunday.", ["112-40 Vane Blvd."]),
        ("They met at the corner of the park.", []),
    ],
)
def test_streets_after_intersection_of(text: str, places: list[str]) -> None:
    found = [m for m, _ in locative_places(text)]
    assert [m.text for m in found] == places
    assert all(text[m.start : m.end] == m.text and m.weight == 1.0 for m in found)


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("It happened at 112-40 Vane Blvd. in South Harwell before dawn.", ["South Harwell"]),
        ("Police went to the 400 block of Keel Street in Lisle Saturday.", ["Lisle"]),
        ("He was shot on Keel Street in March.", []),
        ("The show was at the Ardwick Dome in Lisle.", []),
    ],
)
def test_the_part_of_town_after_a_street_address(text: str, areas: list[str]) -> None:
    found = list(areas_after_streets(text))
    assert [m.text for m in found] == areas
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("text", "word", "speaker"),
    [
        # a relative sharing the surname, named first, is not the speaker
        (
            "Jalen Morrow, 19, was shot. \u201cHe was a good kid,\u201d Oswin Morrow, 52, said of"
            " his son Jalen Morrow.",
            "good",
            "Oswin Morrow",
        ),
        (
            'Jalen Morrow was shot. "He loved music," said Oswin Morrow. "We miss him," Morrow'
            " said.",
            "miss",
            "Oswin Morrow",
        ),
    ],
)
def test_the_speaker_is_not_a_relative_with_the_same_surname(
    text: str, word: str, speaker: str
) -> None:
    start = text.index(word)
    end = min(i for i in (text.find('"', start), text.find("\u201d", start)) if i >= 0)
    found = speaker_of(text, start, end)
    assert found is not None and found[0] == speaker
    assert text[found[1] : found[2]] in speaker


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name no given-name list knows, as the subject of reported speech
        (
            "Lisle police said Venko Darrah Obuya was charged Tuesday with murder.",
            "Venko Darrah Obuya",
        ),
        ("Deputies say Quorin Vashti has fled the county.", "Quorin Vashti"),
        ("Officials said that Wrenfield Oduya had been released.", "Wrenfield Oduya"),
    ],
)
def test_names_opening_reported_speech(text: str, name: str) -> None:
    assert name in [m.text for m in person_mentions(text)]


def test_reported_speech_finds_no_street_as_a_person() -> None:
    assert person_mentions("Officials said Keel Street was closed.") == []


def test_a_relative_clause_puts_a_name_on_the_victims_side() -> None:
    text = "The charge stems from a shooting of Ilse Marrow, who was shot in the face."
    start = text.index("Ilse Marrow")
    suspect, _death, injury = local_side(text, start, start + len("Ilse Marrow"))
    assert (suspect, injury) == (0, 1)
    text = "Police named Orrin Vale, who was charged with assault."
    start = text.index("Orrin Vale")
    assert local_side(text, start, start + len("Orrin Vale"))[0] == 1


@pytest.mark.parametrize(
    ("text", "noun", "verb", "numbers"),
    [
        ("4 charged after robbery that left a clerk hurt", "people", "charged", [4]),
        ("Two arrested after brawl at fair", "suspects", "arrested", [2]),
        # another verb, or a noun that is no person's, counts nothing
        ("3 charged in drive-by shooting", "people", "arrested", []),
        ("3 charged in drive-by shooting", "cars", "charged", []),
        ("5 shot at a party", "people", "charged", []),
    ],
)
def test_people_a_headline_counts_by_its_verb(
    text: str, noun: str, verb: str, numbers: list[int]
) -> None:
    found = count_mentions(text, 0, len(text), noun, stems(verb))
    assert [n for _, n in found] == numbers
    assert all(text[m.start : m.end] == m.text for m, _ in found)


@pytest.mark.parametrize(
    ("question", "pinned"),
    [
        # a town and a day name one local incident
        ("How many people were shot in Lisle on Friday?", True),
        ("How many were hurt in the Saturday night shooting in Lisle?", True),
        # without a day, or counting other victims, the passages answer
        ("How many people were shot in Lisle?", False),
        ("How many soldiers were killed in Lisle on Friday?", False),
    ],
)
def test_a_town_and_a_day_pin_a_casualty_count_loosely(question: str, pinned: bool) -> None:
    interp = analyze_question(question)
    assert pins_event(interp) == pinned
    if pinned:
        assert pins_loosely(interp)


@pytest.mark.parametrize(
    ("text", "word", "speaker"),
    [
        (
            '"We have many kids here," said Dr. Mara Quell, head of the schools.',
            "many",
            "Mara Quell",
        ),
        ('"It was planned," said Sgt. Tobin Ash of the police.', "planned", "Tobin Ash"),
    ],
)
def test_a_title_before_the_speaker_is_no_part_of_the_name(
    text: str, word: str, speaker: str
) -> None:
    start = text.index(word)
    found = speaker_of(text, start, text.index('"', start))
    assert found is not None and found[0] == speaker
    assert text[found[1] : found[2]] == speaker


def test_an_institution_in_the_plural_is_no_person() -> None:
    text = "Dr. Mara Quell, Superintendent of Lindell Schools, spoke. Rosa Parks listened."
    assert [m.text for m in person_mentions(text) if " " in m.text] == ["Mara Quell", "Rosa Parks"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a bare title gives way to the appositive that says what the person does
        (
            "according to Officer Tomas Quell, a Lisle Police spokesman.",
            "Tomas Quell",
            "a Lisle Police spokesman",
        ),
        ("Sgt. Tobin Ash said the road was closed.", "Tobin Ash", "Sgt."),
        (
            "police spokeswoman Mara Quell, a former teacher, said",
            "Mara Quell",
            "police spokeswoman",
        ),
        # a role set off before a title and the name ("the Attorney-General, Dr <Name>.")
        (
            "Orvane's new Attorney-General, Dr Alan Vorne.",
            "Alan Vorne",
            "Orvane's new Attorney-General",
        ),
        (
            "He met the ferry line's director, Mr Tobin Ash, on Friday.",
            "Tobin Ash",
            "ferry line's director",
        ),
        # common nouns and adjectives compound a role noun, not a bare title
        (
            "a year after transport minister Tobin Ash opened the bridge",
            "Tobin Ash",
            "transport minister",
        ),
        (
            "County fire safety spokeswoman Mara Quell said the road was closed.",
            "Mara Quell",
            "County fire safety spokeswoman",
        ),
        ("Voters chose the popular Dr Alan Vorne.", "Alan Vorne", "Dr"),
        # a clause's opening word is no part of the role before the name
        ("When Dr Alan Vorne arrived, the ward was shut.", "Alan Vorne", "Dr"),
        ("Orvane Green MP Mara Quell voted against the bill.", "Mara Quell", "Orvane Green MP"),
    ],
)
def test_a_bare_title_gives_way_to_an_appositive(text: str, name: str, role: str) -> None:
    start = text.index(name)
    found = role_near(text, start, start + len(name))
    assert found is not None and found.text == role
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("sentence", "fits"),
    [
        ("Police say the shooting happened outside the Lisle Arts Center.", False),
        ("Principal Mara Quell closed the Lisle high school on Monday.", True),
        # the role's noun with no one named: no holder is told
        ("The principal of the Lisle high school told him to leave.", False),
    ],
)
def test_a_role_holders_fallback_sentence_names_the_role(sentence: str, fits: bool) -> None:
    question = "Who is the principal of the high school in Lisle?"
    assert _fits(analyze_question(question), question, sentence) is fits


ROUNDUP = (
    "Nine hurt in weekend shootings across Lisle\n\n"
    "Gunfire left nine people wounded across the city on Saturday. "
    "Shortly after 11 p.m. a gunman fired into a yard party on Keel St. near Vane Ave. "
    "Four people were struck. Two men were shot later on Orrin Road."
)


@pytest.mark.parametrize(
    ("figure", "weight"),
    [
        ("nine people", ADDRESS_FAR),  # the round-up's total, away from the asked street
        ("Four people", 1.0),  # the sentence after the one naming the street
        ("Two men", ADDRESS_FAR),  # another street's shooting
    ],
)
def test_a_figure_is_weighed_by_the_asked_street(figure: str, weight: float) -> None:
    article = Article(id=1, text=ROUNDUP)
    start = ROUNDUP.index(figure)
    fact = Fact(
        article_id=1,
        field="casualties",
        kind="injured",
        value={},
        start=start,
        end=start + len(figure),
        text=figure,
    )
    weighed = _by_address(Candidate(fact, article, 1.0, 1.0), ("keel", "st", "vane", "ave"))
    assert weighed.overlap == pytest.approx(weight)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a name ends with its sentence, and "town" must be a word of its own
        (
            "They were found on Wrenfield Circle. The townhome is a mile from Keel Mall.",
            ["Wrenfield Circle", "Keel Mall"],
        ),
        ("Police went to Orrin Park. Officers found two men.", ["Orrin Park"]),
        # an abbreviation's full stop ends no sentence
        ("It happened on Keel Blvd. near Vane Ave. on Friday.", ["Keel Blvd.", "Vane Ave."]),
    ],
)
def test_a_place_name_never_runs_past_its_sentence(text: str, places: list[str]) -> None:
    found = [m for m, _ in locative_places(text)]
    assert [m.text for m in found] == places
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    "question",
    [
        "Who was booked after the boy was shot in Lisle?",
        "Who was jailed over the killing of Nadia Korver?",
        "Who is wanted for the shooting on Keel Street?",
        "Who was sentenced for the Lisle shooting?",
    ],
)
def test_legal_steps_ask_for_the_suspect(question: str) -> None:
    assert analyze_question(question).role == "suspect"


def test_a_middle_initial_ends_no_sentence() -> None:
    text = (
        "Ismay D. Brennock is wanted in the death of Orrin Q. Vale. He fled. It was 5 p.m. Friday."
    )
    spans = [text[a:b] for a, b in sentence_spans(text)]
    assert spans == [
        "Ismay D. Brennock is wanted in the death of Orrin Q. Vale.",
        "He fled.",
        "It was 5 p.m.",
        "Friday.",
    ]


HELD = "Where was the crew held?"


@pytest.mark.parametrize(
    ("sentence", "place", "kind", "question", "modifier"),
    [
        # a country between an article and a common noun says whose, not where
        ("The crew was held on a Orvania naval ship.", "Orvania", "country", HELD, True),
        ("Talks resumed in the Orvania capital.", "Orvania", "country", HELD, True),
        # "the <Country>" before a function word still says where
        ("He arrived in the Orvania on Monday.", "Orvania", "country", HELD, False),
        # the agent after "by" is not where; "by the <Town>-based ..." tells a base
        ("The crew was held by Orvania aboard a tanker.", "Orvania", "country", HELD, True),
        (
            "A bid came from a fund run by the Lisle-based trader.",
            "Lisle",
            "city",
            "Where is the trader based?",
            False,
        ),
        ("The crew was held in Orvania for a week.", "Orvania", "country", HELD, False),
    ],
)
def test_a_place_used_as_a_modifier_or_agent_is_not_where(
    sentence: str, place: str, kind: str, question: str, modifier: bool
) -> None:
    start = sentence.index(place)
    fact = Fact(
        article_id=1,
        field="places",
        kind=kind,
        value={"name": place},
        start=start,
        end=start + len(place),
        text=place,
        sentence_start=0,
        sentence_end=len(sentence),
        sentence_text=sentence,
    )
    assert _modifier(fact, analyze_question(question)) is modifier
