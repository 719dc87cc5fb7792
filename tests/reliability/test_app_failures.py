"""Defect 3 in the app: a locked or failing data file is a readable message, never raw SQL,
and nothing typed is lost."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerFailed

from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage import connection
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.form import FormDialog
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import screen_text, settle


@contextmanager
def _write_lock_held(database: Database) -> Iterator[None]:
    """Another process (an import, say) holding the write lock."""
    holder = sqlite3.connect(database.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


async def _settle_through_failures(pilot: Pilot[object]) -> None:
    """Like `settle`, for workers that are meant to fail."""
    for _ in range(3):
        with contextlib.suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def _no_sql(text: str) -> None:
    for word in ("UPDATE ", "INSERT ", "OperationalError", "sqlite3", "[SQL"):
        assert word not in text


async def test_a_move_while_locked_says_busy_in_words_and_the_card_stays(
    make_app: Callable[..., JobhuntApp],
    pipeline: PipelineService,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    created = pipeline.add(OpportunityInput("Acme", "Engineer"))
    app = make_app()
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(created.id)
        with _write_lock_held(database):
            await pilot.press("L")
            await _settle_through_failures(pilot)
            await pilot.pause(0.1)
            shown = screen_text(app)
        assert app.is_running
    assert "The data file is busy" in shown
    _no_sql(shown)
    assert pipeline.get(created.id).stage.value == "applied"


async def test_a_form_whose_save_fails_stays_open_with_what_was_typed(
    make_app: Callable[..., JobhuntApp],
    database: Database,
    pipeline: PipelineService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    app = make_app()
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Globex", "tab", *"Site Reliability")
        with _write_lock_held(database):
            await pilot.press("enter")
            await _settle_through_failures(pilot)
            await pilot.pause(0.1)
            shown = screen_text(app)
            assert isinstance(app.screen, FormDialog)
            assert app.screen.query_one("#field-company").value == "Globex"  # type: ignore[attr-defined]
            assert app.screen.query_one("#field-role").value == "Site Reliability"  # type: ignore[attr-defined]
        assert "The data file is busy" in shown
        _no_sql(shown)
        await pilot.press("enter")  # the lock is gone: the same typed values save
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
    assert [item.company_name for item in pipeline.list()] == ["Globex"]
