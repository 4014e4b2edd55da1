"""Casualty extraction over sentences from other events, plus attribution and span invariants."""

from __future__ import annotations

import pytest

from corpus.facts import casualties
from corpus.facts.attribution import find_attribution, normalise_source
from corpus.facts.document import Document

K, J = "killed", "injured"  # J for "injured": E741 forbids a bare I

# sentence -> expected (kind, min, max, qualifier, victims), in text order.
CASES: list[tuple[str, list[tuple[str, int | None, int | None, str, str | None]]]] = [
    # Active voice.
    ("A car bomb killed 14 people in Baghdad on Tuesday.", [(K, 14, 14, "exact", "people")]),
    ("The virus has killed 3,400 people worldwide.", [(K, 3400, 3400, "exact", "people")]),
    ("An avalanche killed 11 skiers near the summit.", [(K, 11, 11, "exact", "skiers")]),
    ("Coalition planes killed 40 soldiers.", [(K, 40, 40, "exact", "soldiers")]),
    ("Rebels said they had killed 45 government troops.", [(K, 45, 45, "exact", "troops")]),
    ("The strike killed 7 members of the same family.", [(K, 7, 7, "exact", "members")]),
    ("Bus crash kills 21 on mountain road", [(K, 21, 21, "exact", None)]),
    (
        "The gunman shot dead eight worshippers before turning the gun on himself.",
        [(K, 8, 8, "exact", "worshippers")],
    ),
    ("Police shot dead two suspects after a car chase.", [(K, 2, 2, "exact", "suspects")]),
    (
        "Israeli troops shot and killed three Palestinians at a checkpoint.",
        [(K, 3, 3, "exact", "Palestinians")],
    ),
    ("The fire claimed the lives of 12 residents.", [(K, 12, 12, "exact", "residents")]),
    ("The storm claimed 30 lives.", [(K, 30, 30, "exact", None)]),
    ("Twelve lives were lost when the ferry sank.", [(K, 12, 12, "exact", None)]),
    ("The crash killed all 157 people on board.", [(K, 157, 157, "exact", "people")]),
    (
        "The army said it had killed 30 militants in an operation on Monday.",
        [(K, 30, 30, "exact", "militants")],
    ),
    ("The quake killed roughly 300.", [(K, 300, 300, "approx", None)]),
    ("The bombardment killed 3 or 4 civilians.", [(K, 3, 4, "range", "civilians")]),
    ("The attack killed 10 to 15 soldiers.", [(K, 10, 15, "range", "soldiers")]),
    (
        "Government forces have killed as many as 400 protesters, a rights group said.",
        [(K, None, 400, "at_most", "protesters")],
    ),
    (
        "The war, now in its fifth year, has killed more than 250,000 people.",
        [(K, 250001, None, "at_least", "people")],
    ),
    # Coordinated verbs share one victim noun.
    (
        "The earthquake killed more than 2,000 people and injured thousands.",
        [(K, 2001, None, "at_least", "people"), (J, 2000, None, "vague", "people")],
    ),
    (
        "The bombing wounded 35 and killed 4.",
        [(J, 35, 35, "exact", None), (K, 4, 4, "exact", None)],
    ),
    (
        "A suicide bomber killed 18 people and wounded 40 others at a market.",
        [(K, 18, 18, "exact", "people"), (J, 40, 40, "exact", "people")],
    ),
    (
        "Militants killed 12 soldiers and wounded 20 in an ambush.",
        [(K, 12, 12, "exact", "soldiers"), (J, 20, 20, "exact", "soldiers")],
    ),
    (
        "The clashes killed around 40 people and injured over 200.",
        [(K, 40, 40, "approx", "people"), (J, 201, None, "at_least", "people")],
    ),
    (
        "The tornado injured at least 60 people and killed 3.",
        [(J, 60, None, "at_least", "people"), (K, 3, 3, "exact", "people")],
    ),
    (
        "The blast left 5 people dead and 12 injured.",
        [(K, 5, 5, "exact", "people"), (J, 12, 12, "exact", "people")],
    ),
    ("The hurricane killed 12 and left thousands homeless.", [(K, 12, 12, "exact", None)]),
    ("The storm left at least 9 dead.", [(K, 9, None, "at_least", None)]),
    # Passive and intransitive.
    (
        "At least 23 people were killed when a bus plunged into a ravine.",
        [(K, 23, None, "at_least", "people")],
    ),
    ("Three police officers were wounded in the shooting.", [(J, 3, 3, "exact", "officers")]),
    ("Nearly 50 migrants drowned off the coast of Libya.", [(K, None, 49, "at_most", "migrants")]),
    ("Six people died after eating contaminated food.", [(K, 6, 6, "exact", "people")]),
    ("Two firefighters were seriously injured.", [(J, 2, 2, "exact", "firefighters")]),
    (
        "Two dozen protesters were injured in clashes with police.",
        [(J, 24, 24, "exact", "protesters")],
    ),
    (
        "One hundred and twenty passengers were hurt in the derailment.",
        [(J, 120, 120, "exact", "passengers")],
    ),
    ("Dozens of civilians were killed in the shelling.", [(K, 24, None, "vague", "civilians")]),
    ("Hundreds of people were injured.", [(J, 200, None, "vague", "people")]),
    ("Scores of villagers were massacred.", [(K, 40, None, "vague", "villagers")]),
    (
        "Between 30 and 40 miners are believed to have died underground.",
        [(K, 30, 40, "range", "miners")],
    ),
    (
        "Some 70 people were wounded, according to the health ministry.",
        [(J, 70, 70, "approx", "people")],
    ),
    (
        "At least 1,000 people have been killed since the fighting began in 2014.",
        [(K, 1000, None, "at_least", "people")],
    ),
    ("Fewer than 10 people were injured.", [(J, None, 9, "at_most", "people")]),
    ("Almost 100 people died in the heatwave.", [(K, None, 99, "at_most", "people")]),
    (
        "Four soldiers were killed and 11 wounded when their convoy hit a mine.",
        [(K, 4, 4, "exact", "soldiers"), (J, 11, 11, "exact", "soldiers")],
    ),
    ("Only two people were slightly injured.", [(J, 2, 2, "exact", "people")]),
    ("Seven people lost their lives in the fire.", [(K, 7, 7, "exact", "people")]),
    (
        "The 62 soldiers killed in the raid were buried on Sunday.",
        [(K, 62, 62, "exact", "soldiers")],
    ),
    (
        "Police said five people were injured, two of them seriously.",
        [(J, 5, 5, "exact", "people")],
    ),
    ("Two people were killed on 12 March.", [(K, 2, 2, "exact", "people")]),
    ("The 2010 floods killed 1,985 people.", [(K, 1985, 1985, "exact", "people")]),
    ("Roughly a dozen people were hurt.", [(J, 12, 12, "approx", "people")]),
    ("Forty-one people were wounded in the blast.", [(J, 41, 41, "exact", "people")]),
    (
        "In India, 34 people died, the ministry of health said, while China reported 12 deaths.",
        [(K, 34, 34, "exact", "people"), (K, 12, 12, "exact", None)],
    ),
    (
        "One soldier was killed and three were wounded.",
        [(K, 1, 1, "exact", "soldier"), (J, 3, 3, "exact", "soldier")],
    ),
    (
        "Flight MH17 was shot down in 2014, killing all 298 people on board.",
        [(K, 298, 298, "exact", "people")],
    ),
    ("COVID-19 has killed millions worldwide.", [(K, 2_000_000, None, "vague", None)]),
    (
        "The flooding has so far killed 35 people, and another 12 are missing.",
        [(K, 35, 35, "exact", "people")],
    ),
    (
        "An 18-year-old gunman killed 19 children and two teachers at the school.",
        [
            (K, 19, 19, "exact", "children"),
            (K, 21, 21, "exact", "people"),
            (K, 2, 2, "exact", "teachers"),
        ],
    ),
    (
        "In the 2012 attack, 20 children and six adults were killed.",
        [
            (K, 20, 20, "exact", "children"),
            (K, 26, 26, "exact", "people"),
            (K, 6, 6, "exact", "adults"),
        ],
    ),
    ("Police said three officers suffered serious injuries.", [(J, 3, 3, "exact", "officers")]),
    (
        "The raid killed 12 soldiers and 3 hours later the base fell.",
        [(K, 12, 12, "exact", "soldiers")],
    ),
    # Tolls.
    ("The death toll rose to 40 on Sunday.", [(K, 40, 40, "exact", None)]),
    ("The death toll from the quake has climbed to 1,200.", [(K, 1200, 1200, "exact", None)]),
    ("A death toll of 37 was confirmed by the hospital.", [(K, 37, 37, "exact", None)]),
    ("The quake's death toll stood at 2,500 on Friday.", [(K, 2500, 2500, "exact", None)]),
    ("The death toll is now 86.", [(K, 86, 86, "exact", None)]),
    ("Five people injured at a concert were treated in hospital.", [(J, 5, 5, "exact", "people")]),
    ("The number of injured reached 250.", [(J, 250, 250, "exact", None)]),
    # Negations, hypotheticals and questions yield nothing.
    ("Up to 300 people may have died in the landslide.", []),
    ("No one was hurt in the explosion.", []),
    ("None of the 40 passengers were injured.", []),
    ("Officials said 20 people could have been killed if the alarm had failed.", []),
    ("How many people were killed in the attack?", []),
    ("Were 50 soldiers killed?", []),
    ("The militants threatened to kill 30 hostages.", []),
    ("The attack did not kill anyone.", []),
    ("If 100 people had died, it would have been a tragedy.", []),
    ("The death toll could rise to 100.", []),
    ("The landslide is feared to have killed dozens.", []),
    # Numbers that are not counts of victims.
    ("About 1.5 million people have been displaced by the fighting.", []),
    ("Rescuers pulled 20 survivors from the rubble.", []),
    ("A 34-year-old man was killed.", [(K, 1, 1, "exact", "man")]),
    ("A 34-year-old gunman killed 3 people.", [(K, 3, 3, "exact", "people")]),
    ("Five gunmen killed the guards.", []),
    ("Three gunmen killed at least 9 villagers.", [(K, 9, None, "at_least", "villagers")]),
    ("40 people were killed or injured in the stampede.", []),
    ("The strike killed Syrian soldiers, the army said.", []),
    ("He was killed 5 hours after the ceasefire began.", []),
    ("The rebels claimed 3 towns and left 5,000 homeless.", []),
    ("The fighting killed or wounded 40 people.", []),
    # a partitive after a count is part of it, not a second member of a list
    (
        "The flood which killed 21 people, 14 of them tourists, receded.",
        [(K, 21, 21, "exact", "people")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_casualty_sentences(sentence: str, expected: list[tuple]) -> None:
    doc = Document.parse(sentence)
    facts = casualties.extract(doc)
    got = [(f.kind, f.value["min"], f.value["max"], f.qualifier, f.value["victims"]) for f in facts]
    assert got == expected
    for fact in facts:
        assert doc.text[fact.start : fact.end] == fact.text
        assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end


SPANS = [
    ("Officials said at least 80 soldiers were killed.", ["at least 80 soldiers"]),
    ("The raid killed 62 and wounded over 100 soldiers.", ["62", "over 100 soldiers"]),
    (
        "Sixty-two Syrian soldiers were killed and a hundred others were injured.",
        ["Sixty-two Syrian soldiers", "a hundred others"],
    ),
    ("Dozens of regime forces soldiers were killed.", ["Dozens of regime forces soldiers"]),
    ("Later on, the toll increased to 80 soldiers.", ["80 soldiers"]),
]


@pytest.mark.parametrize(("sentence", "texts"), SPANS)
def test_span_covers_hedge_number_and_victim_noun(sentence: str, texts: list[str]) -> None:
    assert [f.text for f in casualties.extract(Document.parse(sentence))] == texts


ATTRIBUTIONS = [
    # A generic mention names a body only when the article named one before it.
    ("Later on, the toll rose to 80, according to the observatory.", "observatory"),
    ("Syria's military says the coalition struck its base, killing up to 83.", "Syrian military"),
    (
        "The defense ministry in Russia said jets had killed more than 60 soldiers.",
        "Russian Defense Ministry",
    ),
    (
        "Sixty-two soldiers were killed, Russia's Defense Ministry spokesman, Major-General Igor "
        "Konashenkov, said, citing the Syrian General Command.",
        "Russian Defense Ministry",
    ),
    ("The strike killed 40, the Russian army said.", "Russian Army"),
    (
        "Britain-based monitor the Syrian Observatory for Human Rights said 80 died.",
        "Syrian Observatory for Human Rights",
    ),
    ("The Syrian army is claiming that the jets killed 80 soldiers.", "Syrian Army"),
    (
        "Maria Zakharova said the strikes, which the Russian Defense Ministry had said killed 62 "
        "soldiers, were a provocation.",
        "Russian Defense Ministry",
    ),
    (
        "« The aid is stuck, » said David Swanson, a spokesman for OCHA, on Monday.",
        "UN Office for the Coordination of Humanitarian Affairs",
    ),
    ("Local officials reported 12 dead.", "Local officials"),
    ("But witnesses said 12 were killed.", "witnesses"),
    ("In India, 34 people died, the home ministry said.", "home ministry"),
    ("The bridge collapsed on Monday, killing 12.", None),
]


@pytest.mark.parametrize(("sentence", "source"), ATTRIBUTIONS)
def test_attribution(sentence: str, source: str | None) -> None:
    doc = Document.parse(sentence)
    digit = next((i for i, ch in enumerate(sentence) if ch.isdigit()), None)
    assert find_attribution(doc, 0, digit) == source


def test_attribution_falls_back_to_the_sentence_before_and_resolves_pronouns() -> None:
    doc = Document.parse(
        "« The strikes hit our positions, » a Russian army statement said.\n"
        "« Sixty-two soldiers were killed. »\n"
        "The figure was disputed. He said 12 civilians had died."
    )
    assert find_attribution(doc, 1) == "Russian Army"
    doc = Document.parse(
        "General Ivan Petrov spoke on Monday. Petrov said the town was shelled. "
        "He said 12 civilians had died."
    )
    assert find_attribution(doc, 2) == "Petrov"


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        (
            "Russia's Defense Ministry spokesman, Major-General Igor Konashenkov",
            "Russian Defense Ministry",
        ),
        ("Syria’s official news agency SANA", "SANA"),
        ("the Syrian army", "Syrian Army"),
        ("the local hospital", "local hospital"),
    ],
)
def test_normalise_source(phrase: str, name: str) -> None:
    assert normalise_source(phrase) == name
