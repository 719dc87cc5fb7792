"""Text fields that follow the app's cursor-blink setting (tests and screenshots turn it off)."""

from __future__ import annotations

from textual.widgets import Input


class TextInput(Input):
    """An Input whose cursor blinks only when the app says so."""

    def on_mount(self) -> None:
        """Take the blink setting from the app."""
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
