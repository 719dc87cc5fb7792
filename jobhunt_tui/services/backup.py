"""Backups: a consistent, verified copy of the data file (SQLite backup API + integrity_check)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.domain.text import visible
from jobhunt_tui.storage.database import Database


class BackupError(JobhuntError):
    """A backup that cannot be made where it was asked for."""


def default_backup_path(database_path: Path, clock: Clock) -> Path:
    """`<name>-backup-YYYYMMDD-HHMMSS.db` beside the database, never an existing file."""
    stamp = clock().to("UTC").format("YYYYMMDD-HHmmss")
    candidate = database_path.with_name(f"{database_path.stem}-backup-{stamp}.db")
    counter = 1
    while candidate.exists():
        candidate = database_path.with_name(f"{database_path.stem}-backup-{stamp}-{counter}.db")
        counter += 1
    return candidate


def _same_file(first: Path, second: Path) -> bool:
    """True when both paths name the same file."""
    try:
        return first.resolve() == second.resolve() or (
            first.exists() and second.exists() and first.samefile(second)
        )
    except OSError:
        return False


def check_destination(database_path: Path, destination: Path, *, overwrite: bool) -> None:
    """Refuse a destination that is the database itself, exists already, or has no folder."""
    shown = visible(str(destination))
    for own in (
        database_path,
        *(database_path.with_name(database_path.name + s) for s in ("-wal", "-shm")),
    ):
        if _same_file(own, destination):
            raise BackupError(f"{shown} is the database itself; choose another file for the copy")
    if destination.is_dir():
        raise BackupError(f"{shown} is a folder; give a file name for the copy")
    if not destination.parent.is_dir():
        raise BackupError(f"{visible(str(destination.parent))}: no such folder")
    if destination.exists() and not overwrite:
        raise BackupError(f"{shown} exists already; choose another name or pass --force")


def backup(
    database: Database, clock: Clock, destination: Path | None = None, *, overwrite: bool = False
) -> Path:
    """Copy the database to `destination` (default: beside it, time-stamped); returns the path."""
    target = destination if destination is not None else default_backup_path(database.path, clock)
    check_destination(database.path, target, overwrite=overwrite)
    try:
        database.backup_to(target)
    except (sqlite3.Error, OSError) as error:
        raise BackupError(f"could not write {visible(str(target))}: {error}") from None
    return target
