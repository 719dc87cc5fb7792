"""benchmarks/agenda_space.py reads the counts a `space` changes from terminal output."""

from __future__ import annotations

import importlib
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _module():  # type: ignore[no-untyped-def]
    for folder in (ROOT, ROOT / "benchmarks"):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    return importlib.import_module("agenda_space")


def test_the_last_counts_painted_are_the_ones_read() -> None:
    agenda_space = _module()
    painted = (
        b"\x1b[1mOverdue (4,947)\x1b[0m  12 overdue \x1b[2JOverdue (4,946) \x1b[7m11 overdue\x1b[0m"
    )
    assert agenda_space.overdue_counts(painted) == (4946, 11)
    assert agenda_space.overdue_counts(b"nothing yet") == (None, None)


def test_presses_act_on_a_copy_and_count_what_was_done(tmp_path: Path) -> None:
    agenda_space = _module()
    original = tmp_path / "a.db"
    conn = sqlite3.connect(original)
    conn.execute("CREATE TABLE follow_up (status TEXT)")
    conn.executemany("INSERT INTO follow_up VALUES (?)", [("done",), ("planned",), ("done",)])
    conn.commit()
    conn.close()
    copy = tmp_path / "b.db"
    agenda_space.copy_database(original, copy)
    assert agenda_space.done_count(copy) == 2
    assert agenda_space.done_count(tmp_path / "missing.db") <= 0
