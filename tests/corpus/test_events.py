"""Events across articles: types, link scores, order-stable assignment, repair on delete."""

from __future__ import annotations

from datetime import date
from itertools import permutations
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from corpus.articles import delete_article
from corpus.db import create_schema, make_engine, sqlite_url
from corpus.events.kinds import UNKNOWN, event_type
from corpus.events.scoring import link_score, linked
from corpus.events.signature import Signature, article_signature, block_addresses
from corpus.fact_store import reextract_all
from corpus.facts.pipeline import extract
from corpus.ingest import ArticleInput, ingest_articles
from corpus.tables import Article, Event, EventMember
from search.whoosh.index import WhooshIndex

MONDAY = date(2021, 3, 8)

FIRST = (
    "Two killed in Leeds pub shooting\n\nTwo men were shot and killed on Saturday night "
    "outside the Wharf Tavern on Kirkstall Road in Leeds, police said."
)
FOLLOW = (
    "Third man dies after Leeds shooting\n\nA third man died on Sunday, a day after the "
    "shooting outside the Wharf Tavern on Kirkstall Road in Leeds. Three men were killed."
)
FIRE = (
    "Warehouse fire in Leeds\n\nA blaze destroyed a warehouse in Leeds on Tuesday, injuring "
    "four workers, firefighters said."
)
LYON = "Bomb in Lyon\n\nA car bomb exploded in Lyon on Saturday, killing five people."


def _signature(text: str, published: date = MONDAY) -> Signature:
    extraction = extract(text, published)
    return article_signature(extraction.doc, extraction.by_field, extraction.main_event)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunman opens fire at a mall\n\nShots rang out on Friday.", "shooting"),
        ("Suicide bomber strikes market\n\nA blast tore through it.", "bombing"),
        ("Floods sweep through the valley\n\nRivers burst their banks.", "flood"),
        ("Warplanes hit a base\n\nThe airstrike killed dozens.", "airstrike"),
        ("Crews battle a blaze\n\nThe fire department said the fire spread.", "fire"),
        ("Officers opened fire on the car\n\nNo one was hurt.", "shooting"),
        (
            "Two hurt by gun fire\n\nShots were fired into a car; the fire department came.",
            "shooting",
        ),
        (
            "Man charged\n\nHe fired shots into a crowd and faces aggravated assault charges.",
            "shooting",
        ),
        ("Sniper wounds four officers\n\nThey were hit downtown on Friday.", "shooting"),
        ("House fire kills two\n\nA fire at the house spread to the roof.", "fire"),
        # The weapon named tells a shooting no other word does.
        (
            "Girl hurt in her grandparents' house\n\nShe picked up a pistol from a shelf and "
            "the handgun went off.",
            "shooting",
        ),
        (
            "Deer hunter dies\n\nA man died on Sunday when his rifle discharged as he climbed "
            "a fence.",
            "shooting",
        ),
        # A fire set after the killings: the deaths were by gun, the incident a shooting ...
        (
            "Couple found dead in burned cabin\n\nInvestigators said a man shot his brother "
            "dead in the cabin before flames consumed it; the fire crews found gunshot wounds "
            "on both bodies.",
            "shooting",
        ),
        # ... but one gun among the losses of a fire does not make it one.
        (
            "Fire destroys a gun shop\n\nA blaze gutted the store and flames spread to the "
            "roof; the fire began in the back. A rifle and the stock were lost.",
            "fire",
        ),
        ("Train derails\n\nThe collision injured nine.", "crash"),
        ("Quake shakes the coast\n\nThe magnitude 6.1 earthquake struck at dawn.", "earthquake"),
        ("Man stabbed outside a bar\n\nThe stabbing happened at 2 a.m.", "stabbing"),
        ("The council met on Monday.", UNKNOWN),
    ],
)
def test_event_type_from_trigger_words(text: str, expected: str) -> None:
    headline_end = text.find("\n\n") if "\n\n" in text else len(text)
    assert event_type(text, headline_end) == expected


def test_reports_of_one_incident_link_and_others_do_not() -> None:
    first, follow, fire, lyon = (_signature(t) for t in (FIRST, FOLLOW, FIRE, LYON))
    assert first.type == follow.type == "shooting"
    assert linked(first, follow) and linked(follow, first)
    assert link_score(first, follow) == link_score(follow, first)
    assert link_score(first, fire) is None  # a shooting is never a fire
    assert not linked(first, lyon)


def test_a_report_published_before_the_incident_does_not_link() -> None:
    early = _signature(FIRST, date(2021, 2, 1))
    later = _signature(FOLLOW, date(2021, 4, 5))
    assert not linked(early, later)


def _engine(tmp_path: Path) -> Engine:
    tmp_path.mkdir(parents=True, exist_ok=True)
    engine = make_engine(sqlite_url(tmp_path))
    create_schema(engine)
    return engine


def _partition(session: Session) -> set[frozenset[str]]:
    texts = {a.id: a.text for a in session.exec(select(Article))}
    groups: dict[int, set[str]] = {}
    for member in session.exec(select(EventMember)):
        groups.setdefault(member.event_id, set()).add(texts[member.article_id])
    return {frozenset(g) for g in groups.values()}


def _ingest(engine: Engine, index: WhooshIndex, texts: list[str], one_by_one: bool) -> None:
    with Session(engine) as session:
        batches = [[t] for t in texts] if one_by_one else [texts]
        for batch in batches:
            inputs = [ArticleInput(text=t, published=MONDAY) for t in batch]
            ingest_articles(session=session, index=index, articles_in=inputs)


def test_the_partition_does_not_depend_on_the_order(tmp_path: Path) -> None:
    expected = {frozenset({FIRST, FOLLOW}), frozenset({FIRE}), frozenset({LYON})}
    for number, order in enumerate(permutations([FIRST, FOLLOW, FIRE, LYON])):
        if number % 5:  # every fifth order, each article in its own batch or all in one
            continue
        engine = _engine(tmp_path / f"order{number}")
        _ingest(engine, WhooshIndex.in_memory(), list(order), one_by_one=number % 2 == 0)
        with Session(engine) as session:
            assert _partition(session) == expected, order


def test_an_event_splits_when_the_article_joining_it_is_deleted(tmp_path: Path) -> None:
    # Saturday and Tuesday are three days apart: only Monday's report links them (in a town:
    # in a big city two days apart need more evidence, ``PLACE_BIG_CITY``).
    where = "outside the Wharf Tavern on Kirkstall Road in Harrogate"
    saturday = f"Pub shooting in Harrogate\n\nA man was shot {where} on Saturday."
    monday = f"Second shooting in Harrogate\n\nA woman was shot {where} on Monday."
    tuesday = f"Third shooting in Harrogate\n\nA teenager was shot {where} on Tuesday."
    wednesday = date(2021, 3, 10)
    engine = _engine(tmp_path)
    index = WhooshIndex.in_memory()
    with Session(engine) as session:
        inputs = [ArticleInput(text=t, published=wednesday) for t in (saturday, monday, tuesday)]
        stored = ingest_articles(session=session, index=index, articles_in=inputs)
        assert _partition(session) == {frozenset({saturday, monday, tuesday})}
        delete_article(session=session, index=index, article=stored[1].article)
        assert _partition(session) == {frozenset({saturday}), frozenset({tuesday})}
        members = session.exec(select(EventMember)).all()
        for event in session.exec(select(Event)):
            assert event.article_count == sum(m.event_id == event.id for m in members)


def test_reextraction_rebuilds_the_same_events(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    _ingest(engine, WhooshIndex.in_memory(), [FIRST, FIRE, FOLLOW, LYON], one_by_one=False)
    with Session(engine) as session:
        before = _partition(session)
        reextract_all(session=session)
        assert _partition(session) == before


def test_event_figures_are_the_most_cited_ties_to_the_later_report(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    index = WhooshIndex.in_memory()
    with Session(engine) as session:
        inputs = [
            ArticleInput(text=FIRST, published=date(2021, 3, 7)),
            ArticleInput(text=FOLLOW, published=date(2021, 3, 8)),
        ]
        ingest_articles(session=session, index=index, articles_in=inputs)
        (event,) = [e for e in session.exec(select(Event)) if e.article_count == 2]
        killed = event.figures["killed"]
        assert killed["stated"] == 3  # one report each: the later one's figure
        assert killed["disputed"] is True
        assert (killed["range_min"], killed["range_max"]) == (2, 3)
        assert event.type == "shooting"
        assert event.event_date == date(2021, 3, 6)


LEEDS = (
    "Man shot in Leeds\n\nA man was shot and wounded outside a takeaway on Harehills Lane in "
    "Leeds on Saturday night, police said."
)
SHEFFIELD = (
    "Woman shot in Sheffield\n\nA woman was shot and wounded on Ecclesall Road in Sheffield on "
    "Saturday night, police said."
)
ROUNDUP = (
    "Two separate shootings in Leeds and Sheffield\n\nTwo separate shootings on Saturday night "
    "left two people wounded: a man outside a takeaway on Harehills Lane in Leeds, and a woman "
    "on Ecclesall Road in Sheffield, police said."
)


def _events_of(session: Session) -> dict[str, set[int]]:
    texts = {a.id: a.text for a in session.exec(select(Article))}
    found: dict[str, set[int]] = {}
    for member in session.exec(select(EventMember)):
        found.setdefault(texts[member.article_id], set()).add(member.event_id)
    return found


def test_a_roundup_belongs_to_each_incident_it_reports_in_any_order(tmp_path: Path) -> None:
    assert _signature(ROUNDUP).roundup and not _signature(LEEDS).roundup
    for number, order in enumerate(permutations([LEEDS, SHEFFIELD, ROUNDUP])):
        engine = _engine(tmp_path / f"roundup{number}")
        _ingest(engine, WhooshIndex.in_memory(), list(order), one_by_one=number % 2 == 0)
        with Session(engine) as session:
            events = _events_of(session)
            leeds, sheffield = events[LEEDS], events[SHEFFIELD]
            assert len(leeds) == len(sheffield) == 1 and leeds != sheffield, order
            assert events[ROUNDUP] == leeds | sheffield, order


def test_deleting_one_incident_of_a_roundup_keeps_it_in_the_other(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    index = WhooshIndex.in_memory()
    with Session(engine) as session:
        inputs = [ArticleInput(text=t, published=MONDAY) for t in (LEEDS, SHEFFIELD, ROUNDUP)]
        stored = ingest_articles(session=session, index=index, articles_in=inputs)
        delete_article(session=session, index=index, article=stored[0].article)
        events = _events_of(session)
        assert set(events) == {SHEFFIELD, ROUNDUP}
        assert events[ROUNDUP] == events[SHEFFIELD]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # A parish's sheriff, coroner or deputies: Louisiana is the only state with parishes.
        ("Deputy dies after shooting\n\nA Iberia Parish Sheriff's deputy died on Friday "
         "after a shooting, officials said.", "Louisiana"),
        ("Man charged in shooting\n\nThe Tangipahoa Parish Sheriff's Office arrested a man "
         "on Friday after a shooting.", "Louisiana"),
        ("Man charged in shooting\n\nTwo Caddo Parish deputies were shot on Friday.",
         "Louisiana"),
        # A county only one state has names that state; one many states have names none.
        ("Man shot\n\nMahoning County deputies said a man was shot on Friday.", "Ohio"),
        ("Man shot\n\nA man was shot on Friday in northern Indiana County, police said.",
         "Pennsylvania"),
        ("Man shot\n\nA man was shot on Friday in Palm Beach County, police said.", "Florida"),
        # A dateline in capitals names the state after its town.
        ("Three dead in shooting\n\nQUILLAN, TEXAS - Three people were shot on Friday at a "
         "home, deputies said.", "Texas"),
        # A state in the headline's site name counts only when the text names no other one.
        ("Two shot at a school - KXYZ News 12 Shreveport, Louisiana News\n\nTwo students "
         "were shot on Friday in Dayton, Ohio, police said.", "Ohio"),
        ("Two shot at a school - KXYZ News 12 Shreveport, Louisiana News\n\nTwo students "
         "were shot on Friday, police said.", "Louisiana"),
    ],
)  # fmt: skip
def test_the_state_an_article_names(text: str, region: str) -> None:
    assert _signature(text).region == region


def test_a_town_in_the_headline_site_name_is_not_the_incident_place() -> None:
    sig = _signature(
        "Man shot at a park - KXYZ News 12 Shreveport\n\nA man was shot on Friday, police said."
    )
    assert sig.place is None and sig.locality is None


@pytest.mark.parametrize(
    ("first", "second", "together"),
    [
        # In a big city one day apart, city and type alone do not make one incident ...
        ("A man was shot and killed on Friday in Chicago, police said.",
         "Four men were shot and killed on Saturday in Chicago, police said.", False),
        ("A woman was shot on Sunday in Houston, police said.",
         "Two men were shot on Monday in Houston, police said.", False),
        # ... on the same day they do, and one day apart in a town they do too.
        ("A man was shot on Friday in Chicago, police said.",
         "A man was wounded in a shooting on Friday in Chicago, police said.", True),
        ("A man was shot and killed on Friday in Joliet, police said.",
         "A man was shot to death on Saturday in Joliet, police said.", True),
    ],
)  # fmt: skip
def test_a_big_city_needs_the_same_day_or_more_evidence(
    first: str, second: str, together: bool
) -> None:
    a = _signature(f"Shooting\n\n{first}", date(2021, 3, 8))
    b = _signature(f"Shooting\n\n{second}", date(2021, 3, 8))
    assert linked(a, b) is together


@pytest.mark.parametrize(
    ("text", "region", "town"),
    [
        # A state's name read as a town is the state ("Oregon" is no town in Ohio).
        ("Oregon teen dies after a shooting\n\nA teen was shot on Friday, police said.",
         "Oregon", None),
        # A state's name that begins a town's or county's names no state.
        ("Man shot\n\nA man was shot on Friday in Kansas City, police said.", "Missouri",
         "Kansas City"),
        # A neighbourhood named like a faraway city: the city whose police are on the case.
        ("Austin shooting wounds two\n\nAUSTIN — Two boys were wounded in a shooting on "
         "Friday, police said, according to a Chicago Police spokesman.", "Illinois", "Chicago"),
    ],
)  # fmt: skip
def test_state_names_and_the_police_on_the_case(text: str, region: str, town: str | None) -> None:
    sig = _signature(text)
    assert sig.region == region
    assert (sig.locality["canonical"] if sig.locality else None) == town


def test_a_dateline_state_places_a_landmark_but_a_stray_state_moves_no_city() -> None:
    # "Lake Lanier" is a landmark here; the dateline says Georgia.
    small = _signature(
        "Three shot\n\nHALL COUNTY, Ga. - Three people were shot near Lake Lanier on "
        "Friday, police said."
    )
    assert small.region == "Georgia"
    big = _signature("Man shot\n\nA man was shot in Denver on Friday; he was from Texas.")
    assert big.region == "Colorado"


def test_a_county_many_states_have_names_no_state() -> None:
    assert _signature("Man shot\n\nCook County officials said a man was shot.").region is None


def test_a_follow_up_dated_by_a_later_death_links_to_the_first_report() -> None:
    # The later report's own day is the death a week on; it tells the shooting's day, so the
    # first report, published before that death, is not "before the incident".
    first = _signature(
        "Six shot outside a Leeds bar\n\nSix people were shot on Saturday night outside the "
        "Wharf Tavern on Kirkstall Road in Leeds, police said.",
        date(2021, 3, 7),
    )
    later = _signature(
        "Man shot outside Leeds bar dies\n\nA man died in hospital on Saturday, police said. "
        "He had been hit in the shooting on March 6 outside the Wharf Tavern in Leeds.",
        date(2021, 3, 14),
    )
    assert later.day is not None and first.day is not None and later.day > first.day
    assert linked(first, later) and linked(later, first)


@pytest.mark.parametrize(
    ("survey", "killed"),
    [
        # A sentence after the lead about two other towns tells their toll, not this one's.
        ("Elsewhere that weekend, Bradford and York counted 40 gunshot victims between them, "
         "with at least 12 people killed.", None),
        # One other town (where a victim was taken) does not make it another incident's.
        ("One of the men died later in a hospital in Bradford, police said.", 1),
    ],
)  # fmt: skip
def test_a_toll_told_of_other_towns_is_not_the_incident_figure(
    survey: str, killed: int | None
) -> None:
    text = (
        "Two hurt in Leeds shooting\n\nTwo men were wounded in a shooting on Saturday in "
        "Leeds, police said. " + "The men were taken to hospital. " * 30 + survey
    )
    figure = _signature(text).figure("killed")
    assert (figure.stated if figure else None) == killed


def test_a_victim_surname_is_no_town() -> None:
    # "Hamilton" is a town; here it is the surname of a victim named with her age.
    sig = _signature(
        "Three found dead in a home\n\nThree people were found shot dead in a home on Friday, "
        "deputies said. The coroner named the dead as Ann Smith, 71, her husband Tom Smith, "
        "74, and their lodger Lucy Hamilton, 29. Hamilton had moved in last year."
    )
    assert sig.place is None and sig.locality is None and sig.region is None


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("Deputies were called to the 2700 block of Larch Ave. on Friday.", ("2700 larch",)),
        ("It happened in the 2700 block of Larch Avenue.", ("2700 larch",)),
        ("Shots rang out in the 1200 block of North Oak Park Drive.", ("1200 oak park",)),
        ("Police closed the 3100 block of West Main St and the 900 block of Elm.",
         ("3100 main", "900 elm")),
        ("The block party drew 400 people.", ()),
    ],
)  # fmt: skip
def test_block_addresses(text: str, addresses: tuple[str, ...]) -> None:
    assert block_addresses(text) == addresses


def test_reports_giving_one_block_link_though_neither_names_a_known_town() -> None:
    first = _signature(
        "One dead in shooting\n\nA man was shot and killed on Friday night at a home in the "
        "2700 block of Quillan Ave., deputies said.",
        date(2021, 3, 6),
    )
    second = _signature(
        "Three dead in shooting at a home\n\nThree people died after a gunman opened fire "
        "early Saturday at a home in the 2700 block of Quillan Avenue, deputies said.",
        date(2021, 3, 7),
    )
    elsewhere = _signature(
        "One dead in shooting\n\nA man was shot and killed on Saturday at a home in the "
        "900 block of Quillan Ave., deputies said.",
        date(2021, 3, 7),
    )
    assert linked(first, second)
    assert not linked(first, elsewhere)


@pytest.mark.parametrize(
    ("text", "town", "region"),
    [
        # The town is also a victim's first name, so the running text does not place it; the
        # dateline does.
        ("Two shot at a party\n\nDAYTON — Two people were shot on Friday night. Dayton "
         "Smith, 34, was among them, police said.", "Dayton", "Ohio"),
        # Capitals that are no town the gazetteer knows leave the place unknown.
        ("Two shot at a party\n\nQUILLAN TOWNSHIP -- Two people were shot on Friday night.",
         None, None),
    ],
)  # fmt: skip
def test_a_dateline_in_capitals_places_an_article_without_a_place(
    text: str, town: str | None, region: str | None
) -> None:
    sig = _signature(text)
    assert (sig.locality["canonical"] if sig.locality else None) == town
    assert sig.region == region


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # A court step dates the story; the shooting it follows is told a month back.
        ("Hearing set in warehouse shooting\n\nA judge set a hearing date on Thursday for the "
         "accused man. Police say he opened fire at a warehouse last month, killing two workers.",
         date(2021, 3, 12), date(2021, 2, 1)),
        # Undated but for its headline's verdict: the incident's month told back.
        ("Woman convicted over daughter's wound\n\nA woman was found guilty of neglect. Last "
         "April, her daughter found a loaded pistol in a drawer and shot herself in the hand.",
         date(2021, 9, 15), date(2021, 4, 1)),
        # A fresh report that recalls an older shooting keeps its own day.
        ("Three hurt at a skating rink\n\nThree teens were wounded by gunfire at a skating "
         "rink, police said. A guard was shot dead in the rink's parking lot in October.",
         date(2021, 2, 22), date(2021, 2, 22)),
        # A date standing before the incident's noun dates it, though the sentence tells a
        # verdict too.
        ("Sentencing put off for gunman\n\nSentencing was put off on Thursday for the man "
         "convicted in a shooting on Pine Row. A jury convicted him of manslaughter for the "
         "August 2019 shootout.", date(2021, 3, 12), date(2019, 8, 1)),
        # The sentence, not the shooting, is dated when a function word stands between.
        ("Sentencing put off for gunman\n\nSentencing was put off on Thursday for the man "
         "convicted in a shooting on Pine Row. A jury convicted him in August 2019 for the "
         "shootout.", date(2021, 3, 12), date(2021, 3, 11)),
        # A court step in the incident's month: the main event's own day (the shooting's).
        ("Man charged\n\nThe man appeared in court on Thursday over the shooting on Monday.",
         date(2021, 3, 12), date(2021, 3, 8)),
    ],
)  # fmt: skip
def test_a_follow_up_is_dated_by_the_incident_it_tells_back(
    text: str, published: date, day: date
) -> None:
    assert _signature(text, published).day == day
