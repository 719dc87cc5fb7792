"""Writes through SQLModel sessions. Every method runs inside the caller's unit of work
(`Database.writing()`), and returns domain objects, never live rows."""

from __future__ import annotations

import json
from typing import Any

import arrow
from sqlmodel import Session, col, func, select

from jobhunt_tui.domain.errors import NotFoundError, ValidationError
from jobhunt_tui.domain.models import (
    Company,
    Contact,
    Direction,
    Draft,
    FollowUp,
    Interaction,
    InteractionKind,
    Opportunity,
    Settings,
)
from jobhunt_tui.domain.text import name_key
from jobhunt_tui.domain.timeutil import to_stored
from jobhunt_tui.storage import convert
from jobhunt_tui.storage.tables import (
    CompanyRow,
    ContactRow,
    DraftRow,
    FollowUpRow,
    InteractionRow,
    OpportunityRow,
    SettingRow,
)


class Repository:
    """The write side of storage, bound to one session (one transaction)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # Companies and contacts

    def company_named(self, name: str, now: arrow.Arrow) -> Company:
        """The company called `name` (any case), created if it is new."""
        row = self.session.exec(select(CompanyRow).where(CompanyRow.name_key == name_key(name)))
        found = row.first()
        if found is None:
            found = CompanyRow(name=name, name_key=name_key(name), created_at=to_stored(now))
            self.session.add(found)
            self.session.flush()
        return convert.company(found.model_dump())

    def add_contact(self, contact: Contact) -> Contact:
        """Store a new contact (its id is assigned)."""
        row = ContactRow(**{k: v for k, v in vars(contact).items() if k != "id"})
        self.session.add(row)
        self.session.flush()
        return convert.contact(row.model_dump())

    def contact(self, contact_id: int) -> Contact:
        """One contact, read inside this transaction (NotFoundError if missing)."""
        return convert.contact(self._contact_row(contact_id).model_dump())

    def update_contact(self, contact_id: int, values: dict[str, Any]) -> Contact:
        """Change a contact's stored name, email, phone or title."""
        row = self._contact_row(contact_id)
        for key, value in values.items():
            if key not in {"name", "email", "phone", "title", "notes"}:
                raise ValidationError(key, "is not a field of a contact")
            setattr(row, key, value)
        self.session.add(row)
        self.session.flush()
        return convert.contact(row.model_dump())

    def delete_contact(self, contact_id: int) -> None:
        """Remove a contact (the timeline keeps its entries, unlinked: ON DELETE SET NULL)."""
        self.session.delete(self._contact_row(contact_id))
        self.session.flush()

    def _contact_row(self, contact_id: int) -> ContactRow:
        row = self.session.get(ContactRow, contact_id)
        if row is None:
            raise NotFoundError(f"no contact with id {contact_id}")
        return row

    def contact_named(self, company_id: int, name: str) -> Contact | None:
        """The contact at a company with this name (any case), if there is one."""
        rows = self.session.exec(
            select(ContactRow).where(
                ContactRow.company_id == company_id, func.lower(ContactRow.name) == name.lower()
            )
        )
        found = rows.first()
        return None if found is None else convert.contact(found.model_dump())

    # Opportunities

    def add_opportunity(self, values: dict[str, Any]) -> Opportunity:
        """Insert an opportunity from stored column values; returns it with its id."""
        row = OpportunityRow(**values)
        self.session.add(row)
        self.session.flush()
        return self._opportunity(row)

    def opportunity(self, opportunity_id: int) -> Opportunity:
        """The opportunity, read inside this transaction (NotFoundError if missing)."""
        return self._opportunity(self._opportunity_row(opportunity_id))

    def update_opportunity(
        self, opportunity_id: int, values: dict[str, Any], now: arrow.Arrow
    ) -> Opportunity:
        """Change stored column values; bumps `updated_at`."""
        row = self._opportunity_row(opportunity_id)
        for key, value in values.items():
            if not hasattr(row, key) or key in {"id", "created_at"}:
                raise ValidationError(key, "is not a field of an opportunity")
            setattr(row, key, value)
        row.updated_at = to_stored(now)
        self.session.add(row)
        self.session.flush()
        return self._opportunity(row)

    def opportunity_keys(self) -> list[tuple[str, str]]:
        """(company name_key, role as stored) of every opportunity, inside this transaction."""
        rows = self.session.exec(
            select(CompanyRow.name_key, OpportunityRow.role)
            .select_from(OpportunityRow)
            .join(CompanyRow, col(CompanyRow.id) == OpportunityRow.company_id)
        )
        return [(company_key, role) for company_key, role in rows]

    def _opportunity_row(self, opportunity_id: int) -> OpportunityRow:
        row = self.session.get(OpportunityRow, opportunity_id)
        if row is None:
            raise NotFoundError(f"no opportunity with id {opportunity_id}")
        return row

    def _opportunity(self, row: OpportunityRow) -> Opportunity:
        company = self.session.get(CompanyRow, row.company_id)
        assert company is not None  # guaranteed by the foreign key
        return convert.opportunity({**row.model_dump(), "company_name": company.name})

    # Timeline

    def add_interaction(
        self,
        opportunity_id: int,
        kind: InteractionKind,
        direction: Direction,
        occurred_at: arrow.Arrow,
        summary: str = "",
        contact_id: int | None = None,
    ) -> Interaction:
        """Append to an opportunity's timeline."""
        row = InteractionRow(
            opportunity_id=opportunity_id,
            kind=kind.value,
            direction=direction.value,
            occurred_at=to_stored(occurred_at),
            summary=summary,
            contact_id=contact_id,
        )
        self.session.add(row)
        self.session.flush()
        return convert.interaction(row.model_dump())

    def update_interaction(self, interaction_id: int, values: dict[str, Any]) -> Interaction:
        """Change stored column values of a timeline entry (re-dating an application)."""
        row = self.session.get(InteractionRow, interaction_id)
        if row is None:
            raise NotFoundError(f"no interaction with id {interaction_id}")
        for key, value in values.items():
            setattr(row, key, value)
        self.session.add(row)
        self.session.flush()
        return convert.interaction(row.model_dump())

    def interactions(self, opportunity_id: int) -> list[Interaction]:
        """The timeline, oldest first, inside this transaction."""
        rows = self.session.exec(
            select(InteractionRow)
            .where(InteractionRow.opportunity_id == opportunity_id)
            .order_by(col(InteractionRow.occurred_at), col(InteractionRow.id))
        )
        return [convert.interaction(row.model_dump()) for row in rows]

    # Follow-ups and drafts

    def add_follow_up(self, follow_up: FollowUp, now: arrow.Arrow) -> FollowUp:
        """Store a new follow-up (its id is assigned)."""
        row = FollowUpRow(
            opportunity_id=follow_up.opportunity_id,
            contact_id=follow_up.contact_id,
            kind=follow_up.kind.value,
            channel=follow_up.channel.value,
            due_at=to_stored(follow_up.due_at),
            status=follow_up.status.value,
            done_at=None if follow_up.done_at is None else to_stored(follow_up.done_at),
            anchor_interaction_id=follow_up.anchor_interaction_id,
            created_at=to_stored(now),
        )
        self.session.add(row)
        self.session.flush()
        return convert.follow_up(row.model_dump())

    def follow_up(self, follow_up_id: int) -> FollowUp:
        """One follow-up (NotFoundError if missing)."""
        return convert.follow_up(self._follow_up_row(follow_up_id).model_dump())

    def follow_ups(self, opportunity_id: int) -> list[FollowUp]:
        """An opportunity's follow-ups by due date, inside this transaction."""
        rows = self.session.exec(
            select(FollowUpRow)
            .where(FollowUpRow.opportunity_id == opportunity_id)
            .order_by(col(FollowUpRow.due_at), col(FollowUpRow.id))
        )
        return [convert.follow_up(row.model_dump()) for row in rows]

    def update_follow_up(self, follow_up_id: int, values: dict[str, Any]) -> FollowUp:
        """Change stored column values of a follow-up."""
        row = self._follow_up_row(follow_up_id)
        for key, value in values.items():
            setattr(row, key, value)
        self.session.add(row)
        self.session.flush()
        return convert.follow_up(row.model_dump())

    def _follow_up_row(self, follow_up_id: int) -> FollowUpRow:
        row = self.session.get(FollowUpRow, follow_up_id)
        if row is None:
            raise NotFoundError(f"no follow-up with id {follow_up_id}")
        return row

    def save_draft(self, values: dict[str, Any], draft_id: int | None = None) -> Draft:
        """Insert a draft, or update the one with `draft_id`."""
        row = DraftRow(**values) if draft_id is None else self.session.get(DraftRow, draft_id)
        if row is None:
            raise NotFoundError(f"no draft with id {draft_id}")
        if draft_id is not None:
            for key, value in values.items():
                setattr(row, key, value)
        self.session.add(row)
        self.session.flush()
        return convert.draft(row.model_dump())

    # Settings

    def save_settings(self, settings: Settings) -> None:
        """Store every setting as JSON text."""
        for key, value in settings._asdict().items():
            self.session.merge(SettingRow(key=key, value=json.dumps(value)))
        self.session.flush()
