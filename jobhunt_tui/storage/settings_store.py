"""Settings inside a write transaction: read the stored values, write only the keys changed.

Each setting is its own row, so changing one key never overwrites another that a second
process changed meanwhile. Plain SQL inside `Database.writing_sql(...)`: `jobhunt settings
KEY VALUE` needs no ORM.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from jobhunt_tui.domain.models import Settings
from jobhunt_tui.storage import reader


def stored_settings(conn: sqlite3.Connection) -> Settings:
    """The settings as stored now (defaults where nothing is), read in the transaction."""
    return reader.load_settings(conn)


def store_settings(conn: sqlite3.Connection, settings: Settings, keys: Iterable[str]) -> None:
    """Write the values of `keys` from `settings` (as JSON text, like every setting row).

    A key already holding that text is not written: an unchanged value leaves no change
    behind (the change log records nothing for it).
    """
    for key in keys:
        value = json.dumps(getattr(settings, key))
        stored = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        if stored is None:
            conn.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (key, value))
        elif stored[0] != value:
            conn.execute("UPDATE setting SET value = ? WHERE key = ?", (value, key))
