"""Which touches count, and how far apart unanswered outbound touches must be.

An *outbound touch* is something the user sent or did toward the employer: an application, a
thank-you, a follow-up, a check-in or an outgoing call (sent = an interaction; planned = a
follow-up still planned). A *conversation* restarts at every two-way or inbound contact: an
interview, an email from the employer, a call from them. Spacing counts only outbound touches of
the same conversation: what was sent before an interview never blocks the thank-you after it,
and answering the employer is never pestering.

Two outbound touches of one conversation are polite when their local calendar dates are at least
`min_gap_days` apart. A sent touch belongs to the conversation of the last restart before it; a
planned one (an intention for a day) to the last restart on or before its day, so a reply this
afternoon can be answered by a follow-up planned for today.

A planned thank-you still inside its interview's window (from the interview to its deadline)
counts at the time the app suggests sending it: that is when the user is told to send it, and
the follow-up is planned a week after it. It is never refused itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

import arrow

from jobhunt_tui.domain.localtime import (
    END_OF_DAY,
    START_OF_DAY,
    Zone,
    at_local,
    days_between,
    is_weekend,
    local,
    local_date,
    local_time,
    next_business_day,
    weekend_to_monday,
)
from jobhunt_tui.domain.models import (
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    Settings,
    kind_label,
)

if TYPE_CHECKING:
    from jobhunt_tui.domain.records import FollowUp, Interaction

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

# Kind names live in `models.KIND_LABELS`; re-exported for the modules that import them here.
__all__ = ["kind_label"]


def is_outbound(kind: InteractionKind, direction: Direction) -> bool:
    """True for an interaction that is an outbound touch."""
    return direction is Direction.OUT and kind in OUTBOUND_KINDS


def is_reply(kind: InteractionKind, direction: Direction) -> bool:
    """True for the employer reaching out: an inbound email or an inbound call."""
    return kind is InteractionKind.EMAIL_IN or (
        kind is InteractionKind.CALL and direction is Direction.IN
    )


def restarts_conversation(kind: InteractionKind, direction: Direction) -> bool:
    """True for an interview, an email from the employer or a call from them."""
    return kind is InteractionKind.INTERVIEW or is_reply(kind, direction)


def is_touch(kind: InteractionKind) -> bool:
    """True for contact with the employer (what "last touch" and "idle" look at)."""
    return kind in TOUCH_KINDS


def interaction_kind_for(kind: FollowUpKind) -> InteractionKind:
    """The timeline kind logged when a follow-up of `kind` is sent."""
    if kind is FollowUpKind.CUSTOM:
        return InteractionKind.FOLLOW_UP
    return InteractionKind(kind.value)


def send_at(settings: Settings) -> dt.time:
    """The user's "send at" hour as a wall-clock time (a stored value out of range is clamped)."""
    return dt.time(min(max(int(settings.send_at_hour), 0), 23), 0)


class Touch(NamedTuple):
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
    deadline = thank_you_deadline(interview_at, tz, settings)
    return min(start, deadline), min(end, deadline)


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


def conversation_starts(interactions: Iterable[Interaction]) -> list[arrow.Arrow]:
    """When each conversation restarted: interviews, emails and calls from the employer."""
    return sorted(i.occurred_at for i in interactions if restarts_conversation(i.kind, i.direction))


def sent_touches(interactions: Iterable[Interaction]) -> list[Touch]:
    """The outbound touches already made, from the timeline."""
    return [
        Touch(at=i.occurred_at, kind=i.kind.value, planned=False)
        for i in interactions
        if is_outbound(i.kind, i.direction)
    ]


def planned_time(
    follow_up: FollowUp, anchors: dict[int, arrow.Arrow], tz: Zone, settings: Settings
) -> arrow.Arrow:
    """When a planned follow-up counts for spacing: its due, or a thank-you's suggested time."""
    interview_at = anchors.get(follow_up.anchor_interaction_id or -1)
    if (
        follow_up.kind is FollowUpKind.THANK_YOU
        and interview_at is not None
        and interview_at <= follow_up.due_at <= thank_you_deadline(interview_at, tz, settings)
    ):
        return min(follow_up.due_at, suggested_send_window(interview_at, tz, settings)[0])
    return follow_up.due_at


def planned_touches(
    follow_ups: Iterable[FollowUp],
    interactions: Iterable[Interaction],
    tz: Zone,
    settings: Settings,
    *,
    exclude: Iterable[int] = (),
) -> list[Touch]:
    """The follow-ups still planned, as touches (`exclude`: follow-ups being moved)."""
    skip = set(exclude)
    anchors = {i.id: i.occurred_at for i in interactions}
    return [
        Touch(planned_time(f, anchors, tz, settings), f.kind.value, True, f.id)
        for f in follow_ups
        if f.status is FollowUpStatus.PLANNED and f.id not in skip
    ]


class Spacing(NamedTuple):
    """The gap rule for one opportunity: its conversation restarts, the zone, the gap."""

    starts: tuple[arrow.Arrow, ...]
    tz: Zone
    gap_days: int

    @classmethod
    def of(cls, interactions: Iterable[Interaction], tz: Zone, settings: Settings) -> Spacing:
        """The rule for an opportunity's timeline."""
        return cls(tuple(conversation_starts(interactions)), tz, settings.min_gap_days)

    def conversation(self, at: arrow.Arrow, planned: bool) -> arrow.Arrow | None:
        """When the conversation a touch at `at` belongs to began (None: before any)."""
        day = local_date(at, self.tz)
        found = None
        for start in self.starts:
            if start <= at or (planned and local_date(start, self.tz) <= day):
                found = start
        return found

    def conflicts(self, at: arrow.Arrow, touches: Iterable[Touch], planned: bool) -> list[Touch]:
        """The touches of the same conversation less than `gap_days` local days from `at`."""
        mine = self.conversation(at, planned)
        return [
            t
            for t in touches
            if abs(days_between(t.at, at, self.tz)) < self.gap_days
            and self.conversation(t.at, t.planned) == mine
        ]

    def earliest_polite(
        self, desired: arrow.Arrow, touches: Sequence[Touch], *, business_days: bool = True
    ) -> arrow.Arrow:
        """The first moment at or after `desired` (same wall-clock time) polite to all."""
        clock = local_time(desired, self.tz)
        candidate = weekend_to_monday(desired, self.tz) if business_days else desired
        while True:
            blocking = self.conflicts(candidate, touches, planned=True)
            if not blocking:
                return candidate
            # Strictly later each round: the candidate was < gap days from the blocking touch.
            day = local_date(latest(blocking).at, self.tz) + dt.timedelta(days=self.gap_days)
            candidate = at_local(day, clock, self.tz)
            if business_days:
                candidate = weekend_to_monday(candidate, self.tz)


def latest(touches: Iterable[Touch]) -> Touch:
    """The touch with the latest time."""
    return max(touches, key=lambda t: t.at)
