"""When each cadence step is due, and re-planning the steps after one changes.

A date rule gives a day; the time is the user's "send at" hour (default 10:00 local), never the
minute a key was pressed. Weekend days move to Monday. Only the thank-you, a deadline counted
in hours from the interview, keeps the interview's time of day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import arrow

from jobhunt_tui.domain.localtime import (
    Zone,
    add_business_days,
    at_local,
    local_date,
    weekend_to_monday,
)
from jobhunt_tui.domain.models import (
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Settings,
)
from jobhunt_tui.domain.plans import FollowUpChange, History
from jobhunt_tui.domain.spacing import (
    Spacing,
    Touch,
    interview_times,
    is_exempt_thank_you,
    planned_time,
    planned_touches,
    send_at,
    suggested_send_window,
    thank_you_deadline,
)

__all__ = [
    "STEP_ORDER",
    "Replan",
    "check_in_due",
    "follow_up_due",
    "respace",
    "rule_due",
    "suggested_send_window",
    "thank_you_due",
]

STEP_ORDER: dict[FollowUpKind, int] = {
    FollowUpKind.THANK_YOU: 0,
    FollowUpKind.FOLLOW_UP: 1,
    FollowUpKind.CHECK_IN: 2,
}

MAX_DECISION_AHEAD = dt.timedelta(days=3 * 366)
"""A decision date further past the interview than this is ignored, not planned around."""


def thank_you_due(interview_at: arrow.Arrow, tz: Zone, settings: Settings) -> arrow.Arrow:
    """The thank-you deadline: thank_you_hours after the interview, off the weekend."""
    return thank_you_deadline(interview_at, tz, settings)


def day_at_send_hour(day: dt.date, tz: Zone, settings: Settings) -> arrow.Arrow:
    """`day` at the user's "send at" hour, a weekend day moved to Monday."""
    return weekend_to_monday(at_local(day, send_at(settings), tz), tz)


def follow_up_due(
    after: arrow.Arrow,
    interview_at: arrow.Arrow,
    decision_on: dt.date | None,
    tz: Zone,
    settings: Settings,
) -> arrow.Arrow:
    """follow_up_days after the thank-you (`after`: sent, or its suggested time), or the
    decision date's grace day when that is later; at the send-at hour, never before the
    interview."""
    start = local_date(max(after, interview_at), tz)
    due = day_at_send_hour(start + dt.timedelta(days=settings.follow_up_days), tz, settings)
    interview_day = local_date(interview_at, tz)
    if decision_on is not None and interview_day <= decision_on <= interview_day + (
        MAX_DECISION_AHEAD
    ):
        grace_day = add_business_days(decision_on, settings.decision_grace_business_days)
        due = max(due, day_at_send_hour(grace_day, tz, settings))
    return max(due, interview_at)


def check_in_due(after: arrow.Arrow, tz: Zone, settings: Settings) -> arrow.Arrow:
    """check_in_days after the follow-up, at the send-at hour, off the weekend."""
    day = local_date(after, tz) + dt.timedelta(days=settings.check_in_days)
    return max(day_at_send_hour(day, tz, settings), after)


@dataclass(frozen=True)
class Replan:
    """What changed: the step sent or moved, the new touches, and the times already known."""

    changed: FollowUp
    fresh: tuple[Touch, ...]
    sent: dict[int, arrow.Arrow] = field(default_factory=dict)
    placed: dict[int, arrow.Arrow] = field(default_factory=dict)


def respace(
    history: History,
    items: Sequence[FollowUp],
    fixed: Sequence[Touch],
    replan: Replan,
    tz: Zone,
    settings: Settings,
) -> list[FollowUpChange]:
    """Re-plan the steps after the changed one by the rules; move what the change crowds.

    A step that is neither after the changed one nor within `min_gap_days` of a touch this
    change created or moved keeps its date, even a date the user forced close to another.
    """
    interviews = interview_times(history.interactions)
    anchors = {i.id: i.occurred_at for i in history.interactions}
    spacing = Spacing.of(history.interactions, tz, settings)
    changed = replan.changed
    chain = {
        f.kind: f
        for f in history.follow_ups
        if changed.anchor_interaction_id is not None
        and f.anchor_interaction_id == changed.anchor_interaction_id
    }
    placed = dict(replan.placed)
    # A thank-you inside its interview's window never moves: whatever moves keeps clear of it.
    staying = [
        f for f in items if is_exempt_thank_you(f.kind.value, f.due_at, interviews, tz, settings)
    ]
    taken = [*fixed, *planned_touches(staying, history.interactions, tz, settings)]
    fresh = list(replan.fresh)
    changes: list[FollowUpChange] = []
    for item in sorted(items, key=lambda f: (f.due_at, STEP_ORDER.get(f.kind, 9))):
        if item in staying:
            placed[item.id] = item.due_at
            continue
        downstream = (
            item.kind in chain
            and chain[item.kind].id == item.id
            and STEP_ORDER.get(item.kind, 9) > STEP_ORDER.get(changed.kind, 9)
        )
        desired = item.due_at
        if downstream:
            desired = rule_due(item, chain, replan.sent, placed, anchors, history, tz, settings)
        if is_exempt_thank_you(item.kind.value, desired, interviews, tz, settings):
            due = desired
        elif downstream or spacing.conflicts(desired, fresh, planned=True):
            due = spacing.earliest_polite(desired, taken)
        else:
            due = desired
        at = planned_time(dataclasses.replace(item, due_at=due), anchors, tz, settings)
        touch = Touch(at, item.kind.value, planned=True, follow_up_id=item.id)
        taken.append(touch)
        if due != item.due_at:
            fresh.append(touch)
        placed[item.id] = due
        if due != item.due_at:
            reason = "re-planned from the real send time" if downstream else "kept polite spacing"
            changes.append(
                FollowUpChange(
                    item.id, item.kind, FollowUpStatus.PLANNED, due, item.due_at, reason=reason
                )
            )
    return changes


def rule_due(
    item: FollowUp,
    chain: dict[FollowUpKind, FollowUp],
    sent: dict[int, arrow.Arrow],
    placed: dict[int, arrow.Arrow],
    anchors: dict[int, arrow.Arrow],
    history: History,
    tz: Zone,
    settings: Settings,
) -> arrow.Arrow:
    """The due a cadence step gets from its rule, given what happened to the step before it."""
    interview_at = anchors.get(item.anchor_interaction_id or -1)
    if interview_at is None:
        return item.due_at
    if item.kind is FollowUpKind.FOLLOW_UP:
        before = chain.get(FollowUpKind.THANK_YOU)
        after = _sent_time(before, sent) or suggested_send_window(interview_at, tz, settings)[0]
        return follow_up_due(after, interview_at, history.decision_on, tz, settings)
    if item.kind is FollowUpKind.CHECK_IN:
        before = chain.get(FollowUpKind.FOLLOW_UP)
        if before is None:
            return item.due_at
        after = _sent_time(before, sent) or placed.get(before.id)
        if after is None:
            if before.status is not FollowUpStatus.PLANNED:
                return item.due_at
            after = before.due_at
        return max(check_in_due(after, tz, settings), interview_at)
    return item.due_at


def _sent_time(step: FollowUp | None, sent: dict[int, arrow.Arrow]) -> arrow.Arrow | None:
    """When a cadence step was sent: just now (`sent`) or earlier (its done time)."""
    if step is None:
        return None
    if step.id in sent:
        return sent[step.id]
    return step.done_at if step.status is FollowUpStatus.DONE else None
