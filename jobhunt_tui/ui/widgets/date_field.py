"""A date input that shows, live as the user types, the date the words resolve to.

"friday 14:00" on a Tuesday could mean this Friday or the last one; the muted line under the
input says which ("→ Fri 4 Dec 2026 14:00") or why it cannot be read, before anything is
saved. The words are resolved by a callable the screen hands in (the same parser the save
uses), so the preview and the saved date always agree. The input keeps the id the form reads
(`field-NAME`); the preview line is `preview-NAME`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.ui.widgets.field_input import FieldInput

Resolver = Callable[[str], str]
"""Words in, the date they name as display text out; ValidationError when they name none."""


class DateField(Vertical):
    """An Input and, under it, the date its words resolve to (or the reason they do not)."""

    DEFAULT_CSS = """
    DateField {
        height: auto;
        width: 1fr;
    }
    DateField > .date-preview {
        color: $text-muted;
        height: 1;
    }
    DateField > .date-preview.-invalid {
        color: $text-warning;
    }
    """

    def __init__(
        self,
        name: str,
        resolve: Resolver,
        *,
        value: str = "",
        placeholder: str = "",
        empty_note: str = "",
    ) -> None:
        super().__init__(id=f"date-{name}")
        self.field_name = name
        self.resolve = resolve
        self.initial = value
        self.placeholder = placeholder
        self.empty_note = empty_note

    def compose(self) -> ComposeResult:
        """The input, then the preview line."""
        yield FieldInput(
            value=self.initial,
            placeholder=self.placeholder,
            id=f"field-{self.field_name}",
            compact=True,
        )
        text, invalid = self.preview_for(self.initial)
        preview = Static(
            text, id=f"preview-{self.field_name}", classes="date-preview", markup=False
        )
        preview.set_class(invalid, "-invalid")
        yield preview

    def preview_for(self, text: str) -> tuple[Content, bool]:
        """What the preview line says for `text`, and whether the words were refused."""
        if not text.strip():
            return Content(self.empty_note), False
        try:
            return Content(f"→ {self.resolve(text)}"), False
        except ValidationError as error:
            return Content(error.message), True

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """Re-resolve on every keystroke (the parser is pure and takes microseconds)."""
        text, invalid = self.preview_for(event.value)
        preview = self.query_one(".date-preview", Static)
        preview.update(text)
        preview.set_class(invalid, "-invalid")
