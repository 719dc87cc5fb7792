"""Settings inside a write transaction: read the stored values, write only the keys changed.

Each setting is its own row, so changing one key never overwrites another that a second
process changed meanwhile.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlmodel import Session, select

from jobhunt_tui.domain.models import Settings
from jobhunt_tui.storage import convert
from jobhunt_tui.storage.tables import SettingRow


def stored_settings(session: Session) -> Settings:
    """The settings as stored now (defaults where nothing is), read in `session`."""
    rows = session.exec(select(SettingRow)).all()
    return convert.settings({row.key: row.value for row in rows})


def store_settings(session: Session, settings: Settings, keys: Iterable[str]) -> None:
    """Write the values of `keys` from `settings` (as JSON text, like every setting row)."""
    for key in keys:
        session.merge(SettingRow(key=key, value=json.dumps(getattr(settings, key))))
    session.flush()
