"""Reading and changing the user's settings, validated by `domain.settings`.

Every change is one `BEGIN IMMEDIATE` transaction that starts from the stored values (not from
what a screen showed) and writes only the keys that changed. Settings are not undo steps.
"""

from __future__ import annotations

from jobhunt_tui.domain import settings as rules
from jobhunt_tui.domain.models import Settings
from jobhunt_tui.storage import reader
from jobhunt_tui.storage.database import Database
from jobhunt_tui.storage.settings_store import store_settings, stored_settings

LABEL = "change settings"


class SettingsService:
    """The settings of one database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def read(self) -> Settings:
        """The stored settings (defaults where nothing is stored)."""
        with self.database.reading() as conn:
            return reader.load_settings(conn)

    def change(self, key: str, text: str) -> tuple[Settings, Settings]:
        """Set `key` from typed text; (before, after). ValidationError or UnknownSettingError
        leaves everything as it was."""
        spec = rules.spec_for(key)
        rules.parse_value(spec.key, text)  # refuse bad input before taking the write lock
        with self.database.writing_sql(LABEL, undoable=False) as conn:
            before = stored_settings(conn)
            after = rules.with_value(before, spec.key, text)
            store_settings(conn, after, [spec.key])
        return before, after

    def save(self, edited: Settings, base: Settings) -> Settings:
        """Store what the user changed from `base` (what the form started from) on top of the
        stored settings, so a key another process changed meanwhile is kept; the result."""
        changed = changed_keys(base, edited)
        rules.validated(edited, changed)
        with self.database.writing_sql(LABEL, undoable=False) as conn:
            stored = stored_settings(conn)
            merged = Settings(
                *(getattr(edited if name in changed else stored, name) for name in Settings._fields)
            )
            result = rules.validated(merged, changed)
            store_settings(conn, result, changed)
        return result


def changed_keys(before: Settings, after: Settings) -> list[str]:
    """The keys whose values differ, in the order of `Settings`."""
    return [name for name in Settings._fields if getattr(before, name) != getattr(after, name)]
