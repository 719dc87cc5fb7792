"""The main screen: health header, the board, and the calendar and draft pane regions."""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.css.scalar import Unit
from textual.screen import Screen
from textual.signal import Signal
from textual.widget import Widget
from textual.widgets import Footer, Input

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.models import Settings, Stage
from jobhunt_tui.domain.stages import OPEN_STAGES, neighbour
from jobhunt_tui.domain.text import visible
from jobhunt_tui.ui.context import Services
from jobhunt_tui.ui.failures import ReportsWorkerFailures, failure_text
from jobhunt_tui.ui.long_lived import freeze_once_orm_loaded
from jobhunt_tui.ui.messages import BoardLoaded, CardChanged
from jobhunt_tui.ui.screens.draft_routing import DraftRouting
from jobhunt_tui.ui.screens.live_changes import LiveChanges
from jobhunt_tui.ui.widgets.board import Board
from jobhunt_tui.ui.widgets.calendar_pane import (
    CalendarPane,
    CalendarRead,
    names_from_environment,
)
from jobhunt_tui.ui.widgets.calendar_widgets import AgendaList
from jobhunt_tui.ui.widgets.chrome import HealthHeader, Welcome
from jobhunt_tui.ui.widgets.draft_editor import DraftEditor
from jobhunt_tui.ui.widgets.filter import FilterInput, NoMatch

if TYPE_CHECKING:
    from jobhunt_tui.services.board import BoardSnapshot
    from jobhunt_tui.services.live import LiveFeed
    from jobhunt_tui.ui.screens.host import Subject

NARROW_WIDTH = 110
"""Below this many columns the side panes give way: tab switches between board and side."""

PANES = ("board", "calendar-pane", "draft-pane")


FOOTER_ROOMY = 100
"""From this width the footer also names ctrl+p (below it, only the pane's keys fit)."""


def _name(card: BoardCard) -> str:
    return visible(card.company)


class MainScreen(ReportsWorkerFailures, DraftRouting, LiveChanges, Screen[None]):
    """Routes keys to services (in workers) and the results back to the widgets."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_pane", "Pane", id="main.next_pane",
                tooltip="Next pane: board, calendar, draft"),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False,
                id="main.previous_pane", tooltip="Previous pane"),
        Binding("u", "undo", "Undo", id="main.undo",
                tooltip="Undo this window's last change (never another writer's)"),
        Binding("ctrl+r", "redo", "Redo", id="main.redo", show=False,
                tooltip="Redo the change the last undo took back"),
    ]  # fmt: skip

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.settings = Settings()
        self.loaded = False
        self._live_reading = False
        self._live: LiveFeed | None = None
        # Per card, the change-log id it was last read at.
        self._card_as_of: dict[int, int] = {}
        self._today: dt.date | None = None
        # While a full read runs: the cards changed meanwhile (None: gone), to re-apply.
        self._changed_while_loading: dict[int, BoardCard | None] | None = None
        # Tells other views (the detail screen) which opportunity just changed.
        self.card_signal: Signal[int] = Signal(self, "card-changed")

    def compose(self) -> ComposeResult:
        """Header, board, the side panes, footer (the filter line comes after the first
        frame: `filter_line`)."""
        yield HealthHeader(id="health")
        # Board and side sit side by side in the screen itself (header and footer are docked):
        # a container around them drew a whole screen of background under them.
        with Vertical(id="board-pane"):
            yield Board(id="board")
        with Vertical(id="side"):
            services = self.services
            yield CalendarPane(services.calendar, services.clock, services.tz,
                               names_from_environment(), id="calendar-pane")  # fmt: skip
            yield DraftEditor(id="draft-pane")
        yield Footer(compact=True)

    @property
    def board(self) -> Board:
        """The board widget."""
        return self.query_one(Board)

    @property
    def calendar(self) -> CalendarPane:
        """The calendar pane."""
        return self.query_one(CalendarPane)

    def on_mount(self) -> None:
        """Show the first screen of cards in the very first frame, then read the rest.

        The first screen is a bounded read (a few indexed cards per column, a few
        milliseconds at any N), so it runs here rather than in a worker: a worker would cost
        the first paint an extra frame and a thread hand-off. `jobhunt` reads it ahead while
        Textual imports (`services.read_ahead`); then it is only taken here.
        """
        self.board.focus()
        self._fit_to(self.app.size.width)
        self._show(self.services.first_board(self.app.size.height))
        self.call_after_refresh(self.filter_line)

    def filter_line(self) -> FilterInput:
        """The filter line under the board (with the line that says nothing matches), mounted
        on first use: hidden until `/`, it need not cost the first frame."""
        mounted = self.query(FilterInput)
        if mounted:
            return mounted.first()
        line = FilterInput(id="filter")
        self.query_one("#board-pane").mount(NoMatch(id="no-match"), line)
        return line

    # Loading

    def load_board(self, include_closed: bool, select_id: int | None = None) -> None:
        """Read every card in a worker; changes that land meanwhile are kept for after it."""
        self._changed_while_loading = {}
        self._read_board(include_closed, select_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def _read_board(self, include_closed: bool, select_id: int | None = None) -> None:
        """Read every card and post them."""
        snapshot = self.services.board.load(include_closed=include_closed)
        self.post_message(BoardLoaded(snapshot, select_id))

    @on(BoardLoaded)
    def _board_loaded(self, event: BoardLoaded) -> None:
        """Show the cards that were read, then any change that landed while reading."""
        self._show(event.snapshot, event.select_id)
        changed, self._changed_while_loading = self._changed_while_loading, None
        for opportunity_id, card in (changed or {}).items():
            if card is None:
                self.board.remove(opportunity_id)
            else:
                self.board.upsert(card)

    def _show(self, snapshot: BoardSnapshot, select_id: int | None = None) -> None:
        """Put a snapshot on screen; after the first paint, read the rest and warm up writes."""
        self.settings = snapshot.settings
        self.board.set_clock(self.services.clock(), self.services.tz)
        self.board.set_cards(snapshot.cards, snapshot.include_closed, snapshot.totals)
        if select_id is not None:
            self.board.select(select_id)
        self.query_one(HealthHeader).show(snapshot.counts)
        self._update_welcome()
        if not snapshot.complete:
            self.call_after_refresh(self.load_board, snapshot.include_closed)
        elif not self.loaded:
            self.loaded = True
            # Thousands of long-lived cards made the collector's full passes pause keys
            # for 50-100 ms; what is loaded now lives for the session, so stop scanning it.
            gc.freeze()
            self.call_after_refresh(self._start_live_view, snapshot.change_id)
            # The first `L` imported the move path on the UI thread (~10 ms of its frame).
            self.run_worker(self.services.prepare_moves, thread=True, exit_on_error=False,
                            group="warm-up")  # fmt: skip

    def _update_welcome(self) -> None:
        """The welcome shows over an empty board (mounted the first time it is needed)."""
        empty = self.board.card_count == 0
        shown = self.query(Welcome)
        if shown:
            shown.first().display = empty
        elif empty:
            self.query_one("#board-pane").mount(Welcome(id="welcome"), before=self.board)

    # Changes: one worker per change; the service decides from the stored rows and logs it

    def change(
        self,
        opportunity_id: int | None,
        label: str,
        apply: Callable[[], str],
        *,
        retry: Callable[[str], None] | None = None,
    ) -> None:
        """Run `apply` (a service call returning a note) in a worker, then re-read the card.

        A refused change (say, `L` on a card another writer closed meanwhile) still re-reads
        the card, so the screen shows where it really is; `label` names it in the message.
        When `retry` is given (a form's change), it gets the reason instead, on the UI thread.
        """
        # Taken here: the worker must not walk the widget tree the UI thread is changing.
        pane = self.calendar
        self._change(
            opportunity_id, label, apply, retry, partial(pane.read_part, pane.part_request())
        )

    @work(thread=True, exit_on_error=False, group="write")
    def _change(
        self,
        opportunity_id: int | None,
        label: str,
        apply: Callable[[], str],
        retry: Callable[[str], None] | None,
        read_calendar: Callable[[], CalendarRead],
    ) -> None:
        try:
            note = apply()
        except Exception as error:
            problem = failure_text(error, self.services.database.path)
            if problem is None:
                raise  # a bug: reported as one by the worker's failure handler
            if opportunity_id is not None:
                self.refresh_card(opportunity_id, select=False)
            if retry is not None:
                self.app.call_from_thread(retry, problem)
            else:
                self.app.call_from_thread(self.notify, problem, title=f"Could not {label}",
                                          severity="warning", markup=False)  # fmt: skip
            return
        if opportunity_id is not None:
            self.refresh_card(opportunity_id, note, read_calendar=read_calendar)
        freeze_once_orm_loaded()  # the first change through the ORM has just loaded it

    def refresh_card(
        self,
        opportunity_id: int,
        note: str = "",
        *,
        select: bool = True,
        read_calendar: Callable[[], CalendarRead] | None = None,
    ) -> None:
        """Re-read one card and the counts (call from a worker) and post them; with
        `read_calendar`, the calendar's part on screen too, so both show in one frame."""
        read = self.services.board.cards(frozenset({opportunity_id}), self.settings)
        card = read.cards[opportunity_id]
        part = None if read_calendar is None else self._read_calendar_part(read_calendar)
        self.post_message(
            CardChanged(opportunity_id, card, read.counts, note, select, read.as_of, part)
        )

    def _read_calendar_part(self, read: Callable[[], CalendarRead]) -> CalendarRead | None:
        try:
            return read()
        except Exception as error:
            if failure_text(error, self.services.database.path) is None:
                raise  # a bug
            return None  # the card still shows; the calendar reads again and reports it

    @on(CardChanged)
    def _card_changed(self, event: CardChanged) -> None:
        """Update the one card in place, the header counts, and say what happened."""
        self._show_card(event.opportunity_id, event.card, event.as_of, select=event.select)
        self.query_one(HealthHeader).show(event.counts)
        self._update_welcome()
        # The calendar's part on screen, read with the card, shows in the card's frame (read
        # separately it missed that frame, and Textual's pacing put it 17-33 ms later); the
        # rest follows. The note waits for the calendar: a toast lays the screen out again
        # (~30 ms at 10,000), and what changed should show before the words about it.
        note = event.note
        then = (lambda: self.notify(note, markup=False, timeout=3)) if note else None
        if event.calendar is None:
            self.calendar.reload(then=then)
        else:
            self.calendar.show_part(event.calendar, then=then)

    def _show_card(
        self, opportunity_id: int, card: BoardCard | None, as_of: int, *, select: bool
    ) -> None:
        if as_of < self._card_as_of.get(opportunity_id, 0):
            return  # read before a change already on screen: it would show a stale card
        self._card_as_of[opportunity_id] = as_of
        if self._changed_while_loading is not None:
            self._changed_while_loading[opportunity_id] = card
        if card is None:
            self.board.remove(opportunity_id)
        else:
            self.board.upsert(card)
            if select:
                self.board.select(opportunity_id)
        # The detail view of this opportunity (if open) reads itself again; a form editing
        # it says so and keeps what is typed.
        self.card_signal.publish(opportunity_id)
        form = sys.modules.get("jobhunt_tui.ui.screens.form")  # not loaded: no form is open
        top = self.app.screen
        if form is not None and isinstance(top, form.FormDialog) and top.watching == opportunity_id:
            top.changed_elsewhere()

    def _selected(self) -> BoardCard | None:
        card = self.board.selected
        if card is None:
            self.notify("No opportunity selected: press a to add one.", markup=False)
        return card

    # Calendar: the board's selection and the agenda's keys

    @on(Board.SelectionChanged)
    def _card_selected(self, event: Board.SelectionChanged) -> None:
        """Highlight the selected card's follow-ups on the calendar."""
        self.calendar.highlight(event.opportunity_id)

    @on(AgendaList.Chosen)
    def _agenda_chosen(self, event: AgendaList.Chosen) -> None:
        """An agenda item chosen: select its card on the board."""
        self.board.select(event.opportunity_id)

    @on(AgendaList.Act)
    def _agenda_act(self, event: AgendaList.Act) -> None:
        """space, s, o, f on an agenda item."""
        from jobhunt_tui.ui.screens import calendar_actions

        calendar_actions.act(self, event.action, event.row)

    def show_progress(self) -> None:
        """The last 8 weeks at full size (the palette's "Weekly progress")."""
        from jobhunt_tui.ui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen(self.services.agenda.progress))

    # Board actions (bound on the Board widget as screen.*)

    def action_move_card(self, step: int) -> None:
        """Move the selected opportunity one stage left or right."""
        card = self._selected()
        if card is None:
            return
        if neighbour(card.stage, step) is None:
            side = "first" if step < 0 else "last"
            self.notify(f"Already in the {side} open stage.", markup=False, timeout=2)
            return
        pipeline = self.services.pipeline
        where = "right" if step > 0 else "left"
        # The stored stage decides (another writer may have moved it): the card lands there.
        self.change(card.opportunity_id, f"move {_name(card)} {where}",
                    lambda: pipeline.step(card.opportunity_id, step) and "")  # fmt: skip

    def move_to(self, card: BoardCard, stage: Stage, *, announce: bool = False) -> None:
        """Move a card to any stage (the palette uses this too).

        A move the user can see (the card lands selected in its new column) is not also
        announced: the toast cost a third of the time from key to frame.
        """
        pipeline = self.services.pipeline
        label = f"move {_name(card)} to {stage.label}"

        def apply() -> str:
            pipeline.move(card.opportunity_id, stage)
            return f"{_name(card)} → {stage.label}" if announce else ""

        self.change(card.opportunity_id, label, apply)

    def action_add(self) -> None:
        """Open the form for a new opportunity, in the stage of the current column."""
        from jobhunt_tui.ui.screens.opportunity_actions import add_opportunity

        key = self.board.column.key
        open_stage = next((s for s in OPEN_STAGES if s.value == key), Stage.APPLIED)
        add_opportunity(self, open_stage)

    def action_edit(self) -> None:
        """Open the form on the selected opportunity (read in a worker first)."""
        card = self._selected()
        if card is not None:
            self._open_edit(card.opportunity_id)

    @work(thread=True, exit_on_error=False, group="read")
    def _open_edit(self, opportunity_id: int) -> None:
        from jobhunt_tui.ui.screens.opportunity_actions import edit_opportunity

        detail = self.services.pipeline.detail(opportunity_id)
        self.app.call_from_thread(edit_opportunity, self, detail.opportunity, detail.contacts)

    def action_open_detail(self) -> None:
        """Open the selected opportunity's detail screen."""
        from jobhunt_tui.ui.screens.detail import DetailScreen

        card = self._selected()
        if card is not None:
            self.app.push_screen(DetailScreen(card.opportunity_id, self))

    def _subject(self) -> Subject | None:
        from jobhunt_tui.ui.screens.host import Subject  # with the actions that use it

        card = self._selected()
        return None if card is None else Subject.of_card(card)

    def action_close_card(self) -> None:
        """Ask for an outcome, then close the selected opportunity."""
        from jobhunt_tui.ui.screens.contact_actions import close_opportunity

        close_opportunity(self, self._subject())

    def action_add_note(self) -> None:
        """Add a note to the selected opportunity's timeline."""
        from jobhunt_tui.ui.screens.contact_actions import add_note

        add_note(self, self._subject())

    def action_log_interview(self) -> None:
        """Log an interview on the selected opportunity (plans the follow-ups)."""
        from jobhunt_tui.ui.screens import follow_up_actions

        follow_up_actions.log_interview(self, self._subject())

    def action_log_reply(self) -> None:
        """Log a reply from the employer (cancels the planned follow-ups)."""
        from jobhunt_tui.ui.screens import follow_up_actions

        follow_up_actions.log_reply(self, self._subject())

    def action_plan_follow_up(self) -> None:
        """Plan a follow-up by hand; the pest guard may warn."""
        from jobhunt_tui.ui.screens import follow_up_actions

        follow_up_actions.plan_follow_up(self, self._subject())

    def action_open_draft(self) -> None:
        """Open the draft of the selected card's next follow-up in the draft pane."""
        card = self._selected()
        if card is not None:
            self.draft_session.open_for_opportunity(card.opportunity_id, card.company)

    def action_toggle_closed(self) -> None:
        """Show or hide closed opportunities (reads the board again)."""
        selected = self.board.selected
        self.load_board(
            not self.board.include_closed, selected.opportunity_id if selected else None
        )

    # Filter

    def action_filter(self) -> None:
        """Show the filter line and type into it."""
        line = self.filter_line()
        self.query_one("#board-pane").add_class("-filtering")
        line.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        """Filter as the user types; say so when nothing matches."""
        self.board.set_filter(event.value)
        self.query_one(NoMatch).show(event.value, self.board.shown_count)

    def action_clear_filter(self) -> None:
        """Escape on the board: drop the filter (nothing else to leave)."""
        if self.board.filter_text:
            self.query_one(FilterInput).action_clear_filter()

    @on(Input.Submitted, "#filter")
    def _filter_kept(self) -> None:
        """Keep the filter and go back to the board."""
        if not self.query_one(FilterInput).value:
            self.query_one("#board-pane").remove_class("-filtering")
        self.board.focus()

    @on(FilterInput.Cleared)
    def _filter_cleared(self) -> None:
        """Drop the filter and hide its line."""
        self.board.set_filter("")
        self.query_one(NoMatch).show("", self.board.shown_count)
        self.query_one("#board-pane").remove_class("-filtering")
        self.board.focus()

    # Panes

    def action_next_pane(self) -> None:
        """Focus the next pane (board, calendar, draft)."""
        self._focus_pane(1)

    def action_previous_pane(self) -> None:
        """Focus the previous pane."""
        self._focus_pane(-1)

    def _focus_pane(self, step: int) -> None:
        focused = self.focused
        current = 0
        for index, pane_id in enumerate(PANES):
            pane = self.query_one(f"#{pane_id}")
            if focused is not None and (focused is pane or pane in focused.ancestors):
                current = index
        target = PANES[(current + step) % len(PANES)]
        self.set_class(target != "board", "-side-shown")
        widget: Widget = self.query_one(f"#{target}")
        self.call_after_refresh(widget.focus)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """On a narrow terminal the side shows one pane at a time: the one being used."""
        draft = self.query_one("#draft-pane")
        self.set_class(draft is event.widget or draft in event.widget.ancestors, "-drafting")

    def on_resize(self, event: events.Resize) -> None:
        """Narrow terminals show one side at a time (and the footer only the keys)."""
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")
        self.query_one(Footer).show_command_palette = event.size.width >= FOOTER_ROOMY

    def _fit_to(self, width: int) -> None:
        """Before the first layout: the narrow look, and the board's columns for the width it
        will have (the terminal's, less the side's own width beside it), so the first frame
        is laid out once, as it stays."""
        narrow = width < NARROW_WIDTH
        self.set_class(narrow, "-narrow")
        side = self.query_one("#side").styles.width
        beside = 0 if narrow or side is None or side.unit is not Unit.CELLS else int(side.value)
        self.board.expect_width(width - beside)

    def export(self, kind: str) -> None:
        """Export all data as `kind` (csv or json) into the current folder."""
        from jobhunt_tui.ui.screens.exports import start_export

        start_export(self, self.services, kind, Path.cwd())

    def save_settings(self, settings: Settings) -> None:
        """Remember new settings (the theme) in a worker."""
        self.settings = settings
        self._save_settings(settings)

    @work(thread=True, exit_on_error=False, group="settings")
    def _save_settings(self, settings: Settings) -> None:
        self.services.pipeline.save_settings(settings)

    def with_theme(self, theme: str) -> Settings:
        """The current settings with another theme."""
        return self.settings._replace(theme=theme)

    def save_draft_eml(self) -> None:
        """Save the open draft as an .eml file here (from the palette)."""
        from jobhunt_tui.ui.screens.draft_actions import save_eml

        save_eml(self.draft_session)

    def open_templates(self) -> None:
        """Your templates (from the palette)."""
        from jobhunt_tui.ui.screens.templates import TemplatesScreen

        self.app.push_screen(TemplatesScreen(self.services.templates))

    def open_settings(self) -> None:
        """The settings form (from the palette); what it changes is used at once."""
        from jobhunt_tui.ui.screens.settings_actions import open_settings

        open_settings(self)
