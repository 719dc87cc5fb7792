"""Noticing other writers: a cheap "did anything commit?" and what the change log says since.

`PRAGMA data_version` on a connection that never writes moves whenever any other connection,
in this process or another, commits (about 15 µs to ask). Only then is the log read.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import NamedTuple

from jobhunt_tui.storage.connection import connect


class LoggedSummary(NamedTuple):
    """What the live view needs of one change-log entry."""

    id: int
    writer: str
    label: str
    opportunity_ids: tuple[int, ...]
    tables: tuple[str, ...]


class CommitWatcher:
    """A read-only connection of its own whose data_version tells when others committed."""

    def __init__(self, path: Path) -> None:
        self._conn = connect(path)
        self._version = self._data_version()

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def moved(self) -> bool:
        """True once for each time someone committed since the last call."""
        version = self._data_version()
        if version == self._version:
            return False
        self._version = version
        return True

    def close(self) -> None:
        """Close the watching connection."""
        self._conn.close()


def latest_id(conn: sqlite3.Connection) -> int:
    """The newest change-log id (0 for an empty log)."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0])


def oldest_id(conn: sqlite3.Connection) -> int:
    """The oldest change-log id still kept (0 for an empty log)."""
    return int(conn.execute("SELECT coalesce(min(id), 0) FROM change_log").fetchone()[0])


def entries_after(conn: sqlite3.Connection, last_id: int) -> list[LoggedSummary]:
    """Every change committed after `last_id`, oldest first."""
    rows = conn.execute(
        "SELECT id, writer, label, opportunity_ids, tables FROM change_log WHERE id > ? "
        "ORDER BY id",
        (last_id,),
    )
    return [
        LoggedSummary(
            int(row[0]),
            str(row[1]),
            str(row[2]),
            tuple(json.loads(row[3])),
            tuple(json.loads(row[4])),
        )
        for row in rows
    ]
