"""Stored text is shown literally: markup is not parsed, escapes are visible, clicks do nothing."""

from __future__ import annotations

from collections.abc import Callable

from jobhunt_tui.domain.models import Stage
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.detail import DetailScreen
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import screen_text, settle

BOLD = "[bold]Acme[/]"
CLICK = "[@click=app.quit]x[/]"


def _seed_hostile(pipeline: PipelineService, database: Database) -> int:
    pipeline.add(OpportunityInput(BOLD, "Engineer"))
    clicker = pipeline.add(OpportunityInput(CLICK, "[link=x]role[/link]"))
    escaped = pipeline.add(OpportunityInput("Escape Co", "Tester", stage=Stage.SCREENING))
    # Rows that came from elsewhere may still hold control characters (OSC 52, ESC).
    with database.writing_sql("test setup") as conn:
        conn.execute(
            "UPDATE company SET name = ? WHERE id = ?",
            ("Esc\x1b]52;c;aGk=\x07Co", escaped.company_id),
        )
    return clicker.id


async def test_markup_and_escapes_in_names_show_as_plain_characters(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService, database: Database
) -> None:
    _seed_hostile(pipeline, database)
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        svg = app.export_screenshot()
    assert BOLD in text
    assert CLICK in text
    assert "[link=x]role[/link]" in text
    assert "Esc␛]52;c;aGk=␇Co" in text
    assert "\x1b" not in svg


async def test_clicking_a_card_with_an_action_in_its_name_does_nothing(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService, database: Database
) -> None:
    clicker = _seed_hostile(pipeline, database)
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        column = board.columns[1]
        index = column.index_of(clicker)
        assert index is not None
        for offset in range(2, 8):
            await pilot.click(column, offset=(offset, 1 + index * 4))
        await settle(pilot)
        assert app.is_running
        assert board.selected is not None and board.selected.opportunity_id == clicker


async def test_names_stay_literal_in_notifications_detail_and_dialogs(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService, database: Database
) -> None:
    clicker = _seed_hostile(pipeline, database)
    app = make_app()
    async with app.run_test(size=(200, 60), notifications=True) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(clicker)
        await pilot.press("x")
        await settle(pilot)
        assert CLICK in screen_text(app)  # the close dialog names it
        await pilot.press("enter")  # the first outcome
        await settle(pilot)
        await pilot.pause(0.1)
        assert f"{CLICK} → Accepted" in screen_text(app)  # the toast
        await pilot.press("u")
        await settle(pilot)
        app.screen.query_one(Board).select(clicker)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        detail = screen_text(app)
        assert CLICK in detail and "[link=x]role[/link]" in detail
        assert app.is_running
