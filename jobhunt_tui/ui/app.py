"""The jobhunt Textual app: a small shell around the main screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

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
from jobhunt_tui.ui.screens.main import MainScreen

if TYPE_CHECKING:
    from jobhunt_tui.storage.database import Database

PANE_NAMES = {"board": "Board", "calendar-pane": "Calendar", "draft-pane": "Draft"}


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
            "OpportunityCommands",
            "StageCommands",
            "ExportCommands",
            "ThemeCommands",
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
    ) -> None:
        super().__init__()
        self.cursor_blink = cursor_blink
        self.services = Services(database, clock, tz if tz is not None else local_zone())
        self.settings = settings if settings is not None else Settings()
        self.keymap_path = keymap_path

    def get_default_screen(self) -> Screen[None]:
        """The main screen is the base of the stack."""
        return MainScreen(self.services)

    def on_mount(self) -> None:
        """Apply the remembered theme and the user's keymap; remember theme changes."""
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        loaded = load_keymap(self.keymap_path)
        if loaded.keys:
            self.set_keymap(loaded.keys)
        if loaded.problem:
            self.notify(loaded.problem, title="Keymap", severity="warning", markup=False)
        self.theme_changed_signal.subscribe(self, self._theme_changed)

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


def run_app(database: Database, clock: Clock = system_clock) -> None:
    """Open the app on `database` (the `jobhunt` command calls this)."""
    from jobhunt_tui.services.pipeline import PipelineService

    settings = PipelineService(database, clock).settings()
    JobhuntApp(database, clock, settings=settings).run()
