"""The follow-up cadence after an interview, as pure functions that return what to store.

After an interview at T (all numbers from Settings; due days at the "send at" hour, weekends
moved to Monday):

1. thank_you: email, due T + thank_you_hours (a weekend deadline moves to Monday). Suggested
   send: 2-4 h after the interview when that ends within the working day, else the next
   business morning.
2. follow_up: email, follow_up_days after the thank-you: after it was sent, or, while it is
   not, after its suggested send time. With a decision date D from the employer:
   D + decision_grace_business_days business days when that is later.
3. check_in: email (or phone), check_in_days after the follow-up (its real send time once
   sent, its due while planned).

No two planned touches of one conversation are closer than `min_gap_days` (see `spacing`):
when a rule's date is too close, the touch moves to the earliest polite date. Marking one step
done is never refused (history must stay true); it re-plans the steps after it from the real
send time and skips earlier steps still planned. An inbound reply skips everything still
planned. Nothing here ever closes an opportunity: after the cadence it is "quiet".

Each function takes an opportunity's `History` and returns a `CadencePlan`: follow-ups to
create, follow-ups to update, interactions to log. The service applies it in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import arrow

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.localtime import (
    Zone,
    at_local,
    local,
    local_date,
    local_time,
    short_date,
    weekend_to_monday,
)
from jobhunt_tui.domain.models import (
    Channel,
    Direction,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    Settings,
    kind_label,
)
from jobhunt_tui.domain.pest_guard import check_plan, check_send, enforce
from jobhunt_tui.domain.plans import (
    CadencePlan,
    FollowUpChange,
    History,
    NewFollowUp,
    NewInteraction,
)
from jobhunt_tui.domain.scheduling import (
    STEP_ORDER,
    Replan,
    check_in_due,
    follow_up_due,
    respace,
    suggested_send_window,
    thank_you_due,
)
from jobhunt_tui.domain.spacing import (
    Spacing,
    Touch,
    interaction_kind_for,
    interview_times,
    is_exempt_thank_you,
    planned_touches,
    sent_touches,
)

__all__ = [
    "CadencePlan",
    "FollowUpChange",
    "History",
    "NewFollowUp",
    "NewInteraction",
    "check_in_due",
    "follow_up_due",
    "plan_done",
    "plan_interview",
    "plan_manual",
    "plan_reply",
    "plan_snooze",
    "suggested_send_window",
    "thank_you_due",
]

MAX_SNOOZE_DAYS = 365


def plan_interview(
    history: History,
    interview_id: int,
    interview_at: arrow.Arrow,
    *,
    tz: Zone,
    settings: Settings,
    decision_on: dt.date | None = None,
    contact_id: int | None = None,
    check_in_channel: Channel = Channel.EMAIL,
) -> CadencePlan:
    """The thank-you, follow-up and check-in for a new interview; older cadences are superseded."""
    stored = history.decision_on
    if decision_on is None and stored is not None and stored >= local_date(interview_at, tz):
        decision_on = stored
    when = short_date(interview_at, tz)
    updates = [
        _close(f, FollowUpStatus.SKIPPED, f"superseded by the interview on {when}")
        for f in _planned(history)
        if (f.anchor_interaction_id is not None and f.anchor_interaction_id != interview_id)
        or f.kind is FollowUpKind.THANK_YOU  # this interview plans its own thank-you
    ]
    superseded = {c.follow_up_id for c in updates}
    remaining = [f for f in _planned(history) if f.id not in superseded]
    spacing = Spacing.of(history.interactions, tz, settings)
    suggested = suggested_send_window(interview_at, tz, settings)
    thanks = Touch(suggested[0], FollowUpKind.THANK_YOU.value, planned=True)
    # A touch planned by hand that now crowds the thank-you moves after the new cadence.
    others = planned_touches(remaining, history.interactions, tz, settings)
    crowded = [t for t in others if spacing.conflicts(t.at, [thanks], planned=True)]
    taken = [*sent_touches(history.interactions), thanks, *(t for t in others if t not in crowded)]
    follow = spacing.earliest_polite(
        follow_up_due(suggested[0], interview_at, decision_on, tz, settings), taken
    )
    taken.append(Touch(follow, FollowUpKind.FOLLOW_UP.value, planned=True))
    check = spacing.earliest_polite(check_in_due(follow, tz, settings), taken)
    taken.append(Touch(check, FollowUpKind.CHECK_IN.value, planned=True))
    by_id = {f.id: f for f in remaining}
    for touch in sorted(crowded, key=lambda t: t.at):
        item = by_id[touch.follow_up_id or -1]
        due = spacing.earliest_polite(item.due_at, taken)
        taken.append(touch._replace(at=due))
        reason = f"kept polite spacing after the interview on {when}"
        updates.append(
            FollowUpChange(
                item.id, item.kind, FollowUpStatus.PLANNED, due, item.due_at, reason=reason
            )
        )

    def new(kind: FollowUpKind, due: arrow.Arrow, channel: Channel = Channel.EMAIL) -> NewFollowUp:
        return NewFollowUp(history.opportunity_id, kind, channel, due, interview_id, contact_id)

    thank_you = NewFollowUp(
        history.opportunity_id,
        FollowUpKind.THANK_YOU,
        Channel.EMAIL,
        thank_you_due(interview_at, tz, settings),
        interview_id,
        contact_id,
        suggested_from=suggested[0],
        suggested_until=suggested[1],
    )
    created = (
        thank_you,
        new(FollowUpKind.FOLLOW_UP, follow),
        new(FollowUpKind.CHECK_IN, check, check_in_channel),
    )
    return CadencePlan(create=created, update=tuple(updates))


def plan_done(
    history: History,
    follow_up_id: int,
    sent_at: arrow.Arrow,
    *,
    tz: Zone,
    settings: Settings,
    summary: str = "",
) -> CadencePlan:
    """Record a follow-up sent at `sent_at`: log it, skip earlier steps, re-plan the later ones.

    Never refused for spacing: it already happened. The guard's verdict comes back as
    information (`CadencePlan.guard`). A follow-up skipped earlier (say, by a reply) may still
    be recorded as sent: history must stay true.
    """
    target = _find_recordable(history, follow_up_id)
    guard = check_send(
        target.kind, sent_at, interactions=history.interactions, tz=tz, settings=settings
    )
    label = kind_label(target.kind.value)
    done = _close(target, FollowUpStatus.DONE, f"{label} sent", done_at=sent_at)
    sent_kind = interaction_kind_for(target.kind)
    logged = NewInteraction(
        history.opportunity_id,
        sent_kind,
        Direction.OUT,
        sent_at,
        summary or f"{label.capitalize()} sent by {target.channel.value}",
        target.contact_id,
    )
    others = [f for f in _planned(history) if f.id != target.id]
    skipped = []
    if target.anchor_interaction_id is not None:
        skipped = [
            _close(f, FollowUpStatus.SKIPPED, f"the {label} was sent first")
            for f in others
            if f.anchor_interaction_id == target.anchor_interaction_id
            and STEP_ORDER.get(f.kind, 9) < STEP_ORDER.get(target.kind, 9)
        ]
    if target.kind is FollowUpKind.THANK_YOU:
        # One thank-you per interview: the others still planned are no longer needed.
        skipped += [
            _close(f, FollowUpStatus.SKIPPED, "a thank-you was sent")
            for f in others
            if f.kind is FollowUpKind.THANK_YOU and f.id not in {c.follow_up_id for c in skipped}
        ]
    gone = {c.follow_up_id for c in skipped}
    remaining = [f for f in others if f.id not in gone]
    just_sent = Touch(sent_at, sent_kind.value, planned=False)
    fixed = [*sent_touches(history.interactions), just_sent]
    replan = Replan(target, (just_sent,), sent={target.id: sent_at})
    moves = respace(history, remaining, fixed, replan, tz, settings)
    return CadencePlan(update=(done, *skipped, *moves), log=(logged,), guard=guard)


def plan_snooze(
    history: History,
    follow_up_id: int,
    days: int,
    now: arrow.Arrow,
    *,
    tz: Zone,
    settings: Settings,
    force: bool = False,
) -> CadencePlan:
    """Move a planned follow-up `days` later (from today when overdue); later steps follow it."""
    if not 1 <= days <= MAX_SNOOZE_DAYS:
        raise ValidationError("days", f"must be between 1 and {MAX_SNOOZE_DAYS}")
    target = _find_planned(history, follow_up_id)
    start = max(local_date(target.due_at, tz), local_date(now, tz))
    new_due = weekend_to_monday(
        at_local(start + dt.timedelta(days=days), local_time(target.due_at, tz), tz), tz
    )
    # Planned steps it crowds move along (respace), except a thank-you inside its interview's
    # window, which stays put: that one the snooze must keep its distance from.
    interviews = interview_times(history.interactions)
    fixed_thanks = [
        f
        for f in _planned(history)
        if f.id != target.id
        and is_exempt_thank_you(f.kind.value, f.due_at, interviews, tz, settings)
    ]
    guard = check_plan(
        target.kind,
        new_due,
        interactions=history.interactions,
        follow_ups=fixed_thanks,
        tz=tz,
        settings=settings,
    )
    enforce(guard, force=force)
    moved = FollowUpChange(
        target.id,
        target.kind,
        FollowUpStatus.PLANNED,
        new_due,
        target.due_at,
        reason=f"snoozed {days} day{'s' if days != 1 else ''}",
    )
    others = [f for f in _planned(history) if f.id != target.id]
    fixed = sent_touches(history.interactions)
    moved_target = dataclasses.replace(target, due_at=new_due)
    (touch,) = planned_touches((moved_target,), history.interactions, tz, settings)
    fresh = (touch,)
    replan = Replan(target, fresh, placed={target.id: new_due})
    moves = respace(history, others, [*fixed, *fresh], replan, tz, settings)
    return CadencePlan(update=(moved, *moves), guard=guard)


def plan_reply(
    history: History,
    replied_at: arrow.Arrow,
    *,
    tz: Zone,
    by_phone: bool = False,
    summary: str = "",
    contact_id: int | None = None,
) -> CadencePlan:
    """The employer replied: log it and skip every follow-up still planned."""
    when = short_date(replied_at, tz)
    kind = InteractionKind.CALL if by_phone else InteractionKind.EMAIL_IN
    logged = NewInteraction(
        history.opportunity_id,
        kind,
        Direction.IN,
        replied_at,
        summary or ("The employer called" if by_phone else "The employer replied"),
        contact_id,
    )
    skipped = tuple(
        _close(f, FollowUpStatus.SKIPPED, f"the employer replied on {when}")
        for f in _planned(history)
    )
    return CadencePlan(update=skipped, log=(logged,))


def plan_manual(
    history: History,
    kind: FollowUpKind,
    channel: Channel,
    due_at: arrow.Arrow,
    now: arrow.Arrow,
    *,
    tz: Zone,
    settings: Settings,
    force: bool = False,
    contact_id: int | None = None,
) -> CadencePlan:
    """A follow-up planned by hand, if the pest guard agrees (or `force`)."""
    if local_date(due_at, tz) < local_date(now, tz):
        raise ValidationError(
            "due", f"{short_date(due_at, tz)} is in the past; pick today or later"
        )
    guard = check_plan(
        kind,
        due_at,
        interactions=history.interactions,
        follow_ups=history.follow_ups,
        tz=tz,
        settings=settings,
    )
    enforce(guard, force=force)
    due = local(due_at, tz)
    created = NewFollowUp(history.opportunity_id, kind, channel, due, None, contact_id)
    # Planned touches it crowds (only possible when forced, or for a thank-you, which is never
    # refused) move to a polite date after it.
    placeholder = FollowUp(0, history.opportunity_id, kind, channel, due)
    (touch,) = planned_touches((placeholder,), history.interactions, tz, settings)
    fixed = [*sent_touches(history.interactions), touch]
    moves = respace(history, _planned(history), fixed, Replan(placeholder, (touch,)), tz, settings)
    return CadencePlan(create=(created,), update=tuple(moves), guard=guard)


def _planned(history: History) -> list[FollowUp]:
    return [f for f in history.follow_ups if f.status is FollowUpStatus.PLANNED]


def _find_recordable(history: History, follow_up_id: int) -> FollowUp:
    """The follow-up to record as sent: planned or skipped, never one already done."""
    for follow_up in history.follow_ups:
        if follow_up.id == follow_up_id:
            if follow_up.status is FollowUpStatus.DONE:
                raise ValidationError("follow-up", f"#{follow_up_id} is already recorded as sent")
            return follow_up
    raise ValidationError("follow-up", f"#{follow_up_id} is not a follow-up of this opportunity")


def _find_planned(history: History, follow_up_id: int) -> FollowUp:
    for follow_up in history.follow_ups:
        if follow_up.id == follow_up_id:
            if follow_up.status is not FollowUpStatus.PLANNED:
                raise ValidationError(
                    "follow-up", f"#{follow_up_id} is already {follow_up.status.value}"
                )
            return follow_up
    raise ValidationError("follow-up", f"#{follow_up_id} is not a follow-up of this opportunity")


def _close(
    follow_up: FollowUp, status: FollowUpStatus, reason: str, *, done_at: arrow.Arrow | None = None
) -> FollowUpChange:
    return FollowUpChange(
        follow_up.id, follow_up.kind, status, follow_up.due_at, follow_up.due_at, done_at, reason
    )
