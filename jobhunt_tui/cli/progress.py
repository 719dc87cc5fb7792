"""A one-line progress bar on stderr for long commands (an import of thousands of rows).

It is drawn only when stderr is a terminal: in a pipe or a file there is no bar and no escape
code, so scripts and logs see exactly what they saw before. The line is redrawn in place
(carriage return, erase to end of line) at most ten times a second and erased when the work
ends, however it ends, so the command's own output starts on a clean line.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

REDRAW_SECONDS = 0.1
_ERASE = "\r\x1b[K"
_FULL, _EMPTY = "█", "░"
_MIN_BAR = 10


def duration(seconds: float) -> str:
    """`<1 s`, `42 s`, `3 min 05 s`: how long something still takes, roughly."""
    whole = round(seconds)
    if whole < 1:
        return "<1 s"
    if whole < 60:
        return f"{whole} s"
    return f"{whole // 60} min {whole % 60:02d} s"


def progress_line(label: str, done: int, total: int, elapsed: float, width: int = 80) -> str:
    """`importing ██████░░░░ 12,000/20,000 rows · 4,100 rows/s · 2 s left`, at most `width`
    characters (the bar takes what the words leave)."""
    total = max(total, 0)
    done = min(max(done, 0), total)
    rate = done / elapsed if elapsed > 0 and done else 0.0
    if done >= total:
        left = "done"
    elif rate:
        left = f"{duration((total - done) / rate)} left"
    else:
        left = "starting…"
    speed = f"{rate:,.0f} rows/s" if rate else "– rows/s"
    words = f"{done:,}/{total:,} rows · {speed} · {left}"
    room = width - len(label) - len(words) - 2
    if room < _MIN_BAR:
        return f"{label} {words}"[:width]
    filled = room if total == 0 else room * done // total
    return f"{label} {_FULL * filled}{_EMPTY * (room - filled)} {words}"


class TerminalProgress:
    """Draws `progress_line` in place on a terminal stream; does nothing on anything else."""

    def __init__(
        self, label: str, stream: TextIO, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.label = label
        self.stream = stream
        self.clock = clock
        self.active = _is_terminal(stream)
        """False in a pipe or a file: then no call writes anything."""
        self._started = clock()
        self._drawn_at: float | None = None

    def __call__(self, done: int, total: int) -> None:
        """Show that `done` of `total` rows are finished (redrawn at most every 0.1 s)."""
        if not self.active:
            return
        now = self.clock()
        if self._drawn_at is not None and now - self._drawn_at < REDRAW_SECONDS and done < total:
            return
        line = progress_line(self.label, done, total, now - self._started, self._width())
        self._drawn_at = now  # before the write: a ctrl+c during it must still erase the line
        self.stream.write(_ERASE + line)
        self.stream.flush()

    def clear(self) -> None:
        """Erase the bar, if one was drawn."""
        if self.active and self._drawn_at is not None:
            self.stream.write(_ERASE)
            self.stream.flush()
            self._drawn_at = None

    def _width(self) -> int:
        # One column short of the terminal: a line that fills it exactly wraps on some.
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (OSError, ValueError):
            columns = 0
        return max(columns - 1, 20) if columns > 0 else 79  # 0: the terminal did not say


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or stand-in stream
        return False


@contextmanager
def progress_bar(label: str, stream: TextIO | None = None) -> Iterator[TerminalProgress]:
    """A progress bar on stderr (or `stream`) for the block, erased when the block ends."""
    bar = TerminalProgress(label, stream if stream is not None else sys.stderr)
    try:
        yield bar
    finally:
        bar.clear()
