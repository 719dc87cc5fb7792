"""The agenda: planned follow-ups grouped by when they are due, plus what needs a next step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, TypeVar

import arrow

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.health import (
    DueCounts,
    SearchHealth,
    WeekCount,
    count_active,
    search_health,
)
from jobhunt_tui.domain.localtime import Zone, local_date
from jobhunt_tui.domain.models import Channel, FollowUpKind, Settings

Since = TypeVar("Since")

DEFAULT_DAYS = 14
MAX_DAYS = 366
LIST_LIMIT = 200
"""Items read per agenda section: far more than a screen or a day's work; the rest counted."""


class AgendaItem(NamedTuple):
    """One planned follow-up with the opportunity it belongs to."""

    follow_up_id: int
    opportunity_id: int
    company: str
    role: str
    kind: FollowUpKind
    channel: Channel
    due_at: arrow.Arrow


class Agenda(NamedTuple):
    """What to do: overdue, today, coming up; who needs a next step; how the search is going."""

    today: dt.date
    days: int
    overdue: tuple[AgendaItem, ...]
    due_today: tuple[AgendaItem, ...]
    upcoming: tuple[AgendaItem, ...]
    needs_next_step: tuple[BoardCard, ...]
    quiet: tuple[BoardCard, ...]
    health: SearchHealth
    weekly: tuple[WeekCount, ...] = ()
    hidden: tuple[tuple[str, int], ...] = ()
    """(section, how many more it holds than were read) for lists cut at the read limit."""

    @property
    def counts(self) -> DueCounts:
        """Due today and overdue, for the header."""
        return DueCounts(due_today=len(self.due_today), overdue=len(self.overdue))

    @property
    def suggestions(self) -> tuple[str, ...]:
        """Nudges: a backup when below the floor, keep going while things are quiet."""
        lines: list[str] = []
        if self.health.below_floor:
            lines.append(self.health.message)
        if self.quiet or self.needs_next_step:
            lines.append(
                "Silence is not rejection: processes often take 2-6 weeks. "
                "Keep applying while you wait."
            )
        return tuple(lines)


def due_label(due_at: arrow.Arrow, now: arrow.Arrow, tz: Zone) -> str:
    """ "today", "tomorrow", "in 3 days", "1 day late", "4 days late" (CLI and calendar)."""
    delta = (local_date(due_at, tz) - local_date(now, tz)).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta > 1:
        return f"in {delta} days"
    return f"{-delta} day{'s' if delta != -1 else ''} late"


def build_agenda(
    items: Iterable[AgendaItem],
    cards: Iterable[BoardCard],
    *,
    now: arrow.Arrow,
    tz: Zone,
    settings: Settings,
    days: int = DEFAULT_DAYS,
    weekly: tuple[WeekCount, ...] = (),
    active: int | None = None,
    hidden: tuple[tuple[str, int], ...] = (),
) -> Agenda:
    """Group planned follow-ups by due date; pick idle cards and those quiet for a while.

    `active` is the active count when `cards` holds only the candidates for the idle and
    quiet lists (a bounded read); without it, it is counted from `cards`.
    """
    today = local_date(now, tz)
    horizon = today + dt.timedelta(days=days)
    overdue: list[AgendaItem] = []
    due_today: list[AgendaItem] = []
    upcoming: list[AgendaItem] = []
    for item in sorted(items, key=lambda i: (i.due_at, i.follow_up_id)):
        day = local_date(item.due_at, tz)
        if day < today:
            overdue.append(item)
        elif day == today:
            due_today.append(item)
        elif day <= horizon:
            upcoming.append(item)
    all_cards = list(cards)
    idle = [c for c in all_cards if c.idle]
    # A day or two of silence is normal; the nudge starts once a polite gap has passed.
    quiet = [
        c
        for c in all_cards
        if c.quiet_days is not None and c.quiet_days >= settings.min_gap_days and not c.idle
    ]
    if active is None:
        active = count_active((c.stage, c.archived) for c in all_cards)
    return Agenda(
        today=today,
        days=days,
        overdue=tuple(overdue),
        due_today=tuple(due_today),
        upcoming=tuple(upcoming),
        needs_next_step=tuple(sorted(idle, key=_staleness)),
        quiet=tuple(sorted(quiet, key=_staleness)),
        health=search_health(active, settings),
        weekly=weekly,
        hidden=hidden,
    )


def _staleness(card: BoardCard) -> tuple[int, int]:
    """Longest silence first, then by id."""
    return (-(card.days_since_touch or 0), card.opportunity_id)


def stalest(
    silent: Sequence[tuple[Since, int, bool]],
    limit: int,
    today: dt.date,
    day_of: Callable[[Since], dt.date],
) -> list[int]:
    """The ids of the first `limit` of `silent` in the agenda's order (`_staleness`).

    `silent` holds (since, id, touched) oldest first; `day_of` gives the local day of a
    `since`. The order is by local days of silence, then by id, and one never touched counts
    as 0 days: so only the first `limit` touched, the rest of the day the last of them falls
    on, and the first `limit` never touched can make the cut; only theirs are worked out.
    """
    if limit <= 0:
        return []
    touched = [entry for entry in silent if entry[2]]
    head = touched[:limit]
    if len(touched) > limit:
        last_day = day_of(touched[limit - 1][0])
        for entry in touched[limit:]:
            if day_of(entry[0]) != last_day:
                break
            head.append(entry)
    never = sorted(entry[1] for entry in silent if not entry[2])[:limit]
    keyed = sorted(
        [(-(today - day_of(since)).days, opportunity_id) for since, opportunity_id, _ in head]
        + [(0, opportunity_id) for opportunity_id in never]
    )
    return [opportunity_id for _, opportunity_id in keyed[:limit]]


class DayEntry(NamedTuple):
    """Something on one chosen day: a follow-up (planned or done) or an interview."""

    opportunity_id: int
    company: str
    role: str
    kind: str
    """A follow-up kind's value, or "interview"."""
    at: arrow.Arrow
    state: str
    """ "planned", "done" or "interview"."""
    follow_up_id: int | None = None
    channel: Channel | None = None


def snooze_days_to_reach(
    due_at: arrow.Arrow, polite_at: arrow.Arrow, now: arrow.Arrow, tz: Zone
) -> int:
    """The snooze (in days) that lands a follow-up due at `due_at` on the pest guard's
    earliest polite date (a snooze counts from today when the follow-up is overdue)."""
    start = max(local_date(due_at, tz), local_date(now, tz))
    return max(1, (local_date(polite_at, tz) - start).days)
