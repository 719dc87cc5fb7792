"""UI fixtures: the app on a fresh database at a fixed time, no user keymap, no blinking."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui import keymap
from jobhunt_tui.ui.app import JobhuntApp


@pytest.fixture(autouse=True)
def no_user_keymap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the developer's own keymap file (and time zone) out of every UI test."""
    missing = tmp_path / "config" / "keymap.toml"
    monkeypatch.setattr(keymap, "config_path", lambda: missing)
    monkeypatch.setenv("JOBHUNT_TZ", "UTC")
    return missing


@pytest.fixture
def make_app(database: Database, clock: Clock) -> Callable[..., JobhuntApp]:
    """Build the app on the test database, in UTC, with the cursor not blinking."""

    def make(**options: Any) -> JobhuntApp:
        return JobhuntApp(database, clock, tz="UTC", cursor_blink=False, **options)

    return make
