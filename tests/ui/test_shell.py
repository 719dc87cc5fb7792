"""The app shell: help, command palette, theme memory, keymap file, panes and narrow layout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from jobhunt_tui.domain.models import Stage
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.help import HelpScreen
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import screen_text, seed, settle


async def test_question_mark_lists_every_board_binding_with_its_id(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        ids = {binding_id for _, _, binding_id in app.screen.rows}
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
    expected = {
        "board.left", "board.right", "board.up", "board.down", "board.move_left",
        "board.move_right", "board.add", "board.edit", "board.open", "board.interview",
        "board.reply", "board.follow_up", "board.close", "board.filter", "board.toggle_closed",
        "board.draft", "main.undo", "main.next_pane", "main.previous_pane", "app.help",
        "app.quit", "app.command_palette",
    }  # fmt: skip
    assert expected <= ids


async def test_palette_jumps_to_an_opportunity_by_company(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"initech")
        await pilot.pause(0.5)
        assert "Go to Initech · Product Manager" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        board = app.screen.query_one(Board)
        assert board.selected is not None and board.selected.company == "Initech"


async def test_palette_moves_the_selected_card_to_a_stage(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(cards["Acme"].id)
        await pilot.press("ctrl+p", *"move to offer")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
    assert pipeline.get(cards["Acme"].id).stage is Stage.OFFER


async def test_a_theme_change_is_remembered(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await settle(pilot)
    assert pipeline.settings().theme == "nord"
    again = make_app(settings=pipeline.settings())
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


async def test_the_keymap_file_remaps_a_binding_by_id(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService, no_user_keymap: Path
) -> None:
    cards = seed(pipeline)
    no_user_keymap.parent.mkdir(parents=True)
    no_user_keymap.write_text('[keymap]\n"board.move_right" = "ctrl+n"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(cards["Acme"].id)
        await pilot.press("L")
        await settle(pilot)
        assert pipeline.get(cards["Acme"].id).stage is Stage.APPLIED
        await pilot.press("ctrl+n")
        await settle(pilot)
    assert pipeline.get(cards["Acme"].id).stage is Stage.SCREENING


async def test_a_broken_keymap_file_is_reported_not_fatal(
    make_app: Callable[..., JobhuntApp], no_user_keymap: Path
) -> None:
    no_user_keymap.parent.mkdir(parents=True)
    no_user_keymap.write_text("[keymap\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        assert "not valid TOML" in screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_tab_reaches_the_calendar_and_draft_regions(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService, size: tuple[int, int]
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        wide = screen_text(app)
        await pilot.press("tab")
        await settle(pilot)
        focused = app.screen.focused
        pane = app.screen.query_one("#calendar-pane")
        assert focused is not None and pane in focused.ancestors
        # Narrow, the agenda comes first; wide, the month grid takes the keys.
        assert focused.id == ("agenda" if size == (80, 24) else "month-grid")
        calendar = screen_text(app)
        await pilot.press("tab")
        await settle(pilot)
        assert app.screen.focused is not None and app.screen.focused.id == "draft-pane"
        await pilot.press("tab")
        await settle(pilot)
        assert isinstance(app.screen.focused, Board)
        await pilot.press("shift+tab")
        await settle(pilot)
        assert app.screen.focused is not None and app.screen.focused.id == "draft-pane"
    assert "Overdue: nothing" in calendar and "Mo Tu We Th Fr Sa Su" in calendar
    if size == (80, 24):
        assert "Calendar" not in wide  # collapsed: tab switches to it
        assert "Initech" not in calendar
    else:
        assert "Calendar" in wide and "Draft" in wide
        assert all(name in wide for name in ("Umbrella", "Acme", "Globex", "Initech"))
