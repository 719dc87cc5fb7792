"""The calendar pane: month grid, agenda and progress strip, fed by handed-in read callables.

The pane reads through `CalendarSource` (the screen hands it the agenda service's calls):
a bounded first view while it mounts, so the first frame shows the month and the agenda,
then everything in a worker; it never writes: item keys become messages the screen turns
into changes. Fresh data comes in two ways: `show_part()`, the part on screen as a change's
worker read it right after the change, and `reload()` for the rest (the live view, midnight,
a change whose read could not be used).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, NamedTuple, Protocol

import arrow
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer

from jobhunt_tui.domain.localtime import Zone, local_date
from jobhunt_tui.domain.month import (
    CalendarNames,
    MonthMarks,
    clamp_to_month,
    names_for_locale,
    shift_month,
)
from jobhunt_tui.ui.failures import ReportsWorkerFailures
from jobhunt_tui.ui.widgets.agenda_lines import AgendaRow, agenda_rows
from jobhunt_tui.ui.widgets.calendar_lines import MonthFace, month_face
from jobhunt_tui.ui.widgets.calendar_widgets import AgendaList, MonthGrid, ProgressStrip

if TYPE_CHECKING:
    from jobhunt_tui.services.agenda import CalendarView


def names_from_environment() -> CalendarNames:
    """Month and weekday names of the user's LC_ALL / LC_TIME / LANG locale, else English."""
    for variable in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(variable)
        if value:
            return names_for_locale(value)
    return CalendarNames()


class CalendarSource(Protocol):
    """What the pane may ask for: a first view, a whole view, and one month's marks."""

    def first_view(
        self, year: int, month: int, day: dt.date, lines: int, *, owner: int | None = None
    ) -> CalendarView:
        """Month marks (naming only `owner` of the opportunities on them) and as much of the
        agenda as `lines` lines show, in a few ms."""
        ...

    def calendar(self, year: int, month: int, day: dt.date) -> CalendarView:
        """Month, chosen day, agenda and progress in one read."""
        ...

    def month(self, year: int, month: int) -> MonthMarks:
        """One month's marks."""
        ...


class PartRequest(NamedTuple):
    """What a read of the part on screen covers, taken on the UI thread (`part_request`)."""

    year: int
    month: int
    day: dt.date
    lines: int
    owner: int | None
    width: int


class CalendarRead(NamedTuple):
    """A finished read, with the agenda's rows built for `width` off the UI thread."""

    view: CalendarView
    now: arrow.Arrow
    neighbours: dict[tuple[int, int], MonthMarks]
    rows: tuple[AgendaRow, ...]
    width: int
    request: PartRequest | None = None
    """What a read of the part on screen covered (None: the whole view)."""


@dataclass
class _Loaded(Message):
    """A read finished in the pane's worker; only the latest `generation` is shown."""

    read: CalendarRead
    generation: int


class CalendarPane(ReportsWorkerFailures, Vertical):
    """Month grid on top, the agenda, the progress strip; narrow: agenda first.

    Its reads run in its own workers, whose state messages stay here (they do not bubble):
    a read that fails is reported from here.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "month(-1)", "◀ Month", id="calendar.previous_month",
                tooltip="Previous month", show=False),
        Binding("right_square_bracket", "month(1)", "Month ▶", id="calendar.next_month",
                tooltip="Next month", show=False),
        Binding("t", "today", "Today", id="calendar.today", tooltip="Back to today",
                show=False),
    ]  # fmt: skip

    DEFAULT_CSS = """
    CalendarPane MonthGrid { dock: top; }
    CalendarPane ProgressStrip { dock: bottom; }
    CalendarPane.-beside MonthGrid { dock: right; margin-left: 1; }
    """

    AFTER_FRAME = 0.035
    """Seconds from showing a re-read to what waits for it (`reload(then=...)`): two frames
    at Textual's 60 a second, so the one showing the read is out."""

    WHOLE_AFTER = 0.05
    """Seconds from showing the part of a re-read on screen to reading the whole."""

    HIGHLIGHT_DELAY = 0.12
    """Seconds the board's selection rests before the calendar highlights it."""

    BESIDE_FROM = 60
    """From this width on (a narrow terminal gives the pane all of it) the grid sits beside
    the agenda, which comes first; narrower, the grid sits above it."""

    def __init__(
        self,
        source: CalendarSource,
        now: Callable[[], arrow.Arrow],
        tz: Zone,
        names: CalendarNames,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="pane")
        self.border_title = "Calendar"
        self.source = source
        self.now = now
        self.tz = tz
        self.names = names
        today = local_date(now(), tz)
        self.today = today
        self.cursor = today
        self.chosen = today
        self.view: CalendarView | None = None
        self.faces: dict[tuple[int, int], MonthFace] = {}
        self.highlight_id: int | None = None
        self._loaded_now = now()
        self._go_to_day = False
        self._generation = 0
        """Reads started; only the latest one's result is shown."""
        self._highlight_timer: Timer | None = None
        self._after_shown: list[Callable[[], None]] = []
        """What waits for the next read to be drawn (see `reload`)."""

    def compose(self) -> ComposeResult:
        """Agenda first in the tree (it leads on narrow screens); docks place the rest."""
        yield AgendaList(id="agenda")
        yield MonthGrid(self.names, self.cursor, id="month-grid")
        yield ProgressStrip(id="progress")

    @property
    def grid(self) -> MonthGrid:
        """The month grid."""
        return self.query_one(MonthGrid)

    @property
    def agenda(self) -> AgendaList:
        """The agenda list."""
        return self.query_one(AgendaList)

    def on_mount(self) -> None:
        """Month and agenda in the very first frame, then the rest after it.

        The first view is a bounded read (the month's marks, and only as much agenda as the
        terminal is tall: ~3 ms at 10,000), so it runs here, as the board's first screen
        does; the whole view (every list, the strip, the months either side) follows in a
        worker once that frame is out.
        """
        now = self.now()
        lines = self.app.size.height  # the agenda is never taller than the terminal
        view = self.source.first_view(self.cursor.year, self.cursor.month, self.chosen, lines)
        self._show_view(view, now, {})
        self.call_after_refresh(self._read, self.cursor.year, self.cursor.month, self.chosen)

    def focus(self, scroll_visible: bool = True) -> CalendarPane:
        """Focus the agenda on a narrow screen (it comes first there), else the grid."""
        target = self.agenda if self.has_class("-beside") else self.grid
        target.focus(scroll_visible)
        return self

    def on_resize(self) -> None:
        """Narrow: grid beside the agenda; rows re-fit the width."""
        self.set_class(self.size.width >= self.BESIDE_FROM, "-beside")
        self._show_agenda()

    # Reading

    def reload(self, *, then: Callable[[], None] | None = None) -> None:
        """Re-read the month, the lists and the strip (after a change elsewhere, and at
        midnight): first what the screen shows, then all of it; `then` runs once the first
        of them is drawn.

        The whole view takes ~80 ms at 10,000 opportunities; the part on screen (the month,
        and the agenda as far as the view and the cursor reach) a few, so a change shows in
        the next frames and the rest (the lists below, the weekly strip) follows.
        """
        request = self.part_request()
        self._read_part_in_worker(request, self._new_read(then))

    def part_request(self) -> PartRequest:
        """What a read of the part on screen must cover now: the month, the chosen day, the
        agenda as far as its view and cursor reach, the highlighted card."""
        return PartRequest(self.cursor.year, self.cursor.month, self.chosen,
                           self.agenda.lines_in_reach(), self.highlight_id,
                           self._agenda_width())  # fmt: skip

    def read_part(self, request: PartRequest) -> CalendarRead:
        """Read the part on screen (a few ms; any thread, touching no widget): a change's
        worker reads it right after the change, so `show_part` can draw it in the same frame
        as the card."""
        now = self.now()
        # Only the highlighted card's marks by name (~12 ms less than all of them); a card
        # selected before the whole view arrives is highlighted with it.
        view = self.source.first_view(request.year, request.month, request.day,
                                      request.lines, owner=request.owner)  # fmt: skip
        rows = self._rows(view, now, request.width)
        return CalendarRead(view, now, {}, rows, request.width, request)

    def show_part(self, read: CalendarRead, *, then: Callable[[], None] | None = None) -> None:
        """Show a part read by `read_part` (the whole view follows), or, when the month or
        the chosen day moved since its request was taken, re-read what is on screen now."""
        request = read.request
        shown = (self.cursor.year, self.cursor.month, self.chosen)
        if request is None or (request.year, request.month, request.day) != shown:
            self.reload(then=then)
            return
        self._show_read(read, self._new_read(then))

    def _new_read(self, then: Callable[[], None] | None) -> int:
        """Start a read of fresh data: its generation (only the latest one's result shows).

        Other months read before are dropped, to be read again when the cursor gets there.
        """
        if then is not None:
            self._after_shown.append(then)
        shown = (self.cursor.year, self.cursor.month)
        self.faces = {key: face for key, face in self.faces.items() if key == shown}
        self._generation += 1
        return self._generation

    def _read(self, year: int, month: int, day: dt.date, *, neighbours: bool = True) -> None:
        """Read the whole view (and the months either side) in the worker."""
        self._generation += 1
        self._read_whole_in_worker(year, month, day, self._generation, neighbours,
                                   self._agenda_width())  # fmt: skip

    # Not exclusive: a cancelled worker would fail whoever waits for the workers; a newer
    # read simply wins and older results are dropped (they are cheap, bounded reads).
    @work(thread=True, exit_on_error=False, group="calendar")
    def _read_part_in_worker(self, request: PartRequest, generation: int) -> None:
        self.post_message(_Loaded(self.read_part(request), generation))

    @work(thread=True, exit_on_error=False, group="calendar")
    def _read_whole_in_worker(
        self, year: int, month: int, day: dt.date, generation: int, neighbours: bool,
        width: int, wait: float = 0.0,
    ) -> None:  # fmt: skip
        if wait:
            time.sleep(wait)  # without the interpreter lock: the frame before goes out first
            if generation != self._generation:
                return  # a newer read is on its way
        now = self.now()
        view = self.source.calendar(year, month, day)
        # The months either side too, so `[` and `]` draw their marks at once.
        around = {
            shift_month(year, month, step): self.source.month(*shift_month(year, month, step))
            for step in ((-1, 1) if neighbours else ())
        }
        # Built here, not on the UI thread: a whole agenda is up to a thousand rows (~15 ms).
        rows = self._rows(view, now, width)
        self.post_message(_Loaded(CalendarRead(view, now, around, rows, width), generation))

    @on(_Loaded)
    def _loaded(self, event: _Loaded) -> None:
        if event.generation == self._generation:
            self._show_read(event.read, event.generation)

    def _show_read(self, read: CalendarRead, generation: int) -> None:
        rows = read.rows if read.width == self._agenda_width() else None
        self._show_view(read.view, read.now, read.neighbours, rows)
        # Not call_after_refresh, here and below: that may run before the frame is built (the
        # screen can be idle before the widgets' repaints reach it). A toast laid out then
        # cost this frame a layout; a read then, holding the interpreter lock in turns,
        # slowed it down.
        waiting, self._after_shown = self._after_shown, []
        for callback in waiting:
            self.set_timer(self.AFTER_FRAME, callback)
        if read.view.lines is not None:  # the part on screen: the whole once it is drawn
            view = read.view
            self._read_whole_in_worker(view.month.year, view.month.month, view.day, generation,
                                       False, read.width, self.WHOLE_AFTER)  # fmt: skip

    def _show_view(
        self,
        view: CalendarView,
        now: arrow.Arrow,
        neighbours: dict[tuple[int, int], MonthMarks],
        rows: tuple[AgendaRow, ...] | None = None,
    ) -> None:
        rolled = view.today != self.today
        if rolled and self.cursor == self.today:
            self.cursor = view.today  # midnight: a cursor on "today" follows it
        if rolled and self.chosen == self.today:
            self.chosen = view.today
        self.today = view.today
        self.view = view
        self._loaded_now = now
        week_start = view.settings.week_start
        for key, marks in neighbours.items():
            self.faces[key] = month_face(marks, week_start, view.today)
        self.faces[(view.month.year, view.month.month)] = month_face(
            view.month, week_start, view.today
        )
        self._show_grid()
        self._show_agenda(rows)
        if self._go_to_day and view.day == self.chosen:
            self._go_to_day = False
            self.agenda.go_to_section("day")
        if view.lines is None:  # a part read has no weeks: the strip waits for the whole
            self.query_one(ProgressStrip).show(view.weeks)
        if rolled and (view.day != self.chosen or self.cursor.month != view.month.month):
            self.reload()

    def _show_grid(self) -> None:
        face = self.faces.get((self.cursor.year, self.cursor.month))
        if face is None:
            week_start = self.view.settings.week_start if self.view else 0
            face = month_face(MonthMarks(self.cursor.year, self.cursor.month), week_start,
                              self.today)  # fmt: skip
            self._read(self.cursor.year, self.cursor.month, self.chosen)
        self.grid.show(face, self.cursor)
        self.grid.set_highlight(self.highlight_id)

    def _agenda_width(self) -> int:
        return self.agenda.size.width or 36

    def _rows(self, view: CalendarView, now: arrow.Arrow, width: int) -> tuple[AgendaRow, ...]:
        return agenda_rows(view.agenda, view.day, view.day_entries, now=now, tz=self.tz,
                           width=width, lines=view.lines)  # fmt: skip

    def _show_agenda(self, rows: tuple[AgendaRow, ...] | None = None) -> None:
        """The agenda's rows (built here for the current width unless handed in)."""
        if self.view is None:
            return
        if rows is None:
            rows = self._rows(self.view, self._loaded_now, self._agenda_width())
        self.agenda.show(rows)
        self.agenda.set_highlight(self.highlight_id)

    # Highlight (the board's selection)

    def highlight(self, opportunity_id: int | None) -> None:
        """Mark this opportunity's follow-ups on the grid and in the agenda, once the board's
        cursor rests on it.

        Redrawing the calendar in the same moment as the board cost every `j` a second frame
        (key → frame doubled at 10,000 cards); while the cursor runs down a column only the
        board redraws, and the calendar follows HIGHLIGHT_DELAY after the last key.
        """
        self.highlight_id = opportunity_id
        if self._highlight_timer is not None:
            self._highlight_timer.stop()
        self._highlight_timer = self.set_timer(self.HIGHLIGHT_DELAY, self._apply_highlight)

    def _apply_highlight(self) -> None:
        self._highlight_timer = None
        self.grid.set_highlight(self.highlight_id)
        self.agenda.set_highlight(self.highlight_id)

    # Keys

    def action_month(self, step: int) -> None:
        """Previous or next month; the cursor keeps its day of the month."""
        year, month = shift_month(self.cursor.year, self.cursor.month, step)
        self._move_cursor(clamp_to_month(self.cursor, year, month))

    def action_today(self) -> None:
        """Cursor back on today."""
        self._move_cursor(self.today)

    def _move_cursor(self, day: dt.date) -> None:
        self.cursor = day
        self._show_grid()

    @on(MonthGrid.CursorMoved)
    def _cursor_moved(self, event: MonthGrid.CursorMoved) -> None:
        event.stop()
        if (event.day.year, event.day.month) != (self.cursor.year, self.cursor.month):
            self.cursor = event.day
            self._show_grid()
        self.cursor = event.day

    @on(MonthGrid.DayChosen)
    def _day_chosen(self, event: MonthGrid.DayChosen) -> None:
        event.stop()
        self.chosen = event.day
        self._read_day(event.day)

    def _read_day(self, day: dt.date) -> None:
        self._go_to_day = True
        self._read(self.cursor.year, self.cursor.month, day, neighbours=False)
        self.agenda.focus()

    @on(AgendaList.Back)
    def _back(self, event: AgendaList.Back) -> None:
        event.stop()
        self.grid.focus()
