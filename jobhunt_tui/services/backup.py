"""Backups: consistent, verified copies of the data file (SQLite backup API + integrity_check),
made by hand (`jobhunt backup`) or automatically once a day when the app starts."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.domain.retention import backup_due, backups_to_keep
from jobhunt_tui.domain.text import visible
from jobhunt_tui.storage import paths
from jobhunt_tui.storage.database import Database
from jobhunt_tui.storage.failures import explain
from jobhunt_tui.storage.schema import APPLICATION_ID, SCHEMA_VERSION

AUTOMATIC_FOLDER = "backups"
_STAMP_FORMAT = "%Y%m%d-%H%M%S"


class BackupError(JobhuntError):
    """A backup that cannot be made where it was asked for."""


@dataclass(frozen=True)
class BackupFile:
    """One automatic backup: where it is and when it was taken (UTC)."""

    path: Path
    taken_at: dt.datetime

    @property
    def label(self) -> str:
        """When it was taken, for people: `2026-11-20 12:00 UTC`."""
        return self.taken_at.strftime("%Y-%m-%d %H:%M UTC")


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
    for own in paths.companions(database_path):
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
        reason = explain(error, target) or str(error)
        raise BackupError(f"could not write {visible(str(target))}: {reason}") from None
    return target


# Automatic backups


def backup_folder(database_path: Path) -> Path:
    """Where the automatic backups of `database_path` live: a `backups` folder beside it."""
    return database_path.parent / AUTOMATIC_FOLDER


def list_backups(database_path: Path) -> list[BackupFile]:
    """The automatic backups of `database_path`, newest first."""
    folder = backup_folder(database_path)
    pattern = re.compile(re.escape(database_path.stem) + r"-(\d{8}-\d{6})\.db")
    found: list[BackupFile] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match and entry.is_file():
            taken = dt.datetime.strptime(match.group(1), _STAMP_FORMAT).replace(
                tzinfo=dt.timezone.utc
            )
            found.append(BackupFile(entry, taken))
    return sorted(found, key=lambda item: item.taken_at, reverse=True)


def automatic_backup(database: Database, clock: Clock) -> BackupFile | None:
    """Back up once a day (the newest backup older than a day, or none), then keep 7 daily,
    4 weekly and 6 monthly copies; returns the new backup, or None when none was due."""
    now = clock().to("UTC").datetime.replace(microsecond=0)
    existing = list_backups(database.path)
    if not backup_due(existing[0].taken_at if existing else None, now):
        return None
    folder = backup_folder(database.path)
    folder.mkdir(mode=paths.FOLDER_MODE, exist_ok=True)
    made = BackupFile(folder / f"{database.path.stem}-{now.strftime(_STAMP_FORMAT)}.db", now)
    database.backup_to(made.path)
    keep = backups_to_keep(item.taken_at for item in [made, *existing])
    for item in existing:
        if item.taken_at not in keep:
            item.path.unlink(missing_ok=True)
    return made


def damage(path: Path) -> str | None:
    """Why the backup at `path` cannot be restored, or None when it is a sound jobhunt file."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"  # immutable: nothing created beside
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as error:
        return f"cannot be read ({error})"
    if application_id != APPLICATION_ID:
        return "not a jobhunt database"
    if version > SCHEMA_VERSION:
        return f"written by a newer jobhunt (schema {version})"
    return None if verdict == "ok" else f"failed its integrity check ({verdict})"


def newest_good_backup(database_path: Path) -> BackupFile | None:
    """The newest automatic backup that passes `damage`, or None."""
    return next((item for item in list_backups(database_path) if damage(item.path) is None), None)


def restore_offer(database_path: Path) -> str:
    """What to say after a refusal: how to put the newest good backup back, or nothing."""
    good = newest_good_backup(database_path)
    if good is None:
        return ""
    return f"; a good backup from {good.label} exists: `jobhunt restore` lists it and puts it back"
