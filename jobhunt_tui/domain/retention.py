"""Which automatic backups to keep: the newest of each of the last 7 days, 4 weeks and
6 months that have one (a grandfather-father-son rotation), so a mistake noticed late can
still be undone without the backups folder growing without end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 6
BACKUP_EVERY = dt.timedelta(days=1)


def _newest_per_period(
    stamps: list[dt.datetime], period: Callable[[dt.datetime], Hashable], count: int
) -> set[dt.datetime]:
    kept: dict[Hashable, dt.datetime] = {}
    for stamp in stamps:  # newest first
        key = period(stamp)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = stamp
    return set(kept.values())


def backups_to_keep(stamps: Iterable[dt.datetime]) -> set[dt.datetime]:
    """The stamps to keep of `stamps` (when each backup was taken); the others may go."""
    ordered = sorted(set(stamps), reverse=True)
    return (
        _newest_per_period(ordered, lambda stamp: stamp.date(), KEEP_DAILY)
        | _newest_per_period(ordered, lambda stamp: stamp.isocalendar()[:2], KEEP_WEEKLY)
        | _newest_per_period(ordered, lambda stamp: (stamp.year, stamp.month), KEEP_MONTHLY)
    )


def backup_due(newest: dt.datetime | None, now: dt.datetime) -> bool:
    """True when there is no backup yet or the newest is older than a day."""
    return newest is None or now - newest >= BACKUP_EVERY
