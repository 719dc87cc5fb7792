"""Where the data file lives and how its folder is made private."""

from __future__ import annotations

import os
from pathlib import Path

from jobhunt_tui.domain.text import visible

ENV_VAR = "JOBHUNT_DB"
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def default_database_path() -> Path:
    """`JOBHUNT_DB` if set, otherwise the platform's user data folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs  # deferred: only needed when no path is given

    return platformdirs.user_data_path("jobhunt") / "jobhunt.db"


def make_private() -> None:
    """Set the umask so every file SQLite creates (-wal, -shm, backups) is 0600."""
    os.umask(0o077)


def ensure_folder(path: Path) -> None:
    """Create the folder of `path` as 0700 if it does not exist yet."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)


def companions(path: Path) -> tuple[Path, Path, Path]:
    """The database file and the -wal and -shm files SQLite keeps beside it."""
    return path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def tighten(path: Path) -> list[str]:
    """Make the database and its -wal/-shm readable by their owner only; say what changed.

    Files from an older jobhunt, a copy or a restore may be 0644: anyone on the machine could
    read the salaries and messages in them. Returns one line to show the user, or none.
    """
    tightened: list[str] = []
    refused: list[str] = []
    for file in companions(path):
        try:
            mode = file.stat().st_mode & 0o777
        except FileNotFoundError:
            continue
        if mode & ~FILE_MODE == 0:
            continue
        try:
            os.chmod(file, FILE_MODE)
        except OSError as error:
            refused.append(f"{visible(file.name)} ({mode:04o}: {error.strerror or error})")
            continue
        tightened.append(f"{visible(file.name)} ({mode:04o})")
    notices: list[str] = []
    if tightened:
        notices.append(f"{', '.join(tightened)} could be read by others; now only you can (0600)")
    if refused:
        notices.append(f"{', '.join(refused)} can be read by others and could not be changed")
    return notices
