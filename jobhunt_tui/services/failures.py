"""What the app tells the user when the data file fails it (locked, full disk, read-only,
permission denied): one readable sentence, never the SQL or the driver's text."""

from __future__ import annotations

from jobhunt_tui.storage.failures import explain


def storage_failure(error: BaseException) -> str | None:
    """A sentence for a database or file failure, capitalised for a notification; None when
    `error` is neither (a bug, reported as such)."""
    reason = explain(error)
    return None if reason is None else reason[:1].upper() + reason[1:] + "."
