"""The settings screen through the palette: values shown, checked by field, saved, used."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import arrow
from textual.pilot import Pilot

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.models import FollowUpKind, Settings, Stage
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.services.settings import SettingsService
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.settings import SettingsScreen
from tests.ui.helpers import screen_text, seed, settle

NEXT_MONDAY = arrow.get("2026-11-23T10:00:00+00:00")


def toast_text(screen: str) -> str:
    """The words of the toasts on screen (right of their ▌ edge), lines joined."""
    parts = [line.split("▌", 1)[1].strip(" ─╯│") for line in screen.splitlines() if "▌" in line]
    return " ".join(part for part in parts if part)


async def open_settings(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("ctrl+p", *"settings")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SettingsScreen)


async def go_to(pilot: Pilot[None], key: str) -> None:
    """Tab to the field of `key`, the way a user does."""
    for _ in range(20):
        focused = pilot.app.screen.focused
        if focused is not None and focused.id == f"field-{key}":
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached {key}")


async def retype(pilot: Pilot[None], key: str, text: str) -> None:
    await go_to(pilot, key)
    await pilot.press("end", "ctrl+u", *text)


async def test_the_palette_opens_settings_with_the_stored_values(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    SettingsService(database).change("your_name", "[bold]Zoë[/] 🚀")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_settings(pilot)
        text = screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsScreen)
    assert "[bold]Zoë[/] 🚀" in text  # shown literally, not as markup
    for label in ("Your name", "Follow-up after", "Pest-guard gap", "Send at", "Week starts on"):
        assert label in text
    assert "days after the thank-you" in text


async def test_saving_changes_the_header_and_the_next_plan_at_once(
    make_app: Callable[..., JobhuntApp],
    database: Database,
    pipeline: PipelineService,
    clock: Clock,
) -> None:
    seed(pipeline)  # three active opportunities: no warning at the default floor of 2
    app = make_app()
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        assert "below" not in screen_text(app).splitlines()[0]
        await open_settings(pilot)
        await retype(pilot, "follow_up_days", "10")
        await retype(pilot, "active_floor", "5")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsScreen)
        text = screen_text(app)
    assert "below 5 active: add a backup" in text.splitlines()[0]
    assert "Settings saved: follow-up after, active at least." in toast_text(text)
    assert "Planned follow-ups keep their dates" in toast_text(text)
    stored = SettingsService(database).read()
    assert (stored.follow_up_days, stored.active_floor) == (10, 5)
    # Log an interview now: the follow-up lands ten days after it.
    globex = pipeline.add(OpportunityInput("Hooli", "SRE", stage=Stage.SCREENING))
    logged = FollowUpService(database, clock, "UTC").log_interview(globex.id, NEXT_MONDAY)
    [follow_up] = [s for s in logged.planned if s.kind is FollowUpKind.FOLLOW_UP]
    assert follow_up.due_at == arrow.get("2026-12-03T10:00:00+00:00")


async def test_a_bad_value_is_reported_by_its_field_and_nothing_is_saved(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_settings(pilot)
        await retype(pilot, "min_gap_days", "0")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        lines = screen_text(app).splitlines()
        at = next(i for i, line in enumerate(lines) if "Pest-guard gap" in line)
        assert "Pest-guard gap: must be at least 1 day, not 0" in lines[at + 1]
        assert app.screen.focused is not None
        assert app.screen.focused.id == "field-min_gap_days"

        await retype(pilot, "min_gap_days", "7")
        await retype(pilot, "send_at_hour", "25")
        await pilot.press("enter")
        await settle(pilot)
        assert "Send at: must be an hour of the day from 0 to 23, not 25" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
    assert SettingsService(database).read() == Settings()


async def test_signature_takes_several_lines_and_ctrl_s_saves(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_settings(pilot)
        await go_to(pilot, "signature")
        await pilot.press(*"Zoë", "enter", *"+1 555 0100")
        await go_to(pilot, "week_start")
        await pilot.press("enter", "down", "down", "enter")  # Monday → Wednesday
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsScreen)
    stored = SettingsService(database).read()
    assert stored.signature == "Zoë\n+1 555 0100"
    assert stored.week_start == 2


async def test_unchanged_settings_write_nothing(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_settings(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsScreen)
        assert "Settings unchanged." in screen_text(app)
    conn = sqlite3.connect(database.path)
    try:
        assert conn.execute("SELECT count(*) FROM setting").fetchone() == (0,)
    finally:
        conn.close()
