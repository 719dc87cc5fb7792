"""Text fields: stored text enters them with control characters made visible, and their cursor
follows the app's blink setting (tests and screenshots turn it off).

An Input or TextArea paints its value as it is, so an ESC or OSC sequence stored in a company
name (`ESC ]52;c;…` writes the clipboard) would reach the terminal the moment the edit form
opens. Every field value therefore passes through `field_text`: each control character becomes
its visible symbol, one character for one, so cursor positions and lengths are unchanged and
the user sees, and can delete, what was there.
"""

from __future__ import annotations

from textual.widgets import Input

from jobhunt_tui.domain.text import visible


def field_text(text: str, *, multiline: bool = False) -> str:
    """`text` as a field may hold it: controls (ESC, C1, bidi overrides) as visible symbols."""
    return visible(text, multiline=multiline)


class TextInput(Input):
    """An Input that never holds a raw control character, whose cursor blinks only when the app
    says so."""

    def validate_value(self, value: str) -> str:
        """Every value set, seeded, typed or pasted, with its controls made visible."""
        return field_text(value)

    def on_mount(self) -> None:
        """Take the blink setting from the app."""
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
