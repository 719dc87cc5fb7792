"""Snapshots (pytest-textual-snapshot) of the board (detail and help: test_workspace_snapshots).

Demo data at a fixed clock in UTC, cursor blink off. Regenerate after a deliberate change with
`pytest tests/ui/test_snapshots.py --snapshot-update`, then look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
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

HIGHLIGHT_WAIT = CalendarPane.HIGHLIGHT_DELAY + 0.1

SnapCompare = Callable[..., bool]


@pytest.fixture
def demo_app(database: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> JobhuntApp:
    """The app on the demo search, with a keymap path that reads the same on every machine."""
    monkeypatch.setattr(keymap, "config_path", lambda: Path("~/.config/jobhunt/keymap.toml"))
    fill_demo(database, clock)
    return JobhuntApp(database, clock, tz="UTC", cursor_blink=False)


def keys(*pressed: str, seen: list[str]) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Wait for the board, press `pressed` one by one (waiting after each), then settle;
    what the screen shows then goes into `seen`."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)
        await pilot.pause(HIGHLIGHT_WAIT)  # the calendar highlights the selected card
        seen.append(screen_text(pilot.app))

    return run


def test_board_at_80x24(snap_compare: SnapCompare, demo_app: JobhuntApp) -> None:
    seen: list[str] = []
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=keys("l", seen=seen))
    (shown,) = seen
    lines = shown.splitlines()
    assert len(lines) == 24 and all(len(line) <= 80 for line in lines)
    assert "active" in lines[0] and "due today" in lines[0]
    assert "Applied" in shown and "Screening" in shown  # the board, not a side pane
    assert "u Undo" in lines[-1] and "? Help" in lines[-1]


def test_board_at_160x48(snap_compare: SnapCompare, demo_app: JobhuntApp) -> None:
    seen: list[str] = []
    run = keys("l", "l", "l", "j", seen=seen)
    assert snap_compare(demo_app, terminal_size=(160, 48), run_before=run)
    (shown,) = seen
    for column in ("Wishlist", "Applied", "Screening", "Interviewing", "Offer"):
        assert column in shown
    assert "November 2026" in shown  # the calendar beside the board
    assert "Draft" in shown
