"""The first frame's reads made ahead: the same as reading then, handed out once, and a
failure hands out nothing (the screen reads itself)."""

from __future__ import annotations

import time

import pytest

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.localtime import local_date
from jobhunt_tui.services.agenda import AgendaService
from jobhunt_tui.services.board import BoardService
from jobhunt_tui.services.demo import fill_demo
from jobhunt_tui.services.read_ahead import ReadAhead, ReadAheadCalendar
from jobhunt_tui.storage.database import Database

LINES = 40


def test_what_is_read_ahead_is_what_the_screen_would_read(database: Database, clock: Clock) -> None:
    fill_demo(database, clock)
    ahead = ReadAhead(database, clock, "UTC", LINES).start()
    today = local_date(clock(), "UTC")
    args = (today.year, today.month, today, LINES)

    assert ahead.settings() == BoardService(database, clock, "UTC").settings()
    assert ahead.board(LINES + 1) is None  # read for another height
    board = ahead.board(LINES)
    assert board == BoardService(database, clock, "UTC").load(first_screen=LINES)
    assert board is not None and board.cards
    assert ahead.board(LINES) is None  # handed out once
    view = ahead.first_view(*args)
    assert view == AgendaService(database, clock, "UTC").first_view(*args)
    assert ahead.first_view(*args) is None


def test_a_first_view_asked_for_other_arguments_is_read_then(
    database: Database, clock: Clock
) -> None:
    fill_demo(database, clock)
    agenda = AgendaService(database, clock, "UTC")
    today = local_date(clock(), "UTC")
    calendar = ReadAheadCalendar(agenda, ReadAhead(database, clock, "UTC", LINES).start())
    taller = calendar.first_view(today.year, today.month, today, LINES + 10)
    assert taller == agenda.first_view(today.year, today.month, today, LINES + 10)
    same = calendar.first_view(today.year, today.month, today, LINES)  # the one read ahead
    assert same == agenda.first_view(today.year, today.month, today, LINES)


def test_a_read_that_fails_hands_out_nothing_at_once(
    database: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_args: object, **_options: object) -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(BoardService, "load", locked)
    ahead = ReadAhead(database, clock, "UTC", LINES).start()
    today = local_date(clock(), "UTC")
    started = time.monotonic()
    assert ahead.settings() is None and ahead.board(LINES) is None
    assert ahead.first_view(today.year, today.month, today, LINES) is None
    assert time.monotonic() - started < 1.0  # nobody waits for what will not come
