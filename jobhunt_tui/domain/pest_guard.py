"""The pest guard: no unanswered outbound touch less than `min_gap_days` after another.

Spacing counts only the touches of the same conversation (see `spacing`): an interview or a
message from the employer starts a new one. The guard *refuses* only planning (a follow-up
planned by hand, a snooze) unless the user overrides it; the refusal names the touch in the way
and the earliest polite date, which the caller offers instead. Sending from the app is checked
the same way but only warns (`check_send`), and recording what already happened is never
refused: its verdict is information. A thank-you close to its interview is always fine.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import arrow

from jobhunt_tui.domain.errors import PestGuardError
from jobhunt_tui.domain.localtime import Zone, local, short_date
from jobhunt_tui.domain.models import FollowUp, FollowUpKind, Interaction, Settings, kind_label
from jobhunt_tui.domain.spacing import (
    Spacing,
    Touch,
    interview_times,
    is_exempt_thank_you,
    latest,
    planned_touches,
    sent_touches,
)


@dataclass(frozen=True)
class GuardResult:
    """The guard's answer; a refusal carries the touch in the way and the earliest polite date."""

    allowed: bool
    kind: str
    requested_at: arrow.Arrow
    min_gap_days: int
    exempt: bool = False
    last_touch: Touch | None = None
    earliest_polite_at: arrow.Arrow | None = None

    @property
    def title(self) -> str:
        """A heading for a dialog."""
        return "Polite spacing" if self.allowed else "Too soon for another touch"

    @property
    def message(self) -> str:
        """One or two sentences the UI shows in a dialog and the CLI prints."""
        zone_info = self.requested_at.tzinfo
        if self.allowed:
            if self.exempt:
                return f"A {kind_label(self.kind)} right after an interview is always fine."
            return f"Nothing else within {self.min_gap_days} days: this is polite."
        assert self.last_touch is not None and self.earliest_polite_at is not None
        touch = self.last_touch
        preposition = "for" if touch.planned else "on"
        return (
            f"Too soon: the {touch.label} {preposition} {short_date(touch.at, zone_info)} is less "
            f"than {self.min_gap_days} days from {short_date(self.requested_at, zone_info)}. "
            f"The earliest polite date is {short_date(self.earliest_polite_at, zone_info)}."
        )

    @property
    def offer(self) -> str:
        """The polite alternative, as the default choice of a dialog: "Plan it on Mon 7 Dec"."""
        if self.earliest_polite_at is None:
            return ""
        zone_info = self.requested_at.tzinfo
        return f"Plan it on {short_date(self.earliest_polite_at, zone_info)}"


class PestGuardRefused(PestGuardError):
    """The guard said no and the caller did not force it; `result` says why."""

    def __init__(self, result: GuardResult) -> None:
        super().__init__(result.message)
        self.result = result


def check_plan(
    kind: FollowUpKind,
    at: arrow.Arrow,
    *,
    interactions: Sequence[Interaction],
    follow_ups: Iterable[FollowUp],
    tz: Zone,
    settings: Settings,
    exclude: Iterable[int] = (),
) -> GuardResult:
    """May a follow-up of `kind` be planned at `at`? (`exclude`: follow-ups being moved.)"""
    touches = sent_touches(interactions) + planned_touches(
        follow_ups, interactions, tz, settings, exclude=exclude
    )
    return _judge(kind.value, at, touches, interactions, tz, settings, planned=True)


def check_send(
    kind: FollowUpKind,
    at: arrow.Arrow,
    *,
    interactions: Sequence[Interaction],
    tz: Zone,
    settings: Settings,
) -> GuardResult:
    """Would sending `kind` at `at` be polite, given the touches already sent? (Warns only.)"""
    return _judge(kind.value, at, sent_touches(interactions), interactions, tz, settings)


def enforce(result: GuardResult, *, force: bool) -> None:
    """Raise PestGuardRefused for a refusal the caller did not override."""
    if not result.allowed and not force:
        raise PestGuardRefused(result)


def _judge(
    kind: str,
    at: arrow.Arrow,
    touches: Sequence[Touch],
    interactions: Sequence[Interaction],
    tz: Zone,
    settings: Settings,
    *,
    planned: bool = False,
) -> GuardResult:
    gap = settings.min_gap_days
    requested = local(at, tz)
    if is_exempt_thank_you(kind, at, interview_times(interactions), tz, settings):
        return GuardResult(True, kind, requested, gap, exempt=True)
    spacing = Spacing.of(interactions, tz, settings)
    blocking = spacing.conflicts(at, touches, planned=planned)
    if not blocking:
        return GuardResult(True, kind, requested, gap)
    return GuardResult(
        allowed=False,
        kind=kind,
        requested_at=requested,
        min_gap_days=gap,
        last_touch=latest(blocking),
        earliest_polite_at=spacing.earliest_polite(at, touches),
    )
