"""Snapshots of the calendar pane on the demo search at a fixed clock, 80×24 and 160×48, each
with an assertion on what it shows (the picture alone proves nothing).

Regenerate after a deliberate change with
`pytest tests/ui/test_calendar_snapshots.py --snapshot-update`, then look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.services.demo import fill_demo
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui import keymap
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.widgets.calendar_pane import CalendarPane
from tests.ui.helpers import screen_text, settle

SnapCompare = Callable[..., bool]


@pytest.fixture
def demo_app(database: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> JobhuntApp:
    """The app on the demo search, English names, a keymap path the same on every machine."""
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setattr(keymap, "config_path", lambda: Path("~/.config/jobhunt/keymap.toml"))
    fill_demo(database, clock)
    return JobhuntApp(database, clock, tz="UTC", cursor_blink=False)


def test_the_calendar_at_80x24_shows_the_agenda_first(
    snap_compare: SnapCompare, demo_app: JobhuntApp
) -> None:
    seen: dict[str, str] = {}

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        await pilot.pause(CalendarPane.HIGHLIGHT_DELAY + 0.1)
        seen["text"] = screen_text(pilot.app)
        focused = pilot.app.screen.focused
        seen["focused"] = "" if focused is None else str(focused.id)

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=run)
    text = seen["text"]
    assert seen["focused"] == "agenda"
    lines = text.splitlines()
    # The agenda leads on the left; the month sits beside it, inside 22 columns.
    assert lines[2].startswith("│ Overdue (1)") and "November 2026" in lines[2]
    assert "Globex · Site Reliability Engineer" in text
    assert "follow-up · email · 2 days late" in text
    assert "Mo Tu We Th Fr Sa Su" in text
    assert "This week: 2 applications, 1 follow-up sent, 2 interviews." in text
    assert "Wishlist" not in text  # the board gave way


def test_the_calendar_at_160x48_beside_the_board(
    snap_compare: SnapCompare, demo_app: JobhuntApp
) -> None:
    seen: dict[str, str] = {}

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("tab", "l", "l")  # the grid: cursor to Sunday 22 Nov
        await settle(pilot)
        await pilot.pause(CalendarPane.HIGHLIGHT_DELAY + 0.1)
        pane = pilot.app.screen.query_one(CalendarPane)
        seen["cursor"] = pane.grid.cursor.isoformat()
        seen["text"] = screen_text(pilot.app)

    assert snap_compare(demo_app, terminal_size=(160, 48), run_before=run)
    text = seen["text"]
    assert seen["cursor"] == "2026-11-22"
    assert "Wishlist" in text and "November 2026" in text
    assert "16★17✓18!19★20•21 22" in text  # interviews, sent, late and planned days
    assert "Overdue (1)" in text and "Today (2)" in text and "Next 7 days (7)" in text
    assert "thank-you · email · today" in text
