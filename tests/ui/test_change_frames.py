"""A change shows whole in one frame: the card, the header and the calendar's part on screen
are read by the change's worker and drawn by one handler (the calendar's own read of them
came a frame or two later)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from textual.message import Message

from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.messages import CardChanged
from jobhunt_tui.ui.widgets.board import Board
from jobhunt_tui.ui.widgets.calendar_pane import CalendarPane, PartRequest
from tests.ui.helpers import screen_text, settle
from tests.ui.test_calendar_pane import WIDE, add_acme, english, focus_agenda, pane

__all__ = ["english"]  # month names in English here too (an autouse fixture)


def own_part_reads(monkeypatch: pytest.MonkeyPatch) -> list[PartRequest]:
    """Record the calendar's own reads of the part on screen instead of running them."""
    asked: list[PartRequest] = []
    monkeypatch.setattr(
        CalendarPane,
        "_read_part_in_worker",
        lambda self, request, generation: asked.append(request),
    )
    return asked


async def test_space_on_the_agenda_shows_the_calendar_with_the_card(
    make_app: Callable[..., JobhuntApp], database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_acme(database)
    changes: list[CardChanged] = []

    def record(message: Message) -> None:
        if isinstance(message, CardChanged):
            changes.append(message)

    app = make_app()
    async with app.run_test(size=WIDE, message_hook=record) as pilot:
        await settle(pilot)
        await focus_agenda(pilot, app)
        assert "1 overdue" in screen_text(app) and "3 days late" in screen_text(app)
        asked = own_part_reads(monkeypatch)
        await pilot.press("space")
        await settle(pilot)
        text = screen_text(app)
    [change] = {id(c): c for c in changes}.values()  # the app sees it bubble up as well
    assert change.calendar is not None  # the part came with the card
    assert asked == []  # so the calendar did not read it again
    assert "Overdue: nothing" in text and "follow-up · email · in 7 days" in text
    assert "1 overdue" not in text


async def test_a_part_read_before_the_month_moved_is_read_again(
    make_app: Callable[..., JobhuntApp], database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_acme(database)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        calendar = pane(app)
        request = calendar.part_request()
        read = calendar.read_part(request)
        await pilot.press("tab", "right_square_bracket")  # the grid shows December now
        await settle(pilot)
        asked = own_part_reads(monkeypatch)
        calendar.show_part(read)
        await pilot.pause()
    assert (request.year, request.month) == (2026, 11)
    assert [(r.year, r.month) for r in asked] == [(2026, 12)]


async def test_a_failing_part_read_still_shows_the_card(
    make_app: Callable[..., JobhuntApp], database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_acme(database)
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)

        def busy(self: CalendarPane, request: PartRequest) -> None:
            raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(CalendarPane, "read_part", busy)
        await pilot.press("L")  # Acme: Interviewing → Offer
        await settle(pilot)
        board = app.screen.query_one(Board)
        column = board.column.key
        messages = [n.message for n in app._notifications]
    assert column == "offer"  # the card moved, selected in its new column
    assert any("busy" in m or "locked" in m for m in messages), messages
