"""Help: every binding of the focused pane, with the id to remap it in the keymap file.

Each row is three columns (keys, what it does, id); a long description wraps inside its own
column. The list scrolls (j/k, arrows, g/G, page keys) so its last line is always reachable.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from jobhunt_tui.ui import keymap
from jobhunt_tui.ui.screens import DIALOG_CSS

KEYMAP_EXAMPLE = '[keymap]\n"board.move_right" = "L,ctrl+right"'
"""The example shown under the table (it names a real binding id)."""


class HelpKeys(VerticalScroll, can_focus=True):
    """The scrolling table; pager keys scroll it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
        Binding("space", "page_down", "Page down", show=False),
    ]


class HelpScreen(ModalScreen[None]):
    """A list of (keys, what it does, binding id) for the pane that had focus."""

    CSS_PATH = DIALOG_CSS

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
            dialog.border_subtitle = "j/k scroll · escape closes"
            with HelpKeys(id="help-keys"):
                for keys, text, binding_id in self.rows:
                    with Horizontal(classes="help-row"):
                        yield Static(Content.styled(keys, "bold $accent"), classes="help-key")
                        yield Static(Content(text), classes="help-text")
                        yield Static(Content.styled(binding_id, "$text-muted"), classes="help-id")
                yield Static(
                    Content.assemble(
                        "Remap any key by its id in ",
                        (str(keymap.config_path()), "italic"),
                        ":\n",
                        (KEYMAP_EXAMPLE, "$text-muted"),
                    ),
                    id="help-keymap",
                    classes="dialog-hint",
                )

    def on_mount(self) -> None:
        """Scroll keys work at once."""
        self.query_one(HelpKeys).focus()

    def action_dismiss_help(self) -> None:
        """Back to where you were."""
        self.dismiss(None)
