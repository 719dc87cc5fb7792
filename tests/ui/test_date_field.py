"""Date fields show, live as the user types, the date the words resolve to, before saving.

The clock is NOW: Friday 20 Nov 2026, 12:00 UTC (the app runs in UTC here).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static

from jobhunt_tui.domain.models import FollowUpKind, InteractionKind
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.form import FormDialog
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import screen_text, seed, settle


def _preview(app: JobhuntApp, name: str) -> str:
    return str(app.screen.query_one(f"#preview-{name}", Static).render())


async def test_the_interview_date_shows_what_it_resolves_to_as_you_type(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    acme = cards["Acme"].id
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(acme)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"friday")
        assert _preview(app, "when") == "→ Fri 27 Nov 2026 09:00"  # the coming Friday
        await pilot.press(*" 14:00")
        assert "→ Fri 27 Nov 2026 14:00" in screen_text(app)
        await pilot.press(*" x")
        assert "cannot read" in _preview(app, "when")
        assert not any(
            i.kind is InteractionKind.INTERVIEW for i in pipeline.detail(acme).interactions
        )  # nothing saved while typing
        for _ in range(2):
            await pilot.press("backspace")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
    [interview] = [
        i for i in pipeline.detail(acme).interactions if i.kind is InteractionKind.INTERVIEW
    ]
    assert interview.occurred_at.format("YYYY-MM-DD HH:mm") == "2026-11-27 14:00"


async def test_a_reply_looks_back_and_says_empty_is_now(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    seed(pipeline)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert _preview(app, "when") == "empty: now"
        await pilot.press(*"monday 16:00")
        assert _preview(app, "when") == "→ Mon 16 Nov 2026 16:00"  # the last Monday


async def test_a_follow_up_due_day_lands_at_the_send_at_hour(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    cards = seed(pipeline)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(cards["Globex"].id)
        await pilot.press("f", *"+10d")
        assert _preview(app, "due") == "→ Mon 30 Nov 2026 10:00"
        await pilot.press("enter")
        await settle(pilot)
    [planned] = pipeline.detail(cards["Globex"].id).follow_ups
    assert planned.kind is FollowUpKind.FOLLOW_UP
    assert planned.due_at.format("YYYY-MM-DD HH:mm") == "2026-11-30 10:00"


async def test_the_form_shows_applied_on_looking_back_and_decision_looking_ahead(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 48)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#field-applied_on").focus()
        await pilot.press(*"monday")
        assert _preview(app, "applied_on") == "→ Mon 16 Nov 2026"
        app.screen.query_one("#field-expected_decision_on").focus()
        await pilot.press(*"9999-12-31")
        assert "more than 2 years ahead" in _preview(app, "expected_decision_on")
