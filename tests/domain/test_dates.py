"""Reading dates and times the user types, relative to a fixed now in the user's zone."""

from __future__ import annotations

import datetime as dt

import arrow
import pytest

from jobhunt_tui.domain.dates import parse_day, parse_when
from jobhunt_tui.domain.errors import ValidationError

TZ = "Europe/Berlin"
NOW = arrow.get("2026-11-18T10:00:00+00:00")  # Wednesday 11:00 in Berlin


def _when(text: str, **kwargs) -> str:
    return parse_when(text, NOW, TZ, **kwargs).format("YYYY-MM-DD HH:mm ZZ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20 14:00", "2026-11-20 14:00 +01:00"),
        ("2026-11-20T14:00", "2026-11-20 14:00 +01:00"),
        ("2026-11-20  14:00:30", "2026-11-20 14:00 +01:00"),
        ("2026-11-20", "2026-11-20 09:00 +01:00"),
        ("2026-07-01 08:15", "2026-07-01 08:15 +02:00"),
        ("today", "2026-11-18 09:00 +01:00"),
        ("Today 16:30", "2026-11-18 16:30 +01:00"),
        ("tomorrow", "2026-11-19 09:00 +01:00"),
        ("yesterday 13:00", "2026-11-17 13:00 +01:00"),
        ("friday 14:00", "2026-11-20 14:00 +01:00"),
        ("FRI", "2026-11-20 09:00 +01:00"),
        ("monday", "2026-11-23 09:00 +01:00"),
        ("wednesday", "2026-11-25 09:00 +01:00"),  # today is Wednesday: the next one
        ("+3d", "2026-11-21 09:00 +01:00"),
        ("+2w 10:00", "2026-12-02 10:00 +01:00"),
        ("+0d 7:05", "2026-11-18 07:05 +01:00"),
    ],
)
def test_accepted_forms(text: str, expected: str) -> None:
    assert _when(text) == expected


def test_default_time_is_configurable() -> None:
    assert _when("2026-11-20", default_time=dt.time(17, 0)) == "2026-11-20 17:00 +01:00"


def test_today_is_the_users_date_not_utc() -> None:
    late = arrow.get("2026-11-18T23:30:00+00:00")  # already Thursday in Berlin
    assert parse_day("today", late, TZ) == dt.date(2026, 11, 19)
    assert parse_day("today", late, "UTC") == dt.date(2026, 11, 18)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2026-13-01", "not a real date"),
        ("2026-02-30", "not a real date"),
        ("04/03/2026", "ambiguous"),
        ("4.3.2026", "ambiguous"),
        ("2026-1-5", "two digits"),
        ("2pm", "cannot read"),
        ("next week", "cannot read"),
        ("friday 25:00", "not a real time"),
        ("friday 14:60", "not a real time"),
        ("friday 2pm", "cannot read"),
        ("", "is empty"),
        ("+99999d", "cannot read"),
        ("+9999w", "too far from today"),
    ],
)
def test_refused_forms_say_what_is_accepted(text: str, reason: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_when(text, NOW, TZ, field="--at")
    message = str(refused.value)
    assert message.startswith("--at: ")
    assert reason in message
    assert "YYYY-MM-DD" in message or "HH:MM" in message


def test_a_time_skipped_by_daylight_saving_is_refused() -> None:
    with pytest.raises(ValidationError, match="does not exist in Europe/Berlin"):
        parse_when("2026-03-29 02:30", NOW, TZ)
    assert parse_when("2026-03-29 03:30", NOW, TZ).format("HH:mm ZZ") == "03:30 +02:00"


def test_a_time_that_happens_twice_is_refused() -> None:
    with pytest.raises(ValidationError, match="happens twice"):
        parse_when("2026-10-25 02:30", NOW, TZ)
    assert parse_when("2026-10-25 03:30", NOW, TZ).format("HH:mm ZZ") == "03:30 +01:00"


def test_parse_day_takes_dates_only() -> None:
    assert parse_day("2026-12-04", NOW, TZ) == dt.date(2026, 12, 4)
    assert parse_day("+1w", NOW, TZ) == dt.date(2026, 11, 25)
    with pytest.raises(ValidationError, match="has a time"):
        parse_day("2026-12-04 10:00", NOW, TZ)
    with pytest.raises(ValidationError, match="cannot read 'next month'"):
        parse_day("next month", NOW, TZ)


def test_an_unknown_zone_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown time zone"):
        parse_when("today", NOW, "Mars/Olympus")
