"""The live filter line under the board, and the line that says when nothing matches."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from jobhunt_tui.ui.display import literal
from jobhunt_tui.ui.widgets.inputs import TextInput

FILTER_HELP = "e.g. acme  stage:applied  p:1  is:overdue  is:idle  is:quiet"


class FilterInput(TextInput):
    """Typing filters the board at once; enter keeps the filter, escape clears it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_filter", "Clear filter", id="filter.clear",
                tooltip="Clear the filter and go back to the board"),
    ]  # fmt: skip

    class Cleared(Message):
        """The user cleared the filter."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=FILTER_HELP, id=id, compact=True)

    def action_clear_filter(self) -> None:
        """Empty the field and say so."""
        self.value = ""
        self.post_message(self.Cleared())


class NoMatch(Static):
    """One line over the filter when it hides every card (hidden otherwise)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.display = False

    def show(self, filter_text: str, shown: int) -> None:
        """Say that `filter_text` matches nothing, or hide when something is shown."""
        empty = bool(filter_text.strip()) and shown == 0
        self.display = empty
        if empty:
            self.update(
                Content.assemble(
                    "No opportunity matches ",
                    literal(filter_text.strip(), "bold"),
                    ("  ·  escape clears the filter", "$text-muted"),
                )
            )
