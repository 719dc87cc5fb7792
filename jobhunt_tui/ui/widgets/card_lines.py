"""How one board card turns into a few lines of text (pure: no widget, no terminal)."""

from __future__ import annotations

from dataclasses import dataclass

import arrow
from rich.cells import cell_len

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.localtime import Zone, days_between
from jobhunt_tui.domain.stages import is_open
from jobhunt_tui.domain.text import visible
from jobhunt_tui.ui.display import fit

CARD_HEIGHT = 4
"""Lines per card: company, role, status, and a blank line between cards."""

QUIET_SHOWN_AFTER_DAYS = 7
"""Silence is marked on the card once it lasts a week (the cadence's own spacing)."""


@dataclass(frozen=True)
class Piece:
    """A run of text and the name of its role (the column maps roles to styles)."""

    text: str
    role: str = "text"


def follow_up_badge(card: BoardCard, now: arrow.Arrow, tz: Zone) -> Piece | None:
    """'⏰ today', '⏰ 3d' or '⏰ 2d late' for the next planned follow-up."""
    due = card.next_follow_up_at
    if due is None or not is_open(card.stage):
        return None
    days = days_between(now, due, tz)
    if card.overdue:
        late = max(1, -days)
        return Piece(f"⏰ {late}d late", "warning")
    if days <= 0:
        return Piece("⏰ today", "accent")
    return Piece(f"⏰ {days}d", "accent")


def status_pieces(card: BoardCard, now: arrow.Arrow, tz: Zone) -> list[Piece]:
    """The third line: days since the last touch, the follow-up badge, idle or quiet marks."""
    if not is_open(card.stage):
        return [Piece(card.stage.label, "muted")]
    pieces: list[Piece] = []
    if card.days_since_touch is not None:
        days = card.days_since_touch
        pieces.append(Piece("today" if days <= 0 else f"{days}d ago", "muted"))
    badge = follow_up_badge(card, now, tz)
    if badge is not None:
        pieces.append(badge)
    if card.idle:
        pieces.append(Piece("idle", "warning"))
    elif card.quiet_days is not None and card.quiet_days >= QUIET_SHOWN_AFTER_DAYS:
        pieces.append(Piece(f"quiet {card.quiet_days}d", "muted"))
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
    """Keep whole pieces, separated by two spaces, while they fit; drop the rest."""
    kept: list[Piece] = []
    used = 0
    for piece in pieces:
        gap = 2 if kept else 0
        size = cell_len(piece.text)
        if used + gap + size > width:
            break
        if gap:
            kept.append(Piece("  "))
        kept.append(piece)
        used += gap + size
    return kept
