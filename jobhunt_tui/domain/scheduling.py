"""When each cadence step is due, and re-planning the steps after one changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import arrow

from jobhunt_tui.domain.localtime import (
    END_OF_DAY,
    START_OF_DAY,
    Zone,
    add_business_days,
    add_days,
    at_local,
    is_weekend,
    local,
    next_business_day,
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
    Touch,
    conflicts,
    earliest_polite,
    interview_times,
    is_exempt_thank_you,
)

STEP_ORDER: dict[FollowUpKind, int] = {
    FollowUpKind.THANK_YOU: 0,
    FollowUpKind.FOLLOW_UP: 1,
    FollowUpKind.CHECK_IN: 2,
}


def thank_you_due(interview_at: arrow.Arrow, tz: Zone, settings: Settings) -> arrow.Arrow:
    """The thank-you deadline: thank_you_hours after the interview, off the weekend."""
    return weekend_to_monday(interview_at.shift(hours=settings.thank_you_hours), tz)


def suggested_send_window(
    interview_at: arrow.Arrow, tz: Zone, settings: Settings
) -> tuple[arrow.Arrow, arrow.Arrow]:
    """When to send the thank-you: 2-4 h after, kept inside a working day, never past due."""
    start = local(interview_at.shift(hours=2), tz)
    end = start.shift(hours=2)
    day = start.date()
    if is_weekend(day) or end.date() != day or end.time() > END_OF_DAY:
        morning = next_business_day(day)
        start, end = at_local(morning, START_OF_DAY, tz), at_local(morning, dt.time(11, 0), tz)
    elif start.time() < START_OF_DAY:
        start, end = at_local(day, START_OF_DAY, tz), at_local(day, dt.time(11, 0), tz)
    deadline = thank_you_due(interview_at, tz, settings)
    return min(start, deadline), min(end, deadline)


def follow_up_due(
    after: arrow.Arrow,
    interview_at: arrow.Arrow,
    decision_on: dt.date | None,
    tz: Zone,
    settings: Settings,
) -> arrow.Arrow:
    """follow_up_days after `after` (never before the interview), or the decision grace date."""
    due = add_days(max(after, interview_at), settings.follow_up_days, tz)
    if decision_on is not None:
        grace_day = add_business_days(decision_on, settings.decision_grace_business_days)
        due = max(due, at_local(grace_day, START_OF_DAY, tz))
    return weekend_to_monday(due, tz)


def check_in_due(after: arrow.Arrow, tz: Zone, settings: Settings) -> arrow.Arrow:
    """check_in_days after the follow-up, off the weekend."""
    return weekend_to_monday(add_days(after, settings.check_in_days, tz), tz)


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
    changed = replan.changed
    chain = {
        f.kind: f
        for f in history.follow_ups
        if changed.anchor_interaction_id is not None
        and f.anchor_interaction_id == changed.anchor_interaction_id
    }
    placed = dict(replan.placed)
    taken = list(fixed)
    fresh = list(replan.fresh)
    gap = settings.min_gap_days
    changes: list[FollowUpChange] = []
    for item in sorted(items, key=lambda f: (f.due_at, STEP_ORDER.get(f.kind, 9))):
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
        elif downstream or conflicts(desired, fresh, tz, gap):
            due = earliest_polite(desired, taken, tz, gap)
        else:
            due = desired
        if not is_exempt_thank_you(item.kind.value, due, interviews, tz, settings):
            touch = Touch(due, item.kind.value, planned=True, follow_up_id=item.id)
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
        after = _sent_time(before, sent) or interview_at
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
