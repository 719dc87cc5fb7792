"""Add and edit an opportunity (a, e): the form's fields, reading them, and the change.

The form returns an `OpportunityChange`; the flow runs it as one change on the host. Contacts
are part of the form: one new contact when adding, every contact of the company (and one more)
when editing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jobhunt_tui.domain.dates import Looking
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import Contact, Opportunity, Stage
from jobhunt_tui.domain.text import NAME_MAX, clean_required, visible
from jobhunt_tui.services.contacts import ContactInput, contact_values
from jobhunt_tui.services.pipeline import OpportunityInput
from jobhunt_tui.ui.screens import date_words
from jobhunt_tui.ui.screens.form import Field, FormDialog, Values, open_form, text

if TYPE_CHECKING:
    from jobhunt_tui.ui.context import Services
    from jobhunt_tui.ui.screens.host import Host

DayParser = Callable[[str, str], dt.date]
"""Reads a typed date (text, field name) or raises ValidationError naming the field."""

DATE_LOOKING = {"applied_on": Looking.PAST, "expected_decision_on": Looking.FUTURE}
"""Which way a bare weekday points in each date field ("friday" applied: the last one)."""

STAGE_CHOICES = tuple((stage.label, stage) for stage in Stage)
PRIORITY_CHOICES = (("1 (high)", 1), ("2", 2), ("3 (low)", 3))
NEW_SUFFIX = "_new"
"""The fields of a contact the form adds are named `contact_new_name` and so on."""

CONTACT_PARTS = (
    ("name", "Name", "Ann Lee"),
    ("email", "Email", "ann@acme.io"),
    ("phone", "Phone", "+1 555 0100"),
    ("title", "Title", "Recruiter"),
)


@dataclass(frozen=True)
class OpportunityChange:
    """What the form holds: the opportunity, and its contacts (id None: a new one)."""

    opportunity: OpportunityInput
    contacts: tuple[tuple[int | None, ContactInput], ...] = ()
    edited: frozenset[str] = frozenset()
    """The opportunity's fields the user changed (an edit writes only these)."""


def _initial(opportunity: Opportunity | None, name: str) -> str:
    if opportunity is None:
        return ""
    if name == "company":
        return opportunity.company_name
    value = getattr(opportunity, name)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def contact_fields(prefix: str, contact: Contact | None, heading: str) -> tuple[Field, ...]:
    """Name, email, phone and title of one contact, named `<prefix>_name` and so on."""
    return tuple(
        Field(
            f"{prefix}_{part}",
            label,
            example,
            getattr(contact, part) if contact is not None else "",
            heading=heading if part == "name" else "",
        )
        for part, label, example in CONTACT_PARTS
    )


def read_contact(values: Values, prefix: str) -> ContactInput:
    """The contact typed under `prefix`, checked (ValidationError names its field)."""
    typed = ContactInput(*(text(values, f"{prefix}_{part}") for part, _, _ in CONTACT_PARTS))
    if typed.blank and prefix.endswith(NEW_SUFFIX):
        return typed
    try:
        contact_values(typed)
    except ValidationError as error:
        raise ValidationError(f"{prefix}_{error.field}", error.message) from error
    return typed


def opportunity_fields(
    services: Services,
    current: Opportunity | None,
    stage: Stage,
    contacts: tuple[Contact, ...] = (),
) -> tuple[Field, ...]:
    """Every field of the form, filled from `current` (None: a new one in `stage`)."""

    def row(name: str, label: str, example: str, kind: str = "text") -> Field:
        return Field(name, label, example, _initial(current, name), kind)  # type: ignore[arg-type]

    def date_row(name: str, label: str, example: str) -> Field:
        words = date_words.preview(services, DATE_LOOKING[name], with_time=False)
        return Field(name, label, example, _initial(current, name), "date", resolve=words)

    fields = [
        row("company", "Company", "Acme Corp"),
        row("role", "Role", "Backend Engineer"),
        Field("stage", "Stage", value=current.stage if current else stage, kind="select",
              options=STAGE_CHOICES),
        Field("priority", "Priority", value=current.priority if current else 2, kind="select",
              options=PRIORITY_CHOICES),
        row("url", "URL", "https://acme.io/jobs/42"),
        row("location", "Location", "Remote, Berlin"),
        row("salary", "Salary", "120–140k"),
        row("source", "Source", "referral, LinkedIn"),
        date_row("applied_on", "Applied on", "today, last friday, 2026-11-02"),
        date_row("expected_decision_on", "Decision by", "the date they gave you"),
        row("notes", "Notes", "anything worth remembering"),
    ]  # fmt: skip
    for index, contact in enumerate(contacts):
        fields += contact_fields(f"contact{index}", contact, f"Contact: {visible(contact.name)}")
    fields += contact_fields(f"contact{NEW_SUFFIX}", None, "New contact (optional)")
    return tuple(fields)


def opportunity_reader(
    parse_day: DayParser, contacts: tuple[Contact, ...] = (), fields: tuple[Field, ...] = ()
) -> Callable[[Values], OpportunityChange]:
    """Checks the typed values and builds the change (ValidationError names the field).

    `fields` are the form's fields as it opened: a contact none of whose fields changed is
    left out, and the change names the opportunity's fields that did."""
    opened = {field.name: field.value for field in fields}

    def touched(values: Values, prefix: str) -> bool:
        names = [name for name in values if name.startswith(prefix)]
        return not opened or any(values[name] != opened.get(name) for name in names)

    def read(values: Values) -> OpportunityChange:
        clean_required(text(values, "company"), "company", NAME_MAX)
        clean_required(text(values, "role"), "role", NAME_MAX)
        dates: dict[str, dt.date | None] = {}
        for name in ("applied_on", "expected_decision_on"):
            typed = text(values, name)
            dates[name] = parse_day(typed, name) if typed else None
        stage, priority = values.get("stage"), values.get("priority")
        data = OpportunityInput(
            company=str(values["company"]),
            role=str(values["role"]),
            stage=stage if isinstance(stage, Stage) else Stage.APPLIED,
            url=str(values["url"]),
            location=str(values["location"]),
            salary=str(values["salary"]),
            source=str(values["source"]),
            priority=priority if isinstance(priority, int) else 2,
            applied_on=dates["applied_on"],
            expected_decision_on=dates["expected_decision_on"],
            notes=str(values["notes"]),
        )
        typed_contacts: list[tuple[int | None, ContactInput]] = [
            (contact.id, read_contact(values, f"contact{index}"))
            for index, contact in enumerate(contacts)
            if touched(values, f"contact{index}_")
        ]
        new = read_contact(values, f"contact{NEW_SUFFIX}")
        if not new.blank:
            typed_contacts.append((None, new))
        edited = frozenset(
            name
            for name, value in values.items()
            if not name.startswith("contact") and value != opened.get(name)
        )
        return OpportunityChange(data, tuple(typed_contacts), edited)

    return read


def day_parser(host: Host) -> DayParser:
    """Dates typed in the form, read against the app's clock and zone, each facing its way."""
    services = host.services
    return lambda typed, field: date_words.day(services, typed, field, DATE_LOOKING[field])


def add_opportunity(host: Host, stage: Stage) -> None:
    """Open the empty form in `stage`; its result is added as one change (undo removes it)."""
    pipeline = host.services.pipeline

    def add(result: OpportunityChange) -> str:
        created = pipeline.save_with_contacts(None, result.opportunity, result.contacts)
        # The new card's id is known only now: show it, selected, from here.
        host.refresh_card(created.id, f"Added {visible(created.company_name)}")
        return ""

    def make_form() -> FormDialog[OpportunityChange]:
        return FormDialog(
            "Add opportunity",
            opportunity_fields(host.services, None, stage),
            opportunity_reader(day_parser(host)),
        )

    open_form(host, make_form, None, "add the opportunity", add)


def edit_opportunity(host: Host, current: Opportunity, contacts: tuple[Contact, ...]) -> None:
    """Open the form on `current` and its contacts (UI thread); saving is one change."""
    pipeline = host.services.pipeline

    def edit(result: OpportunityChange) -> str:
        saved = pipeline.save_with_contacts(
            current.id, result.opportunity, result.contacts, result.edited
        )
        return _saved(saved)

    def make_form() -> FormDialog[OpportunityChange]:
        fields = opportunity_fields(host.services, current, current.stage, contacts)
        form = FormDialog(
            "Edit opportunity", fields, opportunity_reader(day_parser(host), contacts, fields)
        )
        form.watching = current.id
        return form

    label = f"edit {visible(current.company_name)}"
    open_form(host, make_form, current.id, label, edit)


def _saved(saved: Opportunity) -> str:
    return f"Saved {visible(saved.company_name)}"
