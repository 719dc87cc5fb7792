"""Putting a backup back in place of the data file, keeping the file it replaces."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.domain.text import visible
from jobhunt_tui.services.backup import damage
from jobhunt_tui.storage import atomic, paths


class RestoreError(JobhuntError):
    """A backup that cannot be restored, or a data file that cannot be replaced now."""


def restore(database_path: Path, backup: Path, clock: Clock, *, force: bool = False) -> Path | None:
    """Copy `backup` over the data file; returns where the replaced file was kept (None when
    there was none). The backup is checked first, and the file it replaces (with its -wal and
    -shm) is renamed aside, never deleted."""
    problem = damage(backup)
    if problem is not None:
        raise RestoreError(f"{visible(str(backup))} is {problem}; nothing was changed")
    main, wal, shm = paths.companions(database_path)
    if not force and (wal.exists() or shm.exists()):
        raise RestoreError(
            f"{visible(str(database_path))} looks open (its -wal or -shm file exists): close "
            "jobhunt everywhere and retry, or pass --force; nothing was changed"
        )
    kept: Path | None = None
    if main.exists() or main.is_symlink():
        stamp = clock().to("UTC").format("YYYYMMDD-HHmmss")
        kept = main.with_name(f"{main.name}.replaced-{stamp}")
        for file, suffix in ((main, ""), (wal, "-wal"), (shm, "-shm")):
            if file.exists():
                os.replace(file, kept.with_name(kept.name + suffix))
    paths.ensure_folder(main)
    with atomic.replacing(main) as temporary:
        shutil.copyfile(backup, temporary)
    return kept
