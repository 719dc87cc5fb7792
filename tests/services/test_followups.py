"""The follow-up engine on a real database: what is stored after each use case."""

from __future__ import annotations

import datetime as dt
import sqlite3

import arrow
import pytest

from jobhunt_tui.domain import cadence
from jobhunt_tui.domain.clock import Clock, fixed_clock
from jobhunt_tui.domain.errors import NotFoundError, ValidationError
from jobhunt_tui.domain.models import (
    Channel,
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    Stage,
)
from jobhunt_tui.domain.pest_guard import PestGuardRefused
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.services.zone import local_zone
from jobhunt_tui.storage.database import Database

TZ = "Europe/Berlin"


def berlin(text: str) -> arrow.Arrow:
    """A wall-clock time in Berlin."""
    return arrow.get(text, "YYYY-MM-DD HH:mm", tzinfo=TZ)


def service_at(database: Database, moment: str) -> FollowUpService:
    """The service with its clock stopped at a Berlin wall-clock time."""
    return FollowUpService(database, fixed_clock(berlin(moment)), TZ)


@pytest.fixture
def followups(database: Database, clock: Clock) -> FollowUpService:
    """The service at NOW (Friday 2026-11-20 13:00 in Berlin)."""
    return FollowUpService(database, clock, TZ)


@pytest.fixture
def acme(pipeline: PipelineService) -> int:
    """An applied opportunity (applied at NOW)."""
    return pipeline.add(OpportunityInput(company="Acme", role="Backend Engineer")).id


def _rows(database: Database, sql: str) -> list[tuple]:
    conn = sqlite3.connect(database.path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _planned(followups: FollowUpService, opportunity_id: int) -> list[tuple[str, str]]:
    detail = PipelineService(followups.database).detail(opportunity_id)
    return [
        (f.kind.value, f.due_at.to(TZ).format("YYYY-MM-DD HH:mm"))
        for f in detail.follow_ups
        if f.status is FollowUpStatus.PLANNED
    ]


def test_logging_an_interview_plans_the_cadence_and_stores_the_decision_date(
    followups: FollowUpService, pipeline: PipelineService, acme: int
) -> None:
    result = followups.log_interview(
        acme, berlin("2026-11-20 14:00"), decision_on=dt.date(2026, 12, 4), with_name="Ann Lee"
    )
    assert _planned(followups, acme) == [
        ("thank_you", "2026-11-23 14:00"),  # Friday interview: Monday
        ("follow_up", "2026-12-08 10:00"),  # two business days after 4 December, send-at hour
        ("check_in", "2026-12-15 10:00"),
    ]
    detail = pipeline.detail(acme)
    assert detail.opportunity.expected_decision_on == dt.date(2026, 12, 4)
    [ann] = detail.contacts
    assert ann.name == "Ann Lee"
    interview = detail.interactions[-1]
    assert (interview.kind, interview.summary, interview.contact_id) == (
        InteractionKind.INTERVIEW,
        "Interview with Ann Lee",
        ann.id,
    )
    assert {f.anchor_interaction_id for f in detail.follow_ups} == {interview.id}
    assert {f.contact_id for f in detail.follow_ups} == {ann.id}
    assert result.interview.id == interview.id
    assert [f.id for f in result.planned] == [f.id for f in detail.follow_ups]
    assert result.suggested_from.to(TZ).format("ddd HH:mm") == "Fri 16:00"


def test_the_interviewer_is_found_again_not_duplicated(
    followups: FollowUpService, pipeline: PipelineService, acme: int
) -> None:
    followups.log_interview(acme, berlin("2026-11-20 14:00"), with_name="Ann Lee")
    followups.log_interview(acme, berlin("2026-11-24 14:00"), with_name="ann lee")
    assert len(pipeline.detail(acme).contacts) == 1


def test_interview_and_plan_are_one_transaction(
    followups: FollowUpService, acme: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("planning failed")

    monkeypatch.setattr(cadence, "plan_interview", broken)
    with pytest.raises(RuntimeError):
        followups.log_interview(acme, berlin("2026-11-20 14:00"), decision_on=dt.date(2026, 12, 1))
    assert _rows(followups.database, "SELECT kind FROM interaction") == [("applied",)]
    assert _rows(followups.database, "SELECT expected_decision_on FROM opportunity") == [(None,)]


def test_interviews_on_closed_or_missing_opportunities_are_refused(
    followups: FollowUpService, pipeline: PipelineService, acme: int
) -> None:
    pipeline.close(acme, Stage.REJECTED)
    with pytest.raises(ValidationError, match="is closed"):
        followups.log_interview(acme, berlin("2026-11-20 14:00"))
    with pytest.raises(NotFoundError):
        followups.log_interview(999, berlin("2026-11-20 14:00"))
    with pytest.raises(ValidationError, match="before the interview"):
        followups.log_interview(acme, berlin("2026-11-20 14:00"), decision_on=dt.date(2026, 11, 1))
    assert _rows(followups.database, "SELECT count(*) FROM follow_up") == [(0,)]
    assert _rows(
        followups.database, "SELECT count(*) FROM interaction WHERE kind = 'interview'"
    ) == [(0,)]


def test_a_reply_cancels_the_planned_follow_ups_and_says_how_many(
    followups: FollowUpService, pipeline: PipelineService, acme: int
) -> None:
    followups.log_interview(acme, berlin("2026-11-20 14:00"))
    result = followups.log_reply(acme, summary="They want a second round")
    assert len(result.skipped) == 3
    assert (result.reply.kind, result.reply.direction, result.reply.summary) == (
        InteractionKind.EMAIL_IN,
        Direction.IN,
        "They want a second round",
    )
    statuses = {f.status for f in pipeline.detail(acme).follow_ups}
    assert statuses == {FollowUpStatus.SKIPPED}
    again = followups.log_reply(acme, by_phone=True)
    assert again.skipped == () and again.reply.kind is InteractionKind.CALL


def test_planning_too_soon_is_refused_unless_forced(followups: FollowUpService, acme: int) -> None:
    with pytest.raises(PestGuardRefused) as refused:
        followups.plan(acme, FollowUpKind.CUSTOM, berlin("2026-11-24 09:00"))
    assert "the application sent on Fri 20 Nov 2026" in str(refused.value)
    assert "The earliest polite date is Fri 27 Nov 2026." in str(refused.value)
    assert _rows(followups.database, "SELECT count(*) FROM follow_up") == [(0,)]

    check = followups.check(acme, FollowUpKind.CUSTOM, berlin("2026-11-27 09:00"))
    assert check.allowed

    forced = followups.plan(
        acme, FollowUpKind.CUSTOM, berlin("2026-11-24 09:00"), channel=Channel.PHONE, force=True
    )
    assert not forced.guard.allowed
    assert (forced.follow_up.channel, forced.follow_up.anchor_interaction_id) == (
        Channel.PHONE,
        None,
    )
    assert _planned(followups, acme) == [("custom", "2026-11-24 09:00")]


def test_done_logs_the_touch_and_re_plans_from_the_real_time(
    followups: FollowUpService, pipeline: PipelineService, database: Database, acme: int
) -> None:
    followups.log_interview(acme, berlin("2026-11-20 14:00"))
    thank_you = next(
        f for f in pipeline.detail(acme).follow_ups if f.kind is FollowUpKind.THANK_YOU
    )
    later = service_at(database, "2026-11-21 10:30")  # sent on Saturday
    result = later.done(thank_you.id)
    assert result.follow_up.status is FollowUpStatus.DONE
    assert result.follow_up.done_at.to(TZ).format("YYYY-MM-DD HH:mm") == "2026-11-21 10:30"
    assert result.logged.kind is InteractionKind.THANK_YOU
    assert result.logged.summary == "Thank-you sent by email"
    assert [f.kind for f in result.moved] == [FollowUpKind.FOLLOW_UP, FollowUpKind.CHECK_IN]
    assert _planned(followups, acme) == [
        ("follow_up", "2026-11-30 10:00"),
        ("check_in", "2026-12-07 10:00"),
    ]
    with pytest.raises(ValidationError, match="already recorded as sent"):
        later.done(thank_you.id)
    with pytest.raises(ValidationError, match="in the future"):
        later.done(result.moved[0].id, at=berlin("2026-12-30 10:00"))
    with pytest.raises(NotFoundError):
        later.done(999)


def test_a_send_too_soon_warns_through_send_check_but_is_always_recorded(
    followups: FollowUpService, pipeline: PipelineService, database: Database, acme: int
) -> None:
    followups.log_interview(acme, berlin("2026-11-20 14:00"))
    steps = {f.kind: f for f in pipeline.detail(acme).follow_ups}
    service_at(database, "2026-11-20 17:00").done(steps[FollowUpKind.THANK_YOU].id)
    early = service_at(database, "2026-11-23 09:00")
    warning = early.send_check(steps[FollowUpKind.FOLLOW_UP].id)
    assert not warning.allowed and warning.last_touch.kind == "thank_you"
    assert _rows(database, "SELECT count(*) FROM interaction WHERE kind = 'follow_up'") == [(0,)]
    result = early.done(steps[FollowUpKind.FOLLOW_UP].id)
    assert result.guard is not None and not result.guard.allowed
    assert _rows(database, "SELECT count(*) FROM interaction WHERE kind = 'follow_up'") == [(1,)]
    assert _planned(followups, acme) == [("check_in", "2026-11-30 10:00")]


def test_snooze_moves_the_follow_up_and_the_steps_after_it(
    followups: FollowUpService, pipeline: PipelineService, acme: int
) -> None:
    followups.log_interview(acme, berlin("2026-11-20 14:00"))
    follow_up = next(
        f for f in pipeline.detail(acme).follow_ups if f.kind is FollowUpKind.FOLLOW_UP
    )
    result = followups.snooze(follow_up.id, 3)
    assert result.follow_up.due_at.to(TZ).format("YYYY-MM-DD HH:mm") == "2026-11-30 10:00"
    assert [f.kind for f in result.moved] == [FollowUpKind.CHECK_IN]
    assert _planned(followups, acme)[1:] == [
        ("follow_up", "2026-11-30 10:00"),
        ("check_in", "2026-12-07 10:00"),
    ]
    with pytest.raises(ValidationError, match="between 1 and 365"):
        followups.snooze(follow_up.id, 0)


def test_the_agenda_groups_follow_ups_and_lists_what_needs_a_next_step(
    database: Database,
) -> None:
    applying = PipelineService(database, fixed_clock(berlin("2026-11-02 10:00")))
    acme = applying.add(OpportunityInput(company="Acme", role="Backend Engineer")).id
    closed = applying.add(OpportunityInput(company="Initech", role="PM")).id
    old_clock = fixed_clock(berlin("2026-10-20 10:00"))
    globex = PipelineService(database, old_clock).add(
        OpportunityInput(company="Globex", role="SRE")
    )
    early = service_at(database, "2026-11-10 09:00")
    early.log_interview(acme, berlin("2026-11-10 11:00"))  # thank-you 11 Nov: overdue now
    early.log_interview(closed, berlin("2026-11-10 11:00"))
    applying.close(closed, Stage.WITHDRAWN)

    now = service_at(database, "2026-11-20 13:00")
    agenda = now.agenda(days=14)
    assert [(i.company, i.kind.value) for i in agenda.overdue] == [
        ("Acme", "thank_you"),
        ("Acme", "follow_up"),
    ]
    assert agenda.due_today == ()
    assert [(i.company, i.kind.value) for i in agenda.upcoming] == [("Acme", "check_in")]
    assert [c.company for c in agenda.needs_next_step] == ["Globex"]
    assert agenda.needs_next_step[0].opportunity_id == globex.id
    assert (agenda.health.active, agenda.health.below_floor) == (2, False)
    assert [w.week_start for w in agenda.weekly][-1] == dt.date(2026, 11, 16)
    assert sum(w.interviews for w in agenda.weekly) == 2
    # Globex (20 Oct), then Acme and Initech (2 Nov), over the last 8 weeks.
    assert [w.applications for w in agenda.weekly] == [0, 0, 0, 1, 0, 2, 0, 0]
    assert now.agenda(days=0).upcoming == ()
    with pytest.raises(ValidationError):
        now.agenda(days=-1)


def test_the_zone_comes_from_jobhunt_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBHUNT_TZ", "America/New_York")
    assert str(local_zone()) == "America/New_York"
    monkeypatch.setenv("JOBHUNT_TZ", "Nowhere/Special")
    with pytest.raises(ValidationError, match="unknown time zone"):
        local_zone()
    monkeypatch.delenv("JOBHUNT_TZ")
    assert local_zone().utcoffset(dt.datetime(2026, 1, 1)) is not None
