"""What an app has imported by the time its first frame with content arrives.

Runs the app once (untimed) with ``PYTHONPROFILEIMPORTTIME=1``. Textual draws on stderr, so
the profile lines arrive on the same terminal, in order with the frames: the imports listed
before the awaited content appears are the ones the first frame waited for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ptyrun import AppFailed, Detector, PtySession, strip_ansi

HEAVY = ("textual", "rich", "sqlmodel", "sqlalchemy", "pydantic", "arrow", "click", "platformdirs")
_LINE = re.compile(r"import time:\s+(\d+)\s+\|\s+\d+\s+\|\s*([\w.]+)")


@dataclass(frozen=True)
class ImportsAtPaint:
    """Top-level packages imported before the first paint, and the costliest of them."""

    heavy: tuple[str, ...]
    costliest: tuple[tuple[str, float], ...]  # (package, self ms of all its modules)


def parse(text: str) -> dict[str, float]:
    """{top-level package: import ms of all its modules (self time)} from `-X importtime`."""
    totals: dict[str, float] = {}
    for match in _LINE.finditer(text):
        package = match.group(2).split(".")[0]
        totals[package] = totals.get(package, 0.0) + int(match.group(1)) / 1000
    return totals


def imports_at_first_paint(
    argv: Sequence[str], env: Mapping[str, str], detector: Detector, timeout: float = 60.0
) -> ImportsAtPaint:
    """Launch once with import profiling and report what was imported before the paint."""
    session = PtySession(argv, {**env, "PYTHONPROFILEIMPORTTIME": "1"})
    session.start()
    try:
        session.wait_for(detector, timeout)
        text = strip_ansi(bytes(session.transcript)).decode("utf-8", "replace")
    finally:
        session.quit()
    totals = parse(text)
    if not totals:
        raise AppFailed("no import profile was written")
    imported = {match.group(2).split(".")[0] for match in _LINE.finditer(text)}
    heavy = tuple(name for name in HEAVY if name in imported)
    costliest = tuple(sorted(totals.items(), key=lambda item: -item[1])[:6])
    return ImportsAtPaint(heavy=heavy, costliest=costliest)
