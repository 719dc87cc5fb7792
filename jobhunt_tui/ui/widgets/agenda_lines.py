"""How the agenda turns into rows of lines (pure: no widget, no terminal).

Sections: Overdue, Today, Next 7 days, Needs a next step, Quiet, and the chosen day. Each item
is two lines: "company · role", then "kind · channel · in 2 days". Rows are built once per
read and width; the cursor and the highlight are applied when drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

import arrow
from rich.cells import cell_len

from jobhunt_tui.domain.agenda import Agenda, AgendaItem, DayEntry, due_label
from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.localtime import Zone, local
from jobhunt_tui.domain.spacing import kind_label
from jobhunt_tui.domain.text import visible
from jobhunt_tui.ui.display import fit
from jobhunt_tui.ui.widgets.card_lines import Piece

CALM_LINE = "Processes often take 2-6 weeks: keep two or more moving."
"""Said under "Quiet": silence is a state, not a verdict."""

SECTION_NAMES = {
    "overdue": "Overdue",
    "today": "Today",
    "upcoming": "Next 7 days",
    "needs_next_step": "Needs a next step",
    "quiet": "Quiet",
}


class AgendaRow(NamedTuple):
    """One row of the agenda: a heading or note (not selectable) or an item."""

    lines: tuple[tuple[Piece, ...], ...]
    section: str
    follow_up_id: int | None = None
    opportunity_id: int | None = None
    card: BoardCard | None = None
    """For a "needs a next step" item: the card `f` plans a follow-up for."""
    label: str = ""
    """Words for the change it may cause ("Acme thank-you")."""
    due_at: arrow.Arrow | None = None
    """When a planned follow-up is due (a refused snooze offers a date from it)."""

    @property
    def selectable(self) -> bool:
        """Items are; headings and notes are not."""
        return self.opportunity_id is not None


def _fit_line(parts: Iterable[Piece], width: int, indent: str = "  ") -> tuple[Piece, ...]:
    """Whole pieces joined by " · " while they fit; the first is cut at a word if alone."""
    kept: list[Piece] = [Piece(indent)] if indent else []
    used = cell_len(indent)
    for part in parts:
        gap = 3 if len(kept) > (1 if indent else 0) else 0
        size = cell_len(part.text)
        if used + gap + size > width:
            if gap == 0:
                kept.append(Piece(fit(part.text, width - used), part.role))
            break
        if gap:
            kept.append(Piece(" · ", "muted"))
        kept.append(part)
        used += gap + size
    return tuple(kept)


def _title(company: str, role: str, width: int) -> tuple[Piece, ...]:
    name = visible(company)
    line = f"{name} · {visible(role)}"
    if cell_len(line) <= width:
        return (Piece(name, "company"), Piece(line[len(name) :], "muted"))
    return (Piece(fit(name, width), "company"),)


def _heading(text: str, count: int | None, section: str) -> AgendaRow:
    label = text if count is None else f"{text} ({count})"
    return AgendaRow(((Piece(label, "heading"),),), section)


def _note(
    text: str, section: str, width: int, role: str = "muted", indent: str = "  "
) -> AgendaRow:
    return AgendaRow((_fit_line([Piece(text, role)], width, indent),), section)


def _item_row(item: AgendaItem, section: str, now: arrow.Arrow, tz: Zone, width: int) -> AgendaRow:
    when = due_label(item.due_at, now, tz)
    role = "late" if when.endswith("late") else ("soon" if section == "today" else "muted")
    kind = kind_label(item.kind.value)
    detail = _fit_line([Piece(kind), Piece(item.channel.value), Piece(when, role)], width)
    return AgendaRow(
        (_title(item.company, item.role, width), detail),
        section,
        follow_up_id=item.follow_up_id,
        opportunity_id=item.opportunity_id,
        label=f"{visible(item.company)} {kind}",
        due_at=item.due_at,
    )


def _card_row(card: BoardCard, section: str, width: int) -> AgendaRow:
    if card.quiet_days is not None:
        state = Piece(f"quiet {card.quiet_days} days", "muted")
    elif card.days_since_touch is not None:
        state = Piece(f"{card.days_since_touch} days since a touch", "muted")
    else:
        state = Piece("never touched", "muted")
    parts = [Piece("no next step", "warning"), state] if section == "needs_next_step" else [state]
    if section == "needs_next_step":
        parts.append(Piece("f plans one", "key"))
    return AgendaRow(
        (_title(card.company, card.role, width), _fit_line(parts, width)),
        section,
        opportunity_id=card.opportunity_id,
        card=card,
        label=visible(card.company),
    )


def _entry_row(entry: DayEntry, tz: Zone, width: int) -> AgendaRow:
    time = local(entry.at, tz).format("HH:mm")
    kind = kind_label(entry.kind)
    parts = [Piece(time, "muted"), Piece(kind)]
    if entry.channel is not None:
        parts.append(Piece(entry.channel.value))
    if entry.state == "interview":
        parts = [parts[0], Piece("interview", "interview")]
    else:
        parts.append(Piece("sent" if entry.state == "done" else "planned", entry.state))
    return AgendaRow(
        (_title(entry.company, entry.role, width), _fit_line(parts, width)),
        "day",
        follow_up_id=entry.follow_up_id if entry.state == "planned" else None,
        opportunity_id=entry.opportunity_id,
        label=f"{visible(entry.company)} {kind}",
        due_at=entry.at if entry.state == "planned" else None,
    )


def day_title(day: dt.date, today: dt.date) -> str:
    """ "Thu 26 Nov", or "Today, Fri 20 Nov"."""
    text = f"{day:%a} {day.day} {day:%b}"
    return f"Today, {text}" if day == today else text


def agenda_rows(
    agenda: Agenda,
    day: dt.date,
    entries: tuple[DayEntry, ...],
    *,
    now: arrow.Arrow,
    tz: Zone,
    width: int,
    lines: int | None = None,
) -> tuple[AgendaRow, ...]:
    """Every row of the agenda, sections in order, each line within `width` cells.

    With `lines` (a first view read only that far), the rows that start within them.
    """
    rows = _all_rows(agenda, day, entries, now=now, tz=tz, width=max(8, width))
    if lines is None:
        return rows
    kept: list[AgendaRow] = []
    used = 0
    for row in rows:
        if used >= lines:
            break
        kept.append(row)
        used += len(row.lines)
    return tuple(kept)


def _all_rows(
    agenda: Agenda,
    day: dt.date,
    entries: tuple[DayEntry, ...],
    *,
    now: arrow.Arrow,
    tz: Zone,
    width: int,
) -> tuple[AgendaRow, ...]:
    hidden = dict(agenda.hidden)
    rows: list[AgendaRow] = []
    lists: tuple[tuple[str, tuple[AgendaItem, ...]], ...] = (
        ("overdue", agenda.overdue),
        ("today", agenda.due_today),
        ("upcoming", agenda.upcoming),
    )
    for section, items in lists:
        total = len(items) + hidden.get(section, 0)
        if not items:
            rows.append(
                _note(f"{SECTION_NAMES[section]}: nothing", section, width, "heading-empty")
            )
            continue
        rows.append(_heading(SECTION_NAMES[section], total, section))
        rows += [_item_row(item, section, now, tz, width) for item in items]
        if hidden.get(section):
            rows.append(_note(f"… and {hidden[section]:,} more", section, width))
    for section, cards in (("needs_next_step", agenda.needs_next_step), ("quiet", agenda.quiet)):
        if not cards:
            continue
        rows.append(_heading(SECTION_NAMES[section], len(cards) + hidden.get(section, 0), section))
        if section == "quiet":
            rows.append(_note(CALM_LINE, section, width))
        rows += [_card_row(card, section, width) for card in cards]
        if hidden.get(section):
            rows.append(_note(f"… and {hidden[section]:,} more", section, width))
    rows.append(_heading(day_title(day, agenda.today), None, "day"))
    if not entries:
        rows.append(_note("nothing on this day", "day", width))
    rows += [_entry_row(entry, tz, width) for entry in entries]
    return tuple(rows)
