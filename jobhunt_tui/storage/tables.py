"""SQLModel tables: the ORM's view of the schema in `schema.py` (a test proves they agree).

Rows never leave the storage layer: `convert.py` turns them into domain objects.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class CompanyRow(SQLModel, table=True):
    """An employer; `name_key` keeps names unique regardless of case."""

    __tablename__ = "company"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(unique=True)
    website: str = ""
    notes: str = ""
    created_at: str


class ContactRow(SQLModel, table=True):
    """A person at an employer."""

    __tablename__ = "contact"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    email: str = ""
    phone: str = ""
    title: str = ""
    company_id: int | None = Field(default=None, foreign_key="company.id")
    notes: str = ""


class OpportunityRow(SQLModel, table=True):
    """One role at one company."""

    __tablename__ = "opportunity"

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id")
    role: str
    stage: str
    url: str = ""
    location: str = ""
    salary: str = ""
    source: str = ""
    priority: int = 2
    applied_on: str | None = None
    expected_decision_on: str | None = None
    notes: str = ""
    created_at: str
    updated_at: str
    archived: bool = False


class InteractionRow(SQLModel, table=True):
    """One entry of a timeline."""

    __tablename__ = "interaction"

    id: int | None = Field(default=None, primary_key=True)
    opportunity_id: int = Field(foreign_key="opportunity.id")
    kind: str
    direction: str
    occurred_at: str
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    summary: str = ""


class FollowUpRow(SQLModel, table=True):
    """A planned, done or skipped touch."""

    __tablename__ = "follow_up"

    id: int | None = Field(default=None, primary_key=True)
    opportunity_id: int = Field(foreign_key="opportunity.id")
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    kind: str
    channel: str
    due_at: str
    status: str = "planned"
    done_at: str | None = None
    anchor_interaction_id: int | None = Field(default=None, foreign_key="interaction.id")
    created_at: str


class DraftRow(SQLModel, table=True):
    """An email or phone script being written."""

    __tablename__ = "draft"

    id: int | None = Field(default=None, primary_key=True)
    follow_up_id: int | None = Field(default=None, foreign_key="follow_up.id", unique=True)
    opportunity_id: int | None = Field(default=None, foreign_key="opportunity.id")
    channel: str
    to_address: str = ""
    subject: str = ""
    body: str = ""
    updated_at: str
    sent_at: str | None = None
    revision: int = 0


class DraftVersionRow(SQLModel, table=True):
    """One kept state of a draft (restorable from the pane)."""

    __tablename__ = "draft_version"

    id: int | None = Field(default=None, primary_key=True)
    draft_id: int
    to_address: str = ""
    subject: str = ""
    body: str = ""
    saved_at: str
    revision: int
    note: str = ""


class TemplateRow(SQLModel, table=True):
    """Wording for a follow-up step; the built-ins are seeded by migration 4, and one per
    kind and channel may be the default (migration 5)."""

    __tablename__ = "template"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    kind: str
    channel: str
    subject: str = ""
    body: str
    built_in: bool = False
    is_default: bool = False


class SettingRow(SQLModel, table=True):
    """One setting, its value stored as JSON text."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True)
    value: str


class ChangeLogRow(SQLModel, table=True):
    """One committed change: who, what, which opportunities, and how to revert it.

    Read and written as plain SQL (`storage/change_log.py`); mirrored here so one schema
    describes every table.
    """

    __tablename__ = "change_log"

    id: int | None = Field(default=None, primary_key=True)
    at: str
    writer: str
    label: str
    kind: str
    opportunity_ids: str = "[]"
    tables: str = "[]"
    inverse: str | None = None
    reverts: int | None = None
    reverted_by: int | None = None
