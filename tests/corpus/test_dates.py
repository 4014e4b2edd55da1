"""Dates: calendar arithmetic, dateparser behind our wrapper, mention rules, the sample corpus."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.facts import calendar_math, dates
from corpus.facts.calendar_math import (
    Resolved,
    month_near,
    parse_absolute,
    relative_period,
    weekday_on_or_before,
)
from corpus.facts.document import Document

SAMPLE_PUBLISHED = {"000": date(2016, 9, 18), "001": date(2016, 9, 17), "004": date(2016, 9, 18)}
SAT, MON, FRI = 5, 0, 4


@pytest.mark.parametrize(
    ("base", "weekday", "modifier", "expected"),
    [
        (date(2016, 9, 18), SAT, None, date(2016, 9, 17)),  # Sunday paper, "on Saturday"
        (date(2016, 9, 17), SAT, None, date(2016, 9, 17)),  # the day itself
        (date(2016, 9, 17), SAT, "last", date(2016, 9, 10)),
        (date(2016, 9, 18), MON, None, date(2016, 9, 12)),
        (date(2023, 2, 8), FRI, "next", date(2023, 2, 10)),
        (date(2023, 2, 10), FRI, "next", date(2023, 2, 17)),
        (date(2020, 1, 1), MON, "this", date(2019, 12, 30)),
    ],
)
def test_weekday(base: date, weekday: int, modifier: str | None, expected: date) -> None:
    assert weekday_on_or_before(base, weekday, modifier) == expected


@pytest.mark.parametrize(
    ("base", "month", "modifier", "expected"),
    [
        (date(2016, 9, 18), 12, None, date(2015, 12, 1)),
        (date(2016, 9, 18), 9, None, date(2016, 9, 1)),
        (date(2016, 9, 18), 9, "last", date(2015, 9, 1)),
        (date(2019, 4, 12), 1, None, date(2019, 1, 1)),
        (date(2019, 4, 12), 3, "next", date(2020, 3, 1)),
    ],
)
def test_month(base: date, month: int, modifier: str | None, expected: date) -> None:
    assert month_near(base, month, modifier) == expected


@pytest.mark.parametrize(
    ("unit", "offset", "iso", "precision"),
    [
        ("day", -1, "2014-08-19", "day"),
        ("week", -1, "2014-08-11", "week"),  # a week is named by its Monday
        ("week", 0, "2014-08-18", "week"),
        ("month", -1, "2014-07", "month"),
        ("month", 5, "2015-01", "month"),
        ("year", -1, "2013", "year"),
    ],
)
def test_relative_period(unit: str, offset: int, iso: str, precision: str) -> None:
    resolved = relative_period(date(2014, 8, 20), unit, offset)
    assert (resolved.iso, resolved.precision) == (iso, precision)


@pytest.mark.parametrize(
    ("span", "language", "base", "iso", "precision"),
    [
        ("September 18, 2016", "en", None, "2016-09-18", "day"),
        ("Sept. 5, 2016", "en", None, "2016-09-05", "day"),
        ("23 September 2014", "en", None, "2014-09-23", "day"),
        ("September 2014", "en", None, "2014-09", "month"),
        ("2016-09-17", "en", None, "2016-09-17", "day"),
        ("18 septembre 2016", "fr", None, "2016-09-18", "day"),
        ("1er mai 2021", "fr", None, "2021-05-01", "day"),
        ("Feb. 6", "en", date(2023, 2, 8), "2023-02-06", "day"),
        ("December 24", "en", date(2023, 2, 8), "2022-12-24", "day"),  # the past one
    ],
)
def test_parse_absolute(
    span: str, language: str, base: date | None, iso: str, precision: str
) -> None:
    resolved = parse_absolute(span, language, base)
    assert resolved is not None
    assert (resolved.iso, resolved.precision) == (iso, precision)


def _dateparser(span: str, language: str, base: date | None) -> Resolved | None:
    """What dateparser alone makes of ``span`` (parse_absolute without its fast path)."""
    data = calendar_math._parser(language, base or date(2000, 1, 1)).get_date_data(span)
    if data is None or data.date_obj is None:
        return None
    precision = {"time": "day"}.get(data.period or "day", data.period or "day")
    return Resolved(data.date_obj.date(), precision)


_SPANS = st.builds(
    lambda form, name, day, suffix, year: form.format(n=name, d=day, s=suffix, y=year),
    st.sampled_from(["{n} {d}{s}{y}", "{d}{s} {n}{y}", "{d}{s} of {n}{y}", "{n}{y}"]),
    st.sampled_from(["September", "Sept.", "Sep", "Feb.", "May", "December", "Jan", "mar"]),
    st.sampled_from(["1", "05", "9", "18", "28", "29", "30", "31", "0", "32"]),
    st.sampled_from(["", "st", "nd", "th", "er"]),
    st.sampled_from(["", " 2016", ", 2015", " 2000"]),
)
_FRENCH_SPANS = st.builds(
    lambda day, suffix, name, year: f"{day}{suffix} {name}{year}",
    st.sampled_from(["1", "05", "18", "29", "31"]),
    st.sampled_from(["", "er", "th"]),
    st.sampled_from(["septembre", "Février", "aout", "mai", "décembre"]),
    st.sampled_from(["", " 2016", ", 2015"]),
)
_BASES = st.sampled_from([None, date(2016, 9, 18), date(2016, 2, 29), date(2015, 1, 1)])


@given(st.one_of(_SPANS.map(lambda s: (s, "en")), _FRENCH_SPANS.map(lambda s: (s, "fr"))), _BASES)
@settings(max_examples=300, deadline=None)
def test_fast_path_agrees_with_dateparser(case: tuple[str, str], base: date | None) -> None:
    # The common forms skip dateparser; where the fast path answers, it must answer the same.
    span, language = case
    fast = calendar_math._stated(span, language, base or date(2000, 1, 1))
    if fast is not None:
        assert fast == _dateparser(span, language, base)


@pytest.mark.parametrize("span", ["2016-09-18", "2016-02-29", "September 18, 2016", "Sept. 5"])
def test_fast_path_reads_the_common_forms(span: str) -> None:
    assert calendar_math._stated(span, "en", date(2016, 9, 18)) is not None


def _rows(text: str, published: date | None) -> list[tuple[str, str, str, str]]:
    facts = dates.extract(Document.parse(text, published))
    return [(f.text, f.value["iso"], f.value["precision"], f.value["role"]) for f in facts]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "WASHINGTON, March 3, 2022 (Reuters) - The talks ended on Tuesday.",
            date(2022, 3, 3),
            [("March 3, 2022", "2022-03-03", "day", "publication"),
             ("Tuesday", "2022-03-01", "day", "event")],
        ),
        (
            "Posted on 12 April 2019\nThe protests began in December and ran through January 2019.",
            date(2019, 4, 12),
            [("12 April 2019", "2019-04-12", "day", "publication"),
             ("December", "2018-12", "month", "event"),
             ("January 2019", "2019-01", "month", "event")],
        ),
        (
            "The earthquake struck at 4:17 a.m. local time on Monday, Feb. 6.",
            date(2023, 2, 8),
            [("4:17 a.m.", "2023-02-06T04:17", "time", "event"),
             ("Monday", "2023-02-06", "day", "event"),
             ("Feb. 6", "2023-02-06", "day", "event")],
        ),
        (
            "Le 14 juillet 2020, le président a parlé. Samedi, les manifestants sont revenus.",
            date(2020, 7, 20),
            [("14 juillet 2020", "2020-07-14", "day", "event"),
             ("Samedi", "2020-07-18", "day", "event")],
        ),
        (
            "The truce agreed last week collapsed yesterday, three days after it began.",
            date(2014, 8, 20),
            [("last week", "2014-08-11", "week", "event"),
             ("yesterday", "2014-08-19", "day", "event")],
        ),
        (
            "Troops withdrew in May. They may return next month, officials said on 2021-06-30.",
            date(2021, 7, 4),
            [("May", "2021-05", "month", "event"), ("next month", "2021-08", "month", "event"),
             ("2021-06-30", "2021-06-30", "day", "event")],
        ),
        (
            "The group has held the town since 2014 and lost it in mid-March.",
            date(2017, 3, 30),
            [("2014", "2014", "year", "event"), ("March", "2017-03", "month", "event")],
        ),
        (
            "The summit is set for next Monday at 0900 GMT.",
            date(2019, 11, 13),
            [("next Monday", "2019-11-18", "day", "event"),
             ("0900 GMT", "2019-11-18T09:00", "time", "event")],
        ),
        (
            # No publication date: relative phrases cannot be resolved, absolute ones can.
            "Earlier this week, the army said it would march on the capital in March 2015.",
            None,
            [("March 2015", "2015-03", "month", "event")],
        ),
        (
            "Caption: Smoke over Gaza on October 9, 2023. (AFP)\nJets struck again on Tuesday.",
            date(2023, 10, 10),
            [("October 9, 2023", "2023-10-09", "day", "other"),
             ("Tuesday", "2023-10-10", "day", "event")],
        ),
        (
            "The vote, two weeks ago, was disputed; may they march again?",
            date(2020, 11, 3),
            [("two weeks ago", "2020-10-19", "week", "event")],
        ),
        (
            "Analysts said the May Day march would be calm.",  # "May" and "march" without a cue
            date(2020, 11, 3),
            [],
        ),
        # A holiday on a fixed day: the latest one on or before publication.
        (
            "A boy died after a shooting at his home on New Year's Eve, deputies said.",
            date(2021, 1, 2),
            [("New Year's Eve", "2020-12-31", "day", "event")],
        ),
        (
            "Two men were shot on the Fourth of July near the river.",
            date(2020, 7, 6),
            [("Fourth of July", "2020-07-04", "day", "event")],
        ),
        (
            "He was wounded on Halloween night; the shop sold Christmas lights.",
            date(2020, 11, 2),
            [("Halloween", "2020-10-31", "day", "event")],
        ),
    ],
)  # fmt: skip
def test_date_mentions(
    text: str, published: date | None, expected: list[tuple[str, str, str, str]]
) -> None:
    assert _rows(text, published) == expected


def test_time_joins_the_day_of_its_sentence() -> None:
    text = "Jets bombed the position at 5 p.m. (1400 GMT) on Saturday."
    facts = dates.extract(Document.parse(text, date(2016, 9, 17)))
    time = next(f for f in facts if f.kind == "time")
    assert time.text == "5 p.m. (1400 GMT)"
    assert time.value["iso"] == "2016-09-17T17:00"
    assert time.value["utc"] == "2016-09-17T14:00Z"
    assert time.value["relative_to"] == "2016-09-17"


def _sample(sample_texts: dict[str, str], prefix: str) -> list:
    stem = next(s for s in sample_texts if s.startswith(prefix))
    return dates.extract(Document.parse(sample_texts[stem], SAMPLE_PUBLISHED.get(prefix)))


def test_sample_on_saturday_resolves_against_publication(sample_texts: dict[str, str]) -> None:
    saturdays = [f for f in _sample(sample_texts, "004") if f.text == "Saturday"]
    assert saturdays
    assert {(f.value["iso"], f.value["relative_to"]) for f in saturdays} == {
        ("2016-09-17", "2016-09-18")
    }


def test_sample_publication_dates(sample_texts: dict[str, str]) -> None:
    expected = {"000": "2016-09-18", "001": "2016-09-17", "004": "2016-09-18"}
    for prefix, iso in expected.items():
        published = [f for f in _sample(sample_texts, prefix) if f.value["role"] == "publication"]
        assert [f.value["iso"] for f in published] == [iso]
    french = next(f for f in _sample(sample_texts, "004") if f.text == "18 septembre 2016")
    assert (french.value["iso"], french.value["role"]) == ("2016-09-18", "publication")


def test_sample_event_and_caption_dates(sample_texts: dict[str, str]) -> None:
    roles = {(f.text, f.value["role"]) for f in _sample(sample_texts, "002")}
    assert roles == {("September 5, 2016", "other"), ("23 September 2014", "event")}
    assert not [f for f in _sample(sample_texts, "003") if f.value["relative_to"]]


def test_sample_offsets_slice_exactly(sample_texts: dict[str, str]) -> None:
    for stem, text in sample_texts.items():
        for fact in dates.extract(Document.parse(text, SAMPLE_PUBLISHED.get(stem[:3]))):
            assert text[fact.start : fact.end] == fact.text
            assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end


_WORDS = st.sampled_from(
    ["on", "Saturday", "last", "week", "in", "December", "18", "septembre", "2016", "2016-09-17",
     "5", "p.m.", "(1400", "GMT)", "at", "17:30", "ago", "two", "days", "Sept.", "5,", "May",
     "yesterday", "Caption:", "(AFP)", "—", "date", "\n", " ", ",", ".", "mid-March", "since"]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=60).map(" ".join), st.sampled_from([None, date(2016, 9, 18)]))
@settings(max_examples=150, deadline=None)
def test_any_text_keeps_the_offset_invariant(text: str, published: date | None) -> None:
    for fact in dates.extract(Document.parse(text, published)):
        assert text[fact.start : fact.end] == fact.text
        assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end
        assert fact.value["precision"] in {"year", "month", "week", "day", "time"}
        if published is None:
            assert fact.value["relative_to"] is None


READ = [
    # (text, publication date, [(span, iso, precision)])
    ("The dam gave way on October 2, officials said.", None, [("October 2", "--10-02", "day")]),
    (
        "It opened on 4 May 1998 and closed in 2003.",
        None,
        [("4 May 1998", "1998-05-04", "day"), ("2003", "2003", "year")],
    ),
    ("The vote was held on Sept. 9.", date(2019, 9, 12), [("Sept. 9", "2019-09-09", "day")]),
    ("Crews worked through Tuesday.", date(2019, 8, 30), [("Tuesday", "2019-08-27", "day")]),
    ("Crews worked through Tuesday.", None, []),
]


@pytest.mark.parametrize(("text", "published", "expected"), READ)
def test_read_dates(
    text: str, published: date | None, expected: list[tuple[str, str, str]]
) -> None:
    found = dates.read_dates(text, published)
    assert [(m.text, m.iso, m.precision) for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("span", "is_date"),
    [
        ("September 2016", True),
        ("12 October 2021", True),
        ("March", True),
        ("Saturday", True),
        ("Spring 2020", True),
        ("the Winter of 2019", True),
        ("mid-September", True),
        ("late 2016", True),
        ("Maple Grove", False),
        ("May Street", False),
        ("April Jones", False),
        ("Fall River", False),
        ("", False),
    ],
)
def test_a_span_reads_as_a_date_only_when_it_names_a_time(span: str, is_date: bool) -> None:
    assert dates.reads_as_date(span) is is_date


@pytest.mark.parametrize(
    ("text", "weekdays", "expected"),
    [
        # an undated story's weekday, as ISO 8601's day of any week, only when asked for
        ("Fire broke out on Monday night.", True, [("Monday", "-W-1", "weekday")]),
        ("Fire broke out on Monday night.", False, []),
        (
            "He fell ill on Sunday, October 2.",
            True,
            [("Sunday", "-W-7", "weekday"), ("October 2", "--10-02", "day")],
        ),
        # a weekday with a modifier needs the publication day to mean anything
        ("They meet next Tuesday.", True, []),
    ],
)
def test_weekdays_of_an_undated_text(
    text: str, weekdays: bool, expected: list[tuple[str, str, str]]
) -> None:
    found = dates.read_dates(text, None, weekdays=weekdays)
    assert [(m.text, m.iso, m.precision) for m in found] == expected
    assert all(text[m.start : m.end] == m.text for m in found)
