"""The rule of a stage move: what it logs on the timeline, what it fills in, what it skips."""

from __future__ import annotations

import datetime as dt

import arrow
import pytest

from jobhunt_tui.domain.models import (
    Channel,
    Direction,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    Opportunity,
    Stage,
)
from jobhunt_tui.domain.plans import NewInteraction
from jobhunt_tui.domain.stage_moves import plan_move, stage_change

NOW = arrow.get("2026-11-20T12:00:00+00:00")
UTC = "UTC"


def _opportunity(stage: Stage, applied_on: dt.date | None = None) -> Opportunity:
    return Opportunity(
        id=7,
        company_id=1,
        company_name="Acme",
        role="Engineer",
        stage=stage,
        created_at=NOW.shift(days=-30),
        updated_at=NOW.shift(days=-30),
        applied_on=applied_on,
    )


def _follow_up(follow_up_id: int, status: FollowUpStatus) -> FollowUp:
    due = NOW.shift(days=follow_up_id)
    return FollowUp(follow_up_id, 7, FollowUpKind.FOLLOW_UP, Channel.EMAIL, due, status)


FOLLOW_UPS = (
    _follow_up(3, FollowUpStatus.PLANNED),
    _follow_up(1, FollowUpStatus.DONE),
    _follow_up(2, FollowUpStatus.PLANNED),
    _follow_up(4, FollowUpStatus.SKIPPED),
)


def _stage_change(summary: str) -> NewInteraction:
    return NewInteraction(7, InteractionKind.STAGE_CHANGE, Direction.OUT, NOW, summary)


@pytest.mark.parametrize("stage", list(Stage))
def test_a_move_to_the_stage_it_is_in_stores_nothing(stage: Stage) -> None:
    assert plan_move(_opportunity(stage), stage, FOLLOW_UPS, NOW, UTC) is None


def test_an_open_move_logs_the_change_only() -> None:
    move = plan_move(_opportunity(Stage.APPLIED, NOW.date()), Stage.SCREENING, (), NOW, UTC)
    assert move is not None
    assert (move.opportunity_id, move.stage, move.applied_on) == (7, Stage.SCREENING, None)
    assert move.log == (_stage_change("Applied → Screening"),)
    assert move.skip == ()


def test_leaving_an_undated_wishlist_applies_today() -> None:
    move = plan_move(_opportunity(Stage.WISHLIST), Stage.APPLIED, (), NOW, UTC)
    assert move is not None
    assert move.applied_on == NOW.date()
    applied = NewInteraction(7, InteractionKind.APPLIED, Direction.OUT, NOW, "Applied")
    assert move.log == (_stage_change("Wishlist → Applied"), applied)


def test_leaving_a_dated_wishlist_applies_at_midday_of_that_date() -> None:
    day = dt.date(2026, 11, 2)
    move = plan_move(_opportunity(Stage.WISHLIST, day), Stage.INTERVIEWING, (), NOW, UTC)
    assert move is not None
    assert move.applied_on is None  # already dated: left as it is
    assert move.log[1].occurred_at == arrow.get("2026-11-02T12:00:00+00:00")


def test_today_is_the_users_day() -> None:
    late = arrow.get("2026-11-20T23:30:00+00:00")  # already Saturday in Berlin
    move = plan_move(_opportunity(Stage.WISHLIST), Stage.APPLIED, (), late, "Europe/Berlin")
    assert move is not None
    assert move.applied_on == dt.date(2026, 11, 21)


@pytest.mark.parametrize("stage", [Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN])
def test_closing_skips_the_planned_follow_ups_in_due_order(stage: Stage) -> None:
    move = plan_move(_opportunity(Stage.INTERVIEWING), stage, FOLLOW_UPS, NOW, UTC)
    assert move is not None
    assert move.skip == (3, 2)
    assert move.log == (_stage_change(f"Interviewing → {stage.label}"),)


def test_closing_from_the_wishlist_dates_it_but_logs_no_application() -> None:
    move = plan_move(_opportunity(Stage.WISHLIST), Stage.WITHDRAWN, FOLLOW_UPS, NOW, UTC)
    assert move is not None
    assert move.applied_on == NOW.date()
    assert [entry.kind for entry in move.log] == [InteractionKind.STAGE_CHANGE]


def test_reopening_plans_nothing_and_skips_nothing() -> None:
    move = plan_move(_opportunity(Stage.REJECTED), Stage.INTERVIEWING, FOLLOW_UPS, NOW, UTC)
    assert move is not None
    assert move.skip == ()
    assert move.log == (_stage_change("Rejected → Interviewing"),)


def test_an_edit_logs_its_stage_change_with_the_date_it_stored() -> None:
    before = _opportunity(Stage.WISHLIST)
    day = dt.date(2026, 11, 10)
    change = stage_change(before, Stage.SCREENING, day, FOLLOW_UPS, NOW, UTC)
    assert change.applied_on is None  # the edit stored the date itself
    assert change.log[1].occurred_at == arrow.get("2026-11-10T12:00:00+00:00")
    assert change.skip == ()
