"""Other writers on the same file: their work survives `u`, and the screen shows it within a
second without a key press."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.models import FollowUpKind, Stage
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.history import History
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database, open_database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import screen_text, seed, settle

from ..conftest import NOW


@pytest.fixture
def elsewhere(db_path: Path, database: Database) -> Iterator[Database]:
    """A second writer on the same file, as the command line writes."""
    other = open_database(db_path)
    yield other
    other.close()


def _cli(db_path: Path, *args: str) -> str:
    """Run the real `jobhunt` command line in another process."""
    env = {**os.environ, "JOBHUNT_NOW": NOW.isoformat()}
    done = subprocess.run(
        [sys.executable, "-m", "jobhunt_tui", "--db", str(db_path), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


async def _shows_within(pilot: Pilot[object], text: str, seconds: float = 1.0) -> float:
    """Wait, pressing nothing, until `text` is on screen; returns how long it took."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if text in screen_text(pilot.app):
            return time.monotonic() - start
        await pilot.pause(0.05)
    raise AssertionError(f"{text!r} not on screen within {seconds} s:\n{screen_text(pilot.app)}")


async def _gone_within(pilot: Pilot[object], text: str, seconds: float = 1.0) -> None:
    start = time.monotonic()
    while text in screen_text(pilot.app):
        assert time.monotonic() - start < seconds, f"{text!r} still on screen"
        await pilot.pause(0.05)


async def test_u_keeps_a_note_and_an_interview_written_by_the_command_line(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService, db_path: Path
) -> None:
    acme = seed(pipeline)["Acme"].id
    app = make_app()
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(acme)
        await pilot.press("L")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.SCREENING
        _cli(db_path, "note", str(acme), "Recruiter called")
        _cli(db_path, "interview", str(acme), "--at", "2026-11-23 10:00")
        await pilot.press("u")
        await settle(pilot)
        message = screen_text(app)
    detail = pipeline.detail(acme)
    summaries = [i.summary for i in detail.interactions]
    assert "Recruiter called" in summaries
    assert any(i.kind.value == "interview" for i in detail.interactions)
    assert [f.kind for f in detail.follow_ups] == [
        FollowUpKind.THANK_YOU,
        FollowUpKind.FOLLOW_UP,
        FollowUpKind.CHECK_IN,
    ]
    # The interview moved it on to Interviewing: undo leaves that stage, and says so.
    assert detail.opportunity.stage is Stage.INTERVIEWING
    assert summaries.count("Applied → Screening") == 1
    assert "Not undone: move Acme to Screening" in message
    assert "changed since" in message


async def test_cancelled_and_refused_dialogs_leave_nothing_to_undo(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    app = make_app()
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(cards["Initech"].id)
        for _ in range(3):
            await pilot.press("i", *"not a date", "enter")
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("a", "escape")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert "nothing to undo" in screen_text(app)
    assert len(pipeline.list()) == 4


async def test_outside_add_move_follow_up_and_removal_appear_without_a_key(
    make_app: Callable[..., JobhuntApp],
    pipeline: PipelineService,
    elsewhere: Database,
    clock: Clock,
) -> None:
    cards = seed(pipeline)
    other = PipelineService(elsewhere, clock)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        board.select(cards["Globex"].id)
        added = other.add(OpportunityInput("Hooli", "Platform Engineer"))
        assert await _shows_within(pilot, "Hooli") <= 1.0
        other.move(cards["Acme"].id, Stage.OFFER)
        await pilot.pause(1.0)
        offer = next(c for c in board.cards() if c.opportunity_id == cards["Acme"].id)
        assert offer.stage is Stage.OFFER
        FollowUpService(elsewhere, clock, "UTC").plan(
            added.id, FollowUpKind.CHECK_IN, NOW.shift(days=9), force=True
        )
        await pilot.pause(1.0)
        hooli = next(c for c in board.cards() if c.opportunity_id == added.id)
        assert hooli.next_follow_up_kind is FollowUpKind.CHECK_IN
        History(elsewhere).undo()  # the other writer takes its follow-up back…
        History(elsewhere).undo()  # …the move…
        History(elsewhere).undo()  # …and its add: the card leaves
        await _gone_within(pilot, "Hooli")
        # The selection stayed where the user put it.
        assert board.selected is not None
        assert board.selected.opportunity_id == cards["Globex"].id


async def test_l_on_a_stale_card_moves_from_the_stored_stage(
    make_app: Callable[..., JobhuntApp],
    pipeline: PipelineService,
    elsewhere: Database,
    clock: Clock,
) -> None:
    cards = seed(pipeline)
    globex = cards["Globex"].id  # in Screening
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(globex)
        # Another writer moves it on; the app presses L before it has noticed.
        PipelineService(elsewhere, clock).move(globex, Stage.INTERVIEWING)
        await pilot.press("L")
        await settle(pilot)
        selected = app.screen.query_one(Board).selected
        assert selected is not None and selected.opportunity_id == globex
        assert selected.stage is Stage.OFFER
    summaries = [i.summary for i in pipeline.detail(globex).interactions]
    assert summaries[-1] == "Interviewing → Offer"
    assert "Screening → Offer" not in summaries


async def test_l_on_a_card_closed_elsewhere_is_refused_and_the_card_corrected(
    make_app: Callable[..., JobhuntApp],
    pipeline: PipelineService,
    elsewhere: Database,
    clock: Clock,
) -> None:
    cards = seed(pipeline)
    initech = cards["Initech"].id
    app = make_app()
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(initech)
        PipelineService(elsewhere, clock).move(initech, Stage.REJECTED)
        await pilot.press("L")
        await settle(pilot)
        text = screen_text(app)
        on_board = {c.opportunity_id for c in app.screen.query_one(Board).cards()}
    assert "it is closed (Rejected)" in text
    assert initech not in on_board
    assert pipeline.get(initech).stage is Stage.REJECTED
    assert [i.summary for i in pipeline.detail(initech).interactions][-1] == (
        "Interviewing → Rejected"
    )


async def test_ctrl_r_redoes_what_u_undid(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    acme = seed(pipeline)["Acme"].id
    app = make_app()
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(acme)
        await pilot.press("L", "L")
        await settle(pilot)
        await pilot.press("u", "u")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.APPLIED
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.SCREENING
        assert "Redone: move Acme to Screening" in screen_text(app)
        selected = app.screen.query_one(Board).selected
        assert selected is not None and selected.stage is Stage.SCREENING


async def test_an_added_then_undone_opportunity_never_gives_its_id_again(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Fastco", "tab", *"Dev", "enter")
        await settle(pilot)
        first = max(o.id for o in pipeline.list())
        await pilot.press("u")
        await settle(pilot)
        assert first not in {o.id for o in pipeline.list()}
        await pilot.press("a", *"Fastco", "tab", *"Dev", "enter")
        await settle(pilot)
    assert max(o.id for o in pipeline.list()) == first + 1


async def test_a_new_day_rolls_due_labels_over_without_a_key(
    database: Database, pipeline: PipelineService, tmp_path: Path
) -> None:
    acme = seed(pipeline)["Acme"].id
    FollowUpService(database, lambda: NOW, "UTC").plan(
        acme, FollowUpKind.CHECK_IN, NOW.shift(days=1), force=True
    )
    now = [NOW]
    app = JobhuntApp(database, lambda: now[0], tz="UTC", cursor_blink=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        card = next(c for c in app.screen.query_one(Board).cards() if c.opportunity_id == acme)
        assert not card.overdue
        now[0] = NOW.shift(days=2)
        start = time.monotonic()
        while time.monotonic() - start < 1.5:
            await pilot.pause(0.1)
            cards = app.screen.query_one(Board).cards()
            card = next(c for c in cards if c.opportunity_id == acme)
            if card.overdue:
                break
        assert card.overdue


async def test_the_calendar_shows_an_outside_follow_up_and_the_new_day_without_a_key(
    database: Database, pipeline: PipelineService, elsewhere: Database
) -> None:
    acme = seed(pipeline)["Acme"].id
    now = [NOW]
    app = JobhuntApp(database, lambda: now[0], tz="UTC", cursor_blink=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert "Today (1)" not in screen_text(app)
        FollowUpService(elsewhere, lambda: NOW, "UTC").plan(
            acme, FollowUpKind.CHECK_IN, NOW.shift(hours=3), force=True
        )
        await _shows_within(pilot, "Today (1)")
        now[0] = NOW.shift(days=1)  # midnight passes: today's item is a day late
        await _shows_within(pilot, "Overdue (1)", seconds=1.5)


async def test_an_edit_form_open_during_an_outside_change_says_so_and_keeps_their_fields(
    make_app: Callable[..., JobhuntApp],
    pipeline: PipelineService,
    elsewhere: Database,
    clock: Clock,
) -> None:
    acme = seed(pipeline)["Acme"]
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(acme.id)
        await pilot.press("e")
        await settle(pilot)
        # Another writer changes the salary while the form is open…
        other = PipelineService(elsewhere, clock)
        theirs = other.get(acme.id)
        other.edit(
            acme.id,
            OpportunityInput(theirs.company_name, theirs.role, stage=theirs.stage, salary="150k"),
        )
        await _shows_within(pilot, "Changed elsewhere since this form opened")
        # …and the user, who never touched the salary, renames the role and saves.
        role = app.screen.query_one("#field-role")
        role.value = "Staff Engineer"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
    saved = pipeline.get(acme.id)
    assert saved.role == "Staff Engineer"
    assert saved.salary == "150k"
