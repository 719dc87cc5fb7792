"""`jobhunt note` and `jobhunt move`, whole process, on a copy of the 10,000-opportunity file.

Each timed run is a real write: every note adds a timeline entry, and the moves alternate one
opportunity between two open stages (the same move twice would store nothing the second
time). The writes land on a private copy, so the benchmark's shared databases stay as built;
the copy is counted afterwards to prove that every run wrote.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import cliruns
from report import Measurement, Target
from scenarios import log

WRITE = Target("≤ 0.5 s", max_value=0.5)
NOTE_TEXT = "benchmark note"
_OPEN = ("applied", "screening", "interviewing", "offer")


def _copy(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (the source may have a -wal beside it)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _count(db: Path, sql: str, params: Sequence[object] = ()) -> int:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute(sql, params).fetchone()[0])
    finally:
        conn.close()


def _open_opportunity(db: Path) -> tuple[int, str]:
    """The first unarchived opportunity in an open stage after the wishlist, and its stage."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        found = conn.execute(
            f"SELECT id, stage FROM opportunity WHERE archived = 0 AND stage IN "
            f"({', '.join('?' * len(_OPEN))}) ORDER BY id LIMIT 1",
            _OPEN,
        ).fetchone()
    finally:
        conn.close()
    if found is None:
        raise cliruns.CommandUnavailable("no open opportunity to move")
    return int(found[0]), str(found[1])


def _timed(
    jobhunt: Sequence[str],
    python: str,
    env: dict[str, str],
    runs: int,
    args_of: Callable[[int], list[str]],
) -> cliruns.CommandTiming:
    """Like `cliruns.time_command`, but run `i` gets its own arguments `args_of(i)`: one warm-up
    (run 0), `runs` timed runs, then the heavy-import probe (a write too)."""
    cliruns.run_once([*jobhunt, *args_of(0)], env)
    seconds = [cliruns.run_once([*jobhunt, *args_of(i)], env) for i in range(1, runs + 1)]
    timing = cliruns.CommandTiming(seconds=seconds)
    timing.heavy_imports = cliruns.heavy_imports(python, args_of(runs + 1), env)
    return timing


def _row(label: str, size: str, measure: Callable[[], cliruns.CommandTiming]) -> Measurement:
    row = Measurement(label, size, "s", target=WRITE)
    log(f"CLI: {label.strip('`')} at {size}")
    try:
        timing = measure()
    except cliruns.CommandUnavailable as error:
        row.unavailable = f"not available yet: {error}"
        return row
    row.samples = timing.seconds
    imported = timing.heavy_imports or []
    row.note = f"imports {', '.join(imported)}" if imported else "no heavy imports"
    return row


def rows(
    jobhunt: list[str], python: str, env: dict[str, str], db: Path, runs: int
) -> list[Measurement]:
    """The `jobhunt note` and `jobhunt move` rows, on a copy of `db`."""
    size = f"{_count(db, 'SELECT count(*) FROM opportunity'):,}"
    with tempfile.TemporaryDirectory(prefix="jobhunt-writes-") as folder:
        copy = Path(folder) / "writes.db"
        _copy(db, copy)
        env = {**env, "JOBHUNT_DB": str(copy)}
        expected = runs + 2  # the warm-up, the timed runs, the import probe
        note_id, _ = _open_opportunity(copy)
        notes_before = _count(copy, "SELECT count(*) FROM interaction WHERE kind = 'note'")
        note = _row(
            "`jobhunt note`",
            size,
            lambda: _timed(jobhunt, python, env, runs, lambda _: ["note", str(note_id), NOTE_TEXT]),
        )
        noted = _count(copy, "SELECT count(*) FROM interaction WHERE kind = 'note'") - notes_before
        _check(note, noted, expected, "notes")
        move_id, stage = _open_opportunity(copy)
        # To the next open stage and back: every run changes the stage, so every run writes.
        stages = [_OPEN[(_OPEN.index(stage) + 1) % len(_OPEN)], stage]
        moves_before = _stage_changes(copy, move_id)
        move = _row(
            "`jobhunt move`",
            size,
            lambda: _timed(
                jobhunt, python, env, runs, lambda i: ["move", str(move_id), stages[i % 2]]
            ),
        )
        _check(move, _stage_changes(copy, move_id) - moves_before, expected, "stage changes")
    return [note, move]


def _stage_changes(db: Path, opportunity_id: int) -> int:
    return _count(
        db,
        "SELECT count(*) FROM interaction WHERE kind = 'stage_change' AND opportunity_id = ?",
        (opportunity_id,),
    )


def _check(row: Measurement, stored: int, expected: int, what: str) -> None:
    """Say how many writes reached the file; fewer than the runs makes the figure invalid."""
    if not row.available:
        return
    row.note = f"{row.note}; {stored} {what} stored"
    if stored != expected:
        row.failed_check = f"{expected - stored} of {expected} runs stored nothing"
