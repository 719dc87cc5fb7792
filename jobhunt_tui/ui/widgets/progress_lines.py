"""The progress strip as lines (pure): a bar row per series over 8 weeks, the week in words."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from jobhunt_tui.domain.health import WeekCount
from jobhunt_tui.domain.progress import week_in_words
from jobhunt_tui.ui.display import fit
from jobhunt_tui.ui.widgets.card_lines import Piece

BARS = " ▁▂▃▄▅▆▇█"
"""Nine heights: zero is a blank, anything above zero at least the lowest bar."""

SERIES = (
    ("applications", "applied"),
    ("follow_ups_sent", "sent"),
    ("interviews", "interviews"),
)


def bar_text(values: Sequence[int]) -> str:
    """One cell per value, scaled to the largest (so every series shows its own shape)."""
    top = max(values, default=0)
    if top <= 0:
        return "".join("·" for _ in values)
    cells = []
    for value in values:
        if value <= 0:
            cells.append("·")
        else:
            cells.append(BARS[max(1, round(value / top * (len(BARS) - 1)))])
    return "".join(cells)


@lru_cache(maxsize=16)
def progress_lines(weeks: tuple[WeekCount, ...], width: int) -> tuple[tuple[Piece, ...], ...]:
    """ "applied    ▂▅█▃·▁▄▆  3" per series, then this week in words (wrapped at words)."""
    lines: list[tuple[Piece, ...]] = []
    for field, name in SERIES:
        values = [getattr(week, field) for week in weeks]
        this_week = values[-1] if values else 0
        lines.append(
            (
                Piece(f"{name:<10} ", "muted"),
                Piece(bar_text(values), field),
                Piece(f" {this_week}", "count"),
            )
        )
    words = week_in_words(weeks[-1] if weeks else None)
    lines += [(Piece(text, "words"),) for text in wrap_words(words, width)]
    return tuple(lines)


def wrap_words(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken between words (never inside one)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width or not current:
            current = candidate if len(candidate) <= width else fit(candidate, width)
        else:
            lines.append(current)
            current = word if len(word) <= width else fit(word, width)
    if current:
        lines.append(current)
    return lines
