"""An in-memory opportunity that applies cadence plans the way the service stores them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

import arrow

from jobhunt_tui.domain import cadence
from jobhunt_tui.domain.localtime import Zone
from jobhunt_tui.domain.models import (
    Channel,
    Direction,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interaction,
    InteractionKind,
    Settings,
)
from jobhunt_tui.domain.plans import CadencePlan, History
from jobhunt_tui.domain.spacing import (
    Spacing,
    Touch,
    interview_times,
    is_exempt_thank_you,
    planned_touches,
    sent_touches,
)

BERLIN = "Europe/Berlin"


def berlin(text: str) -> arrow.Arrow:
    """A wall-clock time in Berlin: "2026-11-18 14:00"."""
    return arrow.get(text, "YYYY-MM-DD HH:mm", tzinfo=BERLIN)


class Opportunity:
    """One opportunity's timeline and follow-ups, kept in memory."""

    def __init__(self, tz: Zone = BERLIN, settings: Settings | None = None) -> None:
        self.tz = tz
        self.settings = settings or Settings()
        self.interactions: list[Interaction] = []
        self.follow_ups: dict[int, FollowUp] = {}
        self.decision_on: dt.date | None = None
        self._next_id = 1

    def _id(self) -> int:
        self._next_id += 1
        return self._next_id

    def history(self) -> History:
        """What the cadence functions read."""
        return History(
            1, tuple(self.interactions), tuple(self.follow_ups.values()), self.decision_on
        )

    def log(
        self, kind: InteractionKind, at: arrow.Arrow, direction: Direction = Direction.OUT
    ) -> Interaction:
        """Add a timeline entry directly."""
        entry = Interaction(self._id(), 1, kind, direction, at)
        self.interactions.append(entry)
        return entry

    def apply(self, plan: CadencePlan) -> CadencePlan:
        """Store the plan: create, update, log."""
        for change in plan.update:
            current = self.follow_ups[change.follow_up_id]
            assert current.due_at == change.previous_due_at
            self.follow_ups[change.follow_up_id] = dataclasses.replace(
                current, status=change.status, due_at=change.due_at, done_at=change.done_at
            )
        for new in plan.create:
            new_id = self._id()
            self.follow_ups[new_id] = FollowUp(
                id=new_id,
                opportunity_id=1,
                kind=new.kind,
                channel=new.channel,
                due_at=new.due_at,
                anchor_interaction_id=new.anchor_interaction_id,
            )
        for entry in plan.log:
            self.interactions.append(
                Interaction(self._id(), 1, entry.kind, entry.direction, entry.occurred_at)
            )
        return plan

    def interview(self, at: arrow.Arrow, decision_on: dt.date | None = None) -> CadencePlan:
        """Log an interview and plan its cadence."""
        entry = self.log(InteractionKind.INTERVIEW, at, Direction.IN)
        plan = cadence.plan_interview(
            self.history(),
            entry.id,
            at,
            tz=self.tz,
            settings=self.settings,
            decision_on=decision_on,
        )
        if decision_on is not None:
            self.decision_on = decision_on
        return self.apply(plan)

    def done(self, follow_up_id: int, at: arrow.Arrow) -> CadencePlan:
        """Record a follow-up sent (never refused for spacing)."""
        plan = cadence.plan_done(
            self.history(), follow_up_id, at, tz=self.tz, settings=self.settings
        )
        return self.apply(plan)

    def reply(self, at: arrow.Arrow, by_phone: bool = False) -> CadencePlan:
        """The employer answered."""
        return self.apply(cadence.plan_reply(self.history(), at, tz=self.tz, by_phone=by_phone))

    def snooze(
        self, follow_up_id: int, days: int, now: arrow.Arrow, force: bool = False
    ) -> CadencePlan:
        """Move a follow-up later."""
        plan = cadence.plan_snooze(
            self.history(), follow_up_id, days, now, tz=self.tz, settings=self.settings, force=force
        )
        return self.apply(plan)

    def manual(
        self,
        kind: FollowUpKind,
        due: arrow.Arrow,
        now: arrow.Arrow,
        force: bool = False,
        channel: Channel = Channel.EMAIL,
    ) -> CadencePlan:
        """Plan a follow-up by hand."""
        plan = cadence.plan_manual(
            self.history(), kind, channel, due, now, tz=self.tz, settings=self.settings, force=force
        )
        return self.apply(plan)

    def planned(self) -> list[FollowUp]:
        """Follow-ups still planned, soonest first."""
        return sorted(
            (f for f in self.follow_ups.values() if f.status is FollowUpStatus.PLANNED),
            key=lambda f: f.due_at,
        )

    def step(self, kind: FollowUpKind) -> FollowUp:
        """The one planned follow-up of `kind`."""
        (found,) = [f for f in self.planned() if f.kind is kind]
        return found

    def local_planned(self) -> list[tuple[str, str]]:
        """(kind, local due "YYYY-MM-DD HH:mm") of what is planned."""
        return [
            (f.kind.value, f.due_at.to(self.tz).format("YYYY-MM-DD HH:mm")) for f in self.planned()
        ]


def spacing_violations(opp: Opportunity) -> list[str]:
    """Pairs of unanswered outbound touches, at least one of them planned, in one conversation
    and closer than min_gap_days (as the pest guard counts them)."""
    spacing = Spacing.of(opp.interactions, opp.tz, opp.settings)
    planned = planned_touches(opp.planned(), opp.interactions, opp.tz, opp.settings)
    sent = sent_touches(opp.interactions)
    interviews = interview_times(opp.interactions)

    def exempt(touch: Touch) -> bool:
        return is_exempt_thank_you(touch.kind, touch.at, interviews, opp.tz, opp.settings)

    def exempt_pair(touch: Touch, other: Touch) -> bool:
        # A thank-you inside its interview's window may follow any touch (it is never
        # refused), and what was really sent around it is history, not a plan.
        return exempt(touch) and (touch.at >= other.at or not other.planned)

    problems = []
    for index, first in enumerate(planned):
        for other in [*planned[index + 1 :], *sent]:
            if exempt_pair(first, other) or (other.planned and exempt_pair(other, first)):
                continue
            if spacing.conflicts(first.at, [other], planned=True):
                problems.append(f"{first.label} {first.at} and {other.label} {other.at}")
    return problems


def due_before_interview(
    follow_ups: Iterable[FollowUp], interactions: Iterable[Interaction]
) -> list[str]:
    """Cadence follow-ups due before the interview they follow."""
    when = {i.id: i.occurred_at for i in interactions}
    return [
        f"{f} before {when[f.anchor_interaction_id]}"
        for f in follow_ups
        if f.anchor_interaction_id is not None and f.due_at < when[f.anchor_interaction_id]
    ]
