"""Defect 1: stored escape codes must not reach the terminal through a form's fields."""

from __future__ import annotations

import json
from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.widgets import TextArea

from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.form import FormDialog
from jobhunt_tui.ui.screens.settings import SettingsScreen
from jobhunt_tui.ui.widgets.board import Board
from jobhunt_tui.ui.widgets.inputs import TextInput
from jobhunt_tui.ui.widgets.text_box import TextBox
from tests.ui.helpers import screen_text, settle

# The probe's payload: set the terminal title, then write `rm -rf ~` to the clipboard.
TITLE = "\x1b]2;PWNED\x1b\\"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x1b\\"
HOSTILE = f"Acme{TITLE}{CLIPBOARD}\u202eevil"


async def test_the_edit_form_shows_stored_escape_codes_as_symbols(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService, database: Database
) -> None:
    created = pipeline.add(OpportunityInput("Acme", "Engineer", notes="ok"))
    with database.writing_sql("test setup") as conn:
        conn.execute("UPDATE company SET name = ? WHERE id = ?", (HOSTILE, created.company_id))
        conn.execute("UPDATE opportunity SET notes = ? WHERE id = ?", (CLIPBOARD, created.id))
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(created.id)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        values = [field.value for field in app.screen.query(TextInput)]
        shown = screen_text(app)
        svg = app.export_screenshot()
    assert all("\x1b" not in value and "\u202e" not in value for value in values)
    assert "Acme␛]2;PWNED␛\\␛]52;c;cm0gLXJmIH4=␛\\\ufffdevil" in values
    assert "Acme␛]2;PWNED" in shown
    assert "\x1b" not in svg


async def test_a_multi_line_field_shows_stored_escape_codes_as_symbols(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    with database.writing_sql("test setup") as conn:
        conn.execute(
            "INSERT OR REPLACE INTO setting (key, value) VALUES ('signature', ?)",
            (json.dumps(f"Sam{CLIPBOARD}"),),
        )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"settings")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        signature = app.screen.query_one("#field-signature", TextArea).text
        svg = app.export_screenshot()
    assert signature == "Sam␛]52;c;cm0gLXJmIH4=␛\\"
    assert "\x1b" not in svg


class _Fields(App[None]):
    def compose(self) -> ComposeResult:
        yield TextInput(value=f"a{TITLE}", id="line")
        yield TextBox(f"one\n{CLIPBOARD}\ttwo", id="box")


async def test_typed_pasted_and_loaded_controls_become_symbols() -> None:
    app = _Fields()
    async with app.run_test() as pilot:
        line = app.query_one(TextInput)
        box = app.query_one(TextBox)
        assert line.value == "a␛]2;PWNED␛\\"
        assert box.text == "one\n␛]52;c;cm0gLXJmIH4=␛\\\ttwo"
        line.focus()
        line.insert_text_at_cursor("\x9b2J")
        assert line.value.endswith("\ufffd2J")
        line.value = "\x07bell"
        assert line.value == "␇bell"
        box.load_text("x\x1b[31m")
        assert box.text == "x␛[31m"
        box.insert("\u2066y\r\nz")
        assert "\x1b" not in box.text and "\u2066" not in box.text and "\r" not in box.text
        await pilot.pause()
