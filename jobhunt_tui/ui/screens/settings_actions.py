"""Settings from the palette: read the stored values, open the form, store what changed.

The form only validates; this stores its result through the settings service (only the keys
the user changed, on top of what is stored now), then re-reads the board so the header counts
and idle marks follow the new numbers at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobhunt_tui.domain import settings as rules
from jobhunt_tui.domain.models import Settings
from jobhunt_tui.services.settings import changed_keys
from jobhunt_tui.ui.screens.settings import SettingsScreen

if TYPE_CHECKING:
    from jobhunt_tui.ui.screens.main import MainScreen


def open_settings(screen: MainScreen) -> None:
    """Read the stored settings off the UI thread, then show the form on them."""

    def read() -> None:
        current = screen.services.settings.read()
        screen.app.call_from_thread(_show_form, screen, current)

    screen.run_worker(read, thread=True, exit_on_error=False, group="settings")


def _show_form(screen: MainScreen, current: Settings) -> None:
    screen.app.push_screen(SettingsScreen(current), lambda edited: _store(screen, current, edited))


def _store(screen: MainScreen, base: Settings, edited: Settings | None) -> None:
    """Save what the form changed (in a worker, one write at a time)."""
    if edited is None:
        return
    changed = changed_keys(base, edited)
    if not changed:
        screen.notify("Settings unchanged.", markup=False, timeout=2)
        return

    def save() -> None:
        # Not an undo step, so no undo bookkeeping: the transaction itself serialises it.
        saved = screen.services.settings.save(edited, base)
        screen.app.call_from_thread(_stored, screen, saved, changed)

    screen.run_worker(save, thread=True, exit_on_error=False, group="settings")


def _stored(screen: MainScreen, saved: Settings, changed: list[str]) -> None:
    """Use the new settings now: re-read the board (header, idle marks) and say what changed."""
    screen.settings = saved
    selected = screen.board.selected
    screen.load_board(screen.board.include_closed, selected.opportunity_id if selected else None)
    labels = ", ".join(rules.spec_for(key).label.lower() for key in changed)
    note = f"Settings saved: {labels}."
    if rules.CADENCE_KEYS.intersection(changed):
        note += " Planned follow-ups keep their dates; new plans use the new numbers."
    screen.notify(note, markup=False)
