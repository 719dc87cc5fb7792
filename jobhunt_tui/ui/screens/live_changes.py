"""The main screen's live view and undo: what other writers (and midnight) change reaches the
screen without a key, and `u` / `ctrl+r` take this window's own changes back and forth.

A mixin of `MainScreen` (kept apart so the screen stays a router): it polls the change feed
the services hand it, re-reads only the cards the change log names, and shows them through
the screen's `_show_card`, which drops any read older than what is on screen.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

from textual import work
from textual.widgets import Input

from jobhunt_tui.ui.messages import LiveChanged
from jobhunt_tui.ui.widgets.chrome import HealthHeader

if TYPE_CHECKING:
    from jobhunt_tui.services.live import LiveFeed
    from jobhunt_tui.ui.screens.main import MainScreen

LIVE_POLL_SECONDS = 0.5
"""How often the screen asks whether another writer committed (design: about twice a second)."""


class LiveChanges:
    """Polling, applying changes from elsewhere, rolling over at midnight; undo and redo."""

    _live: LiveFeed | None = None
    _live_reading: bool = False
    _today: dt.date | None = None

    # Live view: other writers' changes (and midnight) reach the screen without a key

    def _start_live_view(self: MainScreen, since_id: int) -> None:
        self._today = self.services.today()
        self._live = self.services.watch_changes(since_id)
        self.set_interval(LIVE_POLL_SECONDS, self._poll)
        # Whatever was committed between the board's read and now is read at once.
        self._live_reading = True
        self._read_changes()

    def _poll(self: MainScreen) -> None:
        """Twice a second: did anyone commit, and is it a new day? (~15 µs when not)."""
        if self.services.today() != self._today:
            self._today = self.services.today()
            self._roll_over()
        elif not self._live_reading and self._live is not None and self._live.moved():
            self._live_reading = True
            self._read_changes()

    @work(thread=True, exit_on_error=False, group="live")
    def _read_changes(self: MainScreen) -> None:
        """Read the change log since last time and re-read only the cards it names."""
        try:
            assert self._live is not None
            batch = self._live.read()
            if batch.reload_everything or batch.settings_changed:
                self.post_message(LiveChanged({}, None, reload=True))
            elif not batch.empty:
                # Cards this window already re-read after the change (its own writes) stay.
                newest = self._live.last_id
                ids = {i for i in batch.opportunity_ids if self._card_as_of.get(i, 0) < newest}
                if ids:
                    read = self.services.board.cards(frozenset(ids), self.settings)
                    self.post_message(LiveChanged(read.cards, read.counts, as_of=read.as_of))
        finally:
            self._live_reading = False

    def on_live_changed(self: MainScreen, event: LiveChanged) -> None:
        """Show what changed elsewhere, keeping selection, scroll and filter."""
        if event.reload:
            self._roll_over()
            return
        for opportunity_id, card in event.cards.items():
            selected = opportunity_id == event.select_id
            self._show_card(opportunity_id, card, event.as_of, select=selected)
        if event.counts is not None:
            self.query_one(HealthHeader).show(event.counts)
        self._update_welcome()
        self.calendar.reload()

    def _roll_over(self: MainScreen) -> None:
        """Read everything again: a new day (ages and due labels move) or unknown changes."""
        self.calendar.reload()
        selected = self.board.selected
        self.load_board(self.board.include_closed, selected.opportunity_id if selected else None)

    # Undo and redo (this window's own changes; the services guard them)

    def check_action(self: MainScreen, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`u` and `ctrl+r` stay out of text being typed (the editor has its own undo)."""
        typing = isinstance(self.focused, Input) or _is_text_area(self.focused)
        return not (typing and action in ("undo", "redo"))

    def action_undo(self: MainScreen) -> None:
        """Undo this window's last change (several levels)."""
        self._revert(redo=False)

    def action_redo(self: MainScreen) -> None:
        """Redo what the last undo took back."""
        self._revert(redo=True)

    @work(thread=True, exit_on_error=False, group="write")
    def _revert(self: MainScreen, redo: bool) -> None:
        """Apply the inverse in the service, then re-read the cards it touched."""
        history = self.services.history
        reverted = history.redo() if redo else history.undo()
        read = self.services.board.cards(frozenset(reverted.opportunity_ids), self.settings)
        first = reverted.opportunity_ids[0] if reverted.opportunity_ids else None
        self.post_message(LiveChanged(read.cards, read.counts, select_id=first, as_of=read.as_of))
        self.app.call_from_thread(self.notify, reverted.message, markup=False, timeout=4)


def _is_text_area(widget: object) -> bool:
    """Whether `widget` is a TextArea, without importing TextArea before one exists."""
    module = sys.modules.get("textual.widgets._text_area")
    return module is not None and isinstance(widget, module.TextArea)
