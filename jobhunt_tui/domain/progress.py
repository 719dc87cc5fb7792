"""Weekly progress: applications, follow-ups sent and interviews per week, and this week in words.

Progress one can see is the cure for moping: the strip and its sentence come from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from jobhunt_tui.domain.health import WeekCount
from jobhunt_tui.domain.models import Direction, InteractionKind
from jobhunt_tui.domain.spacing import SENT_KINDS, is_outbound

PROGRESS_WEEKS = 8
"""Weeks the progress strip shows, this week last."""


def week_starts(this_week: dt.date, weeks: int = PROGRESS_WEEKS) -> tuple[dt.date, ...]:
    """The first days of the last `weeks` weeks, oldest first, ending with `this_week`."""
    return tuple(this_week - dt.timedelta(weeks=back) for back in range(weeks - 1, -1, -1))


def weekly_from_counts(
    starts: Sequence[dt.date],
    counted: Iterable[tuple[int, InteractionKind, Direction, int]],
) -> tuple[WeekCount, ...]:
    """Weeks from (week index, kind, direction, count) rows that a query grouped."""
    totals = [[0, 0, 0] for _ in starts]
    for index, kind, direction, count in counted:
        if not 0 <= index < len(starts):
            continue
        if kind is InteractionKind.APPLIED:
            totals[index][0] += count
        elif kind in SENT_KINDS and is_outbound(kind, direction):
            totals[index][1] += count
        elif kind is InteractionKind.INTERVIEW:
            totals[index][2] += count
    return tuple(WeekCount(start, *totals[i]) for i, start in enumerate(starts))


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def week_in_words(week: WeekCount | None) -> str:
    """ "This week: 2 applications, 1 follow-up sent, 1 interview." (or a nudge at zero)."""
    if week is None or not (week.applications or week.follow_ups_sent or week.interviews):
        return "This week: nothing yet. One application or one follow-up is a good start."
    return (
        f"This week: {_count(week.applications, 'application', 'applications')}, "
        f"{_count(week.follow_ups_sent, 'follow-up', 'follow-ups')} sent, "
        f"{_count(week.interviews, 'interview', 'interviews')}."
    )
