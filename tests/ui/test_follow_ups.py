"""The follow-up keys: i logs an interview (follow-ups appear on the card), r a reply, f a
follow-up by hand with the pest guard's warning and its explicit override."""

from __future__ import annotations

from collections.abc import Callable

from jobhunt_tui.domain.models import FollowUpKind, FollowUpStatus
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.form import FormDialog
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import screen_text, seed, settle


async def test_i_logs_an_interview_and_the_card_shows_the_follow_up(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    initech = cards["Initech"].id
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        board.select(initech)
        assert "⏰" not in screen_text(app)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"today 10:00", "tab", *"Ann Lee", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
        card = board.selected
        assert card is not None and card.opportunity_id == initech
        assert card.next_follow_up_kind is FollowUpKind.THANK_YOU
        text = screen_text(app)
    detail = pipeline.detail(initech)
    kinds = [f.kind for f in detail.follow_ups if f.status is FollowUpStatus.PLANNED]
    assert kinds == [FollowUpKind.THANK_YOU, FollowUpKind.FOLLOW_UP, FollowUpKind.CHECK_IN]
    assert "Ann Lee" in [contact.name for contact in detail.contacts]
    assert "⏰" in text


async def test_an_unreadable_interview_time_stays_in_the_dialog(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i", *"2pm", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        assert "when" in screen_text(app)


async def test_r_logs_a_reply_that_cancels_planned_follow_ups(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    initech = cards["Initech"].id
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(initech)
        await pilot.press("i", *"today 10:00", "enter")
        await settle(pilot)
        await pilot.press("r", "tab", *"They will decide next week", "enter")
        await settle(pilot)
        card = app.screen.query_one(Board).selected
        assert card is not None and card.next_follow_up_at is None
    statuses = {f.status for f in pipeline.detail(initech).follow_ups}
    assert statuses == {FollowUpStatus.SKIPPED}


async def test_f_too_soon_offers_the_polite_date_and_enter_takes_it(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    acme = cards["Acme"].id  # applied today (Fri 20 Nov): a follow-up tomorrow is too soon
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(acme)
        await pilot.press("f", *"+1d", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        text = screen_text(app)
        assert "Too soon" in text
        assert "Plan on Fri 27 Nov 2026" in text and "Plan anyway" in text
        assert "☐" not in text and "X" not in text.split("Plan anyway")[0][-3:]
        assert pipeline.detail(acme).follow_ups == ()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
    [planned] = pipeline.detail(acme).follow_ups
    assert planned.kind is FollowUpKind.FOLLOW_UP
    assert planned.due_at.date().isoformat() == "2026-11-27"


async def test_f_plan_anyway_is_an_explicit_choice(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    acme = cards["Acme"].id
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(acme)
        await pilot.press("f", *"+1d", "enter")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
    [planned] = pipeline.detail(acme).follow_ups
    assert planned.due_at.date().isoformat() == "2026-11-21"


async def test_a_refused_or_cancelled_plan_changes_nothing(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    acme = cards["Acme"].id
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(acme)
        await pilot.press("f", *"+1d", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert "nothing to undo" in screen_text(app)
    assert pipeline.detail(acme).follow_ups == ()
