"""The board at 10,000 opportunities mounts as many widgets as at 10 (only visible cards draw)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.storage.database import open_database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import bulk_fill, settle


async def _widget_count(path: Path, count: int, clock: Clock) -> tuple[int, int, str | None]:
    database = open_database(path)
    bulk_fill(database, count)
    app = JobhuntApp(database, clock, tz="UTC", cursor_blink=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        widgets = len(list(app.screen.walk_children(with_self=True)))
        await pilot.press("l", "j", "j", "end", "L")
        await settle(pilot)
        moved = board.selected
    database.close()
    return widgets, board.card_count, moved.stage.value if moved else None


async def test_widget_count_does_not_grow_with_the_number_of_opportunities(
    tmp_path: Path, clock: Clock, make_app: Callable[..., JobhuntApp]
) -> None:
    small, small_cards, _ = await _widget_count(tmp_path / "small.db", 10, clock)
    large, large_cards, moved_to = await _widget_count(tmp_path / "large.db", 10_000, clock)
    assert (small_cards, large_cards) == (10, 10_000)
    assert large == small
    assert large < 100
    assert moved_to == "screening"
