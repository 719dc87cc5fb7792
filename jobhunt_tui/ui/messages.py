"""Typed messages that workers post back to the UI thread (one place for all of them)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.models import OpportunityDetail
from jobhunt_tui.services.board import BoardSnapshot, HealthCounts


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


@dataclass
class DetailLoaded(Message):
    """An opportunity's details were read for the detail screen."""

    detail: OpportunityDetail


@dataclass
class OpenDraft(Message):
    """Open the draft of this follow-up (the calendar's `d`; the draft pane answers it)."""

    follow_up_id: int
