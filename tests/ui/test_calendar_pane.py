"""The calendar pane through real keys: the day cursor and months, marks per state, the agenda's
space / s / o / f / d, board ↔ calendar highlighting, an outside change and midnight."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import arrow
import pytest
from textual.pilot import Pilot

from jobhunt_tui.domain.clock import fixed_clock
from jobhunt_tui.domain.models import FollowUp, FollowUpKind, FollowUpStatus
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.form import FormDialog
from jobhunt_tui.ui.screens.progress import ProgressScreen
from jobhunt_tui.ui.screens.snooze_offer import SnoozeOffer
from jobhunt_tui.ui.widgets.board import Board
from jobhunt_tui.ui.widgets.calendar_pane import CalendarPane
from jobhunt_tui.ui.widgets.calendar_widgets import AgendaList, MonthGrid
from tests.conftest import NOW
from tests.ui.helpers import screen_text, settle

INTERVIEW = arrow.get("2026-11-16T14:00:00+00:00")
WIDE = (160, 48)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Month and weekday names the same on every machine."""
    monkeypatch.setenv("LC_ALL", "C")


def add_acme(database: Database) -> int:
    """Acme: applied 2 Nov, interview Mon 16 Nov; thank-you 17 (overdue), follow-up 23,
    check-in 30 Nov."""
    applying = PipelineService(database, fixed_clock(arrow.get("2026-11-02T09:00:00+00:00")))
    acme = applying.add(OpportunityInput("Acme", "Backend Engineer")).id
    FollowUpService(database, fixed_clock(INTERVIEW.shift(hours=2)), "UTC").log_interview(
        acme, INTERVIEW
    )
    return acme


def add_idle(database: Database, company: str = "Initech") -> int:
    """Applied a month ago, nothing since, nothing planned: needs a next step."""
    old = PipelineService(database, fixed_clock(NOW.shift(days=-30)))
    return old.add(OpportunityInput(company, "Product Manager")).id


def pane(app: JobhuntApp) -> CalendarPane:
    return app.screen.query_one(CalendarPane)


def mark_on(grid: MonthGrid, day: int) -> str:
    """The role of the mark after day number `day` in the grid's lines ('' when none)."""
    for line in grid.lines()[2:8]:
        for index, piece in enumerate(line):
            if piece.text.strip() == str(day) and piece.role != "muted":
                return line[index + 1].role
    raise AssertionError(f"day {day} is not in the grid")


def day_role(grid: MonthGrid, day: int) -> str:
    for line in grid.lines()[2:8]:
        for piece in line:
            if piece.text.strip() == str(day):
                return piece.role
    raise AssertionError(f"day {day} is not in the grid")


async def focus_agenda(pilot: Pilot[None], app: JobhuntApp) -> AgendaList:
    await pilot.press("tab")
    await settle(pilot)
    agenda = pane(app).agenda
    agenda.focus()
    await settle(pilot)
    return agenda


async def test_the_day_cursor_and_the_months_move_with_the_keys(
    make_app: Callable[..., JobhuntApp],
) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        grid = pane(app).grid
        assert grid.has_focus and grid.cursor == dt.date(2026, 11, 20)
        assert "November 2026" in screen_text(app)
        await pilot.press("l", "j", "right", "down")
        assert grid.cursor == dt.date(2026, 12, 6)  # +1 +7 +1 +7: into December
        await settle(pilot)
        assert "December 2026" in screen_text(app)
        await pilot.press("h", "k", "up", "left")
        assert grid.cursor == dt.date(2026, 11, 20)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert grid.cursor == dt.date(2026, 12, 20) and "December 2026" in screen_text(app)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert grid.cursor == dt.date(2026, 10, 20) and "October 2026" in screen_text(app)
        await pilot.press("t")
        await settle(pilot)
        assert grid.cursor == dt.date(2026, 11, 20)
        assert day_role(grid, 20) == "cursor"
        await pilot.press("l")
        assert day_role(grid, 20) == "today"  # today keeps its own look


async def test_each_state_has_its_mark_on_its_day(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    acme = add_acme(database)
    with database.writing_sql("test setup") as conn:  # a follow-up sent on 19 Nov
        conn.execute(
            "INSERT INTO interaction (opportunity_id, kind, direction, occurred_at, summary) "
            "VALUES (?, 'follow_up', 'out', '2026-11-19T10:00:00Z', 'Sent')",
            (acme,),
        )
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        grid = pane(app).grid
        assert mark_on(grid, 16) == "interview"
        assert mark_on(grid, 17) == "overdue"
        assert mark_on(grid, 19) == "done"
        assert mark_on(grid, 23) == "planned"
        assert mark_on(grid, 18) == "text"  # nothing on 18 Nov
        text = screen_text(app)
    assert "16★" in text and "17!" in text and "19✓" in text and "23•" in text
    assert "! late" in text and "✓ done" in text and "★ interview" in text


async def test_space_marks_done_and_the_next_step_appears(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    acme = add_acme(database)
    followups = FollowUpService(database, fixed_clock(NOW), "UTC")
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        agenda = await focus_agenda(pilot, app)
        row = agenda.current
        assert row is not None and row.section == "overdue" and "thank-you" in row.label
        assert "3 days late" in screen_text(app)
        await pilot.press("space")
        await settle(pilot)
        text = screen_text(app)
        sections = [r.section for r in agenda.rows if r.opportunity_id == acme]
    thank_you = next(f for f in followups_of(database, acme) if f.kind.value == "thank_you")
    assert thank_you.status is FollowUpStatus.DONE
    assert "Overdue: nothing" in text
    assert "follow-up · email · in 7 days" in text  # re-planned a week after the sending
    assert "upcoming" in sections
    assert [i.kind.value for i in followups.agenda(7).upcoming] == ["follow_up"]


def followups_of(database: Database, opportunity_id: int) -> tuple[FollowUp, ...]:
    return PipelineService(database, fixed_clock(NOW)).detail(opportunity_id).follow_ups


async def test_s_snoozes_a_day(make_app: Callable[..., JobhuntApp], database: Database) -> None:
    acme = add_acme(database)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        agenda = await focus_agenda(pilot, app)
        await pilot.press("j")  # the follow-up of 23 Nov
        row = agenda.current
        assert row is not None and row.section == "upcoming"
        await pilot.press("s")
        await settle(pilot)
        assert "in 4 days" in screen_text(app)
    moved = next(f for f in followups_of(database, acme) if f.id == row.follow_up_id)
    assert moved.due_at.date() == dt.date(2026, 11, 24)


async def test_a_refused_snooze_offers_the_earliest_polite_date(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    acme = add_idle(database, "Globex")
    with database.writing_sql("test setup") as conn:
        conn.execute(
            "INSERT INTO interaction (opportunity_id, kind, direction, occurred_at, summary) "
            "VALUES (?, 'follow_up', 'out', '2026-11-19T10:00:00Z', 'Checked in')",
            (acme,),
        )
        conn.execute(
            "INSERT INTO follow_up (opportunity_id, kind, channel, due_at, created_at) "
            "VALUES (?, 'check_in', 'email', '2026-11-18T10:00:00Z', '2026-11-01T10:00:00Z')",
            (acme,),
        )
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await focus_agenda(pilot, app)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SnoozeOffer)
        text = screen_text(app)
        assert "Too soon" in text
        assert "Snooze to Thu 26 Nov 2026 instead?" in text
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SnoozeOffer)
    (check_in,) = followups_of(database, acme)
    assert check_in.due_at.date() == dt.date(2026, 11, 26)


async def test_o_selects_the_card_and_choosing_an_item_follows_on_the_board(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    acme = add_acme(database)
    initech = add_idle(database)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        board.select(initech)
        await settle(pilot)
        agenda = await focus_agenda(pilot, app)
        await pilot.press("j")  # another item: its card is selected on the board
        await settle(pilot)
        selected = board.selected
        assert selected is not None and selected.opportunity_id == acme
        board.select(initech)
        await settle(pilot)
        agenda.focus()
        await pilot.press("o")
        await settle(pilot)
        assert board.has_focus
        selected = board.selected
        assert selected is not None and selected.opportunity_id == acme


async def test_selecting_a_card_highlights_its_follow_ups(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    acme = add_acme(database)
    initech = add_idle(database)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        board = app.screen.query_one(Board)
        board.select(initech)
        await settle(pilot)
        await pilot.pause(CalendarPane.HIGHLIGHT_DELAY + 0.1)
        grid, agenda = pane(app).grid, pane(app).agenda
        assert day_role(grid, 23) == "day"
        board.select(acme)
        await settle(pilot)
        assert day_role(grid, 23) == "day"  # not while the board's cursor may still run on
        await pilot.pause(CalendarPane.HIGHLIGHT_DELAY + 0.1)
        assert {day_role(grid, day) for day in (16, 17, 23, 30)} == {"highlight"}
        assert day_role(grid, 18) == "day"
        assert {r.opportunity_id for r in agenda.highlighted()} == {acme}
        assert "▸ thank-you" in screen_text(app)


async def test_f_on_an_idle_item_plans_a_follow_up(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    initech = add_idle(database)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        agenda = await focus_agenda(pilot, app)
        assert "Needs a next step (1)" in screen_text(app)
        row = agenda.current
        assert row is not None and row.section == "needs_next_step"
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"+3d", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
        text = screen_text(app)
    (planned,) = followups_of(database, initech)
    assert planned.status is FollowUpStatus.PLANNED
    assert "Needs a next step" not in text
    assert "Initech" in text and "in 3 days" in text


async def test_d_opens_the_agenda_items_draft_in_the_editor(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    add_acme(database)
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        await focus_agenda(pilot, app)
        await pilot.press("d")
        await settle(pilot)
        await pilot.pause(0.1)
        text = screen_text(app)
        focused = app.screen.focused
    # The first agenda item is the overdue thank-you: its draft, from its template.
    assert "thank-you · Acme" in text
    assert focused is not None and focused.id == "draft-body"


async def test_enter_lists_the_chosen_day(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    add_acme(database)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        await pilot.press("h", "h", "h", "h", "enter")  # Monday 16 Nov
        await settle(pilot)
        agenda = pane(app).agenda
        assert agenda.has_focus
        row = agenda.current
        assert row is not None and row.section == "day"
        text = screen_text(app)
    assert "Mon 16 Nov" in text and "14:00 · interview" in text


async def test_outside_changes_and_midnight_show_after_a_reload(database: Database) -> None:
    acme = add_acme(database)
    now = [NOW]
    app = JobhuntApp(database, lambda: now[0], tz="UTC", cursor_blink=False)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        calendar = pane(app)
        assert "3 days late" in screen_text(app)
        # Another process plans a follow-up for a new opportunity.
        other = PipelineService(database, fixed_clock(NOW.shift(days=-20)))
        globex = other.add(OpportunityInput("Globex", "SRE")).id
        FollowUpService(database, fixed_clock(NOW), "UTC").plan(
            globex, FollowUpKind.FOLLOW_UP, NOW.shift(days=2)
        )
        calendar.reload()  # what the live view calls when data_version moves
        await settle(pilot)
        assert "Globex" in screen_text(app)
        assert mark_on(calendar.grid, 22) == "planned"
        # Midnight: the clock moves on to Saturday; today, ages and labels roll over.
        now[0] = arrow.get("2026-11-21T00:05:00+00:00")
        calendar.reload()
        await settle(pilot)
        assert calendar.today == dt.date(2026, 11, 21)
        grid = calendar.grid
        assert grid.face is not None and grid.face.today == dt.date(2026, 11, 21)
        assert grid.cursor == dt.date(2026, 11, 21)  # a cursor on today follows it
        assert day_role(grid, 20) == "day"
        assert mark_on(calendar.grid, 20) == "text"
        text = screen_text(app)
    assert "4 days late" in text and "Acme" in text
    assert acme != globex


async def test_a_reload_draws_the_part_on_screen_first_then_the_whole(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    acme = add_acme(database)
    thank_you = next(f for f in followups_of(database, acme) if f.kind.value == "thank_you")
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        calendar = pane(app)
        assert "3 days late" in screen_text(app)
        FollowUpService(database, fixed_clock(NOW), "UTC").done(thank_you.id)  # elsewhere
        drawn: list[tuple[int | None, str]] = []
        calendar.reload(then=lambda: drawn.append((calendar.view.lines, screen_text(app))))
        await settle(pilot)  # the whole view's read waits in its worker, and settle for it
        whole = calendar.view
    [(part_lines, text)] = drawn  # `then` ran once, after the first of the two was drawn
    assert part_lines is not None  # that first one was the part on screen
    assert "Overdue: nothing" in text and "follow-up · email · in 7 days" in text
    assert whole is not None and whole.lines is None and len(whole.weeks) == 8


async def test_the_note_of_a_change_shows_once_the_calendar_shows_it(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    add_acme(database)
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        await focus_agenda(pilot, app)
        agenda_then: list[bool] = []
        notify = app.screen.notify

        def noting(message: str, **options: object) -> None:
            agenda_then.append("Overdue: nothing" in screen_text(app))
            notify(message, **options)  # type: ignore[arg-type]

        app.screen.notify = noting  # type: ignore[method-assign]
        await pilot.press("space")
        await settle(pilot)
        text = screen_text(app)
    assert agenda_then == [True]
    assert "Done: Acme thank-you; next: follow-up" in text


async def test_the_palette_opens_weekly_progress_at_full_size(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    add_acme(database)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"weekly progress")
        await settle(pilot)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)
        text = screen_text(app)
        assert "Progress: the last 8 weeks" in text
        assert "16 Nov 2026" in text and "02 Nov 2026" in text
        assert "This week: 0 applications, 0 follow-ups sent, 1 interview." in text
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ProgressScreen)


async def test_a_change_on_the_board_updates_the_calendar(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    acme = add_acme(database)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(acme)
        assert "Overdue (1)" in screen_text(app)
        await pilot.press("x", "enter")  # close it: accepted
        await settle(pilot)
        await pilot.pause(0.1)
        await settle(pilot)
        text = screen_text(app)
        grid = pane(app).grid
    assert "Overdue: nothing" in text and "Next 7 days: nothing" in text
    assert mark_on(grid, 17) == "text" and mark_on(grid, 16) == "interview"


async def test_o_on_a_narrow_terminal_goes_back_to_the_board(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    acme = add_acme(database)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        assert pane(app).agenda.has_focus
        assert "Wishlist" not in screen_text(app)
        await pilot.press("o")
        await settle(pilot)
        board = app.screen.query_one(Board)
        selected = board.selected
        assert board.has_focus and selected is not None and selected.opportunity_id == acme
        text = screen_text(app)
    assert "Acme" in text and "Calendar" not in text


async def test_stored_text_shows_literally_in_the_agenda(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    add_idle(database, "[@click=app.quit]Evil[/] \x1b]52;c;eA==\x07Co")
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        agenda = pane(app).agenda
        (row,) = [r for r in agenda.rows if r.section == "needs_next_step" and r.selectable]
        shown = "".join(piece.text for piece in row.lines[0])
        text = screen_text(app)
        assert app.is_running
    assert shown.startswith("[@click=app.quit]Evil[/]")
    assert "\x1b" not in shown and "\x1b" not in text
    assert "Needs a next step (1)" in text


async def test_the_first_frame_shows_the_month_and_the_agenda_before_any_worker(
    make_app: Callable[..., JobhuntApp], database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_acme(database)
    add_idle(database)
    reads: list[tuple[int, int]] = []
    # The whole view's worker never runs: what shows comes from the pane's first read.
    monkeypatch.setattr(
        CalendarPane,
        "_read_whole_in_worker",
        lambda self, year, month, *rest: reads.append((year, month)),
    )
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        grid = pane(app).grid
        marks = {day: mark_on(grid, day) for day in (16, 17, 18, 23)}
        await pilot.pause()
    assert "loading" not in text
    assert "November 2026" in text and "16★" in text and "17!" in text and "23•" in text
    assert marks == {16: "interview", 17: "overdue", 18: "text", 23: "planned"}
    assert "Overdue (1)" in text and "3 days late" in text
    assert "Needs a next step (1)" in text and "Initech" in text
    assert reads == [(2026, 11)]  # the whole view was still asked for, after the first frame
