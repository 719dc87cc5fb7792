"""The filter line on the board: tokens, a line when nothing matches, escape clears it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App

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


async def test_the_filter_line_arrives_after_the_first_frame(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(pipeline)
    line_at_first_frame: list[bool] = []
    display = App._display

    def spy(self: App[Any], screen: Any, update: Any) -> None:
        if not line_at_first_frame and update is not None:
            line_at_first_frame.append(bool(screen.query(FilterInput)))
        display(self, screen, update)

    monkeypatch.setattr(App, "_display", spy)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert line_at_first_frame == [False]
        await pilot.press("slash", *"globex")
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one(FilterInput)
        assert "Acme" not in screen_text(app) and "Globex" in screen_text(app)
