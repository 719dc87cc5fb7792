"""A multi-line text field for stored text (notes, a draft body), cleaned as `inputs` explains.

Apart from `inputs` so that the one-line fields of the first screen do not load the text area.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from jobhunt_tui.ui.widgets.inputs import field_text


class TextBox(TextArea):
    """A TextArea for stored multi-line text (notes, a draft body): whatever it is given, loaded,
    typed or pasted has its controls made visible; newlines and tabs stay."""

    def __init__(self, text: str = "", **options: Any) -> None:
        super().__init__(field_text(text, multiline=True), **options)

    def load_text(self, text: str) -> None:
        """Replace the whole text, with its controls made visible."""
        super().load_text(field_text(text, multiline=True))

    def edit(self, edit: Edit) -> EditResult:
        """Every change (typing, paste, insert, replace) goes through here: clean its text."""
        edit.text = field_text(edit.text.replace("\r\n", "\n"), multiline=True)
        return super().edit(edit)
