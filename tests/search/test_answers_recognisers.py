"""The answer-type recognisers on sentences written for this test: names, sides, places and
counts, each with offsets that slice the text exactly."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.tables import Article, Fact
from search.answer.candidates import Candidate, stems
from search.answer.counts import measure_units
from search.answer.dates import asked_near, in_dateline, in_the_future
from search.answer.dates import date_text as said_date
from search.answer.locatives import FOCUS_HEADS, based_places, locative_places, named_facilities
from search.answer.organizations import (
    NAME,
    naming_cue,
    opening_words,
    organization_mentions,
    trimmed,
)
from search.answer.persons import bystander, local_side, person_mentions
from search.answer.recognisers import (
    OTHER_VERB,
    casualty_counts,
    count_mentions,
    dateline_place,
    located_places,
    neighbourhoods,
    police_towns,
    unit_stems,
)
from search.answer.role_holders import affiliations, role_fit, role_holders
from search.answer.roles import role_near
from search.answer.speakers import reported_speaker_mentions, speaker_of

PEOPLE = [
    ("Officers found Nadia Korver, 19, in the car.", ["Nadia Korver"]),
    ("The driver, 44-year-old Bram Oyelaran, was unhurt.", ["Bram Oyelaran"]),
    ("Police identified the victim as Quillon Ashby.", ["Quillon Ashby"]),
    ("Marta Velez was taken to a hospital.", ["Marta Velez"]),
    ("Sixteen-year-old Tomas Reyes died later.", ["Tomas Reyes"]),
    ("The Harbor Street Apartments were evacuated.", []),
    ("Monday March Storm warnings went up.", []),
    # an employer's possessive before the name is no part of it
    ("Harlow's Nadia Korver says the offer is fair.", ["Nadia Korver"]),
    # a name before a noun that closes a place's or an institution's name is part of that name
    ("Students at Edwin Marlow University held a vigil.", []),
    ("She attended Carla Venn High School in the fall.", []),
    ("The car stopped near Otto Brandis Boulevard on Sunday.", []),
    ("Officer Nadia Korver drove to Hollis Park with Bram Oyelaran, 44.", ["Bram Oyelaran"]),
]


@pytest.mark.parametrize(("text", "names"), PEOPLE)
def test_person_mentions(text: str, names: list[str]) -> None:
    mentions = [m for m in person_mentions(text) if len(m.text.split()) > 1]
    assert [m.text for m in mentions] == names
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_a_surname_alone_is_found_after_the_full_name() -> None:
    text = "Nadia Korver, 19, was shot. Korver died on Friday."
    keys = [(m.text, m.key) for m in person_mentions(text)]
    assert ("Korver", "korver") in keys


SIDES = [
    # (sentence, name, side): "suspect" when its suspect cues win, else "victim"
    ("Police said Lena Marsh, 31, was arrested on Sunday.", "Lena Marsh", "suspect"),
    ("Lena Marsh, 31, was pronounced dead at the scene.", "Lena Marsh", "victim"),
    ("Investigators say Hugo Brandt shot his neighbour twice.", "Hugo Brandt", "suspect"),
    ("The gunman killed Ivo Stranski outside the store.", "Ivo Stranski", "victim"),
    ("Officers charged Ria Okafor with murder.", "Ria Okafor", "suspect"),
]


@pytest.mark.parametrize(("text", "name", "side"), SIDES)
def test_local_side(text: str, name: str, side: str) -> None:
    start = text.index(name)
    suspect, death, injury = local_side(text, start, start + len(name))
    assert (suspect > death + injury) == (side == "suspect")
    assert (death + injury > suspect) == (side == "victim")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("According to his uncle, Abel Marsh, the boy was home.", "Abel Marsh", True),
        ("\u201cHe was kind,\u201d said Abel Marsh.", "Abel Marsh", True),
        ("Abel Marsh, 40, told reporters he heard shots.", "Abel Marsh", True),
        ("Abel Marsh, 40, was found dead in the car.", "Abel Marsh", False),
    ],
)
def test_bystanders(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert bystander(text, start, start + len(name)) == expected


LOCATIVES = [
    # (sentence, [(name, preposition, specific)])
    (
        "The pilot landed at the Vargo Municipal airport after the engine failed.",
        [("Vargo Municipal airport", "at", True)],
    ),
    (
        "Two cars collided on Pell Ridge Road near Ostrava.",
        [("Pell Ridge Road", "on", True), ("Ostrava", "near", False)],
    ),
    (
        "The boat drifted opposite the Tamsin Creek pumping station.",
        [("Tamsin Creek", "opposite", True)],
    ),
    (
        "Shots were fired in the 400 block of Lorne Avenue overnight.",
        [("400 block of Lorne Avenue", "in", True)],
    ),
    (
        "She was flown to Harwell General Hospital in Brisk.",
        [("Harwell General Hospital", "to", True), ("Brisk", "in", False)],
    ),
    ("In March the council met at noon.", []),
    ("The strike on 23 September hit a depot.", []),
    ("Police went to 12 Orrin Street at dawn.", [("12 Orrin Street", "to", True)]),
    # "St" opening a name is Saint, not a street
    ("The yacht was towed to St Kell on the east coast.", [("St Kell", "to", False)]),
    (
        "The pair won at Ardwick Dome in Lisle.",
        [("Ardwick Dome", "at", True), ("Lisle", "in", False)],
    ),
    ("The yacht sailed up the Tamsin River at dawn.", [("Tamsin River", "up", True)]),
    # a wire headline in capitals: every word looks like a name
    ("MARLOW AGREES TO BUY U.S. CARPET COMPANY", []),
    # a numbered road is named with its number, even before a glued next sentence
    (
        "A fight broke out at the Brennock Room on Highway 41.Two men were hurt.",
        [("Brennock Room", "at", True), ("Highway 41", "on", True)],
    ),
    (
        "The truck overturned on Route 9 near Lisle.",
        [("Route 9", "on", True), ("Lisle", "near", False)],
    ),
    ("Traffic on Interstate 80, police said, was slow.", [("Interstate 80", "on", True)]),
    ("A car stalled on Highway 41,000 times.", [("Highway", "on", True)]),
    # an ordinal street, an intersection, an abbreviated street keeping its period; a name
    # never runs into the next paragraph, and a repeated "the" does not hide it
    (
        "It happened near the the 2300 block of N. 41st Street.\n\nLisle police said",
        [("2300 block of N. 41st Street", "near", True)],
    ),
    (
        "He was shot near East 12th Street and South Orrin Avenue on Monday.",
        [("East 12th Street and South Orrin Avenue", "near", True)],
    ),
    ("Two were found at 9552 Orrin St. on Monday.", [("9552 Orrin St.", "at", True)]),
    ("The Lisle team scored in the 2nd quarter.", []),
    # a pond, a cemetery, an inn: sites as specific as a street
    ("A woman was shot at Marrow Pond late Friday.", [("Marrow Pond", "at", True)]),
    # "&" joins a name; a street abbreviated after a compass word is still a street
    (
        "She was flown to Orrin Vale & Brisk Hospital.",
        [("Orrin Vale & Brisk Hospital", "to", True)],
    ),
    (
        "It happened in the 400 block of North Keel St. near Wren Ave.",
        [("400 block of North Keel St.", "in", True), ("Wren Ave.", "near", True)],
    ),
    # a company is no place, whatever the preposition before it
    ("They bought the inn from Halbrook Corp for cash.", []),
    ("The unit was sold to Tallis Holdings last year.", []),
]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("The firm bought Dunmore-based Keel Ltd for cash.", ["Dunmore"]),
        ("A Port Ellis-based charity paid for it.", ["Port Ellis"]),
        # a place's name may open with a word that is no name alone ("New", "North")
        ("The courier, a New Jersey-based firm, said so.", ["New Jersey"]),
        ("A North Dakota native, she moved.", ["North Dakota"]),
        ("The plant is web-based.", []),
        ("SHAW BUYS LEEDS-BASED MAKER", []),
        # where a person is from
        ("Korver, a Dunmore native, spoke first.", ["Dunmore"]),
        ("Korver, a Lisle, Ohio, native, once stood there.", ["Lisle"]),
        ("The Brisk native plants were sold.", []),
        ("He is a Dunmore native who moved away.", ["Dunmore"]),
        ("Pines native to Brisk grow there.", []),
    ],
)
def test_places_a_company_is_based_in(text: str, places: list[str]) -> None:
    found = list(based_places(text))
    assert [m.text for m in found] == places
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(("text", "expected"), LOCATIVES)
def test_locative_places(text: str, expected: list[tuple[str, str, bool]]) -> None:
    found = list(locative_places(text))
    assert [(m.text, p, m.weight == 1.0) for m, p in found] == expected
    for m, _ in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Headline\n\nMILLBROOK, Ala. (Example Wire) — A man was shot.", "MILLBROOK"),
        ("Headline\n\nPort Ellis, Ore. — Two people were hurt.", "Port Ellis"),
        ("Headline\n\nBARROW — The council met.", "BARROW"),
        ("Headline\n\nA man was shot - police said.", None),
    ],
)
def test_dateline_place(text: str, place: str | None) -> None:
    mention = dateline_place(text, text.index("\n\n") + 2)
    assert (mention.text if mention else None) == place
    if mention:
        assert text[mention.start : mention.end] == mention.text


def test_places_in_text() -> None:
    text = (
        "The crash happened in Lakeport, Calif., on Friday in the Eastgate neighborhood, "
        "Lakeport police said."
    )
    assert [m.text for m in located_places(text)] == ["Lakeport"]
    assert [m.text for m in neighbourhoods(text)] == ["Eastgate"]
    assert [m.text for m in police_towns(text)] == ["Lakeport"]
    lived = "Ana Ruiz, 30, of Dalton, Ga., was shot in Rome, Ga., on Friday."
    assert [(m.text, m.weight) for m in located_places(lived)] == [("Dalton", 0.5), ("Rome", 0.8)]


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("On Friday Lakeport police said", ["Lakeport"]),
        # a town's opening word stays; the force's reach is no part of the town's name
        ("New Lisle police said", ["New Lisle"]),
        ("said St. Kell Police Chief Ana Ruiz", ["St. Kell"]),
        ("According to Brisk Area Regional Police, officers came.", ["Brisk"]),
        ("The Police Department said", []),
    ],
)
def test_towns_named_by_their_police(text: str, towns: list[str]) -> None:
    found = list(police_towns(text))
    assert [m.text for m in found] == towns
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("text", "kind", "numbers"),
    [
        ("Two people were killed and four others were injured.", "killed", [2]),
        ("Two people were killed and four others were injured.", "injured", [4]),
        ("Four teens shot, one fatally, near the park.", "killed", [1]),
        ("Four teens shot, one fatally, near the park.", "injured", [3]),
        ("7 shot, 3 dead outside the club", "injured", [4]),
        ("7 shot, 3 dead outside the club", "killed", [3]),
        ("The blast left 3 dead.", "killed", [3]),
        ("A 15-year-old was wounded.", "injured", []),
        ("Four teens shot, one fatally, near the park.", "shot", [4]),
        ("7 shot, 3 dead outside the club", "shot", [7]),
        ("Gunmen opened fire, shooting five people at the bus stop.", "shot", [5]),
    ],
)
def test_casualty_counts(text: str, kind: str, numbers: list[int]) -> None:
    found = casualty_counts(text, 0, len(text), kind)
    assert [n for _, n in found] == numbers
    for mention, _ in found:
        assert text[mention.start : mention.end] == mention.text


def test_counts_of_any_noun_with_their_verb() -> None:
    text = "A storm destroyed 12 houses; 30 houses were damaged and 5 destroyed barns were found."
    destroyed = count_mentions(text, 0, len(text), "houses", stems("destroyed"))
    assert [(n, m.weight) for m, n in destroyed] == [(12, 1.0), (30, 0.3)]
    barns = count_mentions(text, 0, len(text), "barns", stems("destroyed"))
    assert [n for _, n in barns] == [5]


@pytest.mark.parametrize(
    ("text", "verb", "numbers"),
    [
        ("Kesten Mills, with 1,700 workers, will close.", "work", [1700]),
        ("The plant employs 300 staff and 20 guards.", "work", [300]),
        ("The plant has 300 employees.", "employ", [300]),
        # people who do something else are no workforce
        ("Kesten Mills, with 1,700 workers, will close.", "attend", []),
    ],
)
def test_people_who_work_somewhere_are_its_workers(
    text: str, verb: str, numbers: list[int]
) -> None:
    found = count_mentions(text, 0, len(text), "people", stems(verb))
    assert [n for _, n in found] == numbers


def test_counts_of_irregular_plurals_and_compound_nouns() -> None:
    text = "About 90 firemen fought the blaze; 7 crew members and 40 children were rescued."
    firemen = count_mentions(text, 0, len(text), "firemen", stems("fought"))
    assert [(n, m.text, m.weight) for m, n in firemen] == [(90, "About 90 firemen", 1.0)]
    members = count_mentions(text, 0, len(text), "members", stems("rescued"))
    assert [(n, m.text) for m, n in members] == [(7, "7 crew members")]
    crew = count_mentions(text, 0, len(text), "crew", stems("rescued"))
    assert [n for _, n in crew] == [7]
    children = count_mentions(text, 0, len(text), "children", stems("rescued"))
    assert [(n, m.weight) for m, n in children] == [(40, 1.0)]


ROLES = [
    ("The child died, spokeswoman Det. Mara Quill said.", "Mara Quill", "spokeswoman"),
    ("Chief Deputy Owen Tarrant said the case is open.", "Owen Tarrant", "Chief Deputy"),
    (
        "Lena Vos, a spokeswoman for the county sheriff's office, said no one was hurt.",
        "Lena Vos",
        "a spokeswoman for the county sheriff's office",
    ),
    (
        "Amos Pell, the head of the relief agency, said.",
        "Amos Pell",
        "the head of the relief agency",
    ),
    ("Police said Lena Vos was taken to hospital.", "Lena Vos", None),
    ("He met Amos Pell, who was tired.", "Amos Pell", None),
    ("Residents Tom and Amos Pell fled.", "Amos Pell", None),
    (
        "Mr Pell, who is under guard, is head of the Valden Farmers Union, officials said.",
        "Pell",
        "head of the Valden Farmers Union",
    ),
    ("Amos Pell was the mayor of Dunmore until 2019.", "Amos Pell", "the mayor of Dunmore"),
    ("Mr Pell declined to comment.", "Pell", None),
    # a role set off by commas before the name
    (
        "The board's chief executive officer, Lena Vos, says no one was at risk.",
        "Lena Vos",
        "board's chief executive officer",
    ),
    ("The police, Amos Pell said, were late.", "Amos Pell", None),
    # a definite noun phrase saying whom it is for is a role, in the lexicon or not
    (
        "Mara Quill, the incident controller for the northern region, says crews are ready.",
        "Mara Quill",
        "the incident controller for the northern region",
    ),
    # a prepositional phrase after the name is no apposition
    ("Critics questioned Amos Pell, over his ties with President Varn.", "Amos Pell", None),
]


@pytest.mark.parametrize(("text", "name", "role"), ROLES)
def test_role_near_a_name(text: str, name: str, role: str | None) -> None:
    start = text.index(name)
    found = role_near(text, start, start + len(name))
    assert (found.text if found else None) == role
    if found:
        assert text[found.start : found.end] == found.text


SPEAKERS = [
    (
        'Mayor Tessa Bramwell visited. "We were lucky tonight," Bramwell said.',
        "lucky",
        "Tessa Bramwell",
    ),
    ('"Nobody saw it coming," said Harold Finch, a neighbour.', "Nobody", "Harold Finch"),
    ('Fire chief Dana Orlov said: "The roof held for an hour."', "roof", "Dana Orlov"),
    ('"The roof held for an hour."\n\nDana Orlov arrived later.', "roof", None),
    # '," she said' points back to the one a speech verb followed, not to the next name
    (
        'Tessa Bramwell says she was shocked by Ivo Marek\'s death. "He was a fine man,"'
        " she said. Dana Orlov said the inquiry goes on.",
        "fine",
        "Tessa Bramwell",
    ),
]


@pytest.mark.parametrize(("text", "word", "speaker"), SPEAKERS)
def test_the_speaker_of_a_quotation(text: str, word: str, speaker: str | None) -> None:
    start = text.index(word)
    found = speaker_of(text, start, text.index('"', start))
    assert (found[0] if found else None) == speaker
    if found:
        assert speaker.split()[-1] in text[found[1] : found[2]]


ORGANIZATION_CUES = [
    # (sentence, name, the question's noun, the question's other words, named as one)
    (
        "Crews from the Valden Water Authority cut the supply.",
        "Valden Water Authority",
        None,
        set(),
        True,
    ),
    ("Gunmen from the militant group Tarsek seized the post.", "Tarsek", "group", set(), True),
    (
        "Dozens of Merrowfield activists blocked the gate.",
        "Merrowfield",
        "group",
        {"activist"},
        True,
    ),
    (
        "Dozens of Merrowfield residents blocked the gate.",
        "Merrowfield",
        "group",
        {"activist"},
        False,
    ),
    ("Olsen’ friends blocked the gate.", "Olsen’", "group", {"friend"}, False),
    ("Shares of Tolland Mills Inc rose.", "Tolland Mills Inc", "company", set(), True),
    ("It sold the shares to Vardo N.V. of Basel.", "Vardo N.V.", None, set(), True),
    # an appositive after the name gives its kind
    ("The Pelham Trust, a private group, urged caution.", "Pelham Trust", "group", set(), True),
    ("The Pelham Trust, a private citizen, urged caution.", "Pelham Trust", "group", set(), False),
    # "<Name> factory": the asked noun right after the name
    ("He was fired from Ostrava Millwork factory.", "Ostrava Millwork", "factory", set(), True),
    # the asked noun before the name with a preposition between is the place of something
    ("It happened at a factory in Dunmore, Vermont.", "Vermont", "factory", set(), False),
]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a long name with "of" inside is one name; "Dozens of" opens no name
        (
            "The group Friends for the Humane Care of Animals said it would sue.",
            ["Friends for the Humane Care of Animals"],
        ),
        ("Dozens of Merrowfield activists blocked the gate.", ["Merrowfield"]),
    ],
)
def test_organization_names_are_trimmed_only_of_opening_words(text: str, names: list[str]) -> None:
    found = [trimmed(m.group(0).rstrip("."), opening_words()) for m in NAME.finditer(text)]
    assert [n for n in found if n] == names


@pytest.mark.parametrize(("text", "name", "focus", "terms", "named"), ORGANIZATION_CUES)
def test_organization_naming_cues(
    text: str, name: str, focus: str | None, terms: set[str], named: bool
) -> None:
    start = text.index(name)
    assert bool(naming_cue(text, start, start + len(name), focus, terms)) == named


@pytest.mark.parametrize(
    ("text", "focus", "names"),
    [
        # wire copy brackets a company's whole name, parentheses and all; a ticker is no name
        (
            "LONDON - <Hallam (Overseas) Holding Co Ltd> said it bid for Brennic <BRN.L>.",
            "company",
            ["Hallam (Overseas) Holding Co Ltd"],
        ),
        # initials keep their final period
        ("Pardo Corp agreed to buy Veltrix International N.V.", "company", ["Pardo Corp"]),
        (
            "It agreed to buy Veltrix International N.V. in March.",
            "company",
            ["Veltrix International N.V."],
        ),
        # a partnership lists its partners before "and Co"
        ("said Ann Roe, analyst with Birch, Tellman and Co.", "firm", ["Birch, Tellman and Co"]),
    ],
)
def test_organization_mentions(text: str, focus: str, names: list[str]) -> None:
    found = organization_mentions(text, opening_words(), set(), focus, set())
    assert set(names) <= {name for _, name, _ in found}
    assert "Hallam" not in {name for _, name, _ in found}
    for offset, name, _ in found:
        assert text[offset : offset + len(name)] == name


def test_named_facilities_of_the_asked_kind() -> None:
    text = "The city shut the Harrow Lane Bar and Grill and the Ostler Inn after the brawl."
    found = list(named_facilities(text, FOCUS_HEADS["club"]))
    assert [m.text for m in found] == ["Harrow Lane Bar and Grill"]
    assert all(text[m.start : m.end] == m.text for m in found)


HOLDERS = [
    # (sentence, asked role's head noun, [(name, role)])
    (
        "Kestrel Chairman Amos Pell told reporters the deal was done.",
        "chairman",
        [("Amos Pell", "Kestrel Chairman")],
    ),
    (
        "The board's chief executive officer, Lena Vos, says no one was put at risk.",
        "officer",
        [("Lena Vos", "board's chief executive officer")],
    ),
    (
        "The Minister for the Arts, Owen Tarrant, said the grant was cut.",
        "minister",
        [("Owen Tarrant", "Minister for the Arts")],
    ),
    (
        "Mara Quill, the incident controller for the northern region, says crews are ready.",
        "controller",
        [("Mara Quill", "the incident controller")],
    ),
    ("The sloop, skippered by Tom Keel, lost its mast.", "skipper", [("Tom Keel", "skippered")]),
    (
        "Westland captain Jon Arby says he hopes to play.",
        "captain",
        [("Jon Arby", "Westland captain")],
    ),
    ("The captain said the team was tired.", "captain", []),
    # a name spelled with an inner capital
    (
        "The charity's executive director, DeAndre McCall, opened the hall.",
        "director",
        [("DeAndre McCall", "charity's executive director")],
    ),
    # a body's head written as its chief; a copula between the name and the role
    (
        "Orvane port chief Lena Vos said the quay was shut.",
        "head",
        [("Lena Vos", "Orvane port chief")],
    ),
    (
        "Amos Pell is the head of the Kestrel trust.",
        "head",
        [("Amos Pell", "the head of the Kestrel")],
    ),
    ("The chairman of the club left early.", "chairman", []),
]


@pytest.mark.parametrize(("text", "head", "expected"), HOLDERS)
def test_role_holders(text: str, head: str, expected: list[tuple[str, str]]) -> None:
    found = list(role_holders(text, 0, len(text), head))
    assert [(h.name, h.role) for h in found] == expected
    for h in found:
        assert text[h.name_start : h.name_end] == h.name
        assert text[h.role_start : h.role_end] == h.role


@pytest.mark.parametrize(
    ("asked", "role", "terms", "better_than"),
    [
        # the asked qualifier beats another body's name
        ("northland captain", "Northland captain", "northland captain", "Westland cricket captain"),
        # the body the question names, written with the role, beats another body's
        ("chairman", "Kestrel Chairman", "chairman kestrel", "chairman of Harlow"),
    ],
)
def test_role_fit_prefers_the_asked_body(
    asked: str, role: str, terms: str, better_than: str
) -> None:
    words = frozenset(stems(terms))
    assert role_fit(asked, role, words) > role_fit(asked, better_than, words)


def test_an_abbreviated_title_is_the_role_it_stands_for() -> None:
    text = "A man fired twice, Dunmore police Sgt. Lena Vos said."
    found = list(role_holders(text, 0, len(text), "sergeant"))
    assert [(h.name, h.role) for h in found] == [("Lena Vos", "Dunmore police Sgt.")]


def test_the_verb_that_governs_a_count() -> None:
    text = "They acquired 258 shares; its 15 man crew was thrown overboard; he heard 25 shots."
    shares = count_mentions(text, 0, len(text), "shares", stems("sell"))
    assert [(n, m.weight) for m, n in shares] == [(258, OTHER_VERB)]
    crew = count_mentions(text, 0, len(text), "crew", stems("thrown"))
    assert [(n, m.weight) for m, n in crew] == [(15, 1.0)]  # "its" is no verb
    shots = count_mentions(text, 0, len(text), "shots", stems("hear"))
    assert [(n, m.weight) for m, n in shots] == [(25, 1.0)]  # "heard" ~ "hear"
    cars = "A driver saw three cars pass."
    seen = count_mentions(cars, 0, len(cars), "cars", stems("see"))
    assert [(n, m.weight) for m, n in seen] == [(3, 1.0)]  # "saw" is a form of "see"


CORONER = "The coroner on Saturday released the names of the people found shot at a home on Friday."


@pytest.mark.parametrize(
    ("sentence", "date", "asked", "near"),
    [
        ("Orrin Vale was arrested Sunday and charged with assault.", "Sunday", "arrested", True),
        # the other date of the sentence is another event's
        (
            CORONER,
            "Saturday",
            "shot",
            False,
        ),
        (
            CORONER,
            "Friday",
            "shot",
            True,
        ),
        ("The council met on Tuesday.", "Tuesday", "", False),
    ],
)
def test_an_asked_event_word_next_to_a_date(
    sentence: str, date: str, asked: str, near: bool
) -> None:
    start = sentence.index(date)
    fact = Fact(
        article_id=1,
        field="dates",
        kind="date",
        value={},
        start=100 + start,
        end=100 + start + len(date),
        text=date,
        sentence_start=100,
        sentence_end=100 + len(sentence),
        sentence_text=sentence,
    )
    assert asked_near(fact, sorted(stems(asked))) == near


def _date_fact(sentence: str, date_text: str, iso: str) -> Fact:
    start = sentence.index(date_text)
    return Fact(
        article_id=1,
        field="dates",
        kind="date",
        value={"iso": iso, "precision": "day"},
        start=start,
        end=start + len(date_text),
        text=date_text,
        sentence_start=0,
        sentence_end=len(sentence),
        sentence_text=sentence,
    )


@pytest.mark.parametrize(
    ("sentence", "date_text", "iso", "expected"),
    [
        # told ahead of the report: the next March 31, not the last one
        ("Holders will vote on the merger on March 31.", "March 31", "1986-03-31", "1987-03-31"),
        ("The vote is scheduled for March 31.", "March 31", "1986-03-31", "1987-03-31"),
        ("It will be put to the annual meeting March 31.", "March 31", "1986-03-31", "1987-03-31"),
        (
            "Holders back it at the annual meeting on March 31.",
            "March 31",
            "1986-03-31",
            "1987-03-31",
        ),
        # a meeting held: no cue before the date
        ("The annual meeting was held on March 31.", "March 31", "1986-03-31", "1986-03-31"),
        # told as past, or with its year written: as read
        ("Holders voted on the merger on March 31.", "March 31", "1986-03-31", "1986-03-31"),
        ("Holders will vote on March 31, 1986.", "March 31, 1986", "1986-03-31", "1986-03-31"),
        # a day before publication within the week is no future day
        ("Holders will vote, it said on Feb 27.", "Feb 27", "1987-02-27", "1987-02-27"),
        # a weekday told ahead is the next one (published on a Monday), unless a past verb
        # between dates another event
        ("She will plead the appeal on Tuesday.", "Tuesday", "1987-02-24", "1987-03-03"),
        ("A vigil will be held Saturday.", "Saturday", "1987-02-28", "1987-03-07"),
        ("Police will name the man shot Saturday.", "Saturday", "1987-02-28", "1987-02-28"),
        (
            "Police will question the driver who ran off Saturday.",
            "Saturday",
            "1987-02-28",
            "1987-02-28",
        ),
        ("The hearing is scheduled for Saturday.", "Saturday", "1987-02-28", "1987-03-07"),
        ("She pleaded the appeal on Tuesday.", "Tuesday", "1987-02-24", "1987-02-24"),
        # a start or an end the infinitive puts ahead; one that happened is as read
        ("It made a tender offer to begin Thursday.", "Thursday", "1987-02-26", "1987-03-05"),
        ("Nominations are to close on Friday.", "Friday", "1987-02-27", "1987-03-06"),
        ("The offer began Thursday.", "Thursday", "1987-02-26", "1987-02-26"),
    ],
)
def test_a_day_told_ahead_is_the_next_one(
    sentence: str, date_text: str, iso: str, expected: str
) -> None:
    article = Article(id=1, content_hash="x", text=sentence, published=date(1987, 3, 2))
    fact = _date_fact(sentence, date_text, iso)
    moved = in_the_future(Candidate(fact, article, 1.0, 1.0))
    assert moved.fact.value["iso"] == expected
    assert moved.fact.text == sentence[moved.fact.start : moved.fact.end]


@pytest.mark.parametrize(
    ("sentence", "date_text", "dateline"),
    [
        ("CORNING, N.Y., March 2 - Corning said it agreed.", "March 2", True),
        ("New York, Feb 26 - The firm was silent.", "Feb 26", True),
        ("The firm said on March 2 - a Monday - that it agreed.", "March 2", False),
        ("Analysts met on Tuesday, March 2.", "March 2", False),
    ],
)
def test_a_wire_dateline_date(sentence: str, date_text: str, dateline: bool) -> None:
    assert in_dateline(_date_fact(sentence, date_text, "1987-03-02")) == dateline


def test_units_that_answer_a_measure_question() -> None:
    assert {"kilometres", "miles", "foot"} <= measure_units("far")
    assert "dollars" in measure_units("much money")
    assert "kilometres" not in measure_units("old")
    assert measure_units(None) == frozenset()


def test_counts_in_a_coordinated_list_and_in_wire_abbreviations() -> None:
    text = "The toll rose to 1,121 people, including 865 Palestinians and 234 Israelis."
    israelis = count_mentions(text, 0, len(text), "Israelis", stems("died"))
    assert [(n, m.text) for m, n in israelis] == [(234, "234 Israelis")]
    offer = "It offered 27 dlrs a share, or 5 pct more."
    dollars = count_mentions(offer, 0, len(offer), "dollars", stems("offer"))
    assert [(n, m.text, m.weight) for m, n in dollars] == [(27, "27 dlrs", 1.0)]
    assert unit_stems("dlrs") <= unit_stems("dollars")


@pytest.mark.parametrize(
    ("text", "noun", "verbs", "expected"),
    [
        # the whole a thing was one of is the count; a part a verb governs is its own count
        ("It was one of two police shootings on Monday.", "shootings", "police", [2]),
        ("A jury convicted four of the nine guards.", "guards", "convicted", [4, 9]),
        # a settlement's count is its population when the question asks who lives there
        ("Deputies in the town of 5,100 searched.", "people", "live", [5100]),
        ("The city of 12 lakes is a resort.", "people", "live", []),
        ("Deputies in the town of 5,100 searched.", "people", "arrested", []),
    ],
)
def test_parts_wholes_and_populations(
    text: str, noun: str, verbs: str, expected: list[int]
) -> None:
    found = count_mentions(text, 0, len(text), noun, stems(verbs))
    assert [n for _, n in found] == expected
    assert all(text[m.start : m.end] == m.text for m, _ in found)


def test_counts_written_after_their_noun() -> None:
    text = "The bomber, which carries a crew of four, crashed; the town has a population of 900."
    crew = count_mentions(text, 0, len(text), "crew", stems("carries"))
    assert [(n, m.text, m.weight) for m, n in crew] == [(4, "crew of four", 1.0)]
    people = count_mentions(text, 0, len(text), "population", frozenset())
    assert [(n, m.text) for m, n in people] == [(900, "population of 900")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Harlow's Nadia Korver says the strike is unjustified.", "Nadia Korver"),
        ("The strike is unjustified, Nadia Korver said.", "Nadia Korver"),
        ("Nadia Korver visited the strikers on Monday.", None),
    ],
)
def test_reported_speech(sentence: str, speaker: str | None) -> None:
    found = [m.text for m in reported_speaker_mentions(sentence)]
    assert found == ([speaker] if speaker else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Harbour Workers Union's Tessa Bramwell says the offer is poor.",
            [("Tessa Bramwell", "Harbour Workers Union")],
        ),
        (
            "Dana Orlov from the Harbour Workers Union says so.",
            [("Dana Orlov", "Harbour Workers Union")],
        ),
        # a possessive that is no body's name, or a name that is no person's
        ("Monday's Harbour Gala drew crowds.", []),
    ],
)
def test_affiliations(text: str, expected: list[tuple[str, str]]) -> None:
    found = list(affiliations(text))
    assert [(h.name, h.role) for h in found] == expected
    for h in found:
        assert text[h.name_start : h.name_end] == h.name
        assert text[h.role_start : h.role_end] == h.role


def test_an_abbreviated_title_fits_the_role_it_abbreviates() -> None:
    terms = frozenset({"denver", "polic", "sergeant"})
    assert role_fit("denver police sergeant", "Denver police Sgt.", terms) == pytest.approx(1.0)


def test_a_role_holder_is_read_past_a_break_after_an_abbreviated_title() -> None:
    from search.answer.role_holders import _past_abbreviation

    text = "It began at 9 p.m., Denver police Sgt. Ada Ruiz said. Later it rained."
    end = text.index("Sgt.") + 4
    holders = list(role_holders(text, 0, _past_abbreviation(text, end), "sergeant"))
    assert [h.name for h in holders] == ["Ada Ruiz"]


@pytest.mark.parametrize(
    ("text", "verb", "names"),
    [
        # a surname alone is the person the article named in full before
        (
            "It bought the shares from Tomas Reyes. Reyes will control the unit.",
            "control",
            ["Tomas Reyes"],
        ),
        ("Marta Velez, 41, has agreed to run the mill.", "agre", ["Marta Velez"]),
        ("The unit will be controlled by others, Marta Velez said.", "control", []),
    ],
)
def test_people_acting_as_the_subject_of_the_asked_verb(
    text: str, verb: str, names: list[str]
) -> None:
    from search.answer.persons import acting_people

    found = acting_people(text, 0, len(text), frozenset({verb}))
    assert [m.key for m in found] == names
    for m in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("iso", "said"),
    [
        ("2016-09-17", "2016-09-17"),
        ("2016-09-17T17:00", "2016-09-17 17:00"),
        ("1986-09", "September 1986"),  # a month, not a day
        ("--10-02", "October 2"),  # no year to give it
        ("-W-1", "Monday"),  # an undated story's weekday
        ("2014", "2014"),
    ],
)
def test_dates_as_answered(iso: str, said: str) -> None:
    assert said_date(iso) == said
