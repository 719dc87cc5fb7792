"""How a month turns into the grid's lines (pure: no widget, no terminal), cached per state.

Seven columns of three cells ("20•"): 21 cells, inside the 22 the pane promises.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from jobhunt_tui.domain.month import (
    CalendarNames,
    MarkKind,
    MonthMarks,
    month_weeks,
    weekday_header,
)
from jobhunt_tui.ui.widgets.card_lines import Piece

GRID_WIDTH = 21
"""Cells of one grid line: 7 days × 3."""

MARK_SYMBOLS = {
    MarkKind.OVERDUE: "!",
    MarkKind.INTERVIEW: "★",
    MarkKind.PLANNED: "•",
    MarkKind.DONE: "✓",
}
"""One symbol per state, so the states differ without colour too."""

LEGEND = (
    (MarkKind.OVERDUE, "late"),
    (MarkKind.PLANNED, "planned"),
    (MarkKind.DONE, "done"),
    (MarkKind.INTERVIEW, "interview"),
)


class MonthFace(NamedTuple):
    """What the grid needs of a month: small and hashable, so lines can be cached."""

    year: int
    month: int
    week_start: int
    today: dt.date
    kinds: tuple[tuple[dt.date, MarkKind], ...]
    """The most urgent mark of each day that has one."""
    owners: tuple[tuple[dt.date, frozenset[int]], ...]
    """The opportunities with something on each such day."""

    def highlighted(self, opportunity_id: int | None) -> frozenset[dt.date]:
        """The days holding something of `opportunity_id`."""
        if opportunity_id is None:
            return frozenset()
        return frozenset(day for day, ids in self.owners if opportunity_id in ids)


def month_face(marks: MonthMarks, week_start: int, today: dt.date) -> MonthFace:
    """The face of a month read from storage."""
    summary = marks.by_day()
    days = sorted(summary)
    return MonthFace(
        marks.year,
        marks.month,
        week_start,
        today,
        tuple((day, summary[day][0]) for day in days),
        tuple((day, summary[day][1]) for day in days),
    )


@lru_cache(maxsize=64)
def grid_lines(
    face: MonthFace,
    cursor: dt.date,
    highlight: frozenset[dt.date],
    names: CalendarNames,
) -> tuple[tuple[Piece, ...], ...]:
    """Title, weekday header and one line per week (always 6, so the height never jumps)."""
    title = f"{names.months[face.month - 1]} {face.year}"
    lines: list[tuple[Piece, ...]] = [
        (Piece(title.center(GRID_WIDTH).rstrip(), "title"),),
        (Piece(" ".join(f"{n:>2}" for n in weekday_header(names, face.week_start)), "weekday"),),
    ]
    kinds = dict(face.kinds)
    weeks = month_weeks(face.year, face.month, face.week_start)
    for week in weeks:
        pieces: list[Piece] = []
        for day in week:
            if day is None:
                pieces.append(Piece("   "))
                continue
            kind = kinds.get(day)
            role = "day"
            if day in highlight:
                role = "highlight"
            if day == face.today:
                role = "today"
            if day == cursor:
                role = "cursor"
            pieces.append(Piece(f"{day.day:>2}", role))
            if kind is None:
                pieces.append(Piece(" "))
            else:
                pieces.append(Piece(MARK_SYMBOLS[kind], kind.value))
        lines.append(tuple(pieces))
    while len(lines) < 8:
        lines.append(())
    return tuple(lines)


def legend_lines() -> tuple[tuple[Piece, ...], ...]:
    """What the marks mean, two per line so each line fits the grid's width."""
    lines: list[tuple[Piece, ...]] = []
    for pair in (LEGEND[:2], LEGEND[2:]):
        pieces: list[Piece] = []
        for kind, word in pair:
            if pieces:
                pieces.append(Piece("  "))
            pieces += [Piece(MARK_SYMBOLS[kind], kind.value), Piece(f" {word}", "muted")]
        lines.append(tuple(pieces))
    return tuple(lines)
