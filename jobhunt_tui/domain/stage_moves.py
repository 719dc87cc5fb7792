"""What a change of stage stores besides the stage: the timeline entries and the follow-ups it
skips. One rule, applied by both write paths (the ORM session and plain SQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import arrow

from jobhunt_tui.domain.dates import application_time
from jobhunt_tui.domain.localtime import Zone, local_date
from jobhunt_tui.domain.models import (
    Direction,
    FollowUp,
    FollowUpStatus,
    InteractionKind,
    Opportunity,
    Stage,
)
from jobhunt_tui.domain.plans import NewInteraction
from jobhunt_tui.domain.stages import is_open


@dataclass(frozen=True)
class StageMove:
    """A move to store, in this order: the opportunity's new stage (and `applied_on` when the
    move fills it in), then `log` on its timeline, then `skip` the follow-ups listed."""

    opportunity_id: int
    stage: Stage
    applied_on: dt.date | None
    """Set by the move (an undated wishlist entry leaves the wishlist today); None: unchanged."""
    log: tuple[NewInteraction, ...]
    skip: tuple[int, ...]
    """Ids of the planned follow-ups a closing move skips."""


def plan_move(
    before: Opportunity,
    stage: Stage,
    follow_ups: Iterable[FollowUp],
    now: arrow.Arrow,
    tz: Zone,
) -> StageMove | None:
    """The move of `before` to `stage`, or None when it is already there (nothing to store).

    `follow_ups` are the opportunity's, by due date, read in the same transaction.
    """
    if before.stage is stage:
        return None
    filled = None
    if before.stage is Stage.WISHLIST and before.applied_on is None:
        filled = local_date(now, tz)
    return stage_change(before, stage, filled or before.applied_on, follow_ups, now, tz, filled)


def stage_change(
    before: Opportunity,
    stage: Stage,
    applied_on: dt.date | None,
    follow_ups: Iterable[FollowUp],
    now: arrow.Arrow,
    tz: Zone,
    filled: dt.date | None = None,
) -> StageMove:
    """What a change from `before` to `stage` logs and skips, the opportunity now applied on
    `applied_on` (an edit passes what it stored; a move what `plan_move` filled in).

    Leaving the wishlist for an open stage counts as applying (dated on `applied_on`, today
    when none); closing skips the follow-ups still planned, so nothing nags about a search
    that is over.
    """
    summary = f"{before.stage.label} → {stage.label}"
    log = [NewInteraction(before.id, InteractionKind.STAGE_CHANGE, Direction.OUT, now, summary)]
    if before.stage is Stage.WISHLIST and stage is not Stage.WISHLIST and is_open(stage):
        when = application_time(applied_on or local_date(now, tz), now, tz)
        applied = NewInteraction(before.id, InteractionKind.APPLIED, Direction.OUT, when, "Applied")
        log.append(applied)
    planned = (f.id for f in follow_ups if f.status is FollowUpStatus.PLANNED)
    skip = () if is_open(stage) else tuple(planned)
    return StageMove(before.id, stage, filled, tuple(log), skip)
