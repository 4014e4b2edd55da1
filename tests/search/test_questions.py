"""Question analysis as a table: question shapes from many kinds of news, not the samples."""

from __future__ import annotations

import pytest

from search.answer.incident import pins_event, pins_loosely
from search.answer.questions import analyze_question

# (question, type, field, kind, focus)
TABLE = [
    ("How many people died in the earthquake?", "how_many", "casualties", "killed", None),
    ("How many miners were killed in the blast?", "how_many", "casualties", "killed", "miners"),
    ("How many soldiers were wounded?", "how_many", "casualties", "injured", "soldiers"),
    (
        "How many civilians were injured in the attack on the market?",
        "how_many",
        "casualties",
        "injured",
        "civilians",
    ),
    ("How many people lost their lives in the floods?", "how_many", "casualties", "killed", None),
    ("What was the death toll of the fire?", "how_many", "casualties", "killed", None),
    ("How many fatalities were there?", "how_many", "casualties", "killed", None),
    ("How many passengers were hurt?", "how_many", "casualties", "injured", "passengers"),
    ("How many people were fatally shot in Tulsa?", "how_many", "casualties", "killed", None),
    ("How many people were shot but survived?", "how_many", "casualties", "injured", None),
    ("How many people were shot at the fair?", "how_many", "casualties", "shot", None),
    ("How many were hit when shots rang out?", "how_many", "casualties", "shot", None),
    ("How many windows were hit by the hail?", "how_many", "quantities", None, "windows"),
    ("How many trucks were stuck at the border?", "how_many", "quantities", None, "trucks"),
    ("How many refugees crossed into Jordan?", "how_many", "quantities", None, "refugees"),
    ("How many hours did the ceasefire last?", "how_many", "quantities", None, "hours"),
    # "how much" with a noun: an amount of it, told in a unit ("3 mln barrels")
    ("How much aid was delivered?", "how_many", "quantities", "amount", "aid"),
    (
        "How much crude oil did the refinery process last week?",
        "how_many",
        "quantities",
        "amount",
        "oil",
    ),
    # "how much" with no noun and a verb of paying: money
    (
        "How much is the brewer paying for the bottling plant?",
        "how_many",
        "measure",
        None,
        "much money",
    ),
    ("How much did the new bridge cost?", "how_many", "measure", None, "much money"),
    ("How much was the painting sold for?", "how_many", "measure", None, "much money"),
    # a percentage asked for
    ("By what percentage did the airline's profit grow?", "how_many", "measure", None, "percent"),
    ("What stake does Orvane Corp hold in Kestrel?", "how_many", "measure", None, "percent"),
    ("What share of the vote did Labor win?", "how_many", "measure", None, "percent"),
    ("What share price did the bid imply?", "passage", None, None, None),
    ("What percentage of the vote did the mayor win?", "how_many", "measure", None, "percent"),
    ("How much did sales rise in percent?", "how_many", "measure", None, "percent"),
    ("How many volunteers fought the blaze?", "how_many", "quantities", None, "volunteers"),
    ("How many people live in the valley?", "how_many", "quantities", None, "people"),
    # the casualty verb of a subordinate clause does not govern the asked noun
    (
        "How many barns burned the night two firefighters were hurt?",
        "how_many",
        "quantities",
        None,
        "barns",
    ),
    (
        "How many shops closed when three guards were killed?",
        "how_many",
        "quantities",
        None,
        "shops",
    ),
    ("How many people died when the bridge fell?", "how_many", "casualties", "killed", None),
    # a rate after the noun ("dollars a share") is not the noun
    ("How many dollars a share did the bidder offer?", "how_many", "quantities", None, "dollars"),
    # a first word in -ed/-ing before the noun modifies it
    ("How many manned checkpoints are there?", "how_many", "quantities", None, "checkpoints"),
    ("How many striking workers were fired?", "how_many", "quantities", None, "workers"),
    ("How far from the coast was the epicentre?", "how_many", "measure", None, "far"),
    ("How tall was the tower the ship hit?", "how_many", "measure", None, "tall"),
    ("How much money did the fund raise?", "how_many", "measure", None, "much money"),
    ("How many tanks were destroyed?", "how_many", "equipment", None, "tanks"),
    ("How many drones were shot down?", "how_many", "equipment", None, "drones"),
    ("How many F-35 jets were sold?", "how_many", "equipment", None, "f-35"),
    ("How many missiles were fired at the city?", "how_many", "equipment", None, "missiles"),
    ("What aircraft bombed the bridge?", "what", "equipment", None, "aircraft"),
    ("Which weapons were used in the attack?", "what", "equipment", None, "weapons"),
    ("Which helicopters crashed?", "what", "equipment", None, "helicopters"),
    ("Which group claimed the bombing?", "what", "organizations", None, "group"),
    ("What agency reported the outbreak?", "what", "organizations", None, "agency"),
    ("Which US military command halted the raid?", "what", "organizations", None, "command"),
    ("Which news outlet said the town fell?", "what", "organizations", None, "outlet"),
    # the organization noun heads a longer phrase, or an adverb stands before the verb
    ("Which circuit board maker did the group buy?", "what", "organizations", None, "maker"),
    ("Which company principally owns the brewery?", "what", "organizations", None, "company"),
    ("Which U.S. insurance broker did the bank buy?", "what", "organizations", None, "broker"),
    ("Which health service suspended the nurses?", "what", "organizations", None, "service"),
    ("Which sheriff's office spoke about the fire?", "what", "organizations", None, "office"),
    ("Which group's members marched?", "what", "organizations", None, "group"),
    ("Who said the talks had failed?", "who_said", "quotes", None, None),
    ("Who told reporters that aid was blocked?", "who_said", "quotes", None, None),
    ("Who warned of a humanitarian catastrophe?", "who_said", "quotes", None, None),
    # a phrase fronted before the question word is read after it
    ("Under the new law, how much is the fine?", "how_many", "measure", None, "much money"),
    ("During the war, which company made tanks?", "what", "organizations", None, "company"),
    ("In 2014, how many houses burned?", "how_many", "quantities", None, "houses"),
    ("Who is Angela Merkel?", "who_is", "people", None, "Angela Merkel"),
    # a description after the name says which one is meant; the name is still asked about
    ("Who is Ada Pell, the witness to the fire?", "who_is", "people", None, "Ada Pell"),
    ("Who was Ada Pell, who led the march?", "who_is", "people", None, "Ada Pell"),
    ("Who was Kofi Annan?", "who_is", "people", None, "Kofi Annan"),
    ("who is Lavrov?", "who_is", "people", None, "Lavrov"),
    ("Who is the spokesman of the Pentagon?", "who_role", "people", None, "spokesman"),
    # a passive verb where a role would stand asks for whom it happened to
    ("Who was nominated for best director for the film?", "who", "organizations", None, None),
    # a verb that names an office asks for its holder
    ("Who heads the Orvane port authority?", "who_role", "people", None, "head"),
    ("Who chairs the Senate finance committee?", "who_role", "people", None, "chairman"),
    ("Who commands the Lisle garrison?", "who_role", "people", None, "commander"),
    ("Who is the president of France?", "who_role", "people", None, "president"),
    ("Who was the foreign minister of Japan?", "who_role", "people", None, "foreign minister"),
    ("Who is the spokeswoman?", "who_role", "people", None, "spokeswoman"),
    (
        "Who is the county spokesman quoted about the fire?",
        "who_role",
        "people",
        None,
        "county spokesman",
    ),
    # a possessive owner's role holder
    ("Who is Norway's ambassador to Chile?", "who_role", "people", None, "ambassador"),
    ("Who is Canada's defence minister?", "who_role", "people", None, "defence minister"),
    ("Who was Sir Alan Smith's agent?", "who_role", "people", None, "agent"),
    # "which <Org> official ...": a person, not the body
    (
        "Which Transport Workers Union official said the strike would go ahead?",
        "who_role",
        "people",
        None,
        "transport workers union official",
    ),
    ("Which union said the strike would go ahead?", "what", "organizations", None, "union"),
    # a word ending like a verb right before the organization noun modifies it
    ("Which engineering group agreed to buy Pell Power?", "what", "organizations", None, "group"),
    ("Which rating agency cut Dalmar's rating?", "what", "organizations", None, "agency"),
    ("Which mining company closed the pit?", "what", "organizations", None, "company"),
    ("Which listed firm sold the mill?", "what", "organizations", None, "firm"),
    ("Which state-owned bank lent the money?", "what", "organizations", None, "bank"),
    ("Which group owned the mill?", "what", "organizations", None, "group"),
    ("Which watchdog fined the bank?", "what", "organizations", None, "watchdog"),
    # a preposition before "which"
    ("From which company is Varga buying the mill?", "what", "organizations", None, "company"),
    ("For which firm does the analyst work?", "what", "organizations", None, "firm"),
    ("In which year was the mill founded?", "when", "dates", None, None),
    # a company officer asked by initials, as articles write the title out
    ("Who is the CEO of Ostmark Energy?", "who_role", "people", None, "chief executive"),
    ("Who is the CFO of Brell United?", "who_role", "people", None, "chief financial officer"),
    # a role holder picked out by a relative clause
    (
        "Who is the Denver police spokesman who said two people were shot?",
        "who_role",
        "people",
        None,
        "denver police spokesman",
    ),
    ("Who is the man who shot the clerk?", "who", "people", None, None),
    ("Which factory closed after the fire?", "what", "organizations", None, "factory"),
    ("Which TV station aired the video?", "what", "organizations", None, "station"),
    ("Which station did the train stop at?", "where", "places", None, "station"),
    ("Where did the plane crash?", "where", "places", None, None),
    ("Which city was hit by the storm?", "where", "places", None, None),
    ("In which country did the coup happen?", "where", "places", None, None),
    ("Which hospital was the injured driver taken to?", "where", "places", None, "hospital"),
    ("Which club did the council shut after the brawl?", "where", "places", None, "club"),
    ("Which river did the ferry sail up?", "where", "places", None, "river"),
    ("In which state did the new law take effect?", "where", "places", None, "state"),
    ("On which island did the yacht run aground?", "where", "places", None, "island"),
    ("When did the earthquake strike?", "when", "dates", None, None),
    ("What time did the explosion happen?", "when", "dates", None, "time"),
    ("On which day was the ceasefire signed?", "when", "dates", None, None),
    ("What date was the election held?", "when", "dates", None, "day"),
    ("What night was the boy shot at the apartments?", "when", "dates", None, None),
    ("On what morning did the ferry sink?", "when", "dates", None, None),
    ("In what year was the mill founded?", "when", "dates", None, None),
    # a date bounded by a preposition
    ("Since when has the border been closed?", "when", "dates", None, None),
    ("By what date must the loan be repaid?", "when", "dates", None, "day"),
    ("Until when will the museum stay shut?", "when", "dates", None, None),
    ("From which day are the new fares charged?", "when", "dates", None, "day"),
    ("At what address were the bodies found?", "where", "places", None, "address"),
    # where a body is based or a person is from
    ("Where is Halbrook Corp based?", "where", "places", None, "origin"),
    ("Where is the Tallis Group headquartered?", "where", "places", None, "origin"),
    ("Where was Senator Korver from?", "where", "places", None, "origin"),
    ("In which subdivision did the couple live?", "where", "places", None, "subdivision"),
    ("In which parking lot was the man shot?", "where", "places", None, "parking lot"),
    ("At which motel did the standoff end?", "where", "places", None, "motel"),
    ("Who carried out the raid?", "who", "organizations", None, None),
    ("Who attacked the convoy?", "who", "organizations", None, None),
    ("What did the minister promise?", "passage", None, None, None),
    ("Why did the talks collapse?", "passage", None, None, None),
]


@pytest.mark.parametrize(("question", "type_", "field", "kind", "focus"), TABLE)
def test_question_shapes(
    question: str, type_: str, field: str | None, kind: str | None, focus: str | None
) -> None:
    interpretation = analyze_question(question)
    assert (interpretation.type, interpretation.field, interpretation.kind) == (type_, field, kind)
    if focus is not None:
        assert interpretation.focus == focus


@pytest.mark.parametrize(
    ("question", "source"),
    [
        (
            "How many were killed according to the Syrian Observatory for Human Rights?",
            "Syrian Observatory for Human Rights",
        ),
        ("According to SOHR, how many soldiers died?", "Syrian Observatory for Human Rights"),
        (
            "How many soldiers were killed, as reported by Russia's Defense Ministry?",
            "Russian Defense Ministry",
        ),
        ("How many died according to local residents?", None),
        # a figure asked of its sayer
        ("How many soldiers did the Syrian military say were killed?", "Syrian military"),
        ("How many people did SOHR say had died?", "Syrian Observatory for Human Rights"),
        ("How many people did neighbours say were killed?", None),
    ],
)
def test_named_sources_filter_attribution(question: str, source: str | None) -> None:
    interpretation = analyze_question(question)
    assert interpretation.source == source
    assert interpretation.field == "casualties"


# "How many of the <group> were <noun>?" counts the plural noun the subset is predicated as.
PARTITIVES = [
    ("How many of the victims of the crash on Orla Road were children?", "children"),
    ("How many of the 40 guests are students?", "students"),
    ("How many of the workers were women?", "women"),
    ("How many of the shares were sold?", None),  # a participle: no noun to count
    ("How many of the cars were red?", None),
]


# A casualty noun after a preposition names the event, not what happened to the counted people;
# a base-form verb after a plural noun ends the counted noun phrase; a verb of composition
# reads like "are in" (any verb may then govern the count).
COUNTED_NOUNS = [
    ("How many men face charges over the killing of a shop owner?", "men", False),
    ("How many people were arrested after the shooting death of a teenager?", "people", False),
    ("How many officers attend the academy?", "officers", False),
    ("How many teams make up the league?", "teams", True),
    ("How many countries form the trade bloc?", "countries", True),
    ("How many provinces comprise the republic?", "provinces", True),
]


@pytest.mark.parametrize(("question", "focus", "copular"), COUNTED_NOUNS)
def test_the_counted_noun_and_its_verb(question: str, focus: str, copular: bool) -> None:
    interpretation = analyze_question(question)
    assert (interpretation.type, interpretation.field) == ("how_many", "quantities")
    assert (interpretation.focus, interpretation.copular) == (focus, copular)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many people were wounded in the fatal shooting at the depot?", "injured"),
        ("How many people were killed in the shooting at the depot?", "killed"),
        ("How many died in the deadly crash on the bridge?", "killed"),
    ],
)
def test_a_casualty_in_the_event_phrase_does_not_choose_the_kind(question: str, kind: str) -> None:
    interpretation = analyze_question(question)
    assert (interpretation.field, interpretation.kind) == ("casualties", kind)


@pytest.mark.parametrize(("question", "focus"), PARTITIVES)
def test_a_partitive_counts_the_predicated_noun(question: str, focus: str | None) -> None:
    interpretation = analyze_question(question)
    assert (interpretation.type, interpretation.field) == ("how_many", "quantities")
    assert interpretation.focus == focus


def test_a_measure_adjective_is_no_content_term() -> None:
    assert "far" not in analyze_question("How far from the coast was the epicentre?").terms


def test_question_words_are_not_content_terms() -> None:
    terms = analyze_question("How many soldiers were killed in the airstrike?").terms
    assert terms == ("soldier", "kill", "airstrik")


# (question, answer type, role): the expected answer each question shape asks for.
ANSWER_TYPES = [
    ("How many people were hurt in the March 3 fire in Leeds?", "count", None),
    ("What was the death toll of the bus crash in Lima?", "count", None),
    ("Who was killed in the shooting in Dayton on May 2, 2019?", "person", "victim"),
    ("Who was the suspect in the Dayton shooting?", "person", "suspect"),
    ("Name the people who died in the ferry sinking.", "person", "victim"),
    ("What is the name of the gunman in the mall attack?", "person", "suspect"),
    ("Who did police identify as the driver?", "person", None),
    ("Who is accused of starting the fire?", "person", "suspect"),
    ("Who shot the officer in Tulsa on May 5, 2020?", "person", "suspect"),
    ("Which suspect was named in the Tulsa stabbing?", "person", "suspect"),
    ("What number of people died in the Tulsa fire?", "count", None),
    ("Who did police arrest after the Tulsa shooting?", "person", "suspect"),
    ("Who was shot in Tulsa on May 5, 2020?", "person", "victim"),
    ("On what date did the bridge collapse happen?", "date", None),
    ("In what town or city did the explosion take place?", "place", None),
    ("Who said the talks had failed?", "speaker", None),
    ("Who is the spokesman of the Pentagon?", "role_holder", None),
    ("Who is Angela Merkel?", "role", None),
]


@pytest.mark.parametrize(("question", "answer_type", "role"), ANSWER_TYPES)
def test_answer_types(question: str, answer_type: str, role: str | None) -> None:
    interpretation = analyze_question(question)
    assert (interpretation.answer_type, interpretation.role) == (answer_type, role)


# (question, dates, places, address words, people)
CONSTRAINTS = [
    (
        "How many people were hurt in the March 3, 2021 fire in Leeds, England?",
        ("2021-03-03",),
        ("Leeds", "England"),
        (),
        (),
    ),
    ("How many died in the Sept. 9 crash in Lyon?", ("--09-09",), ("Lyon",), (), ()),
    (
        "Who was killed in the Feb. 28, 2016 shooting in Fort Wayne, Indiana?",
        ("2016-02-28",),
        ("Fort Wayne", "Indiana"),
        (),
        (),
    ),
    (
        "When did the fire at the 400 block of Elm Street in Dover happen?",
        (),
        ("Dover",),
        ("400", "elm", "street"),
        (),
    ),
    ("Where were Ana Lopez and Ben Ford injured?", (), (), (), ("Ana Lopez", "Ben Ford")),
    (
        "Where were Ana Lopez, Ben Ford and Cy Dunn killed?",
        (),
        (),
        (),
        ("Ana Lopez", "Ben Ford", "Cy Dunn"),
    ),
    (
        "How many were hurt at 5th Street and Oak, Dover, on June 2, 2020?",
        ("2020-06-02",),
        ("Dover",),
        ("5th", "street", "oak"),
        (),
    ),
    ("When was Carla M. Diaz shot in Tulsa?", (), ("Tulsa",), (), ("Carla M. Diaz",)),
    ("How many people were killed in the Reno, Nevada crash?", (), ("Reno", "Nevada"), (), ()),
    ("Where did the blast that killed John Smith Jr. happen?", (), (), (), ("John Smith Jr",)),
    ("How many Syrian soldiers were killed?", (), (), (), ()),
    ("Where were the 40 trucks stuck?", (), (), (), ()),
    (
        "Who was shot in St. Louis on Main St. on 5/5/2020?",
        ("2020-05-05",),
        ("St. Louis",),
        ("main", "st"),
        (),
    ),
    ("Where did the UN Security Council meet?", (), (), (), ()),
    ("Who was hurt in Dover on 6/2/2020?", ("2020-06-02",), ("Dover",), (), ()),
    ("Who was hurt in Dover on 2 June 2020?", ("2020-06-02",), ("Dover",), (), ()),
    ("How many died in Saint Paul on June 2nd, 2020?", ("2020-06-02",), ("Saint Paul",), (), ()),
    # A time after "in"/"on" is never a place: month and year, month, season, year, weekday.
    ("How many were hurt in blasts in Ostrava in October 2015?", (), ("Ostrava",), (), ()),
    ("How many were hurt in blasts in October 2015 in Ostrava?", (), ("Ostrava",), (), ()),
    ("Who was arrested in Kraków in February?", (), ("Kraków",), (), ()),
    ("What flooded in Perth in Winter 2011?", (), ("Perth",), (), ()),
    ("What flooded in Perth in the Autumn of 2011?", (), ("Perth",), (), ()),
    ("Who was evacuated in Galway in 2009?", (), ("Galway",), (), ()),
    ("Who was stabbed at Millbrook on Sunday?", (), ("Millbrook",), (), ()),
    ("Who was stabbed in Millbrook last week?", (), ("Millbrook",), (), ()),
    ("What was reported in early-December?", (), (), (), ()),
    ("Who fell in Fall River in July?", (), ("Fall River",), (), ()),
    # a company's designator makes a name a company's, not a person's
    ("Where is the toy maker Brantwell Inc based?", (), (), (), ()),
    ("When did Orrin Mills Ltd buy the plant?", (), (), (), ()),
    # a part of a town named by its compass point is a place, never a person
    ("When were six people shot at a West Side party?", (), ("West Side",), (), ()),
]


@pytest.mark.parametrize(("question", "dates", "places", "address", "people"), CONSTRAINTS)
def test_question_constraints(
    question: str,
    dates: tuple[str, ...],
    places: tuple[str, ...],
    address: tuple[str, ...],
    people: tuple[str, ...],
) -> None:
    c = analyze_question(question).constraints
    assert c.dates == dates
    assert c.places + c.states == places
    assert c.address == address
    assert c.people == people


def test_an_acronym_spelled_like_a_stop_word_is_a_name() -> None:
    words = analyze_question("Which news outlet said IS had taken the hill?").name_words
    assert "is" in words
    assert "had" not in words


@pytest.mark.parametrize(
    ("question", "pinned"),
    [
        # a person pins the incident that happened to them
        ("When was Jane Roe shot?", True),
        ("In which city was Jane Roe shot and killed?", True),
        ("When did the fire that killed Jane Roe start?", True),
        ("Where did the shooting that left Jane Roe dead take place?", True),
        # not what they did or said, nor where a company is
        ("When did Jane Roe first warn the council about the dam?", False),
        ("Where is the maker Holt Marden based?", False),
        # a date pins whatever happened on it
        ("Where did Jane Roe speak on 5/5/2020?", True),
        # a place pins an incident in it, loosely (``pins_loosely``)
        ("When did the shooting at the Lisle party happen?", True),
        ("Where in Lisle was the boy shot?", True),
        ("Where will the Lisle council hold its hearings?", False),
    ],
)
def test_a_person_pins_an_incident_only(question: str, pinned: bool) -> None:
    assert pins_event(analyze_question(question)) == pinned


@pytest.mark.parametrize(
    ("question", "loose"),
    [
        ("When did the shooting at the Lisle party happen?", True),
        ("When was Jane Roe shot in Lisle?", False),
        ("Where was the shooting on 5/5/2020 in Lisle?", False),
    ],
)
def test_a_place_alone_pins_loosely(question: str, loose: bool) -> None:
    assert pins_loosely(analyze_question(question)) == loose


@pytest.mark.parametrize(
    ("question", "copular"),
    [
        ("How many crew were on the boat?", True),
        ("How many rooms does the old hotel have?", True),
        ("How many checkpoints are there in the city?", True),
        ("How many shares did the fund sell?", False),
        ("How many houses were destroyed?", False),
    ],
)
def test_count_questions_whose_verb_is_be_or_have(question: str, copular: bool) -> None:
    assert analyze_question(question).copular is copular


def test_a_role_holder_question_does_not_ask_the_article_to_say_quoted() -> None:
    interpretation = analyze_question("Who is the Denver police sergeant quoted about the fire?")
    assert interpretation.type == "who_role"
    assert "quot" not in interpretation.terms and "fire" in interpretation.terms


@pytest.mark.parametrize(
    "question",
    [
        "Where did the plane fly from?",  # where it left, not where it comes from
        "Where is the Brisk mosque located?",
        "Which city is Halbrook Corp based in?",  # a city asked for by its noun
    ],
)
def test_where_questions_that_ask_no_origin(question: str) -> None:
    assert analyze_question(question).focus != "origin"


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Where was the girl left after the bus was stolen in Dunmore?", "left"),
        ("Where were the paintings hidden during the war?", "hidden"),
        ("Where were the ashes scattered?", "scatter"),
        ("Where did the Kelso farmer illegally dump the waste?", "dump"),
        ("Where did the senator accept the award?", "accept"),
        ("Where did the ferry come ashore?", "come"),
        ("Where did she grow up?", "grow"),
        # a word that is also a noun after a noun is no verb; "be" alone asks for none
        ("Where did the plane crash?", None),
        ("Where is the office of the relief agency?", None),
        ("Where is Halbrook Corp based?", "base"),
    ],
)
def test_asked_verb(question: str, verb: str | None) -> None:
    """The verb a "Where" question asks about, as a stem (the place it governs answers)."""
    assert analyze_question(question).verb == verb


@pytest.mark.parametrize(
    ("question", "ahead"),
    [
        ("When will the merger be completed?", True),
        ("When is the vote expected to take place?", True),
        ("When are the talks scheduled to resume?", True),
        ("When was the vote?", False),
        ("When did the talks resume?", False),
    ],
)
def test_a_date_asked_ahead_of_the_report(question: str, ahead: bool) -> None:
    assert analyze_question(question).ahead is ahead
