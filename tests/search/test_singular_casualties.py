"""One victim told without a number (``search.answer.singular``): made-up sentences."""

from __future__ import annotations

import pytest

from search.answer.singular import singular_casualties

# (text, what counts one killed, what counts one injured)
SINGULAR = [
    ("A man was shot and killed on Dover Lane at dawn.", ["A man was shot and killed"], []),
    ("An elderly woman died after the crash.", ["An elderly woman died"], []),
    ("One teenager was fatally shot outside the gym.", ["One teenager was fatally shot"], []),
    ("A county deputy was killed during a traffic stop.", ["A county deputy was killed"], []),
    (
        "Detectives opened an inquiry into the fatal shooting of a 17-year-old.",
        ["fatal shooting of a 17-year-old"],
        [],
    ),
    ("A woman was wounded in the leg.", [], ["A woman was wounded"]),
    (
        "A man, whom police did not name, was shot in the arm.",
        [],
        ["A man, whom police did not name, was shot"],
    ),
    ("The woman who was shot told deputies she knew him.", [], ["The woman who was shot"]),
    # shot, then the next words say he died: killed, not wounded
    ("A boy was shot near the park. He died two hours later.", ["A boy was shot"], []),
    # "the victim" found dead before: one killed, not a wounded one
    (
        "Neighbours found the victim dead on a porch. The victim was shot earlier that night.",
        ["The victim was shot"],
        [],
    ),
    # a headline names its lone victim without an article
    ("Clerk, 52, killed in robbery\n\nThe store was closed.", ["Clerk, 52, killed"], []),
    ("Riverton teen wounded at bus stop\n\nPolice said.", [], ["Riverton teen wounded"]),
    ("Cyclist shot Sunday dies\n\nThe family said.", ["Cyclist shot"], []),
    ("Two men shot on Elm Street\n\nBoth are stable.", [], []),
    # several people, or no person noun: left to the numeric recognisers
    ("A man and a woman were shot.", [], []),
    ("The suspect was shot by an officer.", [], []),
    ("A car was hit by gunfire.", [], []),
]


@pytest.mark.parametrize(("text", "killed", "injured"), SINGULAR)
def test_singular_casualties(text: str, killed: list[str], injured: list[str]) -> None:
    for kind, expected in (("killed", killed), ("injured", injured)):
        mentions = singular_casualties(text, kind)
        assert [m.text for m in mentions] == expected
        assert all(text[m.start : m.end] == m.text and m.key == "1" for m in mentions)


def test_other_kinds_count_nothing() -> None:
    assert singular_casualties("A man was shot and killed.", "shot") == []
