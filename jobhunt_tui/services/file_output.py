"""Saving what the user asked for (an export, a report, an .ics) to a file: atomically,
privately, and with a readable reason when it cannot be done."""

from __future__ import annotations

from pathlib import Path

from jobhunt_tui.domain.errors import StorageUnavailableError
from jobhunt_tui.domain.text import visible
from jobhunt_tui.storage import atomic
from jobhunt_tui.storage.failures import os_reason


class OutputError(StorageUnavailableError):
    """A file that could not be written; the file that was there before is unchanged."""


def save_bytes(target: Path, data: bytes) -> None:
    """Replace `target` with `data` in one step (0600); OutputError says why it failed."""
    try:
        atomic.write_bytes(target, data)
    except OSError as error:
        kept = "it is unchanged" if target.exists() else "nothing was written"
        # The reason names the target, not the temporary file the error was about.
        reason = os_reason(error, name_file=False)
        raise OutputError(f"cannot write {visible(str(target))}: {reason}; {kept}") from None


def save_text(target: Path, text: str) -> None:
    """Replace `target` with `text` as UTF-8 (see `save_bytes`)."""
    save_bytes(target, text.encode("utf-8"))
