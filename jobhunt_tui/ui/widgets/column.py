"""One stage column of the board: a line-API ScrollView that renders only the visible cards."""

from __future__ import annotations

from bisect import bisect_left

import arrow
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.localtime import Zone
from jobhunt_tui.ui.widgets.card_lines import CARD_HEIGHT, Piece, card_lines

_ROLES = ("company", "muted", "warning", "accent")


class BoardColumn(ScrollView, can_focus=False):
    """The cards of one stage. Holds plain BoardCards; draws a few lines per visible card."""

    DEFAULT_CSS = """
    BoardColumn {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
    }
    """

    class Clicked(Message):
        """The user clicked a card of this column."""

        def __init__(self, column: BoardColumn, index: int) -> None:
            super().__init__()
            self.column = column
            self.index = index

    def __init__(self, key: str, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.key = key
        self.title = title
        self.cards: list[BoardCard] = []
        self.shown: list[BoardCard] = []
        self.cursor = 0
        self.active = False
        self.now: arrow.Arrow = arrow.utcnow()
        self.tz: Zone = "UTC"
        self._edges = (False, False)
        self._total: int | None = None
        # Per card: (width, the card it was made from, its lines). Rebuilt only when the
        # card or the width changes, so scrolling and cursor moves just restyle lines.
        self._lines: dict[int, tuple[int, BoardCard, list[list[Piece]]]] = {}
        self._styles: dict[tuple[str, bool], Style] = {}
        # The column's own background as a blank line of the last width drawn: looking the
        # style up walks every ancestor (~0.1 ms), once per blank line it cost a column's
        # first frame two thirds of its time.
        self._blank: Strip | None = None
        self._update_title()

    # Data

    def set_clock(self, now: arrow.Arrow, tz: Zone) -> None:
        """The moment and zone relative dates are phrased against ("3d ago")."""
        self.now, self.tz = now, tz
        self._lines.clear()
        self.refresh()

    def set_cards(
        self, cards: list[BoardCard], matches: set[int] | None, total: int | None = None
    ) -> None:
        """Replace every card, then apply the filter (`matches`: ids shown, None for all).

        `total` is how many the stage holds when `cards` is only the first screen of them.
        """
        self.cards = cards
        self._total = total
        self._lines.clear()
        self.apply_filter(matches)

    def apply_filter(self, matches: set[int] | None) -> None:
        """Show only the cards whose ids are in `matches` (all when None); keep the selection."""
        selected = self.selected
        if matches is None:
            self.shown = self.cards
        else:
            self.shown = [card for card in self.cards if card.opportunity_id in matches]
        self.cursor = 0
        if selected is not None:
            self.select_id(selected.opportunity_id)
        self._relayout()

    def insert(self, card: BoardCard, shown: bool) -> None:
        """Add `card` at the top of its priority group (it is the most recently updated)."""
        self.cards.insert(_priority_index(self.cards, card.priority), card)
        if self._total is not None:
            self._total += 1  # the stage's count follows the card (no phantom "9/10")
        if shown and self.shown is not self.cards:
            self.shown.insert(_priority_index(self.shown, card.priority), card)
        self._relayout()

    def replace(self, card: BoardCard) -> bool:
        """Put `card` in place of the card with its id; False when it is not in this column."""
        for cards in (self.cards, self.shown) if self.shown is not self.cards else (self.cards,):
            for index, existing in enumerate(cards):
                if existing.opportunity_id == card.opportunity_id:
                    cards[index] = card
                    break
            else:
                return False
        self.refresh()
        return True

    def remove(self, opportunity_id: int) -> bool:
        """Take the card with this id out; False when it is not in this column."""
        found = False
        for cards in (self.cards, self.shown) if self.shown is not self.cards else (self.cards,):
            for index, existing in enumerate(cards):
                if existing.opportunity_id == opportunity_id:
                    del cards[index]
                    found = True
                    break
        if found:
            if self._total is not None:
                self._total -= 1
            self.cursor = min(self.cursor, max(0, len(self.shown) - 1))
            self._relayout()
        return found

    @property
    def selected(self) -> BoardCard | None:
        """The card under the cursor, if the column shows any."""
        if 0 <= self.cursor < len(self.shown):
            return self.shown[self.cursor]
        return None

    def index_of(self, opportunity_id: int) -> int | None:
        """Where the card with this id is among the shown cards."""
        for index, card in enumerate(self.shown):
            if card.opportunity_id == opportunity_id:
                return index
        return None

    def select_id(self, opportunity_id: int) -> bool:
        """Put the cursor on the card with this id; False when it is not shown here."""
        index = self.index_of(opportunity_id)
        if index is None:
            return False
        self.move_cursor(index)
        return True

    # Cursor

    def move_cursor(self, index: int) -> None:
        """Select the card at `index` (clamped), redrawing only the two cards that changed."""
        previous = self.cursor
        self.cursor = max(0, min(index, len(self.shown) - 1))
        if previous != self.cursor:
            self.refresh_lines(previous * CARD_HEIGHT, CARD_HEIGHT)
        self.refresh_lines(self.cursor * CARD_HEIGHT, CARD_HEIGHT)
        self.scroll_to_cursor()

    def set_active(self, active: bool) -> None:
        """Whether this is the board's current column (its cursor is highlighted)."""
        if active != self.active:
            self.active = active
            self.refresh()

    def scroll_to_cursor(self) -> None:
        """Scroll just enough to show the selected card."""
        top = self.cursor * CARD_HEIGHT
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + CARD_HEIGHT - 1 > self.scroll_y + height:
            self.scroll_to(y=top + CARD_HEIGHT - 1 - height, animate=False)

    @property
    def page(self) -> int:
        """How many whole cards fit in the column."""
        return max(1, self.scrollable_content_region.height // CARD_HEIGHT)

    # Rendering

    def _relayout(self) -> None:
        self._set_virtual_height(len(self.shown) * CARD_HEIGHT)
        self._update_title()
        self.refresh()

    def _set_virtual_height(self, height: int) -> None:
        """The scrollable height of the cards.

        Textual re-lays out the whole screen when a virtual size changes: ~15 ms at 10,000
        opportunities, inside the frame of `L` (a card leaves one column, joins another).
        Only a scrollbar that appears or goes changes any region, so while the cards overflow
        the column before and after (or fit both times) only the scrollbar's thumb is moved.
        """
        old = self.virtual_size.height
        room = self.scrollable_content_region.height
        if height == old:
            return
        if room <= 0 or (old > room) != (height > room):
            self.virtual_size = Size(0, height)
            return
        self.set_reactive(BoardColumn.virtual_size, Size(0, height))
        if height > room:
            self.vertical_scrollbar.window_virtual_size = height
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    def set_edges(self, more_left: bool, more_right: bool) -> None:
        """Mark the title when more columns are hidden to the left or right."""
        if (more_left, more_right) != self._edges:
            self._edges = (more_left, more_right)
            self._update_title()

    def _update_title(self) -> None:
        total = max(len(self.cards), self._total or 0)
        count = f"{len(self.shown)}/{total}" if len(self.shown) != total else str(total)
        left, right = self._edges
        self.border_title = f"{'‹ ' if left else ''}{self.title} {count}{' ›' if right else ''}"

    def on_resize(self, event: events.Resize) -> None:
        """Keep the cursor in view when the column changes size."""
        self.call_after_refresh(self.scroll_to_cursor)

    def render_line(self, y: int) -> Strip:
        """One line of the column: part of a card, or blank below the last one."""
        width = self.scrollable_content_region.width
        index, part = divmod(self.scroll_offset.y + y, CARD_HEIGHT)
        if index >= len(self.shown):
            return self._blank_line(width)
        selected = self.active and index == self.cursor
        lines = self._card_lines(self.shown[index], max(1, width - 2))
        base = self._style("selected" if selected else "card")
        if part == CARD_HEIGHT - 1:
            return self._blank_line(width)
        gutter = Segment("▌ " if selected else "  ", self._style("cursor") if selected else base)
        segments = [gutter]
        used = 2
        for piece in lines[part]:
            style = base + self._style(piece.role, partial=True) if piece.role in _ROLES else base
            segments.append(Segment(piece.text, style))
            used += cell_len(piece.text)
        # One strip a line: the pieces fit (card_lines), so padding is all they may need.
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        strip = Strip(segments, max(used, width))
        return strip if used <= width else strip.crop(0, width)

    def _blank_line(self, width: int) -> Strip:
        blank = self._blank
        if blank is None or blank.cell_length != width:
            blank = self._blank = Strip.blank(width, self.rich_style)
        return blank

    def _card_lines(self, card: BoardCard, width: int) -> list[list[Piece]]:
        cached = self._lines.get(card.opportunity_id)
        if cached is not None and cached[0] == width and cached[1] is card:
            return cached[2]
        lines = card_lines(card, width, self.now, self.tz)
        self._lines[card.opportunity_id] = (width, card, lines)
        return lines

    def _style(self, name: str, partial: bool = False) -> Style:
        # The card styles are the board's component classes, shared by every column, so
        # marking the current column restyles one widget instead of eight.
        style = self._styles.get((name, partial))
        if style is None:
            board = self.parent
            assert isinstance(board, Widget)
            style = board.get_component_rich_style(f"board--{name}", partial=partial)
            self._styles[(name, partial)] = style
        return style

    def forget_styles(self) -> None:
        """The board's styles changed (a theme, focus): look them up again."""
        self._styles.clear()
        self._blank = None
        self.refresh()

    def notify_style_update(self) -> None:
        """The column's own style changed (a theme): its background too."""
        super().notify_style_update()
        self._blank = None

    def on_click(self, event: events.Click) -> None:
        """Select the clicked card (stored text carries no actions: nothing else happens)."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + self.scroll_offset.y) // CARD_HEIGHT
        if 0 <= index < len(self.shown):
            self.post_message(self.Clicked(self, index))


def _priority_index(cards: list[BoardCard], priority: int) -> int:
    """The first position whose priority is not below `priority` (cards sort by priority)."""
    return bisect_left(cards, priority, key=lambda card: card.priority)
