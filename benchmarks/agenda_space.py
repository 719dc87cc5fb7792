"""The agenda's `space`: key → the frame that shows the follow-up done, in a real terminal.

One launch on a copy of the largest database (the presses write, and later rows measure the
original): `tab` to the month grid, `enter` lists today in the agenda (the cursor lands on
today's first item), one untimed `space` on it; from then on the cursor sits on the first
overdue item. Each timed `space` marks that one done, the cadence re-plans what follows it,
and the agenda's cursor lands on the next overdue item: every press acts on a different
planned follow-up. The time is key → the frame by which both the agenda's "Overdue (N)"
heading (drawn with the month grid and the progress strip) and the header's "N overdue"
(drawn with the board's card) show the new count.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ptyrun import AppFailed, PtySession, strip_ansi
from report import Measurement, Target
from scenarios import AppUnderTest, log

TARGET = Target("p95 ≤ 100 ms", stat="p95", max_value=100.0)
MIN_PRESSES = 20
"""Presses timed at least (p95 needs a few tens of samples to mean anything)."""
AGENDA_OVERDUE = re.compile(rb"Overdue \((\d[\d,]*)\)")
HEADER_OVERDUE = re.compile(rb"(\d[\d,]*) overdue")


@dataclass
class SpaceResults:
    """Key → frame seconds of each `space`, the follow-ups marked done, or why none."""

    seconds: list[float] = field(default_factory=list)
    no_frame: int = 0
    done: int = 0
    error: str = ""


def overdue_counts(text: bytes) -> tuple[int | None, int | None]:
    """The last agenda "Overdue (N)" and header "N overdue" counts in terminal output."""
    plain = strip_ansi(text)
    found = []
    for pattern in (AGENDA_OVERDUE, HEADER_OVERDUE):
        values = pattern.findall(plain)
        found.append(int(values[-1].replace(b",", b"")) if values else None)
    return found[0], found[1]


def done_count(path: Path) -> int:
    """How many follow-ups the file holds as done (the presses add one each)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            query = "SELECT count(*) FROM follow_up WHERE status = 'done'"
            return int(conn.execute(query).fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (a WAL the source may have included)."""
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
    target.chmod(0o600)  # as jobhunt keeps its files: no notice about who may read it


def _press_until_counts_change(
    session: PtySession, before: tuple[int | None, int | None], timeout: float
) -> float | None:
    """Press space; seconds until the output has shown both overdue counts changed."""
    session.drain()
    seen = len(session.transcript)
    sent = time.perf_counter()
    os.write(session.fd, b" ")

    def changed(_: bytes) -> bool:
        now = overdue_counts(bytes(session.transcript[seen:]))
        return all(new is not None and new != old for new, old in zip(now, before, strict=True))

    try:
        arrived = session.wait_for(changed, timeout) + session.started_at
    except AppFailed:
        if session.exited:
            raise
        return None
    return arrived - sent


def space_session(
    app: AppUnderTest, env: Mapping[str, str], db: Path, *, presses: int, timeout: float
) -> SpaceResults:
    """Launch, reach the agenda, time `presses` presses of `space`; then quit."""
    result = SpaceResults()
    session = PtySession(app.argv, env)
    before = done_count(db)
    try:
        session.start()
        session.wait_for(app.detector, timeout)
        session.wait_for(lambda seen: b"Overdue (" in seen, timeout)  # the calendar's read
        session.settle(quiet=1.0, timeout=30.0)  # and the rest of the board
        session.press(b"\t", quiet=0.3, timeout=2.0)  # the month grid
        session.settle(quiet=0.5, timeout=30.0)
        session.press(b"\r", quiet=0.3, timeout=5.0)  # today in the agenda, which has focus
        session.settle(quiet=0.5, timeout=30.0)
        session.press(b" ", quiet=0.5, timeout=10.0)  # today's item: the cursor goes to the top
        session.settle(quiet=1.0, timeout=30.0)
        if done_count(db) <= before:
            raise AppFailed(f"space on the agenda marked nothing done: {session.screen_text()}")
        for _ in range(presses):
            counts = overdue_counts(bytes(session.transcript))
            if None in counts:
                raise AppFailed(f"no overdue counts on screen: {session.screen_text()}")
            seconds = _press_until_counts_change(session, counts, timeout=5.0)
            if seconds is None:
                result.no_frame += 1
                if result.no_frame >= 3 and not result.seconds:
                    raise AppFailed("space changed nothing on screen three times")
            else:
                result.seconds.append(seconds)
            # Let the rest land untimed: the toast, the live view's echo of our own write.
            session.settle(quiet=0.7, timeout=10.0)
    except (AppFailed, OSError) as error:
        result.error = f"not available yet: {error}"
    finally:
        if session.pid:
            session.quit()
    result.done = done_count(db) - before
    return result


def row(
    apps: Sequence[AppUnderTest],
    failed_launches: set[str],
    databases: Mapping[int, Path],
    env: Mapping[str, str],
    *,
    presses: int,
    timeout: float,
) -> Measurement:
    """The report row: `space` on the agenda at the largest size, on a copy of its file."""
    size = max(databases)
    app = next(a for a in apps if a.name == str(size))
    label = "key → frame, `space` on an agenda item (done + re-plan + calendar)"
    measurement = Measurement(label, f"{size:,}", "ms", target=TARGET)
    if app.name in failed_launches:
        measurement.unavailable = "not available yet (see first paint)"
        return measurement
    log(f"agenda space: {size:,}")
    original = databases[size]
    copy = original.with_name(f"{original.stem}-agenda-space.db")
    copy_database(original, copy)
    argv = [str(copy) if arg == str(original) else arg for arg in app.argv]
    try:
        result = space_session(
            AppUnderTest(app.name, argv, app.detector),
            env,
            copy,
            presses=max(presses, MIN_PRESSES),
            timeout=timeout,
        )
    finally:
        for path in copy.parent.glob(f"{copy.name}*"):
            path.unlink()
    measurement.samples = [s * 1000 for s in result.seconds]
    measurement.unavailable = result.error
    notes = [f"follow-ups marked done: {result.done}"]
    if result.no_frame:
        notes.append(f"{result.no_frame} presses changed nothing on screen")
    measurement.note = "; ".join(notes)
    return measurement


def main() -> None:
    """Just this row: `.venv/bin/python benchmarks/agenda_space.py [N] [presses]`."""
    import sys
    import tempfile

    here = Path(__file__).resolve().parent
    sys.path[:0] = [str(here), str(here.parent)]
    import bench
    import dbgen
    from ptyrun import word_detector

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    presses = int(sys.argv[2]) if len(sys.argv) > 2 else MIN_PRESSES
    with tempfile.TemporaryDirectory(prefix="jobhunt-space-") as folder:
        tmp = Path(folder)
        generated = dbgen.build(tmp / f"jobhunt-{size}.db", size)
        python = here.parent / ".venv" / "bin" / "python"
        jobhunt, _ = bench.jobhunt_argv(str(python) if python.exists() else sys.executable, "")
        argv = [*jobhunt, "--db", str(generated.path)]
        app = AppUnderTest(str(size), argv, word_detector(generated.first_column_companies))
        measurement = row([app], set(), {size: generated.path}, bench.child_env(tmp),
                          presses=presses, timeout=60.0)  # fmt: skip
    if not measurement.available:
        print(measurement.unavailable)
        return
    ms = sorted(measurement.samples)
    print(f"space at {size:,}: median {measurement.stat('median'):.1f} ms, "
          f"p95 {measurement.stat('p95'):.1f} ms ({measurement.note}); slowest "
          f"{[round(v, 1) for v in ms[-5:]]}")  # fmt: skip


if __name__ == "__main__":
    main()
