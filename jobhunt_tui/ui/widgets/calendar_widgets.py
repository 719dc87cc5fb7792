"""The calendar pane's three parts: the month grid, the agenda list and the progress strip.

They only display and emit messages; `calendar_pane.CalendarPane` feeds them data. Lines
come from the pure builders (`calendar_lines`, `agenda_lines`, `progress_lines`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from jobhunt_tui.domain.health import WeekCount
from jobhunt_tui.domain.month import CalendarNames
from jobhunt_tui.ui.messages import OpenDraft
from jobhunt_tui.ui.widgets.agenda_lines import AgendaRow
from jobhunt_tui.ui.widgets.calendar_lines import MonthFace, grid_lines, legend_lines
from jobhunt_tui.ui.widgets.card_lines import Piece
from jobhunt_tui.ui.widgets.progress_lines import progress_lines

STYLES = {
    "title": "bold",
    "weekday": "$text-muted",
    "muted": "$text-muted",
    "today": "bold underline $text-accent",
    "cursor": "reverse bold",
    "cursor-dim": "bold underline",
    "highlight": "bold $text-primary on $primary-muted",
    "overdue": "bold $text-error",
    "late": "bold $text-error",
    "planned": "$text-accent",
    "soon": "$text-accent",
    "done": "$text-success",
    "interview": "bold $text-warning",
    "warning": "$text-warning",
    "heading": "bold",
    "heading-empty": "$text-muted",
    "company": "bold",
    "key": "$text-accent",
    "applications": "$text-accent",
    "follow_ups_sent": "$text-success",
    "interviews": "$text-warning",
    "count": "bold",
    "words": "",
}


def _b(key: str, action: str, description: str, binding_id: str, tooltip: str) -> Binding:
    return Binding(key, action, description, id=binding_id, tooltip=tooltip, show=False)


def line_content(pieces: Sequence[Piece], extra: str = "") -> Content:
    """One line of pieces as Content (plain text: never markup), `extra` style on top."""
    parts = [(p.text, f"{STYLES.get(p.role, '')} {extra}".strip()) for p in pieces]
    return Content.assemble(*parts) if parts else Content("")


class MonthGrid(Widget, can_focus=True):
    """The month: a title, weekday names, six weeks, a legend. The cursor is a day."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("h,left", "move(-1)", "Day before", "calendar.left", "Move the day cursor back a day"),
        _b("l,right", "move(1)", "Day after", "calendar.right", "Move the day cursor on a day"),
        _b("k,up", "move(-7)", "Week before", "calendar.up", "Move the day cursor back a week"),
        _b("j,down", "move(7)", "Week after", "calendar.down", "Move the day cursor on a week"),
        _b("enter", "choose", "List day", "calendar.choose", "List the chosen day in the agenda"),
    ]  # fmt: skip

    DEFAULT_CSS = """
    MonthGrid { width: 22; height: 10; }
    """

    @dataclass
    class CursorMoved(Message):
        """The day cursor moved (maybe into another month)."""

        day: dt.date

    @dataclass
    class DayChosen(Message):
        """`enter`: list this day in the agenda."""

        day: dt.date

    def __init__(self, names: CalendarNames, cursor: dt.date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.names = names
        self.face: MonthFace | None = None
        self.cursor = cursor
        self.highlight_id: int | None = None

    def show(self, face: MonthFace, cursor: dt.date) -> None:
        """Draw `face` with the cursor on `cursor`."""
        drawn = self._drawn()
        self.face, self.cursor = face, cursor
        self._refresh_if_changed(drawn)

    def set_highlight(self, opportunity_id: int | None) -> None:
        """Mark the days holding something of this opportunity."""
        drawn = self._drawn()
        self.highlight_id = opportunity_id
        self._refresh_if_changed(drawn)

    def _drawn(self) -> tuple[object, ...]:
        """Everything the grid's lines depend on but focus (which refreshes by itself)."""
        face = self.face
        if face is None:
            return ()
        highlight = face.highlighted(self.highlight_id)
        return (face.year, face.month, face.week_start, face.today, face.kinds, highlight,
                self.cursor)  # fmt: skip

    def _refresh_if_changed(self, drawn: tuple[object, ...]) -> None:
        # The calendar re-reads after every change elsewhere, and a first view and the
        # whole one differ in what the grid does not draw: each line drawn costs ~0.2 ms.
        if self._drawn() != drawn:
            self.refresh()

    def lines(self) -> tuple[tuple[Piece, ...], ...]:
        """The grid's lines as pieces (what `render` draws; tests read roles from it)."""
        if self.face is None:
            return ((Piece("loading…", "muted"),),)
        highlight = self.face.highlighted(self.highlight_id)
        return grid_lines(self.face, self.cursor, highlight, self.names) + legend_lines()

    def render(self) -> Content:
        """The lines, the cursor reversed only while the grid has focus."""
        rendered = []
        for pieces in self.lines():
            if not self.has_focus:
                pieces = tuple(
                    Piece(p.text, "cursor-dim") if p.role == "cursor" else p for p in pieces
                )
            rendered.append(line_content(pieces))
        return Content("\n").join(rendered)

    def on_focus(self) -> None:
        """Show the cursor."""
        self.refresh()

    def on_blur(self) -> None:
        """Hide the cursor."""
        self.refresh()

    def action_move(self, days: int) -> None:
        """Move the cursor; the pane loads another month when it leaves this one."""
        self.cursor += dt.timedelta(days=days)
        self.refresh()
        self.post_message(self.CursorMoved(self.cursor))

    def action_choose(self) -> None:
        """List the cursor's day in the agenda."""
        self.post_message(self.DayChosen(self.cursor))


class AgendaList(Widget, can_focus=True):
    """The agenda's rows; a cursor on items; keys act on the item under it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("j,down", "cursor(1)", "Next", "agenda.down", "Next agenda item"),
        _b("k,up", "cursor(-1)", "Previous", "agenda.up", "Previous agenda item"),
        _b("space", "done", "Done", "agenda.done",
           "Mark the follow-up done: the cadence plans the next step"),
        _b("s", "snooze", "Snooze", "agenda.snooze", "Snooze the follow-up a day"),
        _b("o", "open", "Open card", "agenda.open", "Select its opportunity on the board"),
        _b("d,enter", "draft", "Draft", "agenda.draft", "Open the follow-up's draft"),
        _b("f", "plan", "Plan", "agenda.plan", "Plan a follow-up for an idle opportunity"),
        _b("escape", "back", "Month", "agenda.back", "Back to the month grid"),
    ]  # fmt: skip

    DEFAULT_CSS = """
    AgendaList { height: 1fr; width: 1fr; }
    """

    @dataclass
    class Act(Message):
        """A key on an item: `action` is "done", "snooze", "open" or "plan"."""

        action: str
        row: AgendaRow

    @dataclass
    class Chosen(Message):
        """The cursor is on an item of this opportunity (its card is selected)."""

        opportunity_id: int

    @dataclass
    class Back(Message):
        """Escape: back to the grid."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: tuple[AgendaRow, ...] = ()
        self.starts: list[int] = [0]
        """The first line of each row, and the total line count last."""
        self.cursor = -1
        self.top = 0
        self.highlight_id: int | None = None

    @property
    def current(self) -> AgendaRow | None:
        """The item under the cursor."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def show(self, rows: tuple[AgendaRow, ...]) -> None:
        """New rows; the cursor stays on the same follow-up or opportunity where it can."""
        drawn = self._drawn()
        keep = self.current
        self.rows = rows
        self.starts = [0]
        for row in rows:
            self.starts.append(self.starts[-1] + len(row.lines))
        self.cursor = -1
        if keep is not None:
            self.cursor = next(
                (i for i, r in enumerate(rows) if r.selectable and
                 (r.follow_up_id, r.opportunity_id, r.section) ==
                 (keep.follow_up_id, keep.opportunity_id, keep.section)),
                -1,
            )  # fmt: skip
        if self.cursor < 0:
            self.cursor = next((i for i, r in enumerate(rows) if r.selectable), -1)
        self._scroll_to_cursor()
        # A re-read after a change elsewhere often leaves the lines in view as they were.
        if self._drawn() != drawn:
            self.refresh()

    def lines_in_reach(self) -> int:
        """Agenda lines from the top to the bottom of the view, and a view's height past the
        cursor's item: what a re-read must hold for the view and the cursor to stay put."""
        height = self.size.height or 10
        below_cursor = self.starts[self.cursor + 1] if 0 <= self.cursor < len(self.rows) else 0
        return max(self.top, below_cursor) + height

    def go_to_section(self, section: str) -> None:
        """Put the cursor on the first item of `section` (or show its heading)."""
        for index, row in enumerate(self.rows):
            if row.section == section:
                first = next(
                    (i for i in range(index, len(self.rows))
                     if self.rows[i].selectable and self.rows[i].section == section),
                    None,
                )  # fmt: skip
                if first is not None:
                    self.cursor = first
                self.top = self._line_of(index)
                self._scroll_to_cursor()
                self.refresh()
                return

    def set_highlight(self, opportunity_id: int | None) -> None:
        """Mark the items of this opportunity (the card selected on the board)."""
        drawn = self._drawn()
        self.highlight_id = opportunity_id
        if self._drawn() != drawn:
            self.refresh()

    def highlighted(self) -> list[AgendaRow]:
        """The items marked as the selected card's."""
        return [r for r in self.rows if r.selectable and r.opportunity_id == self.highlight_id]

    def _line_of(self, row_index: int) -> int:
        return self.starts[row_index]

    def _scroll_to_cursor(self) -> None:
        height = self.size.height or 10
        if self.cursor < 0:
            return
        first = self._line_of(self.cursor)
        last = first + len(self.rows[self.cursor].lines)
        # Show the heading above an item too, all the way up to the top for the first item.
        previous = self.cursor - 1
        while previous >= 0 and not self.rows[previous].selectable:
            first = self._line_of(previous)
            previous -= 1
        if first < self.top:
            self.top = first
        elif last > self.top + height:
            self.top = last - height
        self.top = max(0, self.top)

    def _in_view(self) -> Iterator[tuple[int, AgendaRow, int, tuple[Piece, ...]]]:
        """(row index, row, line number in the row, its pieces) of each line in view."""
        end = self.top + (self.size.height or 10)
        # Only the rows in view are drawn: the agenda may hold a thousand.
        first = max(0, bisect_right(self.starts, self.top) - 1)
        for index in range(first, len(self.rows)):
            start = self.starts[index]
            if start >= end:
                break
            row = self.rows[index]
            for number, pieces in enumerate(row.lines):
                if self.top <= start + number < end:
                    yield index, row, number, pieces

    def _drawn(self) -> tuple[object, ...]:
        """Everything the lines in view depend on but focus (which refreshes by itself)."""
        return tuple(
            (
                pieces,
                index == self.cursor,
                row.selectable and row.opportunity_id == self.highlight_id,
            )
            for index, row, _, pieces in self._in_view()
        )

    def render(self) -> Content:
        """The visible lines: the cursor row reversed while focused, highlighted items marked."""
        lines = [self._line(*line) for line in self._in_view()]
        return Content("\n").join(lines)

    def _line(self, index: int, row: AgendaRow, number: int, pieces: tuple[Piece, ...]) -> Content:
        mine = row.selectable and row.opportunity_id == self.highlight_id
        if mine and number == 1 and pieces and pieces[0].text == "  ":
            pieces = (Piece("▸ ", "highlight"), *pieces[1:])
        extra = ""
        if index == self.cursor:
            extra = "reverse" if self.has_focus else "underline"
        elif mine:
            extra = "bold"
        return line_content(pieces, extra)

    def on_focus(self) -> None:
        """Show the cursor."""
        self.refresh()

    def on_blur(self) -> None:
        """Dim the cursor."""
        self.refresh()

    def on_resize(self) -> None:
        """Keep the cursor in view."""
        self._scroll_to_cursor()

    def action_cursor(self, step: int) -> None:
        """Next or previous item (headings are skipped)."""
        index = self.cursor + step
        while 0 <= index < len(self.rows) and not self.rows[index].selectable:
            index += step
        if not 0 <= index < len(self.rows):
            if step < 0:
                self.top = 0
                self.refresh()
            return
        self.cursor = index
        self._scroll_to_cursor()
        self.refresh()
        row = self.rows[index]
        if row.opportunity_id is not None:
            self.post_message(self.Chosen(row.opportunity_id))

    def _act(self, action: str, needs_follow_up: bool) -> None:
        row = self.current
        if row is None:
            self.app.bell()
            return
        if needs_follow_up and row.follow_up_id is None:
            self.notify("That item has no planned follow-up.", markup=False, timeout=2)
            return
        self.post_message(self.Act(action, row))

    def action_done(self) -> None:
        """Mark the follow-up done."""
        self._act("done", True)

    def action_snooze(self) -> None:
        """Snooze the follow-up a day."""
        self._act("snooze", True)

    def action_open(self) -> None:
        """Select the item's card on the board."""
        self._act("open", False)

    def action_plan(self) -> None:
        """Plan a follow-up for an idle opportunity."""
        row = self.current
        if row is None or row.card is None:
            self.notify("f plans a follow-up for an item under \u201cNeeds a next step\u201d.",
                        markup=False, timeout=2)  # fmt: skip
            return
        self.post_message(self.Act("plan", row))

    def action_draft(self) -> None:
        """Ask for the follow-up's draft."""
        row = self.current
        if row is None or row.follow_up_id is None:
            self.notify("That item has no draft: it is not a planned follow-up.", markup=False,
                        timeout=2)  # fmt: skip
            return
        self.post_message(OpenDraft(row.follow_up_id))

    def action_back(self) -> None:
        """Back to the grid."""
        self.post_message(self.Back())


class ProgressStrip(Widget):
    """Three bar rows (applications, follow-ups sent, interviews) and this week in words."""

    DEFAULT_CSS = """
    ProgressStrip { height: 5; width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.weeks: tuple[WeekCount, ...] = ()

    def show(self, weeks: tuple[WeekCount, ...]) -> None:
        """New counts."""
        if weeks != self.weeks:
            self.weeks = weeks
            self.refresh()

    def render(self) -> Content:
        """The bars and the sentence at this width."""
        if not self.weeks:
            return Content("")
        lines = progress_lines(self.weeks, max(10, self.size.width))
        return Content("\n").join(line_content(pieces) for pieces in lines)
