"""A column's scrollable height follows its cards, whether or not its scrollbar changes."""

from __future__ import annotations

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.widgets.card_lines import CARD_HEIGHT
from tests.ui.helpers import bulk_fill, screen_text, settle


async def _scrolled_to_the_end(app: JobhuntApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("end")
    await settle(pilot)
    column = app.screen.board.column
    last = column.shown[-1]
    assert app.screen.board.selected == last
    assert f"{last.company} " in screen_text(app) + " "
    assert column.virtual_size.height == len(column.shown) * CARD_HEIGHT


async def test_a_card_moved_into_an_overflowing_column_can_be_scrolled_to(
    database: Database, clock: Clock
) -> None:
    bulk_fill(database, 60)  # 12 cards a column: more than 24 lines show
    app = JobhuntApp(database, clock, tz="UTC", cursor_blink=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")  # Wishlist's first card joins Applied, selected there
        await settle(pilot)
        assert app.screen.board.column.key == "applied"
        assert len(app.screen.board.column.shown) == 13
        await _scrolled_to_the_end(app, pilot)


async def test_a_column_that_starts_to_overflow_scrolls_to_its_last_card(
    database: Database, clock: Clock
) -> None:
    bulk_fill(database, 20)  # 4 cards a column: they fit at 24 lines
    app = JobhuntApp(database, clock, tz="UTC", cursor_blink=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        for _ in range(4):  # Wishlist's cards move to Applied one by one: 8 do not fit
            await pilot.press("L", "h")
            await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        column = app.screen.board.column
        assert (column.key, len(column.shown)) == ("applied", 8)
        assert column.scrollable_content_region.height < 8 * CARD_HEIGHT
        await _scrolled_to_the_end(app, pilot)
