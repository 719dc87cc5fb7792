"""The baseline: a bare Textual app (Header, Footer, one Static line) measured in every run.

`j` and `L` update the line, so key → next frame has a baseline too: what Textual itself
costs to turn a key press into a repainted line.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

READY_TEXT = "bare textual baseline ready"


class BareApp(App[None]):
    """The least a Textual app can show: what every ratio in the report is relative to."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("j", "bump", "next", id="bump"),
        Binding("L", "bump", "move", id="move"),
        Binding("H", "bump", "back", id="back"),
        Binding("k", "bump", "previous", id="previous"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        """Header, one line of text, footer."""
        yield Header()
        yield Static(READY_TEXT, id="line")
        yield Footer()

    def action_bump(self) -> None:
        """Repaint the line with a new count."""
        self.presses += 1
        self.query_one("#line", Static).update(f"{READY_TEXT} · {self.presses} keys")


if __name__ == "__main__":
    BareApp().run()
