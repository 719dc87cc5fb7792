"""The settings form: every setting with what it means, checked by `domain.settings`.

A dialog only collects and validates: it returns the new `Settings` (or None when cancelled)
and the main screen stores them through the settings service.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from jobhunt_tui.domain import settings as rules
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import Settings
from jobhunt_tui.ui.display import literal
from jobhunt_tui.ui.screens import DIALOG_CSS
from jobhunt_tui.ui.widgets.inputs import TextInput
from jobhunt_tui.ui.widgets.text_box import TextBox

# The theme has its own place (the palette's "Theme: …"), where it can be seen as it changes.
FORM_KEYS = tuple(key for key in rules.KEYS if key != "theme")


class SettingsScreen(ModalScreen[Settings | None]):
    """One row per setting; enter or ctrl+s saves, escape cancels."""

    CSS_PATH = DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="settings.cancel",
                tooltip="Close without saving"),
        Binding("ctrl+s", "submit", "Save", id="settings.save",
                tooltip="Save the settings (enter in a one-line field also saves)"),
    ]  # fmt: skip

    def __init__(self, current: Settings) -> None:
        super().__init__(classes="dialog-screen")
        self.current = current

    def compose(self) -> ComposeResult:
        """A row per setting, each with a hidden error line under it."""
        with Vertical(classes="dialog", id="settings-dialog") as dialog:
            dialog.border_title = "Settings"
            with VerticalScroll(id="settings-fields"):
                for key in FORM_KEYS:
                    yield from self._row(rules.spec_for(key))
            yield Static(
                Content(
                    "enter or ctrl+s saves · escape cancels · tab next field\n"
                    "Planned follow-ups keep their dates; new plans use the new numbers."
                ),
                classes="dialog-hint",
            )

    def _row(self, spec: rules.SettingSpec) -> ComposeResult:
        value = rules.shown(self.current, spec.key)
        widget_id = f"field-{spec.key}"
        if spec.kind == "multiline":
            with Horizontal(classes="field-row signature-row"):
                yield Label(Content(spec.label), classes="field-label")
                yield TextBox(
                    value, id=widget_id, compact=True, soft_wrap=True, placeholder=spec.help
                )
        else:
            with Horizontal(classes="field-row"):
                yield Label(Content(spec.label), classes="field-label")
                if spec.kind == "weekday":
                    yield Select(
                        [(Content(day.capitalize()), day) for day in rules.WEEKDAYS],
                        value=value,
                        allow_blank=False,
                        id=widget_id,
                        compact=True,
                    )
                else:
                    yield TextInput(value=value, id=widget_id, compact=True)
                yield Label(Content(spec.help), classes="field-help")
        yield Static("", id=f"error-{spec.key}", classes="field-error", markup=False)

    def on_mount(self) -> None:
        """Start in the first field."""
        self.query_one(f"#field-{FORM_KEYS[0]}").focus()

    def typed(self) -> dict[str, str]:
        """What every field holds now, as text, by setting key."""
        texts: dict[str, str] = {}
        for key in FORM_KEYS:
            widget = self.query_one(f"#field-{key}")
            if isinstance(widget, TextArea):
                texts[key] = widget.text
            elif isinstance(widget, Select):
                texts[key] = str(widget.value)
            else:
                texts[key] = self.query_one(f"#field-{key}", Input).value
        return texts

    def show_error(self, key: str, message: str) -> None:
        """Show `message` under the field of `key` and put the cursor there."""
        self.clear_errors()
        spec = rules.spec_for(key)
        target = self.query_one(f"#error-{spec.key}", Static)
        target.update(literal(f"{spec.label}: {message}"))
        target.add_class("-shown")
        self.query_one(f"#field-{spec.key}").focus()

    def clear_errors(self) -> None:
        """Hide every error line."""
        for error in self.query(".field-error.-shown"):
            error.remove_class("-shown")

    @on(Input.Submitted)
    def action_submit(self) -> None:
        """Check every field through the domain; close with the result when all are good."""
        try:
            result = rules.with_texts(self.current, self.typed())
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
