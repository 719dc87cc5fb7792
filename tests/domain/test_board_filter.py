"""The filter line's tokens: stage:, p:, is: beside free text."""

from __future__ import annotations

import pytest

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.board_filter import parse_filter
from jobhunt_tui.domain.models import Stage

CARD = BoardCard(
    opportunity_id=1,
    company="Acme",
    role="Backend Engineer",
    stage=Stage.APPLIED,
    priority=2,
    archived=False,
    last_touch_at=None,
    next_follow_up_at=None,
    next_follow_up_kind=None,
    days_since_touch=3,
    overdue=False,
    idle=False,
    quiet_days=None,
)


@pytest.mark.parametrize(
    ("line", "card", "matches"),
    [
        ("", CARD, True),
        ("acme", CARD, True),
        ("backend eng", CARD, True),
        ("globex", CARD, False),
        ("stage:applied", CARD, True),
        ("stage:APPLIED", CARD, True),
        ("stage:int", CARD._replace(stage=Stage.INTERVIEWING), True),
        ("stage:screening", CARD, False),
        ("stage:applied stage:offer", CARD._replace(stage=Stage.OFFER), True),
        ("p:1", CARD, False),
        ("p:1", CARD._replace(priority=1), True),
        ("is:overdue", CARD, False),
        ("is:overdue", CARD._replace(overdue=True), True),
        ("is:idle", CARD._replace(idle=True), True),
        ("is:quiet", CARD._replace(quiet_days=6), False),
        ("is:quiet", CARD._replace(quiet_days=9), True),
        ("acme p:1 is:overdue", CARD._replace(priority=1, overdue=True), True),
        ("globex p:1", CARD._replace(priority=1), False),
        ("stage:nope", CARD, False),  # a token that means nothing is text: it matches nothing
        ("is:happy", CARD, False),
        ("stage:a", CARD, False),  # ambiguous (applied, accepted): kept as text
    ],
)
def test_filter_tokens(line: str, card: BoardCard, matches: bool) -> None:
    assert parse_filter(line).matches(card) is matches


def test_an_empty_or_blank_line_is_no_filter() -> None:
    assert parse_filter("").empty
    assert parse_filter("   ").empty
    assert not parse_filter("p:2").empty
