"""The pipeline board: one column per open stage (and closed ones behind a toggle)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import arrow
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.board_filter import parse_filter
from jobhunt_tui.domain.localtime import Zone
from jobhunt_tui.domain.models import Stage
from jobhunt_tui.domain.stages import OPEN_STAGES, is_open
from jobhunt_tui.ui.widgets.column import BoardColumn

CLOSED_KEY = "closed"


STAGE_KEYS = Binding.Group("Stage")
"""H and L share one footer entry: "H L Stage"."""


def _b(
    key: str,
    action: str,
    description: str,
    binding_id: str,
    tooltip: str,
    show: bool = False,
    group: Binding.Group | None = None,
) -> Binding:
    """A board binding with an id (remappable) and a tooltip."""
    return Binding(key, action, description, show=show, id=binding_id, tooltip=tooltip, group=group)


class Board(Widget, can_focus=True):
    """Holds the columns and the cursor; actions on the selected card run on the screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("h,left", "cursor_left", "Left", "board.left", "Previous column"),
        _b("l,right", "cursor_right", "Right", "board.right", "Next column"),
        _b("k,up", "cursor_up", "Up", "board.up", "Previous card"),
        _b("j,down", "cursor_down", "Down", "board.down", "Next card"),
        _b("g,home", "cursor_first", "First", "board.first", "First card of the column"),
        _b("G,end", "cursor_last", "Last", "board.last", "Last card of the column"),
        _b("pageup", "page(-1)", "Page up", "board.page_up", "One screen of cards up"),
        _b("pagedown", "page(1)", "Page down", "board.page_down", "One screen of cards down"),
        _b("a", "screen.add", "Add", "board.add", "Add an opportunity", show=True),
        _b("e", "screen.edit", "Edit", "board.edit", "Edit the selected opportunity", show=True),
        _b("enter", "screen.open_detail", "Open", "board.open",
           "Open details: contacts, timeline, follow-ups"),
        _b("i", "screen.log_interview", "Interview", "board.interview",
           "Log an interview and plan its follow-ups", show=True),
        _b("r", "screen.log_reply", "Reply", "board.reply",
           "Log a reply from the employer (cancels planned follow-ups)"),
        _b("f", "screen.plan_follow_up", "Follow-up", "board.follow_up",
           "Plan a follow-up by hand (the pest guard applies)", show=True),
        _b("H,shift+left", "screen.move_card(-1)", "◀ Stage", "board.move_left",
           "Move the selected opportunity one stage left", show=True, group=STAGE_KEYS),
        _b("L,shift+right", "screen.move_card(1)", "Stage ▶", "board.move_right",
           "Move the selected opportunity one stage right", show=True, group=STAGE_KEYS),
        _b("x", "screen.close_card", "Close", "board.close",
           "Close the opportunity: accepted, rejected or withdrawn"),
        _b("n", "screen.add_note", "Note", "board.note", "Add a note to the timeline"),
        _b("slash", "screen.filter", "Filter", "board.filter",
           "Filter: text, stage:applied, p:1, is:overdue, is:idle, is:quiet", show=True),
        _b("escape", "screen.clear_filter", "Clear filter", "board.clear_filter",
           "Clear the filter"),
        _b("c", "screen.toggle_closed", "Closed", "board.toggle_closed",
           "Show or hide closed opportunities"),
        _b("d", "screen.open_draft", "Draft", "board.draft",
           "Open the draft of the next follow-up in the editor"),
    ]  # fmt: skip

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "board--card",
        "board--selected",
        "board--cursor",
        "board--company",
        "board--muted",
        "board--warning",
        "board--accent",
    }

    DEFAULT_CSS = """
    Board { layout: horizontal; height: 1fr; }
    Board > BoardColumn { width: 1fr; height: 1fr; }
    Board > #column-closed { display: none; }
    """

    @dataclass
    class SelectionChanged(Message):
        """Another card (or none) is selected: the calendar highlights its follow-ups."""

        opportunity_id: int | None

    MIN_COLUMN_WIDTH = 24
    """Narrower than this, columns slide: the board shows a window around the current one."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.column_index = 0
        self.include_closed = False
        self.filter_text = ""
        self._window_start = 0
        self._expected_width = 0
        self._where: dict[int, str] = {}
        self._columns: list[BoardColumn] = [
            BoardColumn(stage.value, stage.label, id=f"column-{stage.value}")
            for stage in OPEN_STAGES
        ]
        self._columns.append(BoardColumn(CLOSED_KEY, "Closed", id=f"column-{CLOSED_KEY}"))
        self._announced: int | None = None

    def compose(self) -> ComposeResult:
        """The columns, wishlist to offer, then the (hidden) closed column."""
        yield from self._columns

    def notify_style_update(self) -> None:
        """Theme or focus changed: the columns look the card styles up again."""
        super().notify_style_update()
        for column in self._columns:
            column.forget_styles()

    # What the screen reads

    @property
    def columns(self) -> list[BoardColumn]:
        """The columns the user can move between right now."""
        return self._columns if self.include_closed else self._columns[:-1]

    @property
    def column(self) -> BoardColumn:
        """The current column."""
        return self.columns[min(self.column_index, len(self.columns) - 1)]

    @property
    def selected(self) -> BoardCard | None:
        """The selected card, if any."""
        return self.column.selected

    @property
    def card_count(self) -> int:
        """How many cards the board holds (before filtering)."""
        return len(self._where)

    def cards(self) -> list[BoardCard]:
        """Every card on the board, column by column."""
        return [card for column in self._columns for card in column.cards]

    # What the screen tells it

    def set_clock(self, now: arrow.Arrow, tz: Zone) -> None:
        """The moment and zone relative dates on cards are phrased against."""
        for column in self._columns:
            column.set_clock(now, tz)

    def set_cards(
        self,
        cards: list[BoardCard],
        include_closed: bool,
        totals: Mapping[Stage, int] | None = None,
    ) -> None:
        """Replace everything (cards arrive sorted by priority, then most recent).

        `totals` counts each stage's cards when `cards` is only the first screen of them.
        """
        selected = self.selected
        groups: dict[str, list[BoardCard]] = defaultdict(list)
        for card in cards:
            groups[_column_key(card)].append(card)
        self._where = {card.opportunity_id: _column_key(card) for card in cards}
        newly_closed = include_closed and not self.include_closed
        self.include_closed = include_closed
        matches = self._matches(cards)
        stage_totals: dict[str, int] = defaultdict(int)
        for stage, count in (totals or {}).items():
            stage_totals[stage.value if is_open(stage) else CLOSED_KEY] += count
        for column in self._columns:
            column.set_cards(groups.get(column.key, []), matches, stage_totals.get(column.key))
        if newly_closed:
            self._activate(len(self.columns) - 1)
            return
        if selected is not None and self.select(selected.opportunity_id):
            return
        self._activate_filled()

    def upsert(self, card: BoardCard) -> None:
        """Show a changed or new card where it now belongs; only its columns redraw."""
        key = _column_key(card)
        if key == CLOSED_KEY and not self.include_closed:
            self.remove(card.opportunity_id)
            return
        old_key = self._where.get(card.opportunity_id)
        old_column = self._by_key(old_key) if old_key else None
        if old_key == key and old_column is not None:
            position = old_column.index_of(card.opportunity_id)
            current = old_column.shown[position] if position is not None else None
            if current is not None and current.priority == card.priority:
                old_column.replace(card)
                return
        if old_column is not None:
            old_column.remove(card.opportunity_id)
        self._where[card.opportunity_id] = key
        shown = self._matches([card])
        self._by_key(key).insert(card, shown is None or card.opportunity_id in shown)

    def remove(self, opportunity_id: int) -> None:
        """Take a card off the board (closed while closed cards are hidden, or deleted)."""
        key = self._where.pop(opportunity_id, None)
        if key is not None:
            self._by_key(key).remove(opportunity_id)

    def select(self, opportunity_id: int) -> bool:
        """Move the cursor to a card by id (its column becomes current)."""
        key = self._where.get(opportunity_id)
        if key is None:
            return False
        column = self._by_key(key)
        if column not in self.columns or not column.select_id(opportunity_id):
            return False
        self._activate(self.columns.index(column))
        return True

    def set_filter(self, text: str) -> None:
        """Show only cards that pass the filter `text` (words and tokens: see board_filter)."""
        self.filter_text = text
        matches = self._matches(self.cards())
        for column in self._columns:
            column.apply_filter(matches)
        self._activate_filled()

    @property
    def shown_count(self) -> int:
        """How many cards the filter lets through, in the columns the user can reach."""
        return sum(len(column.shown) for column in self.columns)

    def _matches(self, cards: list[BoardCard]) -> set[int] | None:
        wanted = parse_filter(self.filter_text)
        if wanted.empty:
            return None
        return {card.opportunity_id for card in cards if wanted.matches(card)}

    def _activate_filled(self) -> None:
        """Stay in the current column if it shows cards, else go to the first that does."""
        if self.column.shown:
            self._activate(self.column_index)
            return
        filled = [index for index, column in enumerate(self.columns) if column.shown]
        self._activate(filled[0] if filled else self.column_index)

    def _by_key(self, key: str) -> BoardColumn:
        return next(column for column in self._columns if column.key == key)

    def _activate(self, index: int) -> None:
        self.column_index = max(0, min(index, len(self.columns) - 1))
        for position, column in enumerate(self._columns):
            active = position == self.column_index
            column.set_active(active)
            column.set_class(active, "-current")
        self._fit_columns()
        self._announce_selection()

    def _announce_selection(self) -> None:
        """Say which card is selected when that changed (the calendar follows it)."""
        card = self.selected
        selected = None if card is None else card.opportunity_id
        if selected != self._announced:
            self._announced = selected
            self.post_message(self.SelectionChanged(selected))

    def on_resize(self) -> None:
        """Show as many whole columns as fit; the rest slide in as the cursor moves."""
        self._fit_columns()

    def expect_width(self, width: int) -> None:
        """The width the board will be laid out at: until it is, columns are fitted to it, so
        the first frame draws just the columns that fit (not all, squeezed, then again)."""
        self._expected_width = width
        self._fit_columns()

    def _fit_columns(self) -> None:
        columns = self.columns
        width = self.size.width or self._expected_width
        fit = max(1, width // self.MIN_COLUMN_WIDTH) if width else len(columns)
        fit = min(fit, len(columns))
        current = self.column_index
        start = min(max(self._window_start, current - fit + 1), current)
        start = max(0, min(start, len(columns) - fit))
        self._window_start = start
        end = start + fit
        for position, column in enumerate(self._columns):
            shown = column in columns and start <= position < end
            if column.display != shown:
                column.display = shown
            column.set_edges(
                shown and position == start and start > 0,
                shown and position == end - 1 and end < len(columns),
            )

    # Actions (navigation only: changes belong to the screen)

    def action_cursor_left(self) -> None:
        """Previous column."""
        self._activate(self.column_index - 1)

    def action_cursor_right(self) -> None:
        """Next column."""
        self._activate(self.column_index + 1)

    def action_cursor_up(self) -> None:
        """Previous card."""
        self.column.move_cursor(self.column.cursor - 1)
        self._announce_selection()

    def action_cursor_down(self) -> None:
        """Next card."""
        self.column.move_cursor(self.column.cursor + 1)
        self._announce_selection()

    def action_cursor_first(self) -> None:
        """First card of the column."""
        self.column.move_cursor(0)
        self._announce_selection()

    def action_cursor_last(self) -> None:
        """Last card of the column."""
        self.column.move_cursor(len(self.column.shown) - 1)
        self._announce_selection()

    def action_page(self, direction: int) -> None:
        """One screenful of cards up or down."""
        self.column.move_cursor(self.column.cursor + direction * self.column.page)
        self._announce_selection()

    @on(BoardColumn.Clicked)
    def _clicked(self, event: BoardColumn.Clicked) -> None:
        """A click selects the card (and its column)."""
        if event.column in self.columns:
            self._activate(self.columns.index(event.column))
            event.column.move_cursor(event.index)
            self._announce_selection()
        self.focus()


def _column_key(card: BoardCard) -> str:
    """The column a card belongs in: its stage, or the closed column."""
    return card.stage.value if is_open(card.stage) else CLOSED_KEY
