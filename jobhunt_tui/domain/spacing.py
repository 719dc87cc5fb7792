"""Which touches count, and how far apart outbound touches must be.

An *outbound touch* is something the user sent or did toward the employer: an application, a
thank-you, a follow-up, a check-in or an outgoing call (sent = an interaction; planned = a
follow-up still planned). A *reply* is the employer reaching out: an inbound email or call.

Two outbound touches of one opportunity are polite when their local calendar dates are at least
`min_gap_days` apart. The one exception is a thank-you close to its interview: a thank-you whose
time lies between an interview and that interview's thank-you deadline (interview + thank_you_hours,
moved to Monday when that lands on a weekend) is *exempt*: it may follow any touch, and a planned
exempt thank-you does not push anything else. A thank-you that was *sent* still counts as a touch
for what follows it (the follow-up comes a week after it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import arrow

from jobhunt_tui.domain.localtime import (
    Zone,
    at_local,
    days_between,
    local_date,
    local_time,
    weekend_to_monday,
)
from jobhunt_tui.domain.models import (
    Direction,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interaction,
    InteractionKind,
    Settings,
)

OUTBOUND_KINDS: frozenset[InteractionKind] = frozenset(
    {
        InteractionKind.APPLIED,
        InteractionKind.THANK_YOU,
        InteractionKind.FOLLOW_UP,
        InteractionKind.CHECK_IN,
        InteractionKind.CALL,
    }
)
"""Kinds that are an outbound touch when their direction is out."""

TOUCH_KINDS: frozenset[InteractionKind] = frozenset(
    set(OUTBOUND_KINDS) | {InteractionKind.INTERVIEW, InteractionKind.EMAIL_IN}
)
"""Kinds that are contact with the employer (notes and stage changes are not)."""

SENT_KINDS: frozenset[InteractionKind] = frozenset(
    {InteractionKind.THANK_YOU, InteractionKind.FOLLOW_UP, InteractionKind.CHECK_IN}
)
"""Kinds logged when a follow-up is marked done: "follow-ups sent" in the weekly counts."""

_LABELS = {
    "applied": "application",
    "thank_you": "thank-you",
    "follow_up": "follow-up",
    "check_in": "check-in",
    "call": "call",
    "custom": "follow-up",
    "interview": "interview",
    "email_in": "email from the employer",
}


def kind_label(kind: str) -> str:
    """A kind's value as words: "thank_you" reads "thank-you"."""
    return _LABELS.get(kind, kind.replace("_", " "))


def is_outbound(kind: InteractionKind, direction: Direction) -> bool:
    """True for an interaction that is an outbound touch."""
    return direction is Direction.OUT and kind in OUTBOUND_KINDS


def is_reply(kind: InteractionKind, direction: Direction) -> bool:
    """True for the employer reaching out: an inbound email or an inbound call."""
    return kind is InteractionKind.EMAIL_IN or (
        kind is InteractionKind.CALL and direction is Direction.IN
    )


def is_touch(kind: InteractionKind) -> bool:
    """True for contact with the employer (what "last touch" and "idle" look at)."""
    return kind in TOUCH_KINDS


def interaction_kind_for(kind: FollowUpKind) -> InteractionKind:
    """The timeline kind logged when a follow-up of `kind` is sent."""
    if kind is FollowUpKind.CUSTOM:
        return InteractionKind.FOLLOW_UP
    return InteractionKind(kind.value)


@dataclass(frozen=True)
class Touch:
    """One outbound touch, sent or planned, as the spacing rules see it."""

    at: arrow.Arrow
    kind: str
    planned: bool
    follow_up_id: int | None = None

    @property
    def label(self) -> str:
        """ "thank-you sent" or "follow-up planned"."""
        return f"{kind_label(self.kind)} {'planned' if self.planned else 'sent'}"


def thank_you_deadline(interview_at: arrow.Arrow, tz: Zone, settings: Settings) -> arrow.Arrow:
    """When the thank-you for an interview is due: thank_you_hours later, a weekend moved on."""
    return weekend_to_monday(interview_at.shift(hours=settings.thank_you_hours), tz)


def is_exempt_thank_you(
    kind: str, at: arrow.Arrow, interviews: Iterable[arrow.Arrow], tz: Zone, settings: Settings
) -> bool:
    """True for a thank-you between an interview and that interview's thank-you deadline."""
    if kind != FollowUpKind.THANK_YOU.value:
        return False
    return any(start <= at <= thank_you_deadline(start, tz, settings) for start in interviews)


def interview_times(interactions: Iterable[Interaction]) -> list[arrow.Arrow]:
    """When each interview of the opportunity took place."""
    return [i.occurred_at for i in interactions if i.kind is InteractionKind.INTERVIEW]


def sent_touches(interactions: Iterable[Interaction]) -> list[Touch]:
    """The outbound touches already made, from the timeline."""
    return [
        Touch(at=i.occurred_at, kind=i.kind.value, planned=False)
        for i in interactions
        if is_outbound(i.kind, i.direction)
    ]


def planned_touches(
    follow_ups: Iterable[FollowUp],
    interviews: Sequence[arrow.Arrow],
    tz: Zone,
    settings: Settings,
    *,
    exclude: Iterable[int] = (),
) -> list[Touch]:
    """Planned follow-ups that count for spacing (exempt thank-yous and `exclude` left out)."""
    skip = set(exclude)
    return [
        Touch(at=f.due_at, kind=f.kind.value, planned=True, follow_up_id=f.id)
        for f in follow_ups
        if f.status is FollowUpStatus.PLANNED
        and f.id not in skip
        and not is_exempt_thank_you(f.kind.value, f.due_at, interviews, tz, settings)
    ]


def conflicts(at: arrow.Arrow, touches: Iterable[Touch], tz: Zone, gap_days: int) -> list[Touch]:
    """The touches less than `gap_days` local days from `at`, either side."""
    return [t for t in touches if abs(days_between(t.at, at, tz)) < gap_days]


def latest(touches: Iterable[Touch]) -> Touch:
    """The touch with the latest time."""
    return max(touches, key=lambda t: t.at)


def earliest_polite(
    desired: arrow.Arrow,
    touches: Sequence[Touch],
    tz: Zone,
    gap_days: int,
    *,
    business_days: bool = True,
) -> arrow.Arrow:
    """The first moment at or after `desired` (same wall-clock time) that is polite to all."""
    clock = local_time(desired, tz)
    candidate = weekend_to_monday(desired, tz) if business_days else desired
    while True:
        blocking = conflicts(candidate, touches, tz, gap_days)
        if not blocking:
            return candidate
        # Strictly later each round: the candidate was < gap days from the blocking touch.
        day = local_date(latest(blocking).at, tz) + dt.timedelta(days=gap_days)
        candidate = at_local(day, clock, tz)
        if business_days:
            candidate = weekend_to_monday(candidate, tz)
