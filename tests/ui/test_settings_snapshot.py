"""A snapshot (pytest-textual-snapshot) of the settings form on the demo data at 80×24.

Regenerate after a deliberate change with
`pytest tests/ui/test_settings_snapshot.py --snapshot-update`, then look at the SVG.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.services.demo import YOUR_NAME, fill_demo
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.settings import SettingsScreen
from tests.ui.helpers import screen_text, settle

SnapCompare = Callable[..., bool]


def test_settings_form_at_80x24(
    snap_compare: SnapCompare, database: Database, clock: Clock
) -> None:
    fill_demo(database, clock)
    app = JobhuntApp(database, clock, tz="UTC", cursor_blink=False)

    async def open_form(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+p", *"settings")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        text = screen_text(app)
        assert YOUR_NAME in text
        assert "Idle after       14" in text  # the last row fits at 80×24
        assert "enter or ctrl+s saves" in text

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_form)
