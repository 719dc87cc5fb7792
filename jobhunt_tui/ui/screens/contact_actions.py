"""Notes and contacts (n, and the detail view's contact keys) and closing (x) as flows.

Each opens a form or a choice that returns a typed result; the change runs on the host.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from jobhunt_tui.domain.models import Contact, Interaction, Stage
from jobhunt_tui.domain.text import NOTE_MAX, clean_required, visible
from jobhunt_tui.services.contacts import ContactInput
from jobhunt_tui.ui.display import fit, literal
from jobhunt_tui.ui.screens.close import ChoiceDialog, close_dialog
from jobhunt_tui.ui.screens.form import Field, FormDialog, Values, text
from jobhunt_tui.ui.screens.opportunity_actions import contact_fields, read_contact

if TYPE_CHECKING:
    from jobhunt_tui.ui.screens.host import Host, Subject

REMOVE = "remove"


def add_note(host: Host, subject: Subject | None) -> None:
    """Ask for a line of text and add it to the opportunity's timeline."""
    if subject is None:
        return
    pipeline = host.services.pipeline

    def read(values: Values) -> str:
        return clean_required(text(values, "note"), "note", NOTE_MAX)

    def done(note: str | None) -> None:
        if note is not None:
            host.change(
                subject.opportunity_id,
                f"note on {subject.name}",
                lambda: _noted(pipeline.note(subject.opportunity_id, note), subject),
            )

    fields = (Field("note", "Note", "recruiter called, salary range confirmed"),)
    host.app.push_screen(FormDialog("Add note", fields, read, subject=subject.line), done)


def _noted(note: Interaction, subject: Subject) -> str:
    """The toast after a note: what was added, where (shortened to one line)."""
    return f"Note added to {subject.name}: {fit(visible(note.summary), 40)}"


def add_contact(host: Host, subject: Subject) -> None:
    """Ask for a new contact at the opportunity's company."""
    contacts = host.services.contacts

    def done(typed: ContactInput | None) -> None:
        if typed is not None:
            host.change(
                subject.opportunity_id,
                f"add contact {visible(typed.name)} at {subject.name}",
                lambda: (
                    f"Contact {visible(contacts.add(subject.opportunity_id, typed).name)} added."
                ),
            )

    form = FormDialog(
        "Add contact", contact_fields("contact", None, ""), _contact_reader, subject=subject.line
    )
    host.app.push_screen(form, done)


def edit_contact(host: Host, subject: Subject, contact: Contact) -> None:
    """Change a contact's name, email, phone or title."""
    contacts = host.services.contacts

    def done(typed: ContactInput | None) -> None:
        if typed is not None:
            host.change(
                subject.opportunity_id,
                f"edit contact {visible(typed.name)} at {subject.name}",
                lambda: f"Contact {visible(contacts.edit(contact.id, typed).name)} saved.",
            )

    form = FormDialog(
        "Edit contact",
        contact_fields("contact", contact, ""),
        _contact_reader,
        subject=subject.line,
    )
    host.app.push_screen(form, done)


def remove_contact(host: Host, subject: Subject, contact: Contact) -> None:
    """Confirm, then remove the contact (the timeline keeps what they were part of)."""
    contacts = host.services.contacts
    name = visible(contact.name)

    def done(choice: str | None) -> None:
        if choice == REMOVE:
            host.change(
                subject.opportunity_id,
                f"remove contact {name} at {subject.name}",
                lambda: f"Contact {visible(contacts.remove(contact.id).name)} removed.",
            )

    choices = [
        (REMOVE, Content.assemble(("Remove ", "bold"), literal(contact.name, "bold"))),
        ("keep", Content("Keep")),
    ]
    host.app.push_screen(
        ChoiceDialog("Remove contact", subject.line, choices, "enter chooses · escape keeps"),
        done,
    )


def close_opportunity(host: Host, subject: Subject | None) -> None:
    """Ask for the outcome, then close the opportunity with it."""
    if subject is None:
        return
    pipeline = host.services.pipeline

    def done(outcome: str | None) -> None:
        if outcome is None:
            return
        stage = Stage(outcome)
        host.change(
            subject.opportunity_id,
            f"close {subject.name} as {stage.label}",
            lambda: (
                f"{visible(pipeline.close(subject.opportunity_id, stage).company_name)} "
                f"→ {stage.label}"
            ),
        )

    host.app.push_screen(close_dialog(subject.line), done)


def _contact_reader(values: Values) -> ContactInput:
    """The contact typed, checked (a name is needed, an email must look like one)."""
    return read_contact(values, "contact")
