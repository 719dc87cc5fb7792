"""The agenda and the calendar: what `jobhunt agenda` prints and the calendar pane shows.

One service for both, on bounded reads (`storage.agenda_reads`): a month, a day, each agenda
section and the idle list each cost an indexed range or a LIMIT, never the whole board.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from itertools import pairwise
from typing import NamedTuple

import arrow

from jobhunt_tui.domain.agenda import (
    DEFAULT_DAYS,
    LIST_LIMIT,
    MAX_DAYS,
    Agenda,
    AgendaItem,
    DayEntry,
    build_agenda,
    stalest,
)
from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.clock import Clock, system_clock
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.health import WeekCount
from jobhunt_tui.domain.localtime import Zone, local_date, zone
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
_STORED = "%Y-%m-%dT%H:%M:%SZ"
_NOBODY: frozenset[int] = frozenset()
_PLANNED_LISTS = ("overdue", "today", "upcoming")


class _Room:
    """Agenda lines a first view fills (None: no bound, read every list to its limit).

    Every heading, note and item takes one line or more: a list read as deep as the lines
    left fills them, and once they are spent nothing below can show, so nothing is read.
    """

    def __init__(self, lines: int | None) -> None:
        self.left = lines

    @property
    def full(self) -> bool:
        """No line left."""
        return self.left is not None and self.left <= 0

    def depth(self, limit: int) -> int:
        """How many items to read of the next list."""
        return limit if self.left is None else min(limit, max(self.left, 1))

    def spend(self, rows: int) -> None:
        """`rows` rows were read (each one line or more)."""
        if self.left is not None:
            self.left -= rows


class CalendarView(NamedTuple):
    """Everything the calendar pane shows, read in one transaction."""

    today: dt.date
    month: MonthMarks
    day: dt.date
    day_entries: tuple[DayEntry, ...]
    agenda: Agenda
    weeks: tuple[WeekCount, ...]
    settings: Settings
    lines: int | None = None
    """None: all of it. A first view (`AgendaService.first_view`) holds what fills this many
    agenda lines and no more: draw no rows past them; its marks name no opportunities and
    it has no weeks yet."""


class AgendaService:
    """Agenda, month marks, a day's entries and weekly progress, with an injected clock."""

    def __init__(
        self, database: Database, clock: Clock = system_clock, tz: Zone | None = None
    ) -> None:
        self.database = database
        self.clock = clock
        self.tz: Zone = tz if tz is not None else local_zone()
        self._zone = zone(self.tz)

    def _midnight(self, day: dt.date) -> str:
        # to_stored(at_local(day, 00:00)) in the standard library: a month asks for 32 of them.
        aware = dt.datetime.combine(day, dt.time(0)).replace(tzinfo=self._zone, fold=0)
        return aware.astimezone(dt.timezone.utc).strftime(_STORED)

    def _day_of(self, stored: str) -> dt.date:
        """The local day of a stored instant (local_date(from_stored(...)) without an Arrow)."""
        moment = dt.datetime.fromisoformat(stored.removesuffix("Z")).replace(tzinfo=dt.timezone.utc)
        return moment.astimezone(self._zone).date()

    def agenda(self, days: int = DEFAULT_DAYS, *, limit: int = LIST_LIMIT) -> Agenda:
        """Overdue, today, the next `days` days, what needs a next step, and search health."""
        if not 0 <= days <= MAX_DAYS:
            raise ValidationError("days", f"must be between 0 and {MAX_DAYS}")
        now = self.clock()
        with self.database.reading() as conn:
            settings = reader.load_settings(conn)
            agenda = self._agenda(conn, now, settings, days, limit)
            return agenda._replace(weekly=self._weeks(conn, now, settings))

    def _agenda(
        self,
        conn: sqlite3.Connection,
        now: arrow.Arrow,
        settings: Settings,
        days: int,
        limit: int,
        room: _Room | None = None,
    ) -> Agenda:
        """The agenda without its weeks; with `room`, only as much as fills its lines."""
        room = room if room is not None else _Room(None)
        today = local_date(now, self.tz)
        bounds = ["", *(self._midnight(today + dt.timedelta(days=n)) for n in (0, 1, days + 1))]
        items, hidden = self._planned(conn, bounds, limit, room)
        cards: list[BoardCard] = []
        if not room.full:
            idle_before = self._midnight(today - dt.timedelta(days=settings.idle_days - 1))
            quiet_before = self._midnight(today - dt.timedelta(days=settings.min_gap_days - 1))
            listed: list[int] = []
            for name, silent in zip(
                ("needs_next_step", "quiet"),
                agenda_reads.unplanned(conn, idle_before, quiet_before),
                strict=True,
            ):
                ids = stalest(silent, room.depth(limit), today, self._day_of) if silent else []
                listed += ids
                hidden.append((name, len(silent) - len(ids)))
                if ids:  # the heading, the quiet section's calm line, the items, "… more"
                    room.spend(1 + (name == "quiet") + len(ids) + (len(silent) > len(ids)))
            rows = agenda_reads.cards(conn, listed)
            cards = [card_from_row(row, now, self.tz, settings) for row in rows]
        return build_agenda(
            items,
            cards,
            now=now,
            tz=self.tz,
            settings=settings,
            days=days,
            active=agenda_reads.active_count(conn),
            hidden=tuple((name, more) for name, more in hidden if more > 0),
        )

    def _planned(
        self, conn: sqlite3.Connection, bounds: list[str], limit: int, room: _Room
    ) -> tuple[list[AgendaItem], list[tuple[str, int]]]:
        """Overdue, today and upcoming (bounds: "", today, tomorrow, the horizon), each read
        `limit` deep (or as far as `room` reaches), and how many each holds beyond that."""
        lists: list[list[AgendaItem]] = []
        totals: list[int | None] = []
        for start, end in pairwise(bounds):
            wanted = 0 if room.full else room.depth(limit)
            items = agenda_reads.planned_items(conn, start, end, wanted) if wanted else []
            lists.append(items)
            # A list read to its depth may hold more: counted below, all lists at once.
            totals.append(len(items) if len(items) < wanted or room.full else None)
            room.spend(1 + len(items))  # a "… more" line may follow: still at least this
        if None in totals:
            counted = agenda_reads.planned_totals(conn, bounds)
            totals = [counted[k] if total is None else total for k, total in enumerate(totals)]
        hidden = [
            (name, (total or 0) - len(items))
            for name, total, items in zip(_PLANNED_LISTS, totals, lists, strict=True)
        ]
        return [item for items in lists for item in items], hidden

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

    def _month(
        self,
        conn: sqlite3.Connection,
        year: int,
        month: int,
        today: dt.date,
        owner: int | None = None,
    ) -> MonthMarks:
        first, after = month_range(year, month)
        start, end = self._midnight(first), self._midnight(after)
        rows = agenda_reads.marks_between(conn, start, end, owner)
        marks = []
        for at, state, opportunity_ids in rows:
            day = self._day_of(at)
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

    def _day(
        self, conn: sqlite3.Connection, day: dt.date, limit: int = DAY_LIMIT
    ) -> tuple[DayEntry, ...]:
        rows = agenda_reads.day_rows(
            conn, self._midnight(day), self._midnight(day + dt.timedelta(days=1)), limit
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
            settings = reader.load_settings(conn)
            agenda = self._agenda(conn, now, settings, 7, LIST_LIMIT)
            weeks = self._weeks(conn, now, settings)
            return CalendarView(
                today=today,
                month=self._month(conn, year, month, today),
                day=day,
                day_entries=self._day(conn, day),
                agenda=agenda._replace(weekly=weeks),
                weeks=weeks,
                settings=settings,
            )

    def first_view(
        self, year: int, month: int, day: dt.date, lines: int, *, owner: int | None = None
    ) -> CalendarView:
        """What the pane's first frame shows: the month's marks (which day holds what, and
        which of them hold something of `owner`, the card the calendar highlights), and the
        agenda (the chosen day last) as far as `lines` agenda lines reach.

        ~3 ms at 10,000 opportunities, where `calendar` takes ~80 (the pane reads it next).
        When the planned lists leave room on screen, the idle and quiet lists are read too,
        and they visit every active opportunity with nothing planned (~50 ms at 10,000 with
        nothing planned at all).
        """
        now = self.clock()
        today = local_date(now, self.tz)
        with self.database.reading() as conn:
            settings = reader.load_settings(conn)
            room = _Room(max(lines, 1))
            agenda = self._agenda(conn, now, settings, 7, LIST_LIMIT, room)
            # The chosen day's heading, then its entries, as far as the lines still reach.
            entries = self._day(conn, day, room.left - 1) if room.left and room.left > 1 else ()
            return CalendarView(
                today=today,
                month=self._month_kinds(conn, year, month, today, owner),
                day=day,
                day_entries=entries,
                agenda=agenda,
                weeks=(),
                settings=settings,
                lines=max(lines, 1),
            )

    def _month_kinds(
        self, conn: sqlite3.Connection, year: int, month: int, today: dt.date, owner: int | None
    ) -> MonthMarks:
        """The month's marks by day and kind, naming no opportunity but `owner`."""
        first, after = month_range(year, month)
        days = [first + dt.timedelta(days=n) for n in range((after - first).days)]
        bounds = [self._midnight(d) for d in (*days, after)]
        marks = []
        for day, (planned, interview, sent) in zip(
            days, agenda_reads.day_kinds(conn, bounds), strict=True
        ):
            if planned:
                marks.append(
                    DayMark(day, MarkKind.OVERDUE if day < today else MarkKind.PLANNED, _NOBODY)
                )
            if interview:
                marks.append(DayMark(day, MarkKind.INTERVIEW, _NOBODY))
            if sent:
                marks.append(DayMark(day, MarkKind.DONE, _NOBODY))
        if owner is not None:
            marks += self._month(conn, year, month, today, owner).marks
        return marks_of(marks, year, month)
