"""Our question set over the sample corpus: expected answers (any listed string found in the
first answer's text counts) and questions the corpus cannot answer (must abstain)."""

from __future__ import annotations

# (question, accepted substrings of the first answer's text)
ANSWERABLE: list[tuple[str, tuple[str, ...]]] = [
    # how many: casualties
    ("How many Syrian soldiers were killed?", ("62",)),
    ("How many soldiers were killed in the US-led coalition airstrike?", ("62",)),
    ("How many soldiers died in the air strike near Deir ez-Zor?", ("62",)),
    ("How many soldiers were wounded?", ("100", "101")),
    ("How many Syrian soldiers were injured in the strike?", ("100", "101")),
    (
        "How many soldiers were killed according to the Syrian Observatory for Human Rights?",
        ("80",),
    ),
    ("According to the observatory, how many soldiers died?", ("80",)),
    ("How many soldiers were killed according to Syria's military?", ("83", "80")),
    ("How many were wounded according to Syria's military?", ("120", "121", "100")),
    ("How many soldiers were killed according to Russia's Defense Ministry?", ("62",)),
    ("How many civilians had been killed according to the general?", ("12",)),
    ("How many people has the five-year war killed?", ("300000", "300,000")),
    # how many: quantities and equipment
    ("How many trucks were stuck on the border with Turkey?", ("40",)),
    ("How many trucks carrying food aid were stuck?", ("40",)),
    ("How many people in Aleppo are living under government siege?", ("250000", "250,000")),
    ("How many Syrians are besieged?", ("250000", "250,000")),
    ("How many attacks were there in the past 24 hours?", ("55",)),
    ("How many hours was Moscow ready to prolong the truce by?", ("72",)),
    ("How many Islamic State supply routes were struck?", ("5",)),
    ("How many air strikes did the coalition carry out against Syrian forces?", ("4",)),
    ("How many days has the ceasefire lasted so far?", ("5",)),
    ("How many F-16 jets took part in the strike?", ("two F-16",)),
    ("How many A-10 aircraft were involved?", ("two A-10",)),
    # what / which
    ("What aircraft carried out the strike?", ("two F-16 and two A-10",)),
    ("Which jets bombed the Syrian army position?", ("F-16",)),
    ("What planes entered Syrian airspace from Iraq?", ("F-16",)),
    ("Which group seized the hill where the air strike took place?", ("Islamic State",)),
    (
        "Which organization said at least 80 soldiers were killed?",
        ("Syrian Observatory for Human Rights",),
    ),
    ("Which news agency reported the Islamic State offensive?", ("SANA",)),
    # who is
    ("Who is Igor Konashenkov?", ("spokesman", "Major-General")),
    ("Who is Konashenkov?", ("spokesman", "Major-General")),
    ("Who is Maria Zakharova?", ("spokeswoman",)),
    ("Who is Viktor Poznikhir?", ("General Staff", "general")),
    ("Who is David Swanson?", ("spokesman",)),
    ("Who is John Kerry?", ("Secretary of State",)),
    ("Who is Vladimir Savchenko?", ("General",)),
    ("Who is Vladimir Putin?", ("President",)),
    # who holds a role
    ("Who is the spokeswoman of the Russian foreign ministry?", ("Zakharova",)),
    ("Who is the spokesman of Russia's Defense Ministry?", ("Konashenkov",)),
    ("Who is the US Secretary of State?", ("Kerry",)),
    (
        "Who is the spokesman for the UN Office for the Coordination of Humanitarian Affairs?",
        ("Swanson",),
    ),
    ("Who is the Russian president?", ("Putin",)),
    # who said
    ("Who said the White House is defending Islamic State?", ("Zakharova",)),
    ("Who said the situation in Syria is worsening?", ("Savchenko",)),
    (
        "Who said Russia is exerting all possible effort to restrain government troops?",
        ("Poznikhir",),
    ),
    ("Who said the UN is ready to move once we get the go ahead?", ("Swanson",)),
    (
        "Who stressed the stubborn unwillingness of the American side to coordinate with Russia?",
        ("Konashenkov",),
    ),
    (
        "Who said IS militants launched their offensive immediately after the airstrike?",
        ("Konashenkov",),
    ),
    ("Who demanded a full and detailed explanation from Washington?", ("Zakharova",)),
    (
        "Who said Washington has the desire to keep capabilities to fight the lawful government?",
        ("Putin",),
    ),
    # where
    ("Where did the coalition strike the Syrian army?", ("Tharda", "Deir")),
    ("Where was the Syrian army position that was bombed?", ("Tharda", "Deir")),
    ("Where did Putin speak to journalists?", ("Bishkek",)),
    ("Where were the 40 trucks stuck?", ("Turkey",)),
    ("Where did Putin meet Obama on the sidelines of the G20 Summit?", ("Hangzhou",)),
    ("From which country did the jets enter Syrian airspace?", ("Iraq",)),
    ("Where did the UN Security Council cancel an urgent meeting?", ("New York",)),
    # when
    ("When did the coalition bomb the Syrian army position?", ("2016-09-17",)),
    ("What time did the airstrike on the Syrian army position happen?", ("17:00",)),
    ("When did the US-led coalition start its operations in Syria?", ("2014-09-23",)),
    ("When did the ceasefire start?", ("2016-09-12",)),
    # passages
    ("What did the Pentagon say about the complex situation in Syria?", ("complex situation",)),
]

UNANSWERABLE: list[str] = [
    "How many tanks were destroyed?",
    "How many civilians were killed in the earthquake in Japan?",
    "Who is the mayor of Paris?",
    "When did the flood hit Bangladesh?",
    "How many refugees arrived in Germany?",
    "Where did the hurricane make landfall?",
    "Who said the election was rigged?",
    "How many helicopters were shot down?",
    "What is the population of Canada?",
    "Who is Angela Merkel?",
    "How many votes did the candidate receive?",
    "Which company built the bridge?",
    "When was the vaccine approved?",
    "How many goals did the striker score?",
]
