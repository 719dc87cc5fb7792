"""The pest guard: no outbound touch less than `min_gap_days` after the last one.

Planning a follow-up is checked against every touch already sent and every other follow-up
still planned (either side of it); sending one (marking it done) is checked against the touches
already sent. A thank-you close to its interview is exempt (see `spacing`). A refusal names the
touch in the way and the earliest polite date; the caller may override it explicitly (`force`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import arrow

from jobhunt_tui.domain.errors import PestGuardError
from jobhunt_tui.domain.localtime import Zone, local, short_date
from jobhunt_tui.domain.models import FollowUp, FollowUpKind, Interaction, Settings
from jobhunt_tui.domain.spacing import (
    Touch,
    conflicts,
    earliest_polite,
    interview_times,
    is_exempt_thank_you,
    kind_label,
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
    interviews = interview_times(interactions)
    touches = sent_touches(interactions) + planned_touches(
        follow_ups, interviews, tz, settings, exclude=exclude
    )
    return _judge(kind.value, at, touches, interviews, tz, settings)


def check_send(
    kind: FollowUpKind,
    at: arrow.Arrow,
    *,
    interactions: Sequence[Interaction],
    tz: Zone,
    settings: Settings,
) -> GuardResult:
    """May a follow-up of `kind` be sent at `at`, given the touches already sent?"""
    interviews = interview_times(interactions)
    return _judge(kind.value, at, sent_touches(interactions), interviews, tz, settings)


def enforce(result: GuardResult, *, force: bool) -> None:
    """Raise PestGuardRefused for a refusal the caller did not override."""
    if not result.allowed and not force:
        raise PestGuardRefused(result)


def _judge(
    kind: str,
    at: arrow.Arrow,
    touches: Sequence[Touch],
    interviews: Sequence[arrow.Arrow],
    tz: Zone,
    settings: Settings,
) -> GuardResult:
    gap = settings.min_gap_days
    requested = local(at, tz)
    if is_exempt_thank_you(kind, at, interviews, tz, settings):
        return GuardResult(True, kind, requested, gap, exempt=True)
    blocking = conflicts(at, touches, tz, gap)
    if not blocking:
        return GuardResult(True, kind, requested, gap)
    return GuardResult(
        allowed=False,
        kind=kind,
        requested_at=requested,
        min_gap_days=gap,
        last_touch=latest(blocking),
        earliest_polite_at=earliest_polite(at, touches, tz, gap),
    )
