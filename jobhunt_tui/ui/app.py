"""The jobhunt Textual app: a small shell around the main screen."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import Screen
from textual.theme import Theme

from jobhunt_tui.domain.clock import Clock, system_clock
from jobhunt_tui.domain.localtime import Zone
from jobhunt_tui.domain.models import Settings
from jobhunt_tui.services.zone import local_zone
from jobhunt_tui.ui.context import Services
from jobhunt_tui.ui.keymap import load_keymap
from jobhunt_tui.ui.long_lived import release_after_first_frame
from jobhunt_tui.ui.screens.main import MainScreen
from jobhunt_tui.ui.widgets.typing_gc import FullPassDeferral

if TYPE_CHECKING:
    from jobhunt_tui.services.read_ahead import ReadAhead
    from jobhunt_tui.storage.database import Database

PANE_NAMES = {"board": "Board", "calendar-pane": "Calendar", "draft-pane": "Draft"}
KEYS_PAUSED_S = 0.5
"""No key for this long: a pause, when the collector's full pass may run."""


def providers() -> tuple[Callable[[], type[Provider]], ...]:
    """The palette's providers, imported when the palette first opens (not at startup)."""

    def load(name: str) -> Callable[[], type[Provider]]:
        def provider() -> type[Provider]:
            from jobhunt_tui.ui import commands

            return cast("type[Provider]", getattr(commands, name))

        provider.__name__ = name
        return provider

    return tuple(
        load(name)
        for name in (
            "KeyCommands",
            "OpportunityCommands",
            "StageCommands",
            "ExportCommands",
            "ThemeCommands",
            "SettingsCommands",
            "TemplateCommands",
            "DraftFileCommands",
            "ProgressCommands",
        )
    )


class JobhuntApp(App[None]):
    """Builds the services, applies the user's keymap and theme, and shows the main screen."""

    CSS_PATH = "app.tcss"
    TITLE = "jobhunt"
    COMMANDS: ClassVar = App.COMMANDS | set(providers())
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, show=False,
                tooltip="Quit jobhunt"),
        Binding("question_mark", "help", "Help", id="app.help",
                tooltip="Every key of the focused pane"),
        Binding("ctrl+p", "command_palette", "Commands", id="app.command_palette",
                priority=True, show=False,
                tooltip="Jump to an opportunity, move stage, export, theme"),
    ]  # fmt: skip

    def __init__(
        self,
        database: Database,
        clock: Clock = system_clock,
        *,
        tz: Zone | None = None,
        settings: Settings | None = None,
        keymap_path: Path | None = None,
        cursor_blink: bool = True,
        backup_after: float | None = 3.0,
        read_ahead: ReadAhead | None = None,
    ) -> None:
        super().__init__()
        self.cursor_blink = cursor_blink
        self.backup_after = backup_after
        """Seconds after start to make the day's automatic backup (None: never)."""
        zone = tz if tz is not None else local_zone()
        self.services = Services(database, clock, zone, read_ahead=read_ahead)
        self.settings = settings if settings is not None else Settings()
        self.keymap_path = keymap_path
        self.full_pass = FullPassDeferral()
        """Keeps the collector's full pass out of the frames that follow a key."""
        self._last_key = 0.0

    def get_default_screen(self) -> Screen[None]:
        """The main screen is the base of the stack."""
        return MainScreen(self.services)

    def on_mount(self) -> None:
        """Apply the remembered theme and the user's keymap; remember theme changes."""
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        loaded = load_keymap(self.keymap_path)
        problems = [loaded.problem] if loaded.problem else []
        if loaded.keys:
            from jobhunt_tui.ui.keymap import check_keymap
            from jobhunt_tui.ui.keymap_scopes import binding_scopes

            checked = check_keymap(loaded.keys, binding_scopes(type(self)))
            self.set_keymap(checked.keys)
            problems += [checked.problem] if checked.problem else []
        if problems:
            self.notify(
                "\n".join(problems), title="Keymap", severity="warning", markup=False, timeout=10
            )
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        for notice in self.services.database.notices:  # e.g. a 0644 file made private
            self.notify(notice, title="Data file", markup=False, timeout=10)
        if self.backup_after is not None:  # later than the first paint, which must be fast
            self.set_timer(self.backup_after, self._start_automatic_backup)
        self.set_interval(KEYS_PAUSED_S / 2, self._keys_paused)
        if not self.is_headless:
            from jobhunt_tui.ui.shutdown import install_signal_handlers

            install_signal_handlers(self, self.save_and_exit)

    def on_ready(self) -> None:
        """The first frame is on screen (Textual's Ready): the collector may run again."""
        release_after_first_frame()

    def _start_automatic_backup(self) -> None:
        self.run_worker(self._automatic_backup, thread=True, exit_on_error=False, group="backup")

    def _automatic_backup(self) -> None:
        """Once a day, a verified copy of the data file (off the UI thread)."""
        from jobhunt_tui.services.backup import automatic_backup
        from jobhunt_tui.services.failures import storage_failure

        try:
            automatic_backup(self.services.database, self.services.clock)
        except Exception as error:
            reason = storage_failure(error) or str(error)
            self.call_from_thread(
                self.notify, f"No backup today: {reason}", title="Backup", markup=False
            )

    def save_and_exit(self) -> None:
        """Store the open draft (waiting for it), then exit.

        Keys typed just before are still in the focused widget's queue: run after them, so
        the last letters before ctrl+q (or a signal) are in the text that is stored.
        """
        focused = self.screen.focused
        (focused or self).call_later(self._save_now_and_exit)

    def _save_now_and_exit(self) -> None:
        main = self._main_screen()
        try:
            if main is not None:
                main.flush_draft()
        finally:
            self.exit()

    async def action_quit(self) -> None:
        """Save the open draft, then quit."""
        self.save_and_exit()

    async def on_event(self, event: events.Event) -> None:
        """Every key passes here first: from it until a pause, no full collector pass."""
        if isinstance(event, events.Key):
            self._last_key = time.monotonic()
            self.full_pass.defer()
        await super().on_event(event)

    def _keys_paused(self) -> None:
        if time.monotonic() - self._last_key >= KEYS_PAUSED_S:
            self.full_pass.resume()

    def on_unmount(self) -> None:
        """The collector's own thresholds again once the app is gone (tests run many apps
        in one process)."""
        self.full_pass.resume()

    def on_key(self, event: events.Key) -> None:
        """Keys typed just before a form opened belong to the form, not to nobody."""
        self._hand_over(event)

    def on_paste(self, event: events.Paste) -> None:
        """So does a paste made just before it opened."""
        self._hand_over(event)

    def _hand_over(self, event: events.Key | events.Paste) -> None:
        form = sys.modules.get("jobhunt_tui.ui.screens.form")  # not loaded: no form is open
        if form is not None:
            form.hand_over_early_input(self, event)

    def _theme_changed(self, theme: Theme) -> None:
        """Save the new theme (in a worker on the main screen)."""
        main = self._main_screen()
        if main is not None and theme.name != main.settings.theme:
            main.save_settings(main.with_theme(theme.name))

    def _main_screen(self) -> MainScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    def action_help(self) -> None:
        """Show every binding of the focused pane."""
        from jobhunt_tui.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self._pane_name(), self._binding_rows()))

    def _pane_name(self) -> str:
        focused = self.screen.focused
        if focused is None:
            return "jobhunt"
        for node in (focused, *focused.ancestors):
            if node.id in PANE_NAMES:
                return PANE_NAMES[node.id]
        return type(self.screen).__name__.removesuffix("Screen") or "jobhunt"

    def _binding_rows(self) -> list[tuple[str, str, str]]:
        """(keys, description, id) for each binding active where the focus is."""
        grouped: dict[tuple[str, str], tuple[list[str], str]] = {}
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if binding.system:
                continue
            ident = binding.id or binding.action
            keys, _text = grouped.setdefault(
                (ident, binding.action), ([], binding.tooltip or binding.description)
            )
            display = self.get_key_display(binding)
            if display not in keys:
                keys.append(display)
            del key
        return [(" ".join(keys), text, ident) for (ident, _action), (keys, text) in grouped.items()]


def run_app(
    database: Database, clock: Clock = system_clock, read_ahead: ReadAhead | None = None
) -> None:
    """Open the app on `database` (the `jobhunt` command calls this, with the first frame's
    reads under way)."""
    from jobhunt_tui.services.board import BoardService

    settings = read_ahead.settings() if read_ahead is not None else None
    if settings is None:
        # The board's service is loaded for the first frame anyway; the pipeline's is not.
        settings = BoardService(database, clock).settings()
    tz = read_ahead.tz if read_ahead is not None else None
    JobhuntApp(database, clock, tz=tz, settings=settings, read_ahead=read_ahead).run()
