"""Writing a file for the user's eyes only (an .eml), all at once, with a clear refusal when
the target cannot be a file: the atomic, 0600 write itself is `storage.atomic`'s."""

from __future__ import annotations

from pathlib import Path

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.services.file_output import save_bytes


def write_private_file(target: Path, data: bytes, *, field: str = "file") -> Path:
    """Write `data` to `target` atomically with mode 0600; ValidationError (naming `field`)
    for a target that is a folder or a folder that does not exist. Returns the target."""
    target = target.expanduser()
    if target.is_dir():
        raise ValidationError(field, f"{target} is a folder; give a file name")
    if not target.parent.is_dir():
        raise ValidationError(field, f"the folder {target.parent} does not exist")
    save_bytes(target, data)
    return target
