"""What the cadence asks the service to store: follow-ups to create and update, entries to log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import arrow

from jobhunt_tui.domain.models import (
    Channel,
    Direction,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interaction,
    InteractionKind,
)
from jobhunt_tui.domain.pest_guard import GuardResult


@dataclass(frozen=True)
class History:
    """What the cadence needs to know about one opportunity."""

    opportunity_id: int
    interactions: tuple[Interaction, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    decision_on: dt.date | None = None


@dataclass(frozen=True)
class NewFollowUp:
    """A follow-up to create."""

    opportunity_id: int
    kind: FollowUpKind
    channel: Channel
    due_at: arrow.Arrow
    anchor_interaction_id: int | None = None
    contact_id: int | None = None
    suggested_from: arrow.Arrow | None = None
    suggested_until: arrow.Arrow | None = None


@dataclass(frozen=True)
class FollowUpChange:
    """New status, due and done time for an existing follow-up, and why."""

    follow_up_id: int
    kind: FollowUpKind
    status: FollowUpStatus
    due_at: arrow.Arrow
    previous_due_at: arrow.Arrow
    done_at: arrow.Arrow | None = None
    reason: str = ""

    @property
    def moved(self) -> bool:
        """True when a still-planned follow-up got a new due date."""
        return self.status is FollowUpStatus.PLANNED and self.due_at != self.previous_due_at


@dataclass(frozen=True)
class NewInteraction:
    """A timeline entry to log."""

    opportunity_id: int
    kind: InteractionKind
    direction: Direction
    occurred_at: arrow.Arrow
    summary: str = ""
    contact_id: int | None = None


@dataclass(frozen=True)
class CadencePlan:
    """What to store: follow-ups to create and update, interactions to log, the guard's verdict."""

    create: tuple[NewFollowUp, ...] = ()
    update: tuple[FollowUpChange, ...] = ()
    log: tuple[NewInteraction, ...] = ()
    guard: GuardResult | None = field(default=None, compare=False)

    @property
    def skipped(self) -> tuple[FollowUpChange, ...]:
        """The follow-ups this plan cancels."""
        return tuple(c for c in self.update if c.status is FollowUpStatus.SKIPPED)

    @property
    def moved(self) -> tuple[FollowUpChange, ...]:
        """The still-planned follow-ups this plan gives a new due date."""
        return tuple(c for c in self.update if c.moved)
