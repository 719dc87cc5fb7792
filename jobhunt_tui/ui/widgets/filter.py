"""The live filter line under the board."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from jobhunt_tui.ui.widgets.inputs import TextInput


class FilterInput(TextInput):
    """Typing filters the board at once; enter keeps the filter, escape clears it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_filter", "Clear filter", id="filter.clear",
                tooltip="Clear the filter and go back to the board"),
    ]  # fmt: skip

    class Cleared(Message):
        """The user cleared the filter."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="filter by company or role", id=id, compact=True)

    def action_clear_filter(self) -> None:
        """Empty the field and say so."""
        self.value = ""
        self.post_message(self.Cleared())
