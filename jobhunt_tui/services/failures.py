"""What the app tells the user when the data file fails it (locked, full disk, read-only,
permission denied): one readable sentence, never the SQL or the driver's text."""

from __future__ import annotations

from pathlib import Path

from jobhunt_tui.storage.failures import explain, is_busy
from jobhunt_tui.storage.import_marker import busy_because_of_import


def storage_failure(error: BaseException, database_path: Path | None = None) -> str | None:
    """A sentence for a database or file failure, capitalised for a notification; None when
    `error` is neither (a bug, reported as such). A lock held by a running import says so."""
    reason = explain(error, database_path)
    if reason is None:
        return None
    if database_path is not None and is_busy(error):
        reason = busy_because_of_import(database_path) or reason
    return reason[:1].upper() + reason[1:] + "."
