"""Adding and editing through the modal form: enter saves, escape cancels, errors by field."""

from __future__ import annotations

from collections.abc import Callable

from jobhunt_tui.domain.models import Stage
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.form import FormDialog
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import screen_text, seed, settle


async def test_a_adds_an_opportunity_and_shows_its_card(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Hooli")
        await pilot.press("tab", *"Staff Engineer", "enter")
        await settle(pilot)
        board = app.screen.query_one(Board)
        assert board.selected is not None and board.selected.company == "Hooli"
        text = screen_text(app)
    [stored] = pipeline.list()
    assert (stored.company_name, stored.role, stored.stage) == (
        "Hooli",
        "Staff Engineer",
        Stage.WISHLIST,  # the empty board's current column is the first one
    )
    assert "Hooli" in text and "Staff Engineer" in text
    assert "Welcome" not in text


async def test_a_missing_role_is_reported_next_to_the_field(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Hooli", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        text = screen_text(app)
        lines = text.splitlines()
        role_line = next(i for i, line in enumerate(lines) if "Role" in line)
        assert "role must not be empty" in lines[role_line + 1]
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
    assert pipeline.list() == []


async def test_a_bad_date_is_refused_with_the_accepted_forms(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Hooli", "tab", *"SRE")
        app.screen.query_one("#field-applied_on").value = "04/03/2026"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert "applied on" in screen_text(app)
    assert pipeline.list() == []


async def test_e_edits_the_selected_opportunity(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(cards["Acme"].id)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormDialog)
        role = form.query_one("#field-role")
        assert role.value == "Backend Engineer"  # type: ignore[attr-defined]
        role.value = "Principal Engineer"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert "Principal Engineer" in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
    assert pipeline.get(cards["Acme"].id).role == "Backend Engineer"


async def test_undo_removes_an_added_opportunity(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Hooli", "tab", *"SRE", "enter")
        await settle(pilot)
        assert len(pipeline.list()) == 1
        await pilot.press("u")
        await settle(pilot)
        assert "Welcome" in screen_text(app)
    assert pipeline.list() == []
