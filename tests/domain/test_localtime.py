"""Calendar arithmetic in the user's zone: wall-clock days, weekends, business days, DST."""

from __future__ import annotations

import datetime as dt

import arrow

from jobhunt_tui.domain.localtime import (
    add_business_days,
    add_days,
    at_local,
    days_between,
    weekend_to_monday,
)
from tests.domain.cadence_sim import BERLIN, berlin


def test_adding_days_keeps_the_wall_clock_across_dst() -> None:
    before = berlin("2026-03-27 09:00")  # CET; clocks spring forward on the 29th
    after = add_days(before, 7, BERLIN)
    assert after.format("YYYY-MM-DD HH:mm ZZ") == "2026-04-03 09:00 +02:00"
    assert after.to("UTC") - before.to("UTC") == dt.timedelta(days=7, hours=-1)


def test_a_skipped_wall_time_moves_past_the_gap() -> None:
    moment = at_local(dt.date(2026, 3, 29), dt.time(2, 30), BERLIN)
    assert moment.format("YYYY-MM-DD HH:mm ZZ") == "2026-03-29 03:30 +02:00"


def test_weekends_move_to_monday_in_the_users_zone() -> None:
    saturday = berlin("2026-11-21 10:00")
    assert weekend_to_monday(saturday, BERLIN).format("ddd YYYY-MM-DD HH:mm") == (
        "Mon 2026-11-23 10:00"
    )
    friday_utc = arrow.get("2026-11-20T23:30:00+00:00")  # Saturday 00:30 in Berlin
    assert weekend_to_monday(friday_utc, "UTC") == friday_utc
    assert weekend_to_monday(friday_utc, BERLIN).format("ddd HH:mm") == "Mon 00:30"


def test_business_days_skip_weekends() -> None:
    assert add_business_days(dt.date(2026, 11, 20), 2) == dt.date(2026, 11, 24)  # Fri -> Tue
    assert add_business_days(dt.date(2026, 11, 21), 1) == dt.date(2026, 11, 23)  # Sat -> Mon
    assert add_business_days(dt.date(2026, 11, 18), 0) == dt.date(2026, 11, 18)


def test_days_between_counts_local_calendar_days() -> None:
    late = berlin("2026-11-18 23:50")
    early = berlin("2026-11-19 00:10")
    assert days_between(late, early, BERLIN) == 1
    assert days_between(early, late, BERLIN) == -1
    assert days_between(late, early, "America/New_York") == 0
