"""The user's key remapping: a TOML file of binding id → keys, applied with App.set_keymap.

    # ~/.config/jobhunt/keymap.toml
    [keymap]
    "board.move_right" = "L,ctrl+right"
    "app.undo" = "ctrl+z"

Every binding id is listed on the help screen (`?`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

KEYMAP_FILE = "keymap.toml"


def config_path() -> Path:
    """Where the keymap file lives: the user's config folder for jobhunt."""
    import platformdirs

    return platformdirs.user_config_path("jobhunt") / KEYMAP_FILE


@dataclass(frozen=True)
class LoadedKeymap:
    """The keymap read from the file, and a problem to tell the user about (if any)."""

    keys: dict[str, str] = field(default_factory=dict)
    problem: str = ""


def load_keymap(path: Path | None = None) -> LoadedKeymap:
    """Read the keymap file; a missing file is an empty keymap, a broken one says why."""
    target = path if path is not None else config_path()
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedKeymap()
    except OSError as error:
        return LoadedKeymap(problem=f"could not read {target}: {error.strerror}")
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return LoadedKeymap(problem=f"{target} is not valid TOML: {error}")
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        return LoadedKeymap(problem=f'{target}: [keymap] must be a table of id = "keys"')
    keys = {str(k): v for k, v in table.items() if isinstance(v, str) and v.strip()}
    skipped = sorted(str(k) for k, v in table.items() if not (isinstance(v, str) and v.strip()))
    problem = f"{target}: ignored entries without keys: {', '.join(skipped)}" if skipped else ""
    return LoadedKeymap(keys=keys, problem=problem)
