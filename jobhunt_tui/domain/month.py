"""The month grid of the calendar: weeks of dates, day marks, cursor moves and names.

Pure: dates in, dates and small values out. The UI draws it; storage fills the marks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import locale
from collections.abc import Iterable
from typing import NamedTuple

ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ENGLISH_WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


class MarkKind(enum.Enum):
    """What a day holds, in the order a day with several shows them (most urgent first)."""

    OVERDUE = "overdue"
    INTERVIEW = "interview"
    PLANNED = "planned"
    DONE = "done"


class DayMark(NamedTuple):
    """Things of one kind on one local day, and the opportunities they belong to."""

    day: dt.date
    kind: MarkKind
    opportunity_ids: frozenset[int]


class MonthMarks(NamedTuple):
    """Every mark of one month, as read (for the grid's look of each day)."""

    year: int
    month: int
    marks: tuple[DayMark, ...] = ()

    def by_day(self) -> dict[dt.date, tuple[MarkKind, frozenset[int]]]:
        """Per day: its most urgent kind and the opportunities with something on it."""
        kinds: dict[dt.date, set[MarkKind]] = {}
        owners: dict[dt.date, set[int]] = {}
        for mark in self.marks:
            kinds.setdefault(mark.day, set()).add(mark.kind)
            owners.setdefault(mark.day, set()).update(mark.opportunity_ids)
        order = list(MarkKind)
        return {
            day: (min(found, key=order.index), frozenset(owners[day]))
            for day, found in kinds.items()
        }


class CalendarNames(NamedTuple):
    """Month names and two-letter weekday names (Monday first)."""

    months: tuple[str, ...] = ENGLISH_MONTHS
    weekdays: tuple[str, ...] = ENGLISH_WEEKDAYS


def names_for_locale(name: str | None) -> CalendarNames:
    """Month and weekday names of the locale `name` where Python has them, else English.

    Weekday names are cut to two letters (the grid's columns); a locale whose names are not
    plain letters of one cell each falls back to English rather than misalign the grid.
    """
    if not name or name.split(".")[0] in ("C", "POSIX"):
        return CalendarNames()
    try:
        cal = calendar.LocaleTextCalendar(locale=name)
        months = tuple(cal.formatmonthname(2026, m, 0, withyear=False) for m in range(1, 13))
        weekdays = tuple(cal.formatweekday(d, 2) for d in range(7))
    except (ValueError, LookupError, OSError, locale.Error):
        return CalendarNames()
    if not all(len(day) == 2 and day.isprintable() for day in weekdays):
        return CalendarNames()
    if not all(month.strip() for month in months):
        return CalendarNames()
    return CalendarNames(tuple(m.strip() for m in months), tuple(weekdays))


def month_weeks(
    year: int, month: int, week_start: int = 0
) -> tuple[tuple[dt.date | None, ...], ...]:
    """The month's weeks, 7 days each, starting on `week_start` (0 Monday … 6 Sunday).

    Days outside the month are None.
    """
    cal = calendar.Calendar(firstweekday=week_start % 7)
    return tuple(
        tuple(None if day == 0 else dt.date(year, month, day) for day in week)
        for week in cal.monthdayscalendar(year, month)
    )


def weekday_header(names: CalendarNames, week_start: int = 0) -> tuple[str, ...]:
    """The weekday names in the grid's column order."""
    return tuple(names.weekdays[(week_start + offset) % 7] for offset in range(7))


def shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    """The month `step` months from (year, month)."""
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


def clamp_to_month(day: dt.date, year: int, month: int) -> dt.date:
    """The same day of the month in (year, month), or its last day when shorter."""
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first day of the month and the first day of the next one."""
    next_year, next_month = shift_month(year, month, 1)
    return dt.date(year, month, 1), dt.date(next_year, next_month, 1)


def marks_of(marks: Iterable[DayMark], year: int, month: int) -> MonthMarks:
    """The marks that fall in (year, month), one per day and kind, by day and urgency."""
    merged: dict[tuple[dt.date, MarkKind], set[int]] = {}
    for mark in marks:
        if (mark.day.year, mark.day.month) == (year, month):
            merged.setdefault((mark.day, mark.kind), set()).update(mark.opportunity_ids)
    order = list(MarkKind)
    keys = sorted(merged, key=lambda key: (key[0], order.index(key[1])))
    return MonthMarks(
        year, month, tuple(DayMark(day, kind, frozenset(merged[day, kind])) for day, kind in keys)
    )
