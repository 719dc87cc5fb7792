"""Writing a file the user's eyes only, all at once: a temp file beside the target, fsynced,
renamed into place, mode 0600.

A reader (a mail app opening the .eml) sees the old file or the whole new one, never half of
it; a crash leaves at most a hidden temp file, never a truncated target. (Issue 14 adds a
shared atomic-write helper; this one is meant to fold into it.)
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from jobhunt_tui.domain.errors import ValidationError

PRIVATE_MODE = 0o600


def write_private_file(target: Path, data: bytes, *, field: str = "file") -> Path:
    """Write `data` to `target` atomically with mode 0600; ValidationError (naming `field`)
    for a target that is a folder or a folder that does not exist. Returns the target."""
    target = target.expanduser()
    if target.is_dir():
        raise ValidationError(field, f"{target} is a folder; give a file name")
    folder = target.parent
    if not folder.is_dir():
        raise ValidationError(field, f"the folder {folder} does not exist")
    # mkstemp creates the file 0600 from the start: the text is never readable by others.
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temp, PRIVATE_MODE)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    _sync_folder(folder)
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open a folder for this)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
