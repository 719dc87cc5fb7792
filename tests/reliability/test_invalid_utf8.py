"""Defect 2: one value that is not UTF-8 must not lock the user out: it reads with U+FFFD."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.form import FormDialog
from jobhunt_tui.ui.widgets.board import Board
from tests.cli.helpers import run_cli
from tests.ui.helpers import screen_text, settle


def _break_the_name(database: Database, pipeline: PipelineService) -> int:
    created = pipeline.add(OpportunityInput("Acme", "Engineer"))
    with database.writing_sql("test setup") as conn:
        conn.execute("UPDATE company SET name = CAST(x'41ff42' AS TEXT)")
    return created.id


@pytest.mark.parametrize(
    "args",
    [
        *[("list",), ("list", "--json"), ("show", "1"), ("export", "csv"), ("export", "json")],
        *[("agenda",), ("agenda", "--json"), ("export", "ics")],
    ],
)
def test_every_reading_command_shows_the_bad_bytes_as_replacement_characters(
    database: Database,
    pipeline: PipelineService,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
) -> None:
    _break_the_name(database, pipeline)
    result = run_cli(capsys, db_path, *args)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    if args[0] in ("list", "show", "export") and args[-1] != "ics":
        assert "A\ufffdB" in result.stdout
    if args[-1] == "--json" or args[-1] == "json":
        json.loads(result.stdout)


async def test_the_app_starts_shows_it_and_lets_the_user_fix_it(
    make_app: Callable[..., JobhuntApp], database: Database, pipeline: PipelineService
) -> None:
    opportunity_id = _break_the_name(database, pipeline)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert "A\ufffdB" in screen_text(app)
        app.screen.query_one(Board).select(opportunity_id)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        company = app.screen.query_one("#field-company")
        assert company.value == "A\ufffdB"  # type: ignore[attr-defined]
        company.value = "Acme Fixed"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert "Acme Fixed" in screen_text(app)
    assert pipeline.get(opportunity_id).company_name == "Acme Fixed"
