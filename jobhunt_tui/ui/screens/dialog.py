"""A small modal form: labelled fields, an error line under each, save in a worker.

The follow-up dialogs (interview, reply, plan) are built from it. `save` runs off the UI
thread; a ValidationError goes under its field, a pest-guard refusal is shown in the dialog
with an explicit override, and success closes the dialog with a note for the board.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from jobhunt_tui.domain.errors import PestGuardError, ValidationError
from jobhunt_tui.ui.display import literal
from jobhunt_tui.ui.failures import ReportsWorkerFailures
from jobhunt_tui.ui.widgets.date_field import DateField, Resolver
from jobhunt_tui.ui.widgets.inputs import TextInput

OVERRIDE = "override"
"""The name of the checkbox that overrides the pest guard (hidden until it refuses)."""

Values = dict[str, object]


@dataclass(frozen=True)
class FieldSpec:
    """One field: a text input, a select (with options) or a checkbox."""

    name: str
    label: str
    placeholder: str = ""
    value: object = ""
    options: tuple[tuple[str, object], ...] = ()
    checkbox: bool = False
    resolve: Resolver | None = None
    """For a date: shows what the typed words resolve to, live, under the input."""
    empty_note: str = ""


class FieldDialog(ReportsWorkerFailures, ModalScreen[str | None]):
    """Fields, a warning area, and enter to save / escape to cancel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "submit", "Save", id="dialog.save", tooltip="Save (enter also saves)"),
    ]

    def __init__(
        self,
        title: str,
        subject: Content,
        fields: tuple[FieldSpec, ...],
        save: Callable[[Values], str],
        *,
        guarded: bool = False,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.subject = subject
        self.fields = fields
        self.save = save
        self.guarded = guarded

    def compose(self) -> ComposeResult:
        """Subject line, fields, the pest-guard warning (hidden) and the hint."""
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = self.title_text
            yield Static(self.subject, classes="dialog-subject")
            for spec in self.fields:
                yield from self._row(spec)
            yield Static("", id="guard-warning", classes="dialog-warning", markup=False)
            if self.guarded:
                yield Checkbox(
                    Content("Plan it anyway (override the pest guard)"),
                    id=f"field-{OVERRIDE}",
                    classes="dialog-warning",
                )
            yield Static(Content("enter saves · escape cancels"), classes="dialog-hint")

    def _row(self, spec: FieldSpec) -> ComposeResult:
        if spec.checkbox:
            yield Checkbox(Content(spec.label), bool(spec.value), id=f"field-{spec.name}")
            return
        with Horizontal(classes="field-row -date" if spec.resolve else "field-row"):
            yield Label(Content(spec.label), classes="field-label")
            if spec.resolve is not None:
                yield DateField(
                    spec.name,
                    spec.resolve,
                    value=str(spec.value),
                    placeholder=spec.placeholder,
                    empty_note=spec.empty_note,
                )
            elif spec.options:
                yield Select(
                    [(Content(text), choice) for text, choice in spec.options],
                    value=spec.value,
                    allow_blank=False,
                    id=f"field-{spec.name}",
                    compact=True,
                )
            else:
                yield TextInput(
                    value=str(spec.value),
                    placeholder=spec.placeholder,
                    id=f"field-{spec.name}",
                    compact=True,
                )
        yield Static("", id=f"error-{spec.name}", classes="field-error", markup=False)

    def on_mount(self) -> None:
        """Start in the first field."""
        self.query_one(f"#field-{self.fields[0].name}").focus()

    def values(self) -> Values:
        """Every field's current value by name (the override is False unless ticked)."""
        found: Values = {}
        for spec in self.fields:
            found[spec.name] = self.query_one(f"#field-{spec.name}").value  # type: ignore[attr-defined]
        overrides = self.query(f"#field-{OVERRIDE}")
        found[OVERRIDE] = bool(overrides and overrides.first(Checkbox).value)
        return found

    def show_error(self, field: str, message: str) -> None:
        """Show `message` under `field` (or under the first field for an unknown one)."""
        self.clear_errors()
        targets = self.query(f"#error-{field}")
        if not targets:
            targets = self.query(f"#error-{self.fields[0].name}")
        target = targets.first(Static)
        target.update(literal(f"{field.replace('_', ' ')} {message}"))
        target.add_class("-shown")

    def show_guard(self, message: str) -> None:
        """Show the pest guard's warning and the checkbox that overrides it."""
        self.clear_errors()
        warning = self.query_one("#guard-warning", Static)
        warning.update(literal(message))
        warning.add_class("-shown")
        for box in self.query(f"#field-{OVERRIDE}"):
            box.add_class("-shown")
            box.focus()

    def clear_errors(self) -> None:
        """Hide every error line."""
        for error in self.query(".field-error.-shown"):
            error.remove_class("-shown")

    @on(Input.Submitted)
    def action_submit(self) -> None:
        """Save in a worker."""
        self.clear_errors()
        self._save(self.values())

    @work(thread=True, exclusive=True, exit_on_error=False, group="dialog")
    def _save(self, values: Values) -> None:
        """Run `save`; its refusals stay in the dialog, success closes it."""
        try:
            note = self.save(values)
        except ValidationError as error:
            self.app.call_from_thread(self.show_error, error.field, error.message)
            return
        except PestGuardError as error:
            self.app.call_from_thread(self.show_guard, str(error))
            return
        self.app.call_from_thread(self.dismiss, note)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
