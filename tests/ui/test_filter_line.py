"""The filter line on the board: tokens, a line when nothing matches, escape clears it."""

from __future__ import annotations

from collections.abc import Callable

from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.widgets.board import Board
from jobhunt_tui.ui.widgets.filter import FilterInput
from tests.ui.helpers import screen_text, seed, settle


async def test_tokens_filter_the_board_and_escape_on_the_board_clears_them(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        await pilot.press("slash", *"p:1", "enter")
        await settle(pilot)
        assert [card.company for column in board.columns for card in column.shown] == ["Globex"]
        text = screen_text(app)
        assert "Globex" in text and "Acme" not in text
        assert app.screen.focused is board
        await pilot.press("escape")
        await settle(pilot)
        assert board.filter_text == ""
        assert app.screen.query_one(FilterInput).value == ""
        text = screen_text(app)
    assert all(name in text for name in ("Acme", "Globex", "Initech", "Umbrella"))


async def test_stage_token_beside_text(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"engineer stage:scr")
        await settle(pilot)
        text = screen_text(app)
    assert "Globex" in text
    assert "Acme" not in text and "Umbrella" not in text


async def test_a_filter_that_matches_nothing_says_so(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzz is:overdue")
        await settle(pilot)
        assert "No opportunity matches zzz is:overdue" in screen_text(app)
        await pilot.press(*["backspace"] * len("zzz is:overdue"))
        await settle(pilot)
        text = screen_text(app)
    assert "No opportunity matches" not in text
    assert "Acme" in text or "Umbrella" in text
