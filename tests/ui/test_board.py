"""The board driven by the keymap's keys: navigation, moves, close, undo, filter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App

from jobhunt_tui.domain.models import InteractionKind, Stage
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.messages import BoardLoaded
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import screen_text, seed, settle


async def test_empty_board_welcomes_with_the_three_keys(
    make_app: Callable[..., JobhuntApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
    assert "Welcome to jobhunt" in text
    for line in ("a  add an opportunity", "i  log an interview", "?  help"):
        assert line in text
    assert "0 active · 0 due today · 0 overdue" in text


async def test_cards_sit_in_their_stage_columns(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        by_column = {column.key: [c.company for c in column.cards] for column in board.columns}
        text = screen_text(app)
    assert by_column == {
        "wishlist": ["Umbrella"],
        "applied": ["Acme"],
        "screening": ["Globex"],
        "interviewing": ["Initech"],
        "offer": [],
    }
    assert "3 active · 0 due today · 0 overdue" in text
    assert "Welcome" not in text
    for name in ("Wishlist 1", "Applied 1", "Screening 1", "Interviewing 1", "Offer 0"):
        assert name in text


async def test_hjkl_and_arrows_move_the_selection(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        assert board.selected is not None and board.selected.company == "Umbrella"
        await pilot.press("l")
        assert board.selected is not None and board.selected.company == "Acme"
        await pilot.press("right", "right")
        assert board.selected is not None and board.selected.company == "Initech"
        await pilot.press("h")
        assert board.selected is not None and board.selected.company == "Globex"
        await pilot.press("left", "j", "k")
        assert board.selected is not None and board.selected.company == "Acme"


async def test_shift_l_and_shift_h_move_a_card_and_persist_it(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    acme = cards["Acme"].id
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        assert board.select(acme)
        await pilot.press("L")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.SCREENING
        assert board.selected is not None and board.selected.opportunity_id == acme
        assert [c.company for c in board.column.cards] == ["Globex", "Acme"]
        await pilot.press("shift+right")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.INTERVIEWING
        await pilot.press("H")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.SCREENING
        text = screen_text(app)
    timeline = pipeline.detail(acme).interactions
    moves = [i.summary for i in timeline if i.kind is InteractionKind.STAGE_CHANGE]
    assert moves == ["Applied → Screening", "Screening → Interviewing", "Interviewing → Screening"]
    assert "Screening 2" in text


async def test_x_closes_with_an_outcome_and_c_shows_closed_cards(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        board.select(cards["Globex"].id)
        await pilot.press("x")
        await settle(pilot)
        assert "Close opportunity" in screen_text(app)
        await pilot.press("down", "enter")  # accepted, then rejected
        await settle(pilot)
        assert pipeline.get(cards["Globex"].id).stage is Stage.REJECTED
        assert "Globex" not in [c.company for c in board.cards()]
        assert "2 active" in screen_text(app)
        await pilot.press("c")
        await settle(pilot)
        closed = board.columns[-1]
        assert [c.company for c in closed.cards] == ["Globex"]
        assert "Closed 1" in screen_text(app)
        await pilot.press("c")
        await settle(pilot)
        assert len(board.columns) == 5


async def test_escape_keeps_the_opportunity_open(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x", "escape")
        await settle(pilot)
    assert pipeline.get(cards["Umbrella"].id).stage is Stage.WISHLIST


async def test_u_undoes_several_changes_in_turn(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    acme = cards["Acme"].id
    app = make_app()
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        board.select(acme)
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.INTERVIEWING
        await pilot.press("u")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.SCREENING
        await pilot.press("u")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.APPLIED
        assert [c.company for c in board.columns[1].cards] == ["Acme"]
        await pilot.press("u")
        await settle(pilot)
        await pilot.pause(0.1)
        assert "nothing to undo" in screen_text(app)
    moves = [
        i for i in pipeline.detail(acme).interactions if i.kind is InteractionKind.STAGE_CHANGE
    ]
    assert moves == []


async def test_slash_filters_live_and_escape_clears(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        await pilot.press("slash", "e", "n", "g")
        shown = sorted(c.company for column in board.columns for c in column.shown)
        assert shown == ["Acme", "Globex", "Umbrella"]  # role "…Engineer" / "Data Engineer"
        await pilot.press("i", "n", "e")
        shown = sorted(c.company for column in board.columns for c in column.shown)
        assert shown == ["Acme", "Globex", "Umbrella"]
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press("backspace", "i", "n", "i", "t")
        shown = [c.company for column in board.columns for c in column.shown]
        assert shown == ["Initech"]
        await pilot.press("enter")
        assert board.has_focus
        assert board.selected is not None and board.selected.company == "Initech"
        # Every card of the column matches: the count reads 1, not "1/1".
        assert "Interviewing 1 ─" in screen_text(app)
        await pilot.press("slash", "escape")
        shown = [c.company for column in board.columns for c in column.shown]
        assert len(shown) == 4
        assert board.has_focus


async def test_a_move_made_while_the_whole_board_is_read_survives_that_read(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    acme = cards["Acme"].id
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        board = screen.query_one(Board)
        # A full read that started before the move and lands after it.
        stale = screen.services.board.load()
        screen._changed_while_loading = {}
        assert board.select(acme)
        await pilot.press("L")
        await settle(pilot)
        screen.post_message(BoardLoaded(stale))
        await settle(pilot)
        screening = [c.company for c in board.columns[2].cards]
        applied = [c.company for c in board.columns[1].cards]
    assert pipeline.get(acme).stage is Stage.SCREENING
    assert "Acme" in screening and "Acme" not in applied


async def test_undo_puts_back_only_the_card_it_changed(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    acme = cards["Acme"].id
    app = make_app()
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        assert board.select(acme)
        await pilot.press("L", "L")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.INTERVIEWING
        await pilot.press("u")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.SCREENING
        assert board.selected is not None and board.selected.opportunity_id == acme
        assert board.selected.stage is Stage.SCREENING
        await pilot.press("u")
        await settle(pilot)
        text = screen_text(app)
    assert pipeline.get(acme).stage is Stage.APPLIED
    assert "Undone: move Acme to Screening" in text


async def test_a_new_theme_repaints_the_empty_part_of_a_column_in_its_background(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)

        def empty_line_background() -> str:
            column = app.screen.query_one(Board).columns[0]
            last = column.scrollable_content_region.height - 1  # below its few cards
            style = next(iter(column.render_line(last))).style
            assert style is not None and style.bgcolor is not None
            return style.bgcolor.name

        dark = empty_line_background()
        app.theme = "textual-light"
        await settle(pilot)
        assert empty_line_background() != dark


async def test_the_first_frame_shows_the_columns_that_fit_as_they_stay(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(pipeline)
    first_frame: list[list[str]] = []
    display = App._display

    def spy(self: App[Any], screen: Any, update: Any) -> None:
        if not first_frame and update is not None:
            board = screen.query_one(Board)
            first_frame.append([column.key for column in board.columns if column.display])
        display(self, screen, update)

    monkeypatch.setattr(App, "_display", spy)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        settled = [column.key for column in board.columns if column.display]
    assert settled == ["wishlist", "applied", "screening"]  # 80 cells beside the side panes
    assert first_frame == [settled]
