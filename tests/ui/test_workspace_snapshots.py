"""Snapshots of the detail view and the help screen at 80×24, each with what it must show,
and help scrolled to its very last line.

Regenerate after a deliberate change with
`pytest tests/ui/test_workspace_snapshots.py --snapshot-update`, then look at the SVGs.
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
from jobhunt_tui.ui.screens.help import HelpKeys, HelpScreen
from tests.ui.helpers import screen_text, settle

SnapCompare = Callable[..., bool]


@pytest.fixture
def demo_app(database: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> JobhuntApp:
    """The app on the demo search, with a keymap path that reads the same on every machine."""
    monkeypatch.setattr(keymap, "config_path", lambda: Path("~/.config/jobhunt/keymap.toml"))
    fill_demo(database, clock)
    return JobhuntApp(database, clock, tz="UTC", cursor_blink=False)


def keys_then_check(
    pressed: tuple[str, ...], seen: list[str]
) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press `pressed` one by one (settling after each), then keep what the screen shows."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)
        seen.append(screen_text(pilot.app))

    return run


def test_detail_view_at_80x24(snap_compare: SnapCompare, demo_app: JobhuntApp) -> None:
    seen: list[str] = []
    assert snap_compare(
        demo_app, terminal_size=(80, 24), run_before=keys_then_check(("l", "l", "l", "enter"), seen)
    )
    [text] = seen
    assert "Northwind Analytics · Senior Backend Engineer" in text
    assert "Stage        Interviewing" in text
    footer = text.splitlines()[-1]
    assert footer.startswith("esc Back e Edit i Interview f Follow-up n Note")
    assert len(footer) <= 80


def test_help_at_80x24(snap_compare: SnapCompare, demo_app: JobhuntApp) -> None:
    seen: list[str] = []
    assert snap_compare(
        demo_app, terminal_size=(80, 24), run_before=keys_then_check(("question_mark",), seen)
    )
    [text] = seen
    assert "Keys: Board" in text
    row = next(line for line in text.splitlines() if "board.interview" in line)
    assert "Log an interview and plan its" in row  # the text column wraps inside itself
    continuation = text.splitlines()[text.splitlines().index(row) + 1]
    assert continuation.lstrip("│ ").startswith("follow-ups")
    assert continuation.index("follow-ups") == row.index("Log an interview")


async def test_help_scrolls_to_its_last_line_at_80x24(demo_app: JobhuntApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(demo_app.screen, HelpScreen)
        first = screen_text(demo_app)
        assert '"board.move_right" = "L,ctrl+right"' not in first
        scroller = demo_app.screen.query_one(HelpKeys)
        for _ in range(20):
            await pilot.press("j")
        await pilot.press("G")
        await settle(pilot)
        assert scroller.scroll_y == scroller.max_scroll_y > 0
        last = screen_text(demo_app)
    for reachable in ("main.undo", "app.quit", "app.help", "app.command_palette", "main.next_pane"):
        assert reachable in last or reachable in first
    assert '"board.move_right" = "L,ctrl+right"' in last
