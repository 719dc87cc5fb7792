"""The records of a search: companies, contacts, opportunities and their timelines, follow-ups
and drafts. Plain domain objects; the storage layer converts its rows to these at its boundary.

`models` hands them out too (`from jobhunt_tui.domain.models import Opportunity`), loading
this module on first use: the first frame of the app shows none of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import arrow

from jobhunt_tui.domain.models import (
    Channel,
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    Stage,
)


@dataclass(frozen=True)
class Company:
    """An employer."""

    id: int
    name: str
    website: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Contact:
    """A person at an employer."""

    id: int
    name: str
    email: str = ""
    phone: str = ""
    title: str = ""
    company_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class Opportunity:
    """One role at one company, moving through the pipeline."""

    id: int
    company_id: int
    company_name: str
    role: str
    stage: Stage
    created_at: arrow.Arrow
    updated_at: arrow.Arrow
    url: str = ""
    location: str = ""
    salary: str = ""
    source: str = ""
    priority: int = 2
    applied_on: dt.date | None = None
    expected_decision_on: dt.date | None = None
    notes: str = ""
    archived: bool = False


@dataclass(frozen=True)
class Interaction:
    """One entry of an opportunity's timeline."""

    id: int
    opportunity_id: int
    kind: InteractionKind
    direction: Direction
    occurred_at: arrow.Arrow
    summary: str = ""
    contact_id: int | None = None


@dataclass(frozen=True)
class FollowUp:
    """A planned (or done, or skipped) touch on an opportunity."""

    id: int
    opportunity_id: int
    kind: FollowUpKind
    channel: Channel
    due_at: arrow.Arrow
    status: FollowUpStatus = FollowUpStatus.PLANNED
    done_at: arrow.Arrow | None = None
    contact_id: int | None = None
    anchor_interaction_id: int | None = None
    created_at: arrow.Arrow | None = None


@dataclass(frozen=True)
class Draft:
    """What the user means to say: an email or a phone script."""

    id: int
    channel: Channel
    updated_at: arrow.Arrow
    follow_up_id: int | None = None
    opportunity_id: int | None = None
    to: str = ""
    subject: str = ""
    body: str = ""
    sent_at: arrow.Arrow | None = None
    revision: int = 0


@dataclass(frozen=True)
class OpportunityDetail:
    """An opportunity with everything the detail view shows."""

    opportunity: Opportunity
    contacts: tuple[Contact, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    drafts: tuple[Draft, ...] = field(default=())
