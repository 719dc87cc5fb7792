"""Reading dates and times the user types, relative to a fixed now in the user's zone."""

from __future__ import annotations

import datetime as dt
import re

import arrow
import pytest

from jobhunt_tui.domain.dates import (
    SHOWN_MAX,
    Looking,
    latest_day,
    not_before,
    parse_day,
    parse_when,
    resolved_words,
)
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


# The words of the design, in both directions. NOW is Wednesday 18 Nov 2026, 11:00 in Berlin.


@pytest.mark.parametrize(
    ("text", "future", "past"),
    [
        ("friday", "2026-11-20", "2026-11-13"),
        ("wednesday", "2026-11-25", "2026-11-11"),  # today's weekday: never today
        ("mon", "2026-11-23", "2026-11-16"),
        ("next friday", "2026-11-20", "2026-11-20"),  # the words say which way
        ("last friday", "2026-11-13", "2026-11-13"),
        ("today", "2026-11-18", "2026-11-18"),
        ("yesterday", "2026-11-17", "2026-11-17"),
        ("tomorrow", "2026-11-19", "2026-11-19"),
        ("+3d", "2026-11-21", "2026-11-21"),
        ("-2w", "2026-11-04", "2026-11-04"),
        ("in 3 days", "2026-11-21", "2026-11-21"),
        ("in 1 week", "2026-11-25", "2026-11-25"),
        ("3 days ago", "2026-11-15", "2026-11-15"),
        ("2 weeks ago", "2026-11-04", "2026-11-04"),
    ],
)
def test_day_words_face_the_way_the_field_does(text: str, future: str, past: str) -> None:
    assert parse_day(text, NOW, TZ, looking=Looking.FUTURE).isoformat() == future
    assert parse_day(text, NOW, TZ, looking=Looking.PAST).isoformat() == past


def test_on_a_tuesday_friday_is_the_coming_one_for_an_interview_and_the_last_for_a_reply() -> None:
    tuesday = arrow.get("2026-12-01T12:00:00+00:00")
    interview = parse_when("friday 14:00", tuesday, TZ, looking=Looking.FUTURE)
    reply = parse_when("friday 14:00", tuesday, TZ, looking=Looking.PAST)
    assert interview.format("ddd YYYY-MM-DD HH:mm") == "Fri 2026-12-04 14:00"
    assert reply.format("ddd YYYY-MM-DD HH:mm") == "Fri 2026-11-27 14:00"
    assert parse_day("monday", tuesday, TZ, looking=Looking.PAST) == dt.date(2026, 11, 30)


def test_hours_count_from_this_very_moment() -> None:
    assert _when("+2h") == "2026-11-18 13:00 +01:00"
    assert _when("-5h") == "2026-11-18 06:00 +01:00"
    assert _when("in 2 hours") == "2026-11-18 13:00 +01:00"
    assert _when("3 hours ago") == "2026-11-18 08:00 +01:00"
    with pytest.raises(ValidationError, match="is hours; give a date"):
        parse_day("+2h", NOW, TZ)
    with pytest.raises(ValidationError, match="hours from now take no time"):
        parse_when("+2h 10:00", NOW, TZ)


def test_a_time_goes_after_any_day_words() -> None:
    assert _when("in 3 days 14:00") == "2026-11-21 14:00 +01:00"
    assert _when("last friday 09:30", looking=Looking.PAST) == "2026-11-13 09:30 +01:00"
    assert _when("2 weeks ago 16:00") == "2026-11-04 16:00 +01:00"


def test_day_words_keep_the_wall_clock_across_a_dst_change() -> None:
    before_autumn = arrow.get("2026-10-22T10:00:00+00:00")  # Thursday, summer time
    after = parse_when("+1w 10:00", before_autumn, TZ)
    assert after.format("YYYY-MM-DD HH:mm ZZ") == "2026-10-29 10:00 +01:00"
    monday = parse_when("monday", before_autumn, TZ, default_time=dt.time(10, 0))
    assert monday.format("YYYY-MM-DD HH:mm ZZ") == "2026-10-26 10:00 +01:00"
    back = parse_when("last friday 10:00", arrow.get("2026-03-31T10:00:00+00:00"), TZ)
    assert back.format("YYYY-MM-DD HH:mm ZZ") == "2026-03-27 10:00 +01:00"  # before spring
    # Hours are real hours: 24 of them across the spring change land at a new wall-clock time.
    saturday = arrow.get("2026-03-28T12:00:00+00:00")  # 13:00 CET
    assert parse_when("+24h", saturday, TZ).format("YYYY-MM-DD HH:mm ZZ") == (
        "2026-03-29 14:00 +02:00"
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1999-12-31", "is before 2000"),
        ("1850-01-01", "is before 2000"),
        ("9999-12-31", "more than 2 years ahead (after 2028-11-18)"),
        ("2028-11-19", "more than 2 years ahead"),
        ("+106w", "more than 2 years ahead"),
        ("1500 weeks ago", "is before 2000"),
        ("+9999w", "more than 2 years ahead"),
    ],
)
def test_dates_out_of_bounds_are_refused_clearly(text: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(reason)):
        parse_day(text, NOW, TZ)
    with pytest.raises(ValidationError, match=re.escape(reason)):
        parse_when(text, NOW, TZ)


def test_the_bounds_themselves_are_accepted() -> None:
    assert parse_day("2000-01-01", NOW, TZ) == dt.date(2000, 1, 1)
    assert parse_day("2028-11-18", NOW, TZ) == dt.date(2028, 11, 18)
    leap = arrow.get("2028-02-29T12:00:00+00:00")
    assert latest_day(leap, TZ) == dt.date(2030, 2, 28)


def test_an_interview_long_before_the_application_is_refused_by_reason() -> None:
    moment = parse_when("2025-01-10 10:00", NOW, TZ)
    with pytest.raises(ValidationError, match="before 2025-03-01: more than a year before"):
        not_before(moment, dt.date(2025, 3, 1), TZ, "at", "more than a year before the application")


@pytest.mark.parametrize(
    "text", ["x" * 10_000, "[bold]" * 500, "\x1b]52;c;aGk=\x07" * 40, "🙂" * 300]
)
def test_an_error_never_echoes_more_than_80_characters_of_input(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_when(text, NOW, TZ, field="--at")
    quoted = re.search(r"'(.*)'", refused.value.message)
    assert quoted is not None and len(quoted.group(1)) <= SHOWN_MAX
    assert "\x1b" not in refused.value.message and "\x07" not in refused.value.message


def test_the_preview_words_are_what_the_save_reads() -> None:
    assert resolved_words("friday 14:00", NOW, TZ) == "Fri 20 Nov 2026 14:00"
    assert resolved_words("friday", NOW, TZ, looking=Looking.PAST, with_time=False) == (
        "Fri 13 Nov 2026"
    )
    with pytest.raises(ValidationError, match="ambiguous"):
        resolved_words("04/03/2026", NOW, TZ)
