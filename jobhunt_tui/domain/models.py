"""Plain domain objects. The storage layer converts its rows to these at its boundary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

import arrow

KIND_LABELS: dict[str, str] = {
    "applied": "application",
    "interview": "interview",
    "thank_you": "thank-you",
    "follow_up": "follow-up",
    "check_in": "check-in",
    "custom": "custom follow-up",
    "email_in": "email from the employer",
    "call": "call",
    "note": "note",
    "stage_change": "stage change",
}
"""The one place that names every follow-up and timeline kind for people; the app, the
command line, exports and messages all read it."""


def kind_label(kind: str) -> str:
    """A kind's stored value as words: "thank_you" reads "thank-you"."""
    return KIND_LABELS.get(kind, kind.replace("_", " "))


class Stage(str, Enum):
    """Where an opportunity stands. The first five are open, the last three closed."""

    WISHLIST = "wishlist"
    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """The name shown to the user."""
        return self.value.capitalize()


class InteractionKind(str, Enum):
    """What happened on the timeline of an opportunity."""

    APPLIED = "applied"
    INTERVIEW = "interview"
    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    CHECK_IN = "check_in"
    EMAIL_IN = "email_in"
    CALL = "call"
    NOTE = "note"
    STAGE_CHANGE = "stage_change"

    @property
    def label(self) -> str:
        """The name shown to people (see `kind_label`)."""
        return kind_label(self.value)


class Direction(str, Enum):
    """Who made the touch: the user (out) or the employer (in)."""

    OUT = "out"
    IN = "in"


class FollowUpKind(str, Enum):
    """The step of the cadence a follow-up belongs to."""

    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    CHECK_IN = "check_in"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        """The name shown to people (see `kind_label`)."""
        return kind_label(self.value)


class Channel(str, Enum):
    """How a follow-up reaches the employer."""

    EMAIL = "email"
    PHONE = "phone"


class FollowUpStatus(str, Enum):
    """Whether a follow-up is still to do."""

    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"


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
class Settings:
    """The user's preferences; every cadence number lives here."""

    your_name: str = ""
    your_email: str = ""
    signature: str = ""
    thank_you_hours: int = 24
    follow_up_days: int = 7
    check_in_days: int = 7
    min_gap_days: int = 7
    decision_grace_business_days: int = 2
    send_at_hour: int = 10
    week_start: int = 0  # the calendar's first column: 0 Monday … 6 Sunday (date.weekday())
    active_floor: int = 2
    idle_days: int = 14
    theme: str = "textual-dark"
    week_start: int = 0
    """The calendar's first weekday: 0 Monday … 6 Sunday."""


@dataclass(frozen=True)
class OpportunityDetail:
    """An opportunity with everything the detail view shows."""

    opportunity: Opportunity
    contacts: tuple[Contact, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    drafts: tuple[Draft, ...] = field(default=())
