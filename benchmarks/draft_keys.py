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


def main() -> None:
    """Just this row: `.venv/bin/python benchmarks/draft_keys.py [N] [keys]`."""
    import sys
    import tempfile

    here = Path(__file__).resolve().parent
    sys.path[:0] = [str(here), str(here.parent)]
    import bench
    import dbgen
    from ptyrun import word_detector
    from report import percentile

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    keys = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    with tempfile.TemporaryDirectory(prefix="jobhunt-typing-") as folder:
        tmp = Path(folder)
        generated = dbgen.build(tmp / f"jobhunt-{size}.db", size)
        python = here.parent / ".venv" / "bin" / "python"
        jobhunt, _ = bench.jobhunt_argv(str(python) if python.exists() else sys.executable, "")
        argv = [*jobhunt, "--db", str(generated.path)]
        app = AppUnderTest(str(size), argv, word_detector(generated.first_column_companies))
        result = typing_session(app, bench.child_env(tmp), generated.path, keys=keys,
                                quiet=bench.QUIET_NAV, timeout=60.0)  # fmt: skip
    if not result.seconds:
        print(result.error or "no samples")
        return
    ms = sorted(value * 1000 for value in result.seconds)
    print(f"typing at {size:,}: median {percentile(ms, 50):.1f} ms, p95 {percentile(ms, 95):.1f} "
          f"ms, {len(ms)} keys, {result.no_frame} painted nothing, {result.saves} autosaves; "
          f"slowest {[round(value, 1) for value in ms[-5:]]}")  # fmt: skip


if __name__ == "__main__":
    main()
