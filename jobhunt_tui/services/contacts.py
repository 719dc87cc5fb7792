"""Use cases of an opportunity's contacts: add, edit and remove the people at its company.

Contacts belong to the company (two roles at one employer share the same recruiter); each use
case names the opportunity it was asked from, so the change is labelled and re-read by it.
Every write is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import Contact
from jobhunt_tui.domain.text import NAME_MAX, SHORT_MAX, clean_optional, clean_required
from jobhunt_tui.storage.database import Database


@dataclass(frozen=True)
class ContactInput:
    """What the user typed for a contact, before cleaning."""

    name: str
    email: str = ""
    phone: str = ""
    title: str = ""

    @property
    def blank(self) -> bool:
        """True when nothing at all was typed (an optional contact left empty)."""
        return not any(v.strip() for v in (self.name, self.email, self.phone, self.title))


def contact_values(data: ContactInput) -> dict[str, str]:
    """Column values for `data`, or ValidationError naming the first bad field."""
    email = clean_optional(data.email, "email", SHORT_MAX)
    if email and ("@" not in email or " " in email):
        raise ValidationError("email", "is not an email address (name@example.com)")
    return {
        "name": clean_required(data.name, "name", NAME_MAX),
        "email": email,
        "phone": clean_optional(data.phone, "phone", SHORT_MAX),
        "title": clean_optional(data.title, "title", SHORT_MAX),
    }


class ContactService:
    """The people at an opportunity's company."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def add(self, opportunity_id: int, data: ContactInput) -> Contact:
        """Add a contact at the opportunity's company; a name already there is refused."""
        from jobhunt_tui.storage.repository import Repository

        values = contact_values(data)
        with self.database.writing(f"add contact {values['name']}") as session:
            repo = Repository(session)
            company_id = repo.opportunity(opportunity_id).company_id
            if repo.contact_named(company_id, values["name"]) is not None:
                raise ValidationError("name", "is already a contact at this company")
            return repo.add_contact(Contact(id=0, company_id=company_id, **values))

    def edit(self, contact_id: int, data: ContactInput) -> Contact:
        """Change a contact's name, email, phone and title."""
        from jobhunt_tui.storage.repository import Repository

        values = contact_values(data)
        with self.database.writing(f"edit contact {values['name']}") as session:
            repo = Repository(session)
            current = repo.contact(contact_id)
            same_name = repo.contact_named(current.company_id or 0, values["name"])
            if same_name is not None and same_name.id != contact_id:
                raise ValidationError("name", "is already a contact at this company")
            return repo.update_contact(contact_id, values)

    def remove(self, contact_id: int) -> Contact:
        """Remove a contact; timeline entries and follow-ups that named them stay, unlinked."""
        from jobhunt_tui.storage.repository import Repository

        with self.database.writing(f"remove contact #{contact_id}") as session:
            repo = Repository(session)
            removed = repo.contact(contact_id)
            repo.delete_contact(contact_id)
            return removed
