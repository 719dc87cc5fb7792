"""The month grid's pure rules: weeks by week start, month steps, marks per day, names."""

from __future__ import annotations

import datetime as dt

import arrow

from jobhunt_tui.domain.agenda import due_label, snooze_days_to_reach
from jobhunt_tui.domain.health import WeekCount
from jobhunt_tui.domain.models import Direction, InteractionKind
from jobhunt_tui.domain.month import (
    ENGLISH_WEEKDAYS,
    CalendarNames,
    DayMark,
    MarkKind,
    clamp_to_month,
    marks_of,
    month_weeks,
    names_for_locale,
    shift_month,
    weekday_header,
)
from jobhunt_tui.domain.progress import week_in_words, week_starts, weekly_from_counts

NOW = arrow.get("2026-11-20T12:00:00+00:00")


def test_weeks_start_on_monday_by_default_and_on_sunday_when_asked() -> None:
    monday_first = month_weeks(2026, 11)
    assert monday_first[0] == (None, None, None, None, None, None, dt.date(2026, 11, 1))
    assert monday_first[-1][0] == dt.date(2026, 11, 30)
    sunday_first = month_weeks(2026, 11, week_start=6)
    assert sunday_first[0][0] == dt.date(2026, 11, 1)
    assert all(len(week) == 7 for week in sunday_first)
    assert weekday_header(CalendarNames(), 6)[:2] == ("Su", "Mo")


def test_month_steps_cross_years_and_keep_the_day_where_it_exists() -> None:
    assert shift_month(2026, 12, 1) == (2027, 1)
    assert shift_month(2026, 1, -1) == (2025, 12)
    assert shift_month(2026, 11, -13) == (2025, 10)
    assert clamp_to_month(dt.date(2026, 1, 31), 2026, 2) == dt.date(2026, 2, 28)
    assert clamp_to_month(dt.date(2026, 11, 20), 2026, 12) == dt.date(2026, 12, 20)


def test_a_day_shows_its_most_urgent_mark_and_who_it_belongs_to() -> None:
    day = dt.date(2026, 11, 17)
    marks = marks_of(
        [
            DayMark(day, MarkKind.DONE, frozenset({1})),
            DayMark(day, MarkKind.OVERDUE, frozenset({2})),
            DayMark(day, MarkKind.OVERDUE, frozenset({4})),
            DayMark(dt.date(2026, 12, 1), MarkKind.PLANNED, frozenset({3})),  # not November
        ],
        2026,
        11,
    )
    assert marks.by_day() == {day: (MarkKind.OVERDUE, frozenset({1, 2, 4}))}
    assert [(m.kind, m.opportunity_ids) for m in marks.marks] == [
        (MarkKind.OVERDUE, {2, 4}),
        (MarkKind.DONE, {1}),
    ]


def test_names_fall_back_to_english_for_unknown_or_c_locales() -> None:
    assert names_for_locale(None).weekdays == ENGLISH_WEEKDAYS
    assert names_for_locale("C.UTF-8").months[10] == "November"
    assert names_for_locale("xx_NOWHERE.UTF-8") == CalendarNames()


def test_relative_labels_say_in_n_days_and_n_days_late() -> None:
    assert due_label(NOW.shift(days=2), NOW, "UTC") == "in 2 days"
    assert due_label(NOW.shift(days=1), NOW, "UTC") == "tomorrow"
    assert due_label(NOW.shift(hours=-3), NOW, "UTC") == "today"
    assert due_label(NOW.shift(days=-1), NOW, "UTC") == "1 day late"
    assert due_label(NOW.shift(days=-3), NOW, "UTC") == "3 days late"


def test_a_refused_snooze_is_offered_the_days_that_reach_the_polite_date() -> None:
    polite = arrow.get("2026-11-26T10:00:00+00:00")
    overdue = arrow.get("2026-11-18T10:00:00+00:00")  # counts from today, 20 Nov
    assert snooze_days_to_reach(overdue, polite, NOW, "UTC") == 6
    assert snooze_days_to_reach(arrow.get("2026-11-24T10:00:00+00:00"), polite, NOW, "UTC") == 2
    assert snooze_days_to_reach(polite.shift(days=3), polite, NOW, "UTC") == 1


def test_weekly_progress_counts_each_series_and_says_this_week_in_words() -> None:
    starts = week_starts(dt.date(2026, 11, 16), 8)
    assert starts[0] == dt.date(2026, 9, 28) and len(starts) == 8
    weeks = weekly_from_counts(
        starts,
        [
            (7, InteractionKind.APPLIED, Direction.OUT, 2),
            (7, InteractionKind.FOLLOW_UP, Direction.OUT, 1),
            (7, InteractionKind.INTERVIEW, Direction.IN, 1),
            (6, InteractionKind.THANK_YOU, Direction.OUT, 3),
            (9, InteractionKind.APPLIED, Direction.OUT, 5),  # outside the window
        ],
    )
    assert weeks[-1] == WeekCount(dt.date(2026, 11, 16), 2, 1, 1)
    assert weeks[-2].follow_ups_sent == 3
    assert week_in_words(weeks[-1]) == ("This week: 2 applications, 1 follow-up sent, 1 interview.")
    assert week_in_words(weeks[0]).startswith("This week: nothing yet.")
