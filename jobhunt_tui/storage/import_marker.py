"""A note beside the data file saying that a long import holds the write lock.

An import is one transaction (all of it or nothing), so while a large file goes in, every
other writer waits on SQLite's lock. The note lets them say why they wait ("waiting for the
import of 20,000 rows started 22:14") instead of failing with "database is locked". A note
left by an import that was killed is recognised by its process id and ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from jobhunt_tui.storage import atomic

POLL_SECONDS = 0.5


class RunningImport(NamedTuple):
    """An import in progress in another process (or this one)."""

    pid: int
    rows: int
    started: str

    def describe(self) -> str:
        """`the import of 20,000 rows started 22:14 UTC`."""
        return f"the import of {self.rows:,} rows started {self.started}"


def marker_path(database_path: Path) -> Path:
    """Where the note lives: `<name>-import` beside the data file."""
    return database_path.with_name(database_path.name + "-import")


@contextmanager
def announced(database_path: Path, rows: int, started: str) -> Iterator[None]:
    """Leave the note for as long as the block (the import's transaction) runs."""
    marker = marker_path(database_path)
    note = {"pid": os.getpid(), "rows": rows, "started": started}
    with contextlib.suppress(OSError):  # a note that cannot be written only costs the words
        atomic.write_bytes(marker, json.dumps(note).encode("utf-8"))
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            marker.unlink()


def running_import(database_path: Path) -> RunningImport | None:
    """The import now holding the data file, or None (no note, or its process is gone)."""
    try:
        note = json.loads(marker_path(database_path).read_text(encoding="utf-8"))
        found = RunningImport(int(note["pid"]), int(note["rows"]), str(note["started"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(found.pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, someone else's
    return found


def wait_for_import(
    database_path: Path, say: Callable[[str], None], *, poll: float = POLL_SECONDS
) -> bool:
    """If an import holds the data file, say so once and wait until it ends; True if waited."""
    running = running_import(database_path)
    if running is None or running.pid == os.getpid():
        return False
    say(f"waiting for {running.describe()} to finish…")
    while running_import(database_path) is not None:
        time.sleep(poll)
    return True


def busy_because_of_import(database_path: Path) -> str | None:
    """The one sentence for a writer kept waiting by a running import, or None when no
    import holds the file (the CLI, the app and the writer lock all say it this way)."""
    running = running_import(database_path)
    if running is None:
        return None
    return (
        f"the data file is busy: {running.describe()} holds it; nothing was changed, "
        "try again when it finishes"
    )
