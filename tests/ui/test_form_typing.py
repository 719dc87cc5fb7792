"""Forms that keep up with fast typing: a burst of keys across fields, pastes, the stage of
the current column, examples that do not look like data, whole error messages, and dialogs
that change nothing when refused or cancelled."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import App

from jobhunt_tui.domain.models import Stage
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.form import FormDialog
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import screen_text, seed, settle

Make = Callable[..., JobhuntApp]
CHARACTERS = {"tab": "\t", "enter": "\r", "space": " "}


def burst(app: App[object], *keys: str) -> None:
    """Queue every key at once, as a fast typist (or a terminal flushing input) delivers them."""
    for key in keys:
        app.post_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None)))


async def test_a_burst_across_fields_lands_in_the_right_fields(
    make_app: Make, pipeline: PipelineService
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        burst(app, *"Fastco", "tab", *"Dev", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
    [stored] = pipeline.list()
    assert (stored.company_name, stored.role) == ("Fastco", "Dev")


async def test_keys_typed_right_after_a_go_into_the_form(
    make_app: Make, pipeline: PipelineService
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "a", *"Quickco", "tab", *"SRE", "enter")  # "c" is a board key too
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
    [stored] = pipeline.list()
    assert (stored.company_name, stored.role) == ("Quickco", "SRE")


async def test_a_burst_through_every_contact_field_is_kept_in_order(
    make_app: Make, pipeline: PipelineService
) -> None:
    acme = seed(pipeline)["Acme"].id
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(acme)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        burst(app, *"Bo", "tab", *"bo@x.io", "tab", *"123", "tab", *"CTO", "shift+tab", *"4")
        burst(app, "enter")
        await settle(pilot)
    [bo] = pipeline.detail(acme).contacts
    # shift+tab goes back to the phone and selects it (as it does when typed slowly): the
    # "4" replaces it, and nothing leaks into the title.
    assert (bo.name, bo.email, bo.phone, bo.title) == ("Bo", "bo@x.io", "4", "CTO")


async def test_a_paste_with_tabs_fills_the_next_fields(
    make_app: Make, pipeline: PipelineService
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        app.post_message(events.Paste("Pasteco\tPlatform Engineer"))
        await settle(pilot)
        form = app.screen
        assert form.query_one("#field-company").value == "Pasteco"  # type: ignore[attr-defined]
        assert form.query_one("#field-role").value == "Platform Engineer"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
    [stored] = pipeline.list()
    assert (stored.company_name, stored.role) == ("Pasteco", "Platform Engineer")


async def test_a_paste_right_after_a_goes_into_the_form(
    make_app: Make, pipeline: PipelineService
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "a")
        app.post_message(events.Paste("Rushco\tData Engineer"))
        burst(app, "enter")
        await settle(pilot)
    [stored] = pipeline.list()
    assert (stored.company_name, stored.role) == ("Rushco", "Data Engineer")


async def test_add_starts_in_the_stage_of_the_current_column(
    make_app: Make, pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        await pilot.press("l", "l")  # wishlist → applied → screening
        assert board.column.key == "screening"
        await pilot.press("a")
        await settle(pilot)
        assert app.screen.query_one("#field-stage").value is Stage.SCREENING  # type: ignore[attr-defined]
        await pilot.press(*"Hooli", "tab", *"SRE", "enter")
        await settle(pilot)
        assert board.selected is not None and board.selected.company == "Hooli"
    hooli = next(o for o in pipeline.list() if o.company_name == "Hooli")
    assert hooli.stage is Stage.SCREENING


async def test_add_saves_its_contact_and_edit_shows_it(
    make_app: Make, pipeline: PipelineService
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Hooli", "tab", *"SRE")
        await settle(pilot)
        form = app.screen
        form.query_one("#field-contact_new_name").value = "Ann Lee"  # type: ignore[attr-defined]
        form.query_one("#field-contact_new_email").value = "ann@hooli.io"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        [stored] = pipeline.list()
        assert [(c.name, c.email) for c in pipeline.detail(stored.id).contacts] == [
            ("Ann Lee", "ann@hooli.io")
        ]
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormDialog)
        assert form.query_one("#field-contact0_name").value == "Ann Lee"  # type: ignore[attr-defined]
        form.query_one("#field-contact0_phone").value = "+49 30 1234"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
    assert pipeline.detail(stored.id).contacts[0].phone == "+49 30 1234"


async def test_examples_are_shown_as_examples_and_labels_never_touch_them(
    make_app: Make, pipeline: PipelineService
) -> None:
    acme = seed(pipeline)["Acme"].id
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(acme)
        await pilot.press("e")
        await settle(pilot)
        text = screen_text(app)
        assert "e.g. 120–140k" in text  # the empty salary shows an example, marked as one
        assert "Salary 120" not in text.replace("  ", " ")
        await pilot.press("escape", "r")
        await settle(pilot)
        text = screen_text(app)
    assert "They said" in text and "They saide.g." not in text.replace(" ", "")
    assert "They said     e.g. they will decide next week" in text


async def test_a_long_error_is_shown_whole(make_app: Make, pipeline: PipelineService) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Hooli", "tab", *"SRE")
        app.screen.query_one("#field-applied_on").value = "the day after the big meeting"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        error = app.screen.query_one("#error-applied_on")
        message = str(error.render())
        text = screen_text(app)
    assert len(message) > 120  # long enough to need more than two lines at this width
    flat = " ".join(line.strip(" │") for line in text.splitlines())
    assert " ".join(message.split()[-4:]) in " ".join(flat.split())
    assert pipeline.list() == []


async def test_refused_and_cancelled_dialogs_leave_nothing_to_undo(
    make_app: Make, pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    initech = cards["Initech"].id
    pipeline.note(initech, "written before")
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(initech)
        for bad in ("2pm", "tomorrowish", "31/31/2026"):
            await pilot.press("i", *bad, "enter")
            await settle(pilot)
            assert isinstance(app.screen, FormDialog)
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("i", *"today 10:00", "enter")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        text = screen_text(app)
    assert "nothing to undo" in text
    detail = pipeline.detail(initech)
    assert [e.summary for e in detail.interactions if e.kind.value == "note"] == ["written before"]
    assert detail.follow_ups == ()
