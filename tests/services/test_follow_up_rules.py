"""Issue 9's cases at the service level: what is stored, on a real database, in Berlin."""

from __future__ import annotations

import datetime as dt
import sqlite3

import arrow
import pytest

from jobhunt_tui.domain import cadence
from jobhunt_tui.domain.clock import fixed_clock
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import (
    KIND_LABELS,
    FollowUpKind,
    InteractionKind,
    Settings,
    Stage,
)
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database

TZ = "Europe/Berlin"


def berlin(text: str) -> arrow.Arrow:
    """A wall-clock time in Berlin."""
    return arrow.get(text, "YYYY-MM-DD HH:mm", tzinfo=TZ)


def at(database: Database, moment: str) -> tuple[PipelineService, FollowUpService]:
    """Both services with the clock stopped at a Berlin wall-clock time."""
    clock = fixed_clock(berlin(moment))
    return PipelineService(database, clock, TZ), FollowUpService(database, clock, TZ)


def _rows(database: Database, sql: str) -> list[tuple]:
    conn = sqlite3.connect(database.path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _local(moment: arrow.Arrow) -> str:
    return moment.to(TZ).format("ddd YYYY-MM-DD HH:mm")


def _applied(pipeline: PipelineService, applied_on: dt.date | None = None) -> int:
    return pipeline.add(
        OpportunityInput(company="Acme", role="Backend Engineer", applied_on=applied_on)
    ).id


def test_1_the_application_is_dated_on_applied_on_and_never_blocks_the_thank_you(
    database: Database,
) -> None:
    pipeline, followups = at(database, "2026-12-01 13:00")  # a Tuesday
    acme = _applied(pipeline, dt.date(2026, 11, 10))
    [applied] = [i for i in pipeline.detail(acme).interactions if i.kind is InteractionKind.APPLIED]
    assert _local(applied.occurred_at) == "Tue 2026-11-10 12:00"
    logged = followups.log_interview(acme, berlin("2026-11-30 14:00"))
    follow_up = next(f for f in logged.planned if f.kind is FollowUpKind.FOLLOW_UP)
    assert _local(follow_up.due_at) == "Mon 2026-12-07 10:00"
    sent = followups.done(logged.planned[0].id)
    assert sent.guard is not None and sent.guard.allowed


def test_1_editing_applied_on_re_dates_the_application(database: Database) -> None:
    pipeline, _ = at(database, "2026-12-01 13:00")
    acme = _applied(pipeline)
    pipeline.edit(
        acme,
        OpportunityInput(company="Acme", role="Backend Engineer", applied_on=dt.date(2026, 11, 3)),
    )
    assert _rows(database, "SELECT occurred_at FROM interaction WHERE kind = 'applied'") == [
        ("2026-11-03T11:00:00Z",)
    ]


def test_2_a_follow_up_sent_before_an_interview_does_not_block_the_thank_you(
    database: Database,
) -> None:
    pipeline, followups = at(database, "2026-12-01 13:00")
    acme = _applied(pipeline, dt.date(2026, 11, 10))
    manual = followups.plan(acme, FollowUpKind.FOLLOW_UP, berlin("2026-12-01 15:00"))
    followups.done(manual.follow_up.id, at=berlin("2026-11-26 10:00"))
    logged = followups.log_interview(acme, berlin("2026-12-01 09:00"))
    thank_you = logged.planned[0]
    assert followups.send_check(thank_you.id).allowed
    assert followups.done(thank_you.id).guard.allowed


def test_3_answering_the_employer_the_same_day_is_allowed(database: Database) -> None:
    pipeline, followups = at(database, "2026-12-01 13:00")
    acme = _applied(pipeline, dt.date(2026, 11, 28))
    followups.log_reply(acme, summary="Could you send two references?")
    answer = followups.plan(acme, FollowUpKind.CUSTOM, berlin("2026-12-01 10:00"))
    assert answer.guard is not None and answer.guard.allowed
    assert followups.done(answer.follow_up.id).guard.allowed


def test_4_a_send_too_soon_is_recorded_with_the_reason_as_information(database: Database) -> None:
    pipeline, followups = at(database, "2026-12-01 13:00")
    acme = _applied(pipeline, dt.date(2026, 11, 10))
    logged = followups.log_interview(acme, berlin("2026-11-27 14:00"))
    steps = {f.kind: f for f in logged.planned}
    followups.done(steps[FollowUpKind.THANK_YOU].id, at=berlin("2026-11-27 17:00"))
    warned = followups.send_check(steps[FollowUpKind.FOLLOW_UP].id)
    assert not warned.allowed
    assert "earliest polite date is Fri 4 Dec 2026" in warned.message
    recorded = followups.done(steps[FollowUpKind.FOLLOW_UP].id, at=berlin("2026-11-30 09:00"))
    assert recorded.guard is not None and recorded.guard.message == warned.message.replace(
        "Tue 1 Dec 2026", "Mon 30 Nov 2026"
    )
    assert _rows(database, "SELECT count(*) FROM interaction WHERE kind = 'follow_up'") == [(1,)]


@pytest.mark.parametrize(
    ("interview", "follow_up", "check_in"),
    [
        ("2026-12-04 16:30", "Mon 2026-12-14 10:00", "Mon 2026-12-21 10:00"),  # late Friday
        ("2026-12-04 10:00", "Fri 2026-12-11 10:00", "Fri 2026-12-18 10:00"),  # thanks same day
        ("2026-11-30 14:00", "Mon 2026-12-07 10:00", "Mon 2026-12-14 10:00"),  # Monday
    ],
)
def test_5_the_follow_up_is_a_week_after_the_thank_you_at_the_send_at_hour(
    database: Database, interview: str, follow_up: str, check_in: str
) -> None:
    pipeline, followups = at(database, "2026-11-20 13:00")
    acme = _applied(pipeline, dt.date(2026, 11, 10))
    logged = followups.log_interview(acme, berlin(interview))
    _thank_you, planned_follow_up, planned_check_in = logged.planned
    assert (_local(planned_follow_up.due_at), _local(planned_check_in.due_at)) == (
        follow_up,
        check_in,
    )
    # What the cadence plans is what the pest guard accepts when planned by hand.
    assert logged.suggested_from is not None
    assert (planned_follow_up.due_at - logged.suggested_from).days >= 6
    by_hand = followups.check(acme, FollowUpKind.CUSTOM, planned_check_in.due_at.shift(days=7))
    assert by_hand.allowed


def test_5_the_send_at_hour_is_a_setting(database: Database) -> None:
    pipeline, followups = at(database, "2026-11-20 13:00")
    pipeline.save_settings(Settings(send_at_hour=8))
    acme = _applied(pipeline, dt.date(2026, 11, 10))
    logged = followups.log_interview(acme, berlin("2026-11-18 14:00"))
    assert [_local(f.due_at)[-5:] for f in logged.planned[1:]] == ["08:00", "08:00"]


def test_6_dates_that_make_no_sense_are_refused_and_write_nothing(database: Database) -> None:
    pipeline, followups = at(database, "2026-12-01 13:00")
    acme = _applied(pipeline, dt.date(2026, 11, 10))
    before = _rows(database, "SELECT count(*) FROM interaction")
    with pytest.raises(ValidationError, match="is before 2000"):
        followups.log_interview(acme, berlin("1999-06-01 10:00"))
    with pytest.raises(ValidationError, match=r"more than a year before the application"):
        followups.log_interview(acme, berlin("2025-11-01 10:00"))
    with pytest.raises(ValidationError, match="years ahead"):
        followups.log_interview(acme, berlin("2026-12-04 10:00"), decision_on=dt.date(9999, 12, 31))
    with pytest.raises(ValidationError, match="years ahead"):
        pipeline.add(
            OpportunityInput(
                company="Globex", role="SRE", expected_decision_on=dt.date(9999, 12, 31)
            )
        )
    assert _rows(database, "SELECT count(*) FROM interaction") == before
    # An interview a little before the recorded application (a recruiter called first) is fine.
    followups.log_interview(acme, berlin("2026-11-05 10:00"))


def test_7_an_interview_moves_the_card_in_the_same_transaction(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline, followups = at(database, "2026-12-01 13:00")
    acme = _applied(pipeline, dt.date(2026, 11, 10))

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("planning failed")

    monkeypatch.setattr(cadence, "plan_interview", broken)
    with pytest.raises(RuntimeError):
        followups.log_interview(acme, berlin("2026-11-30 14:00"))
    assert pipeline.get(acme).stage is Stage.APPLIED  # nothing half-done
    monkeypatch.undo()
    followups.log_interview(acme, berlin("2026-11-30 14:00"))
    assert pipeline.get(acme).stage is Stage.INTERVIEWING
    pipeline.move(acme, Stage.OFFER)
    followups.log_interview(acme, berlin("2026-12-01 10:00"))  # meeting the team at offer
    assert pipeline.get(acme).stage is Stage.OFFER  # never moved back
    changes = _rows(database, "SELECT summary FROM interaction WHERE kind = 'stage_change'")
    assert changes == [("Applied → Interviewing",), ("Interviewing → Offer",)]


def test_8_every_kind_has_one_name_for_people() -> None:
    for kind in (*FollowUpKind, *InteractionKind):
        assert kind.label == KIND_LABELS[kind.value]
    assert FollowUpKind.CUSTOM.label == "custom follow-up"
    assert InteractionKind.EMAIL_IN.label == "email from the employer"


def test_6_a_stored_decision_date_far_ahead_no_longer_breaks_an_interview(
    database: Database,
) -> None:
    # Earlier versions accepted `add --decision-by 9999-12-31`; such rows must still work.
    pipeline, followups = at(database, "2026-12-01 13:00")
    acme = _applied(pipeline, dt.date(2026, 11, 10))
    with database.writing_sql("test setup") as conn:
        conn.execute("UPDATE opportunity SET expected_decision_on = '9999-12-31'")
    logged = followups.log_interview(acme, berlin("2026-11-30 14:00"))
    assert _local(logged.planned[1].due_at) == "Mon 2026-12-07 10:00"
