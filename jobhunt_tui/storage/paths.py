"""Where the data file lives and how its folder is made private."""

from __future__ import annotations

import os
from pathlib import Path

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
