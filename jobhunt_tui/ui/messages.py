"""Typed messages that workers post back to the UI thread (one place for all of them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # annotations only: the first frame does not import the draft machinery
    from jobhunt_tui.domain.board import BoardCard
    from jobhunt_tui.domain.drafts import OpenedDraft, SaveOutcome
    from jobhunt_tui.domain.models import OpportunityDetail
    from jobhunt_tui.services.board import BoardSnapshot, HealthCounts
    from jobhunt_tui.ui.widgets.calendar_pane import CalendarRead


@dataclass
class BoardLoaded(Message):
    """The whole board was read (at startup, after undo, or when closed cards are toggled)."""

    snapshot: BoardSnapshot
    select_id: int | None = None


@dataclass
class CardChanged(Message):
    """One opportunity changed: `card` is its new face, or None when it left the board."""

    opportunity_id: int
    card: BoardCard | None
    counts: HealthCounts
    note: str = ""
    select: bool = True
    as_of: int = 0
    """The change-log id the card was read at (an older read never replaces a newer one)."""
    calendar: CalendarRead | None = None
    """The calendar's part on screen, read right after the change."""


@dataclass
class LiveChanged(Message):
    """Cards that changed (None: gone) and fresh counts; `reload` asks to read everything."""

    cards: dict[int, BoardCard | None]
    counts: HealthCounts | None
    reload: bool = False
    select_id: int | None = None
    as_of: int = 0
    """The change-log id the cards were read at."""


@dataclass
class DetailLoaded(Message):
    """An opportunity's details were read for the detail screen."""

    detail: OpportunityDetail


@dataclass
class OpenDraft(Message):
    """Open the draft of this follow-up in the draft pane (the agenda posts it on `d`)."""

    follow_up_id: int


@dataclass
class DraftOpened(Message):
    """A follow-up's draft was read (or written from its template) for the draft pane."""

    opened: OpenedDraft


@dataclass
class DraftSaved(Message):
    """A draft save finished: its outcome, or why it failed (`error`; `retry` when trying
    again may help, e.g. the file was busy)."""

    draft_id: int
    outcome: SaveOutcome | None
    announce: bool = False
    error: str = ""
    retry: bool = True
