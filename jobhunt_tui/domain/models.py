"""Plain domain objects: the pipeline's stages and kinds, the user's settings, and (loaded on
first use, from `records`) the records of a search. The storage layer converts its rows to
these at its boundary.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # what `__getattr__` hands out, for type checkers (re-exported)
    from jobhunt_tui.domain.records import Company as Company
    from jobhunt_tui.domain.records import Contact as Contact
    from jobhunt_tui.domain.records import Draft as Draft
    from jobhunt_tui.domain.records import FollowUp as FollowUp
    from jobhunt_tui.domain.records import Interaction as Interaction
    from jobhunt_tui.domain.records import Opportunity as Opportunity
    from jobhunt_tui.domain.records import OpportunityDetail as OpportunityDetail

_RECORDS = frozenset(
    {"Company", "Contact", "Draft", "FollowUp", "Interaction", "Opportunity", "OpportunityDetail"}
)


def __getattr__(name: str) -> Any:
    """The records, from `records` on first use: their seven dataclasses cost the app's start
    ~4 ms to create, and its first frame needs none of them."""
    if name in _RECORDS:
        from jobhunt_tui.domain import records

        return getattr(records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


class Settings(NamedTuple):
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
    active_floor: int = 2
    idle_days: int = 14
    theme: str = "textual-dark"
    week_start: int = 0
    """The calendar's first column: 0 Monday … 6 Sunday (as `date.weekday()` counts)."""
