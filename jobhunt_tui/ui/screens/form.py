"""The add / edit form: a modal with validation messages next to each field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import Opportunity, Stage
from jobhunt_tui.domain.text import NAME_MAX, clean_required
from jobhunt_tui.services.pipeline import OpportunityInput
from jobhunt_tui.ui.display import literal
from jobhunt_tui.ui.failures import ReportsWorkerFailures
from jobhunt_tui.ui.widgets.date_field import DateField
from jobhunt_tui.ui.widgets.inputs import TextInput

TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("company", "Company", "Acme Corp"),
    ("role", "Role", "Backend Engineer"),
    ("url", "URL", "https://…"),
    ("location", "Location", "Remote, Berlin…"),
    ("salary", "Salary", "120–140k"),
    ("source", "Source", "referral, LinkedIn…"),
    ("applied_on", "Applied on", "YYYY-MM-DD, today, friday, +3d"),
    ("expected_decision_on", "Decision by", "what they told you (a date)"),
    ("notes", "Notes", ""),
)
DATE_FIELDS = ("applied_on", "expected_decision_on")

DayParser = Callable[[str, str], dt.date]
"""Reads a typed date (text, field name) or raises ValidationError naming the field."""


def _initial(opportunity: Opportunity | None, name: str) -> str:
    if opportunity is None:
        return ""
    if name == "company":
        return opportunity.company_name
    value = getattr(opportunity, name)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


class OpportunityForm(ReportsWorkerFailures, ModalScreen[Opportunity | None]):
    """Company, role, stage and the rest; enter saves, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "submit", "Save", id="form.save", tooltip="Save (enter also saves)"),
    ]

    def __init__(
        self,
        title: str,
        save: Callable[[OpportunityInput], Opportunity],
        parse_day: DayParser,
        opportunity: Opportunity | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.save = save
        self.parse_day = parse_day
        self.opportunity = opportunity

    def compose(self) -> ComposeResult:
        """One row per field, each with a hidden error line under it."""
        current = self.opportunity
        with Vertical(classes="dialog", id="form-dialog") as dialog:
            dialog.border_title = self.title_text
            with VerticalScroll(id="form-fields"):
                for name, label, placeholder in TEXT_FIELDS[:2]:
                    yield from self._row(name, label, placeholder, _initial(current, name))
                yield from self._select_row(
                    "stage",
                    "Stage",
                    [(stage.label, stage) for stage in Stage],
                    current.stage if current else Stage.APPLIED,
                )
                yield from self._select_row(
                    "priority",
                    "Priority",
                    [("1 (high)", 1), ("2", 2), ("3 (low)", 3)],
                    current.priority if current else 2,
                )
                for name, label, placeholder in TEXT_FIELDS[2:]:
                    yield from self._row(name, label, placeholder, _initial(current, name))
            yield Static(
                Content("enter saves · escape cancels · tab next field"), classes="dialog-hint"
            )

    def _row(self, name: str, label: str, placeholder: str, value: str) -> ComposeResult:
        is_date = name in DATE_FIELDS
        with Horizontal(classes="field-row -date" if is_date else "field-row"):
            yield Label(Content(label), classes="field-label")
            if is_date:
                yield DateField(name, self._preview(name), value=value, placeholder=placeholder)
            else:
                yield TextInput(
                    value=value, placeholder=placeholder, id=f"field-{name}", compact=True
                )
        yield Static("", id=f"error-{name}", classes="field-error", markup=False)

    def _preview(self, name: str) -> Callable[[str], str]:
        """The day a date field's words name, through the parser the save uses."""
        return lambda text: self.parse_day(text.strip(), name).strftime("%a %-d %b %Y")

    def _select_row(
        self, name: str, label: str, options: list[tuple[str, object]], value: object
    ) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield Label(Content(label), classes="field-label")
            yield Select(
                [(Content(text), choice) for text, choice in options],
                value=value,
                allow_blank=False,
                id=f"field-{name}",
                compact=True,
            )
        yield Static("", id=f"error-{name}", classes="field-error", markup=False)

    def on_mount(self) -> None:
        """Start in the first field."""
        self.query_one("#field-company", Input).focus()

    # Reading and checking

    def _text(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value

    def _read(self) -> OpportunityInput:
        """The typed values, checked; ValidationError names the first bad field."""
        clean_required(self._text("company"), "company", NAME_MAX)
        clean_required(self._text("role"), "role", NAME_MAX)
        dates: dict[str, dt.date | None] = {}
        for name in DATE_FIELDS:
            text = self._text(name).strip()
            dates[name] = self.parse_day(text, name) if text else None
        stage = self.query_one("#field-stage", Select).value
        priority = self.query_one("#field-priority", Select).value
        return OpportunityInput(
            company=self._text("company"),
            role=self._text("role"),
            stage=stage if isinstance(stage, Stage) else Stage.APPLIED,
            url=self._text("url"),
            location=self._text("location"),
            salary=self._text("salary"),
            source=self._text("source"),
            priority=priority if isinstance(priority, int) else 2,
            applied_on=dates["applied_on"],
            expected_decision_on=dates["expected_decision_on"],
            notes=self._text("notes"),
        )

    def show_error(self, field: str, message: str) -> None:
        """Show `message` under `field` (or under the first field for an unknown one)."""
        self.clear_errors()
        targets = self.query(f"#error-{field}")
        target = targets.first(Static) if targets else self.query_one("#error-company", Static)
        target.update(literal(f"{field.replace('_', ' ')} {message}"))
        target.add_class("-shown")
        widgets = self.query(f"#field-{field}")
        if widgets:
            widgets.first().focus()

    def clear_errors(self) -> None:
        """Hide every error line."""
        for error in self.query(".field-error.-shown"):
            error.remove_class("-shown")

    # Actions

    @on(Input.Submitted)
    def action_submit(self) -> None:
        """Check the fields here, then save through the service in a worker."""
        try:
            data = self._read()
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return
        self.clear_errors()
        self._save(data)

    @work(thread=True, exclusive=True, exit_on_error=False, group="form")
    def _save(self, data: OpportunityInput) -> None:
        """Save; a ValidationError from the service goes next to its field."""
        try:
            saved = self.save(data)
        except ValidationError as error:
            self.app.call_from_thread(self.show_error, error.field, error.message)
            return
        self.app.call_from_thread(self.dismiss, saved)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
