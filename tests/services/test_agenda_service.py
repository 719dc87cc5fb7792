"""The agenda service: month marks on the right days, a day's entries, bounded agenda lists."""

from __future__ import annotations

import datetime as dt

import arrow
import pytest

from jobhunt_tui.domain.clock import Clock, fixed_clock
from jobhunt_tui.domain.month import MarkKind
from jobhunt_tui.services.agenda import AgendaService
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database
from tests.conftest import NOW
from tests.ui.helpers import bulk_fill

INTERVIEW = arrow.get("2026-11-16T14:00:00+00:00")


@pytest.fixture
def acme(database: Database) -> int:
    """Acme, applied 2 Nov, interviewed Monday 16 Nov: thank-you 17 Nov, follow-up 23 Nov,
    check-in 30 Nov."""
    applying = PipelineService(database, fixed_clock(arrow.get("2026-11-02T09:00:00+00:00")))
    opportunity = applying.add(OpportunityInput("Acme", "Backend Engineer")).id
    FollowUpService(database, fixed_clock(INTERVIEW.shift(hours=2)), "UTC").log_interview(
        opportunity, INTERVIEW
    )
    return opportunity


def test_marks_land_on_their_days_with_their_state(
    database: Database, clock: Clock, acme: int
) -> None:
    service = AgendaService(database, clock, "UTC")
    followups = FollowUpService(database, fixed_clock(NOW), "UTC")
    november = service.month(2026, 11)
    assert november.by_day() == {
        dt.date(2026, 11, 16): (MarkKind.INTERVIEW, frozenset({acme})),
        dt.date(2026, 11, 17): (MarkKind.OVERDUE, frozenset({acme})),
        dt.date(2026, 11, 23): (MarkKind.PLANNED, frozenset({acme})),
        dt.date(2026, 11, 30): (MarkKind.PLANNED, frozenset({acme})),
    }
    assert service.month(2026, 10).by_day() == {}
    thank_you = service.agenda().overdue[0]
    followups.done(thank_you.follow_up_id)
    after = service.month(2026, 11).by_day()
    assert after[dt.date(2026, 11, 20)] == (MarkKind.DONE, frozenset({acme}))
    assert dt.date(2026, 11, 17) not in after


def test_a_day_lists_what_was_planned_sent_and_held(
    database: Database, clock: Clock, acme: int
) -> None:
    service = AgendaService(database, clock, "UTC")
    (interview,) = service.day(dt.date(2026, 11, 16))
    assert (interview.company, interview.state, interview.follow_up_id) == (
        "Acme",
        "interview",
        None,
    )
    (planned,) = service.day(dt.date(2026, 11, 23))
    assert (planned.kind, planned.state) == ("follow_up", "planned")
    assert planned.follow_up_id is not None
    assert service.day(dt.date(2026, 11, 18)) == ()


def test_the_agenda_lists_are_cut_at_the_limit_and_the_rest_is_counted(
    database: Database, clock: Clock
) -> None:
    bulk_fill(database, 30)
    with database.writing_sql("test setup") as conn:
        conn.executemany(
            "INSERT INTO follow_up (opportunity_id, kind, channel, due_at, created_at) "
            "VALUES (?, 'follow_up', 'email', '2026-11-10T10:00:00Z', '2026-11-01T10:00:00Z')",
            [(n,) for n in range(1, 31)],
        )
    agenda = AgendaService(database, clock, "UTC").agenda(limit=5)
    overdue_total = len(agenda.overdue) + dict(agenda.hidden).get("overdue", 0)
    assert len(agenda.overdue) == 5
    # Wishlist ones count too (their follow-ups are open); closed stages are not in bulk_fill.
    assert overdue_total == 30
    assert agenda.health.active == 24  # every stage but wishlist


def test_idle_opportunities_need_a_next_step_and_quiet_ones_are_not_closed(
    database: Database, clock: Clock
) -> None:
    old = PipelineService(database, fixed_clock(NOW.shift(days=-30)))
    idle = old.add(OpportunityInput("Initech", "PM", applied_on=dt.date(2026, 10, 21))).id
    recent = PipelineService(database, fixed_clock(NOW.shift(days=-10)))
    quiet = recent.add(OpportunityInput("Globex", "SRE", applied_on=dt.date(2026, 11, 10))).id
    agenda = AgendaService(database, clock, "UTC").agenda()
    assert [c.opportunity_id for c in agenda.needs_next_step] == [idle]
    assert [(c.opportunity_id, c.quiet_days) for c in agenda.quiet] == [(quiet, 10)]


def test_the_calendar_view_reads_month_day_agenda_and_eight_weeks(
    database: Database, clock: Clock, acme: int
) -> None:
    view = AgendaService(database, clock, "UTC").calendar(2026, 11, dt.date(2026, 11, 16))
    assert view.today == dt.date(2026, 11, 20)
    assert [e.state for e in view.day_entries] == ["interview"]
    assert len(view.weeks) == 8 and view.weeks[-1].week_start == dt.date(2026, 11, 16)
    assert view.weeks[-1].interviews == 1
    assert [i.kind.value for i in view.agenda.overdue] == ["thank_you"]


def test_weeks_are_local_and_stop_at_now(database: Database, clock: Clock) -> None:
    bulk_fill(database, 1)  # applied 1 Nov 12:00 UTC
    rows = [
        ("applied", "out", "2026-11-20T08:00:00Z"),
        ("applied", "out", "2026-11-15T23:30:00Z"),  # Monday 00:30 in Berlin, Sunday in UTC
        ("thank_you", "out", "2026-11-10T09:00:00Z"),
        ("call", "out", "2026-11-11T09:00:00Z"),  # a call is not a follow-up sent
        ("email_in", "in", "2026-11-11T09:00:00Z"),
        ("interview", "in", "2026-11-20T15:00:00Z"),  # later today: not yet
    ]
    with database.writing_sql("test setup") as conn:
        conn.executemany(
            "INSERT INTO interaction (opportunity_id, kind, direction, occurred_at, summary) "
            "VALUES (1, ?, ?, ?, '')",
            rows,
        )
    berlin = AgendaService(database, clock, "Europe/Berlin").progress()
    utc = AgendaService(database, clock, "UTC").progress()
    assert berlin[-1].week_start == dt.date(2026, 11, 16)
    assert (berlin[-1].applications, berlin[-1].interviews) == (2, 0)
    assert (utc[-1].applications, utc[-2].applications) == (1, 1)
    assert berlin[-2].follow_ups_sent == 1
    assert berlin[-4].applications == 1  # bulk_fill's, the week of 26 Oct
