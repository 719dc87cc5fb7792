"""The first frame's reads, made on a thread of their own while the app's modules load.

`jobhunt` spends ~150 ms importing Textual before it can draw anything. The board's first
screen and the calendar's first view (~7 ms at 10,000 opportunities with the file in the page
cache) are read meanwhile, so a cold disk's waits, which release the interpreter lock, are
hidden behind the import; with a warm cache their Python work holds the lock and the gain is
within the noise of `make bench`. Each result is handed out once; a read that failed hands
out nothing, and the screen reads again itself (so what went wrong is reported where it
always is).
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.localtime import Zone, local_date
from jobhunt_tui.domain.models import Settings
from jobhunt_tui.services.agenda import AgendaService, CalendarView
from jobhunt_tui.services.board import BoardService, BoardSnapshot

if TYPE_CHECKING:
    from jobhunt_tui.domain.month import MonthMarks
    from jobhunt_tui.storage.database import Database

WAIT_S = 10.0
"""Longest wait for a read-ahead (a read blocked by a writer); then the screen reads itself."""


class ReadAhead:
    """The board's first screen and the calendar's first view (today's month, `lines` tall)."""

    def __init__(self, database: Database, clock: Clock, tz: Zone, lines: int) -> None:
        self.tz = tz
        """The zone the reads were made in (the app's)."""
        self._board_service = BoardService(database, clock, tz)
        self._agenda = AgendaService(database, clock, tz)
        self.lines = lines
        """The terminal's height the reads are for."""
        today = local_date(clock(), tz)
        self.calendar_args = (today.year, today.month, today, lines)
        """What the calendar's first view is read for: a pane asking for another misses."""
        self._board: BoardSnapshot | None = None
        self._view: CalendarView | None = None
        self._board_read = threading.Event()
        self._view_read = threading.Event()
        self._thread = threading.Thread(target=self._read, name="jobhunt-read-ahead", daemon=True)

    def start(self) -> ReadAhead:
        """Begin reading (returns self)."""
        self._thread.start()
        return self

    def _read(self) -> None:
        try:
            self._board = self._board_service.load(first_screen=self.lines)
            self._board_read.set()
            self._view = self._agenda.first_view(*self.calendar_args)
        except Exception:  # not read ahead: the screen reads it itself, and reports
            pass
        finally:
            self._board_read.set()
            self._view_read.set()

    def settings(self) -> Settings | None:
        """The stored settings, read with the board (None when it could not be read)."""
        self._board_read.wait(WAIT_S)
        return None if self._board is None else self._board.settings

    def board(self, lines: int) -> BoardSnapshot | None:
        """The board's first screen for a terminal `lines` tall, once (None when it could not
        be read, or was read for another height)."""
        if lines != self.lines:
            return None
        self._board_read.wait(WAIT_S)
        board, self._board = self._board, None
        return board

    def first_view(self, year: int, month: int, day: dt.date, lines: int) -> CalendarView | None:
        """The calendar's first view when read for these arguments, once."""
        if (year, month, day, lines) != self.calendar_args:
            return None
        self._view_read.wait(WAIT_S)
        view, self._view = self._view, None
        return view


class ReadAheadCalendar:
    """The agenda service for the calendar pane, whose first `first_view` may be read ahead."""

    def __init__(self, agenda: AgendaService, read_ahead: ReadAhead | None) -> None:
        self._agenda = agenda
        self._read_ahead = read_ahead

    def first_view(
        self, year: int, month: int, day: dt.date, lines: int, *, owner: int | None = None
    ) -> CalendarView:
        """The view read ahead when it fits (no card highlighted yet), else a fresh read."""
        if self._read_ahead is not None and owner is None:
            view = self._read_ahead.first_view(year, month, day, lines)
            if view is not None:
                return view
        return self._agenda.first_view(year, month, day, lines, owner=owner)

    def calendar(self, year: int, month: int, day: dt.date) -> CalendarView:
        """The whole view (never read ahead)."""
        return self._agenda.calendar(year, month, day)

    def month(self, year: int, month: int) -> MonthMarks:
        """One month's marks (never read ahead)."""
        return self._agenda.month(year, month)
