"""How one board card turns into a few lines of text (pure: no widget, no terminal)."""

from __future__ import annotations

from typing import NamedTuple

import arrow
from rich.cells import cell_len

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.board_filter import QUIET_AFTER_DAYS
from jobhunt_tui.domain.localtime import Zone, days_between
from jobhunt_tui.domain.stages import is_open
from jobhunt_tui.domain.text import visible
from jobhunt_tui.ui.display import fit

CARD_HEIGHT = 4
"""Lines per card: company, role, status, and a blank line between cards."""

QUIET_SHOWN_AFTER_DAYS = QUIET_AFTER_DAYS
"""Silence is marked on the card once it lasts a week (the cadence's own spacing)."""


class Piece(NamedTuple):
    """A run of text and the name of its role (the column maps roles to styles).

    `rank` says what stays when the line is short: lower ranks are kept first.
    """

    text: str
    role: str = "text"
    rank: int = 0


BADGE_RANK = 0
"""The follow-up badge ("⏰ 3d late") matters most: it is kept before anything else."""
MARK_RANK = 1
AGE_RANK = 2


def follow_up_badge(card: BoardCard, now: arrow.Arrow, tz: Zone) -> Piece | None:
    """'⏰ today', '⏰ 3d' or '⏰ 2d late' for the next planned follow-up."""
    due = card.next_follow_up_at
    if due is None or not is_open(card.stage):
        return None
    days = days_between(now, due, tz)
    if card.overdue:
        late = max(1, -days)
        return Piece(f"⏰ {late}d late", "warning", BADGE_RANK)
    if days <= 0:
        return Piece("⏰ today", "accent", BADGE_RANK)
    return Piece(f"⏰ {days}d", "accent", BADGE_RANK)


def status_pieces(card: BoardCard, now: arrow.Arrow, tz: Zone) -> list[Piece]:
    """The third line: days since the last touch, the follow-up badge, idle or quiet marks."""
    if not is_open(card.stage):
        return [Piece(card.stage.label, "muted")]
    pieces: list[Piece] = []
    if card.days_since_touch is not None:
        days = card.days_since_touch
        pieces.append(Piece("today" if days <= 0 else f"{days}d ago", "muted", AGE_RANK))
    badge = follow_up_badge(card, now, tz)
    if badge is not None:
        pieces.append(badge)
    if card.idle:
        pieces.append(Piece("idle", "warning", MARK_RANK))
    elif card.quiet_days is not None and card.quiet_days >= QUIET_SHOWN_AFTER_DAYS:
        pieces.append(Piece(f"quiet {card.quiet_days}d", "muted", MARK_RANK))
    return pieces


def card_lines(card: BoardCard, width: int, now: arrow.Arrow, tz: Zone) -> list[list[Piece]]:
    """The card's lines as pieces, each line fitting `width` cells (words never cut silently)."""
    mark = " P1" if card.priority == 1 else ""
    company = fit(visible(card.company), max(1, width - len(mark)))
    top = [Piece(company, "company")]
    if mark:
        top.append(Piece(mark, "warning"))
    role = [Piece(fit(visible(card.role), width), "muted")]
    return [top, role, _fit_pieces(status_pieces(card, now, tz), width), []]


def _fit_pieces(pieces: list[Piece], width: int) -> list[Piece]:
    """Whole pieces, two spaces apart, in their order; when they do not all fit, the most
    important (lowest rank) are kept and the rest dropped."""
    chosen: set[int] = set()
    used = 0
    for index in sorted(range(len(pieces)), key=lambda i: (pieces[i].rank, i)):
        size = cell_len(pieces[index].text) + (2 if chosen else 0)
        if used + size <= width:
            chosen.add(index)
            used += size
    kept: list[Piece] = []
    for index, piece in enumerate(pieces):
        if index in chosen:
            if kept:
                kept.append(Piece("  "))
            kept.append(piece)
    return kept
