"""Your templates through the pilot: open from the palette and from ctrl+t, add, edit,
duplicate, delete, the default, and the built-ins put back."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import OptionList, TextArea

from jobhunt_tui.domain.models import FollowUpKind
from jobhunt_tui.domain.templates import BUILT_INS
from jobhunt_tui.services.templates import TemplateService
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.draft_pickers import TemplatePicker
from jobhunt_tui.ui.screens.form import FormDialog
from jobhunt_tui.ui.screens.templates import ConfirmDelete, TemplatesScreen
from tests.draft_seed import interviewed
from tests.ui.helpers import screen_text, settle
from tests.ui.test_drafts import SIZE, open_from_board, stored_draft


def stored(database: Database) -> dict[str, tuple[str, str, bool, bool]]:
    """Each template by name: kind, body, built-in, default."""
    return {t.name: (t.kind.value, t.body, t.built_in, t.is_default)
            for t in TemplateService(database).list()}  # fmt: skip


async def open_templates(pilot, app: JobhuntApp) -> TemplatesScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("ctrl+p", *"Templates")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, TemplatesScreen)
    return app.screen


async def highlight(pilot, screen: TemplatesScreen, name: str) -> None:  # type: ignore[no-untyped-def]
    index = next(i for i, t in enumerate(screen.templates) if t.name == name)
    screen.query_one(OptionList).highlighted = index
    await pilot.pause()


async def test_add_a_template_from_the_palette(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_templates(pilot, app)
        shown = screen_text(app)
        assert "Your templates" in shown and "Thank-you email" in shown and "built-in" in shown
        assert "Fills in: {role}, {first_name}, {interview_day}" in shown
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormDialog)
        await pilot.press(*"Quick [bold]thanks[/]")
        form.query_one("#field-subject").focus()
        await pilot.press(*"Thanks {firstname}")
        form.query_one("#field-body", TextArea).focus()
        await pilot.press(*"Hi {first_name}", "enter", *"{signature}", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)  # refused: the subject's placeholder
        assert "{firstname}, which nothing fills" in screen_text(app)
        form.query_one("#field-subject").focus()
        await pilot.press("end", *(["backspace"] * 11), *"{first_name}", "ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert "Quick [bold]thanks[/]" in screen_text(app)  # shown literally
        assert screen.highlighted is not None and screen.highlighted.name == "Quick [bold]thanks[/]"
    assert stored(database)["Quick [bold]thanks[/]"] == (
        "thank_you",
        "Hi {first_name}\n{signature}",
        False,
        False,
    )


async def test_edit_duplicate_delete_default_and_restore(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_templates(pilot, app)
        await highlight(pilot, screen, "Follow-up email")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormDialog)
        form.query_one("#field-body", TextArea).text = "Any news, {first_name}?"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "built-in, edited" in screen_text(app)
        await pilot.press("c")
        await settle(pilot)
        assert "Follow-up email (copy)" in screen_text(app)
        await pilot.press("asterisk")
        await settle(pilot)
        assert "★ default" in screen_text(app)
        await highlight(pilot, screen, "Check-in call")
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("escape")
        await settle(pilot)
        assert "Check-in call" in stored(database)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Check-in call" not in stored(database)
        await pilot.press("r")
        await settle(pilot)
        assert app.screen is screen
    after = stored(database)
    assert after["Follow-up email (copy)"] == ("follow_up", "Any news, {first_name}?", False, True)
    assert after["Follow-up email"][1] == BUILT_INS[1].body  # put back
    assert after["Check-in call"][2]  # the built-in is back
    assert len(after) == len(BUILT_INS) + 1


async def test_ctrl_t_manages_templates_and_a_new_default_fills_the_draft(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    thank_you = seeded.follow_ups[FollowUpKind.THANK_YOU].id
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, TemplatePicker)
        assert "m manages your templates" in screen_text(app)
        await pilot.press("m")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TemplatesScreen)
        assert screen.highlighted is not None and screen.highlighted.name == "Thank-you email"
        await pilot.press("c")
        await settle(pilot)
        assert screen.highlighted is not None
        assert screen.highlighted.name == "Thank-you email (copy)"
        await pilot.press("asterisk")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormDialog)
        form.query_one("#field-body", TextArea).text = "Thanks {first_name}, from {company}'s fan."
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, TemplatePicker)  # offered again, the new default highlighted
        assert "★ default" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert editor.body.text == "Thanks Ann, from Initech's fan."
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert stored_draft(database, thank_you)["body"] == "Thanks Ann, from Initech's fan."
    assert stored(database)["Thank-you email (copy)"][1:] == (
        "Thanks {first_name}, from {company}'s fan.",
        False,
        True,
    )
    assert stored(database)["Thank-you email"][1] == BUILT_INS[0].body
