"""Participants' roles and status come from the construction around each name."""

from __future__ import annotations

import pytest

from corpus.events.participants import part_of


def _part(sentence: str, name: str) -> tuple[str | None, set[str]]:
    start = sentence.index(name)
    part = part_of(sentence, start, start + len(name))
    return part.role, set(part.status)


@pytest.mark.parametrize(
    ("sentence", "name", "role", "status"),
    [
        ("Lee Park, 22, was shot and killed outside the bar.", "Lee Park", "victim", {"killed"}),
        ("Lee Park was critically wounded on Friday.", "Lee Park", "victim", {"injured"}),
        ("Lee Park died at the hospital.", "Lee Park", "victim", {"killed"}),
        (
            "Police arrested Dana Cole in the killing of Lee Park.",
            "Dana Cole",
            "suspect",
            {"arrested"},
        ),
        ("Police arrested Dana Cole in the killing of Lee Park.", "Lee Park", "victim", {"killed"}),
        ("Dana Cole shot his neighbour after an argument.", "Dana Cole", "suspect", set()),
        ("Dana Cole was later charged with murder.", "Dana Cole", "suspect", {"arrested"}),
        ("The victim, Lee Park, was a teacher.", "Lee Park", "victim", set()),
        ("The coroner identified the man as Lee Park.", "Lee Park", "victim", set()),
        ("A gunman shot and killed Lee Park on Sunday.", "Lee Park", "victim", {"killed"}),
        # A sentence with "killed" and "arrested" in it says nothing of a bystander's part.
        ("Lee Park said two people were killed and one man arrested.", "Lee Park", None, set()),
        ("Lee Park was shot in the leg by his brother.", "Lee Park", "victim", {"injured"}),
    ],
)
def test_roles_and_status_from_constructions(
    sentence: str, name: str, role: str | None, status: set[str]
) -> None:
    assert _part(sentence, name) == (role, status)
