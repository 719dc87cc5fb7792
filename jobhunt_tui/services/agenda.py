"""The agenda and the calendar: what `jobhunt agenda` prints and the calendar pane shows.

One service for both, on bounded reads (`storage.agenda_reads`): a month, a day, each agenda
section and the idle list each cost an indexed range or a LIMIT, never the whole board.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

import arrow

from jobhunt_tui.domain.agenda import (
    DEFAULT_DAYS,
    LIST_LIMIT,
    MAX_DAYS,
    Agenda,
    DayEntry,
    build_agenda,
)
from jobhunt_tui.domain.clock import Clock, system_clock
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.health import WeekCount
from jobhunt_tui.domain.localtime import Zone, at_local, local_date
from jobhunt_tui.domain.models import Channel, Settings
from jobhunt_tui.domain.month import DayMark, MarkKind, MonthMarks, marks_of, month_range
from jobhunt_tui.domain.progress import PROGRESS_WEEKS, week_starts, weekly_from_counts
from jobhunt_tui.domain.timeutil import from_stored, to_stored
from jobhunt_tui.services.board import card_from_row
from jobhunt_tui.services.zone import local_zone
from jobhunt_tui.storage import agenda_reads, reader
from jobhunt_tui.storage.database import Database

DAY_LIMIT = 200
"""Entries read for one chosen day."""


@dataclass(frozen=True)
class CalendarView:
    """Everything the calendar pane shows, read in one transaction."""

    today: dt.date
    month: MonthMarks
    day: dt.date
    day_entries: tuple[DayEntry, ...]
    agenda: Agenda
    weeks: tuple[WeekCount, ...]
    settings: Settings


class AgendaService:
    """Agenda, month marks, a day's entries and weekly progress, with an injected clock."""

    def __init__(
        self, database: Database, clock: Clock = system_clock, tz: Zone | None = None
    ) -> None:
        self.database = database
        self.clock = clock
        self.tz: Zone = tz if tz is not None else local_zone()

    def _midnight(self, day: dt.date) -> str:
        return to_stored(at_local(day, dt.time(0), self.tz))

    def agenda(self, days: int = DEFAULT_DAYS, *, limit: int = LIST_LIMIT) -> Agenda:
        """Overdue, today, the next `days` days, what needs a next step, and search health."""
        if not 0 <= days <= MAX_DAYS:
            raise ValidationError("days", f"must be between 0 and {MAX_DAYS}")
        with self.database.reading() as conn:
            return self._agenda(conn, self.clock(), days, limit)

    def _agenda(self, conn: sqlite3.Connection, now: arrow.Arrow, days: int, limit: int) -> Agenda:
        settings = reader.load_settings(conn)
        today = local_date(now, self.tz)
        start, tomorrow = self._midnight(today), self._midnight(today + dt.timedelta(days=1))
        horizon = self._midnight(today + dt.timedelta(days=days + 1))
        overdue, overdue_total = agenda_reads.planned_between(conn, "", start, limit)
        due_today, today_total = agenda_reads.planned_between(conn, start, tomorrow, limit)
        upcoming, upcoming_total = agenda_reads.planned_between(conn, tomorrow, horizon, limit)
        idle_before = self._midnight(today - dt.timedelta(days=settings.idle_days - 1))
        quiet_before = self._midnight(today - dt.timedelta(days=settings.min_gap_days - 1))
        idle, quiet, idle_total, quiet_total = agenda_reads.idle_candidates(
            conn, idle_before, quiet_before, limit
        )
        active = reader.due_counts(conn, start, tomorrow)[0]
        weeks = self._weeks(conn, now, settings)
        cards = [card_from_row(row, now, self.tz, settings) for row in (*idle, *quiet)]
        hidden = tuple(
            (name, total - len(shown))
            for name, total, shown in (
                ("overdue", overdue_total, overdue),
                ("today", today_total, due_today),
                ("upcoming", upcoming_total, upcoming),
                ("needs_next_step", idle_total, idle),
                ("quiet", quiet_total, quiet),
            )
            if total > len(shown)
        )
        return build_agenda(
            [*overdue, *due_today, *upcoming],
            cards,
            now=now,
            tz=self.tz,
            settings=settings,
            days=days,
            weekly=weeks,
            active=active,
            hidden=hidden,
        )

    def _weeks(
        self, conn: sqlite3.Connection, now: arrow.Arrow, settings: Settings
    ) -> tuple[WeekCount, ...]:
        today = local_date(now, self.tz)
        first = today - dt.timedelta(days=(today.weekday() - settings.week_start) % 7)
        starts = week_starts(first, PROGRESS_WEEKS)
        bounds = [self._midnight(s) for s in starts]
        # This week so far, up to and with `now`: nothing logged ahead of time counts.
        bounds.append(to_stored(now.shift(seconds=1)))
        return weekly_from_counts(starts, agenda_reads.weekly_counts(conn, bounds))

    def progress(self) -> tuple[WeekCount, ...]:
        """The last 8 weeks, oldest first, this week last."""
        with self.database.reading() as conn:
            settings = reader.load_settings(conn)
            return self._weeks(conn, self.clock(), settings)

    def month(self, year: int, month: int) -> MonthMarks:
        """The marks of one month (local days)."""
        with self.database.reading() as conn:
            return self._month(conn, year, month, local_date(self.clock(), self.tz))

    def _month(self, conn: sqlite3.Connection, year: int, month: int, today: dt.date) -> MonthMarks:
        first, after = month_range(year, month)
        rows = agenda_reads.marks_between(conn, self._midnight(first), self._midnight(after))
        marks = []
        for at, state, opportunity_ids in rows:
            day = local_date(from_stored(at), self.tz)
            if state == "planned":
                kind = MarkKind.OVERDUE if day < today else MarkKind.PLANNED
            else:
                kind = MarkKind(state) if state == "interview" else MarkKind.DONE
            marks.append(DayMark(day, kind, frozenset(opportunity_ids)))
        return marks_of(marks, year, month)

    def day(self, day: dt.date) -> tuple[DayEntry, ...]:
        """Follow-ups planned or sent and interviews on one local day, by time."""
        with self.database.reading() as conn:
            return self._day(conn, day)

    def _day(self, conn: sqlite3.Connection, day: dt.date) -> tuple[DayEntry, ...]:
        rows = agenda_reads.day_rows(
            conn, self._midnight(day), self._midnight(day + dt.timedelta(days=1)), DAY_LIMIT
        )
        return tuple(
            DayEntry(
                opportunity_id=row.opportunity_id,
                company=row.company,
                role=row.role,
                kind=row.kind,
                at=from_stored(row.at),
                state=row.state,
                follow_up_id=row.follow_up_id,
                channel=None if row.channel is None else Channel(row.channel),
            )
            for row in rows
        )

    def calendar(self, year: int, month: int, day: dt.date) -> CalendarView:
        """The pane's month, chosen day, agenda and progress, in one consistent read."""
        now = self.clock()
        today = local_date(now, self.tz)
        with self.database.reading() as conn:
            agenda = self._agenda(conn, now, 7, LIST_LIMIT)
            return CalendarView(
                today=today,
                month=self._month(conn, year, month, today),
                day=day,
                day_entries=self._day(conn, day),
                agenda=agenda,
                weeks=agenda.weekly,
                settings=reader.load_settings(conn),
            )
