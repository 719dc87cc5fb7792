"""The keymap file's problems reported in one message, the README's example applied, the
palette offering every keymap action and the exports, and a footer that fits 80 columns."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.widgets import Input

from jobhunt_tui.domain.models import Stage
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.form import FormDialog
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import screen_text, seed, settle

Make = Callable[..., JobhuntApp]
README = Path(__file__).parents[2] / "README.md"


async def test_unknown_ids_and_keys_taken_twice_are_reported_and_the_rest_applied(
    make_app: Make, pipeline: PipelineService, no_user_keymap: Path
) -> None:
    acme = seed(pipeline)["Acme"].id
    no_user_keymap.parent.mkdir(parents=True)
    no_user_keymap.write_text(
        "[keymap]\n"
        '"app.undo" = "ctrl+z"\n'  # no such id (undo is main.undo)
        '"board.move_right" = "a"\n'  # a is board.add
        '"board.move_left" = "ctrl+b"\n',  # fine
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        [toast] = list(app._notifications)
        assert "unknown id: app.undo" in toast.message
        assert "a bound twice (board.add, board.move_right)" in toast.message
        assert "unknown id: app.undo" in screen_text(app)
        app.screen.query_one(Board).select(acme)
        await pilot.press("L")  # the refused remap left L in place
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.SCREENING
        await pilot.press("ctrl+b")  # the good entry was applied
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.APPLIED
        await pilot.press("a")  # and a still adds
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)


async def test_the_readme_keymap_example_works(
    make_app: Make, pipeline: PipelineService, no_user_keymap: Path
) -> None:
    acme = seed(pipeline)["Acme"].id
    example = re.search(r"```toml\n(\[keymap\].*?)```", README.read_text(), re.S)
    assert example is not None
    no_user_keymap.parent.mkdir(parents=True)
    no_user_keymap.write_text(example.group(1), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert "Keymap" not in screen_text(app)
        app.screen.query_one(Board).select(acme)
        await pilot.press("ctrl+right")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.SCREENING
        await pilot.press("ctrl+z")
        await settle(pilot)
    assert pipeline.get(acme).stage is Stage.APPLIED


PALETTE_COMMANDS = (
    "Add an opportunity",
    "Log an interview and plan its follow-ups",
    "Log a reply from the employer",
    "Plan a follow-up by hand",
    "Close the opportunity",
    "Undo this window's last change",
    "Redo the change the last undo took back",
    "Filter: text",
    "Add a note to the timeline",
    "Next pane",
    "Export calendar (.ics)",
    "Export CSV",
    "Export JSON",
)


async def test_the_palette_offers_every_keymap_action_and_the_exports(
    make_app: Make, pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        for command in PALETTE_COMMANDS:
            app.screen.query_one(Input).value = command[:24]
            await pilot.pause(0.3)
            shown = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
            assert any(command in line for line in shown), (command, shown)


async def test_the_palette_runs_an_action(make_app: Make, pipeline: PipelineService) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Add an opportunity")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)


async def test_the_palette_exports_an_ics_file(
    make_app: Make, pipeline: PipelineService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(pipeline)
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Export calendar")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
    [written] = tmp_path.glob("jobhunt-*.ics")
    assert written.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("where", ["board", "detail"])
async def test_the_footer_fits_80_columns_and_names_the_keys_that_matter(
    make_app: Make, pipeline: PipelineService, where: str
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if where == "detail":
            await pilot.press("enter")
            await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
    assert len(footer) <= 80
    assert footer.rstrip().endswith("? Help")  # the last entry is whole, not cut
    assert " H L Stage " in footer and " u Undo " in footer
    assert ("tab Pane" in footer) if where == "board" else ("esc Back" in footer)
