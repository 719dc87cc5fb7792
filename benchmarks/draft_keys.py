"""The typing measurement: key → frame in the draft editor while autosave runs.

One launch on the largest database: `d` opens the selected card's draft (or, when that card
has no planned follow-up, the next card's), then every printable key is timed like the board
keys (until the output goes quiet). Autosave runs throughout: typing at the harness's pace is
continuous, so a save lands at least every 1.5 s; the count is read from the file afterwards.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ptyrun import AppFailed, PtySession, strip_ansi
from scenarios import AppUnderTest

TEXT = "Thank you for your time on Thursday, I enjoyed hearing about the team. "
OPEN_TRIES = 5


@dataclass
class TypingResults:
    """Key → frame seconds while typing, and how many saves the app made meanwhile."""

    seconds: list[float] = field(default_factory=list)
    no_frame: int = 0
    saves: int = 0
    error: str = ""


def saves_made(path: Path) -> int:
    """The highest draft revision in the file: the saves that changed a draft."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT COALESCE(MAX(revision), 0) FROM draft").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


def _opens_draft(session: PtySession, wait: float = 5.0) -> bool:
    """Press `d`; True once the pane's length hint ("38 words · …") is painted."""
    seen = len(session.transcript)
    session.press(b"d", quiet=0.2, timeout=3.0)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if b"words" in strip_ansi(bytes(session.transcript[seen:])):
            return True
        session.settle(quiet=0.2, timeout=0.5)
    return False


def typing_session(
    app: AppUnderTest, env: Mapping[str, str], db: Path, *, keys: int, quiet: float, timeout: float
) -> TypingResults:
    """Launch, open a draft, time `keys` printable keys; then quit (which saves)."""
    result = TypingResults()
    session = PtySession(app.argv, env)
    before = saves_made(db)
    try:
        session.start()
        session.wait_for(app.detector, timeout)
        session.settle(quiet=0.5, timeout=30.0)
        for _ in range(OPEN_TRIES):
            if _opens_draft(session):
                break
            session.press(b"j", quiet=0.1, timeout=1.0)
        else:
            raise AppFailed("no card with a planned follow-up opened a draft")
        session.settle(quiet=0.3, timeout=10.0)
        for index in range(keys):
            char = TEXT[index % len(TEXT)].encode()
            timing = session.press(char, quiet=quiet, timeout=2.0)
            if timing is None:
                result.no_frame += 1
            else:
                result.seconds.append(timing.frame_done_s)
    except (AppFailed, OSError) as error:
        result.error = f"not available yet: {error}"
    finally:
        if session.pid:
            session.quit()
    result.saves = saves_made(db) - before
    return result
