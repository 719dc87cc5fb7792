"""What a draft editor works with: the text, the follow-up it is for, its kept versions."""

from __future__ import annotations

from dataclasses import dataclass

import arrow

from jobhunt_tui.domain.localtime import Zone, local
from jobhunt_tui.domain.models import Channel, Draft, FollowUp, Settings
from jobhunt_tui.domain.spacing import kind_label

VERSIONS_KEPT = 20
"""Versions kept per draft; the oldest go first."""

VERSION_SPACING_S = 60
"""Saves of one writer closer together than this refresh its newest version instead of adding
one: autosaves every half second would otherwise fill the history with one-letter steps."""


@dataclass(frozen=True)
class DraftText:
    """The three things the user edits (phone scripts use only the body)."""

    to: str = ""
    subject: str = ""
    body: str = ""


@dataclass(frozen=True)
class DraftContext:
    """The follow-up a draft belongs to, with what its placeholders are filled from."""

    follow_up: FollowUp
    company: str
    role: str
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    interview_at: arrow.Arrow | None = None

    @property
    def first_name(self) -> str:
        """The contact's first name, or empty when there is no contact."""
        parts = self.contact_name.split()
        return parts[0] if parts else ""


@dataclass(frozen=True)
class DraftVersion:
    """One kept state of a draft; `note` says why it was kept when not an ordinary save."""

    id: int
    draft_id: int
    text: DraftText
    saved_at: arrow.Arrow
    revision: int
    note: str = ""


@dataclass(frozen=True)
class OpenedDraft:
    """A draft ready to edit: the stored draft, its follow-up, and placeholders left open."""

    draft: Draft
    context: DraftContext
    unfilled: tuple[str, ...] = ()
    created: bool = False


@dataclass(frozen=True)
class SaveOutcome:
    """What a save did: the draft's revision now, whether the text changed, and whether
    another writer had saved in between (its text was kept as a version)."""

    draft_id: int
    revision: int
    saved_at: arrow.Arrow
    changed: bool
    conflict: bool = False


def text_of(draft: Draft) -> DraftText:
    """The editable part of a draft."""
    return DraftText(draft.to, draft.subject, draft.body)


def placeholder_values(context: DraftContext, settings: Settings, tz: Zone) -> dict[str, str]:
    """What each placeholder becomes for this follow-up (empty: cannot be filled)."""
    day = ""
    if context.interview_at is not None:
        day = local(context.interview_at, tz).format("dddd D MMMM")
    return {
        "first_name": context.first_name,
        "company": context.company,
        "role": context.role,
        "interview_day": day,
        "my_name": settings.your_name,
        "signature": settings.signature or settings.your_name,
    }


def pane_title(context: DraftContext, due: str) -> str:
    """'thank-you · Initech · due today', '… · in 7 days' (`due` as the agenda words it)."""
    label = kind_label(context.follow_up.kind.value)
    state = context.follow_up.status.value
    when = state
    if state == "planned":
        when = f"due {due}" if due in ("today", "tomorrow") else due
    return f"{label} · {context.company} · {when}"


def is_phone(context: DraftContext) -> bool:
    """True when the follow-up is a call (the draft is a script)."""
    return context.follow_up.channel is Channel.PHONE
