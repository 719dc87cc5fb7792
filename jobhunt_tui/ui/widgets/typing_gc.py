"""Garbage collection paced by keys: between a key's frames, never inside one.

Textual's rendering leaves reference cycles behind (a Strip caches its own crops and styles,
itself among them): some 500 objects a key that only the cycle collector frees. So while
someone types, the collector runs every few keys, and a pass that lands inside a key's frame
made the slowest keys: 1-10 ms for the young generations, 35-70 ms for a full pass with
10,000 opportunities loaded. Two pacings:

- typing in the editor (`TypingCollector`): automatic collection is off while keys arrive;
  after each frame the young generations are collected by the thresholds the automatic
  collector uses, so the garbage stays as bounded as before; the full pass waits for a pause
  in typing. (Textual does the same for smooth scrolling: `App.PAUSE_GC_ON_SCROLL`.)
- every other key (`FullPassDeferral`, the app's): only the full pass waits for a pause; the
  young generations stay automatic, since a key there may start a worker that makes tens of
  thousands of objects (a calendar read), and collecting those after a frame cost more than
  letting the worker collect them as it goes.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable

Schedule = Callable[[Callable[[], None]], object]
"""Runs a callback once the frame being built is handed to the terminal (`call_after_refresh`)."""

WRITE_GAP_S = 0.005
"""How long after a frame is handed over the collection waits: Textual's output thread needs
the interpreter lock to write the frame, and a collection holds it throughout."""


class TypingCollector:
    """Turns automatic collection off while keys arrive, and collects between frames."""

    def __init__(self, after_frame: Schedule) -> None:
        self._after_frame = after_frame
        self.paused = False
        """True while this collector holds automatic collection off."""
        self._scheduled = False

    def typed(self) -> None:
        """A key changed the text: collect after its frame, not during it."""
        if not self.paused and gc.isenabled():  # never take over someone else's pause
            gc.disable()
            self.paused = True
        if self.paused and not self._scheduled:
            self._scheduled = True
            self._after_frame(self._between_frames)

    def _between_frames(self) -> None:
        asyncio.get_running_loop().call_later(WRITE_GAP_S, self._collect)

    def _collect(self) -> None:
        self._scheduled = False
        if not self.paused:
            return
        (young, middle, _), (count0, count1, _) = gc.get_threshold(), gc.get_count()
        if young <= 0:  # the collector is configured off: leave it so
            return
        if count1 >= middle:
            gc.collect(1)
        elif count0 >= young:
            gc.collect(0)

    def idle(self) -> None:
        """Typing paused (or focus left): run a full pass if one is due, then resume."""
        if not self.paused:
            return
        self.paused = False
        if gc.get_count()[2] >= gc.get_threshold()[2]:
            gc.collect()
        gc.enable()


NEVER = 1_000_000
"""A full-pass threshold no session reaches (young collections before the oldest one)."""


class FullPassDeferral:
    """Keeps the collector's full pass out of the frames that follow any key.

    A full pass walks every tracked object: 10-50 ms on the UI thread at 10,000
    opportunities, and one landing in the frames after `space` or `j` made their slowest
    presses. The young generations stay automatic (they run wherever garbage is made,
    workers too, and cost a few ms); only the oldest one waits, by its threshold, for a
    pause, when `resume` runs it if it is due.
    """

    def __init__(self) -> None:
        self.thresholds: tuple[int, int, int] | None = None
        """The collector's own thresholds while the full pass is deferred."""

    def defer(self) -> None:
        """A key: no full pass until `resume`."""
        if self.thresholds is not None:
            return
        young, middle, old = gc.get_threshold()
        if young <= 0:  # the collector is configured off: leave it so
            return
        self.thresholds = (young, middle, old)
        gc.set_threshold(young, middle, NEVER)

    def resume(self) -> None:
        """A pause: the thresholds back, and the full pass now if it was due."""
        if self.thresholds is None:
            return
        thresholds, self.thresholds = self.thresholds, None
        gc.set_threshold(*thresholds)
        if gc.isenabled() and gc.get_count()[2] >= thresholds[2]:
            gc.collect()
