"""Time is injected: services take a Clock so tests, demo data and screenshots are repeatable."""

from __future__ import annotations

from collections.abc import Callable

import arrow

Clock = Callable[[], arrow.Arrow]


def system_clock() -> arrow.Arrow:
    """The real time, in UTC."""
    return arrow.utcnow()


def fixed_clock(moment: arrow.Arrow | str) -> Clock:
    """A clock that always reads `moment` (for tests, demo data and screenshots)."""
    frozen = arrow.get(moment)
    return lambda: frozen
