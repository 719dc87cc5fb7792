"""The user's key remapping: a TOML file of binding id → keys, applied with App.set_keymap.

    # ~/.config/jobhunt/keymap.toml
    [keymap]
    "board.move_right" = "L,ctrl+right"
    "main.undo" = "u,ctrl+z"

Every binding id is listed on the help screen (`?`). An id that does not exist, or a key the
file gives to a binding while another binding of the same place keeps it, is reported in one
message; every other entry is applied.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from textual.binding import Binding

KEYMAP_FILE = "keymap.toml"


def config_path() -> Path:
    """Where the keymap file lives: the user's config folder for jobhunt."""
    import platformdirs

    return platformdirs.user_config_path("jobhunt") / KEYMAP_FILE


class LoadedKeymap(NamedTuple):
    """The keymap read from the file, and a problem to tell the user about (if any)."""

    keys: dict[str, str]
    problem: str = ""


def load_keymap(path: Path | None = None) -> LoadedKeymap:
    """Read the keymap file; a missing file is an empty keymap, a broken one says why."""
    target = path if path is not None else config_path()
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedKeymap({})
    except OSError as error:
        return LoadedKeymap({}, problem=f"could not read {target}: {error.strerror}")
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return LoadedKeymap({}, problem=f"{target} is not valid TOML: {error}")
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        return LoadedKeymap({}, problem=f'{target}: [keymap] must be a table of id = "keys"')
    keys = {str(k): v for k, v in table.items() if isinstance(v, str) and v.strip()}
    skipped = sorted(str(k) for k, v in table.items() if not (isinstance(v, str) and v.strip()))
    problem = f"{target}: ignored entries without keys: {', '.join(skipped)}" if skipped else ""
    return LoadedKeymap(keys=keys, problem=problem)


class CheckedKeymap(NamedTuple):
    """The entries that can be applied, and one line naming those that cannot."""

    keys: dict[str, str]
    problem: str = ""


def _split_keys(keys: str) -> list[str]:
    return [key.strip() for key in keys.split(",") if key.strip()]


def check_keymap(keys: dict[str, str], scopes: Sequence[Iterable[Binding]]) -> CheckedKeymap:
    """Keep the entries whose id exists and whose keys are free where the binding lives.

    `scopes` are the groups of bindings active together (the app's, a screen's and its
    focused widget's). A key is "taken twice" when, after remapping, two ids of one scope
    answer to it and at least one of them got it from the file.
    """
    scopes = [list(scope) for scope in scopes]
    known = {b.id for scope in scopes for b in scope if b.id}
    unknown = sorted(binding_id for binding_id in keys if binding_id not in known)
    clashes: dict[str, set[str]] = {}
    for scope in scopes:
        owners: dict[str, set[str]] = {}
        for binding in scope:
            if not binding.id:
                continue
            remapped = binding.id in keys
            for key in _split_keys(keys[binding.id]) if remapped else _split_keys(binding.key):
                owners.setdefault(key, set()).add(binding.id)
        for key, ids in owners.items():
            if len(ids) > 1 and ids & keys.keys():
                clashes.setdefault(key, set()).update(ids)
    refused = set(unknown) | {i for ids in clashes.values() for i in ids if i in keys}
    parts = []
    if unknown:
        parts.append(f"unknown id{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}")
    for key, ids in sorted(clashes.items()):
        parts.append(f"{key} bound twice ({', '.join(sorted(ids))})")
    applied = {k: v for k, v in keys.items() if k not in refused}
    problem = "Keymap not applied for " + "; ".join(parts) + "." if parts else ""
    return CheckedKeymap(applied, problem)
