"""Help: every binding of the focused pane, with the id to remap it in the keymap file."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from jobhunt_tui.ui import keymap


class HelpScreen(ModalScreen[None]):
    """A list of (keys, what it does, binding id) for the pane that had focus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss_help", "Close", id="help.close",
                tooltip="Close the help"),
    ]  # fmt: skip

    def __init__(self, pane: str, rows: list[tuple[str, str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self.pane = pane
        self.rows = rows

    def compose(self) -> ComposeResult:
        """The table of keys, then where the keymap file lives."""
        with Vertical(classes="dialog", id="help-dialog") as dialog:
            dialog.border_title = f"Keys: {self.pane}"
            with VerticalScroll(id="help-keys"):
                yield Static(self._table(), id="help-table")
            yield Static(
                Content.assemble(
                    "Remap any key by its id in ",
                    (str(keymap.config_path()), "italic"),
                    '\n[keymap]  "board.move_right" = "L,ctrl+right"',
                ),
                classes="dialog-hint",
            )

    def _table(self) -> Content:
        """Keys, binding id and what it does, as aligned columns (the text last, so it wraps)."""
        key_width = max((len(keys) for keys, _, _ in self.rows), default=4) + 2
        id_width = max((len(binding_id) for _, _, binding_id in self.rows), default=8) + 2
        lines = [
            Content.assemble(
                (keys.ljust(key_width), "bold $accent"),
                (binding_id.ljust(id_width), "$text-muted"),
                text,
            )
            for keys, text, binding_id in self.rows
        ]
        return Content("\n").join(lines)

    def action_dismiss_help(self) -> None:
        """Back to where you were."""
        self.dismiss(None)
