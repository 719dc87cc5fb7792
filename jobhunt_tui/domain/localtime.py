"""Calendar arithmetic in the user's zone: wall-clock days, weekends and business days.

Instants are stored in UTC, but the cadence thinks in the user's calendar: "7 days later" keeps
the wall-clock time across a DST change, "a weekend" is Saturday or Sunday where the user lives,
and two touches are "N days apart" when their local dates differ by N.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import arrow

from jobhunt_tui.domain.errors import ValidationError

Zone = str | dt.tzinfo

START_OF_DAY = dt.time(9, 0)
END_OF_DAY = dt.time(18, 0)
SATURDAY = 5


def zone(tz: Zone) -> dt.tzinfo:
    """The tzinfo named by `tz` (an IANA name such as Europe/Berlin) or `tz` itself."""
    if isinstance(tz, dt.tzinfo):
        return tz
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            "timezone", f"unknown time zone {tz!r}; use an IANA name such as Europe/Berlin"
        ) from None


def local(moment: arrow.Arrow, tz: Zone) -> arrow.Arrow:
    """`moment` seen in the user's zone."""
    return moment.to(zone(tz))


def local_date(moment: arrow.Arrow, tz: Zone) -> dt.date:
    """The user's calendar date at `moment`."""
    # The standard library's conversion: the board asks this tens of thousands of times, and
    # building an Arrow per call (moment.to) made it the largest cost of loading the board.
    return moment.datetime.astimezone(zone(tz)).date()


def local_time(moment: arrow.Arrow, tz: Zone) -> dt.time:
    """The user's wall-clock time at `moment` (no zone)."""
    return local(moment, tz).time()


def exists(naive: dt.datetime, tz: Zone) -> bool:
    """False when the clocks skip over `naive` in the zone (a DST gap)."""
    zone_info = zone(tz)
    aware = naive.replace(tzinfo=zone_info)
    back = aware.astimezone(dt.timezone.utc).astimezone(zone_info)
    return back.replace(tzinfo=None) == naive


def is_repeated(naive: dt.datetime, tz: Zone) -> bool:
    """True when `naive` happens twice in the zone (the clocks go back over it)."""
    zone_info = zone(tz)
    first = naive.replace(tzinfo=zone_info, fold=0).utcoffset()
    second = naive.replace(tzinfo=zone_info, fold=1).utcoffset()
    return exists(naive, tz) and first != second


def at_local(day: dt.date, time: dt.time, tz: Zone) -> arrow.Arrow:
    """`day` at wall-clock `time` in the zone; a skipped time moves forward past the gap."""
    zone_info = zone(tz)
    naive = dt.datetime.combine(day, time.replace(tzinfo=None))
    aware = naive.replace(tzinfo=zone_info, fold=0)
    # In a gap, fold=0 reads the time with the offset from before the change, which lands
    # the instant just after the gap: 02:30 on a spring-forward night becomes 03:30.
    return arrow.Arrow.fromdatetime(aware.astimezone(dt.timezone.utc)).to(zone_info)


def add_days(moment: arrow.Arrow, days: int, tz: Zone) -> arrow.Arrow:
    """`days` calendar days after `moment` at the same wall-clock time (DST-safe)."""
    return at_local(local_date(moment, tz) + dt.timedelta(days=days), local_time(moment, tz), tz)


def is_weekend(day: dt.date) -> bool:
    """Saturday or Sunday."""
    return day.weekday() >= SATURDAY


def weekend_to_monday(moment: arrow.Arrow, tz: Zone) -> arrow.Arrow:
    """`moment`, or the following Monday at the same wall-clock time when it falls on a weekend."""
    day = local_date(moment, tz)
    if not is_weekend(day):
        return local(moment, tz)
    return add_days(moment, 7 - day.weekday(), tz)


def next_business_day(day: dt.date) -> dt.date:
    """The first weekday strictly after `day`."""
    return add_business_days(day, 1)


def add_business_days(day: dt.date, count: int) -> dt.date:
    """The date `count` weekdays after `day` (Saturday and Sunday do not count)."""
    current = day
    remaining = count
    while remaining > 0:
        current += dt.timedelta(days=1)
        if not is_weekend(current):
            remaining -= 1
    return current


def days_between(earlier: arrow.Arrow, later: arrow.Arrow, tz: Zone) -> int:
    """How many local calendar days separate the two instants (negative when reversed)."""
    return (local_date(later, tz) - local_date(earlier, tz)).days


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def short_date(moment: arrow.Arrow, tz: Zone) -> str:
    """A date for messages, in the user's zone: "Fri 20 Nov 2026"."""
    return local(moment, tz).format("ddd D MMM YYYY")


def short_datetime(moment: arrow.Arrow, tz: Zone) -> str:
    """A date and time for messages, in the user's zone: "Fri 20 Nov 2026 14:00"."""
    return local(moment, tz).format("ddd D MMM YYYY HH:mm")
