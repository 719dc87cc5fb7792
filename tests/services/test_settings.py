"""The settings service on a real database, and each setting's effect on what is planned and
shown: cadence, pest guard, header counts, idle marks."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import arrow
import pytest

from jobhunt_tui.domain import settings as rules
from jobhunt_tui.domain.clock import Clock, fixed_clock
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import FollowUpKind, Settings, Stage
from jobhunt_tui.services.board import BoardService
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.services.report import build_report, render_markdown
from jobhunt_tui.services.settings import SettingsService, changed_keys
from jobhunt_tui.storage.database import Database
from tests.conftest import NOW

INTERVIEW_AT = arrow.get("2026-11-17T14:00:00+00:00")  # the Tuesday before NOW
NEXT_MONDAY = arrow.get("2026-11-23T10:00:00+00:00")


@pytest.fixture
def service(database: Database) -> SettingsService:
    return SettingsService(database)


def stored_rows(database: Database) -> dict[str, object]:
    """The setting table as it is on disk, values decoded from JSON."""
    conn = sqlite3.connect(database.path)
    try:
        rows = conn.execute("SELECT key, value FROM setting").fetchall()
        return {key: json.loads(value) for key, value in rows}
    finally:
        conn.close()


def test_reads_defaults_from_an_empty_database(service: SettingsService) -> None:
    assert service.read() == Settings()


def test_change_one_key_writes_only_that_key(service: SettingsService, database: Database) -> None:
    before, after = service.change("follow_up_days", "10")
    assert (before.follow_up_days, after.follow_up_days) == (7, 10)
    assert service.read().follow_up_days == 10
    assert stored_rows(database) == {"follow_up_days": 10}


def test_bad_input_changes_nothing(service: SettingsService, database: Database) -> None:
    service.change("your_name", "Zoë")
    for key, text in (("min_gap_days", "0"), ("send_at_hour", "25"), ("follow_up_days", "3")):
        with pytest.raises(ValidationError):
            service.change(key, text)
    with pytest.raises(rules.UnknownSettingError):
        service.change("colour", "blue")
    assert stored_rows(database) == {"your_name": "Zoë"}


def test_change_decides_from_the_stored_values(service: SettingsService) -> None:
    """Another process lowered the gap: a follow-up of 5 days is fine now."""
    service.change("min_gap_days", "5")
    _before, after = service.change("follow_up_days", "5")
    assert (after.min_gap_days, after.follow_up_days) == (5, 5)


def test_save_keeps_a_key_changed_elsewhere_meanwhile(service: SettingsService) -> None:
    base = service.read()
    service.change("your_email", "zoe@example.com")  # the command line, while the form is open
    edited = base._replace(your_name="Zoë", idle_days=21)
    saved = service.save(edited, base)
    assert (saved.your_name, saved.idle_days, saved.your_email) == ("Zoë", 21, "zoe@example.com")
    assert service.read() == saved


def test_save_refuses_invalid_settings_and_writes_nothing(
    service: SettingsService, database: Database
) -> None:
    base = service.read()
    with pytest.raises(ValidationError) as caught:
        service.save(base._replace(send_at_hour=25), base)
    assert caught.value.field == "send_at_hour"
    assert stored_rows(database) == {}


def test_changed_keys_in_settings_order() -> None:
    base = Settings()
    assert changed_keys(base, base._replace(idle_days=3, your_name="A")) == [
        "your_name",
        "idle_days",
    ]


# Effects: the services read Settings from the database on every use


def _follow_up_due(followups: FollowUpService, opportunity_id: int) -> arrow.Arrow:
    logged = followups.log_interview(opportunity_id, NEXT_MONDAY)
    [step] = [s for s in logged.planned if s.kind is FollowUpKind.FOLLOW_UP]
    return step.due_at


def test_follow_up_days_move_the_next_planned_follow_up(
    database: Database, pipeline: PipelineService, clock: Clock, service: SettingsService
) -> None:
    followups = FollowUpService(database, clock, "UTC")
    first = pipeline.add(OpportunityInput("Acme", "Backend Engineer", stage=Stage.SCREENING))
    second = pipeline.add(OpportunityInput("Globex", "SRE", stage=Stage.SCREENING))
    assert _follow_up_due(followups, first.id) == arrow.get("2026-11-30T10:00:00+00:00")

    service.change("follow_up_days", "10")

    # Ten days after the interview: Thursday 3 December, at the same hour.
    assert _follow_up_due(followups, second.id) == arrow.get("2026-12-03T10:00:00+00:00")
    # Already planned follow-ups keep their dates.
    planned = [s for s in pipeline.detail(first.id).follow_ups if s.kind is FollowUpKind.FOLLOW_UP]
    assert [s.due_at.isoformat() for s in planned] == ["2026-11-30T10:00:00+00:00"]


def test_thank_you_hours_change_the_thank_you_deadline(
    database: Database, pipeline: PipelineService, clock: Clock, service: SettingsService
) -> None:
    followups = FollowUpService(database, clock, "UTC")
    acme = pipeline.add(OpportunityInput("Acme", "Backend Engineer", stage=Stage.SCREENING))
    service.change("thank_you_hours", "48")
    logged = followups.log_interview(acme.id, INTERVIEW_AT)
    [thank_you] = [s for s in logged.planned if s.kind is FollowUpKind.THANK_YOU]
    assert thank_you.due_at <= INTERVIEW_AT.shift(hours=48)
    assert thank_you.due_at > INTERVIEW_AT.shift(hours=24)


def test_min_gap_days_change_what_the_pest_guard_allows(
    database: Database, pipeline: PipelineService, clock: Clock, service: SettingsService
) -> None:
    followups = FollowUpService(database, clock, "UTC")
    acme = pipeline.add(OpportunityInput("Acme", "Backend Engineer"))  # applied at NOW
    asked_at = NOW.shift(days=4)

    refused = followups.check(acme.id, FollowUpKind.CUSTOM, asked_at)
    assert (refused.allowed, refused.min_gap_days) == (False, 7)

    service.change("min_gap_days", "3")
    allowed = followups.check(acme.id, FollowUpKind.CUSTOM, asked_at)
    assert (allowed.allowed, allowed.min_gap_days) == (True, 3)


def test_active_floor_changes_the_header_warning(
    database: Database, pipeline: PipelineService, clock: Clock, service: SettingsService
) -> None:
    pipeline.add(OpportunityInput("Acme", "Backend Engineer"))
    pipeline.add(OpportunityInput("Globex", "SRE"))
    board = BoardService(database, clock, "UTC")
    assert not board.load().counts.below_floor
    service.change("active_floor", "3")
    counts = board.load().counts
    assert (counts.floor, counts.below_floor) == (3, True)


def test_idle_days_change_which_cards_are_idle(
    database: Database, pipeline: PipelineService, service: SettingsService
) -> None:
    pipeline.add(OpportunityInput("Acme", "Backend Engineer"))
    ten_days_later = BoardService(database, fixed_clock(NOW.shift(days=10)), "UTC")
    [card] = ten_days_later.load().cards
    assert not card.idle
    service.change("idle_days", "7")
    [card] = ten_days_later.load().cards
    assert card.idle


def test_check_in_days_space_the_check_in_after_the_follow_up(
    database: Database, pipeline: PipelineService, clock: Clock, service: SettingsService
) -> None:
    followups = FollowUpService(database, clock, "UTC")
    acme = pipeline.add(OpportunityInput("Acme", "Backend Engineer", stage=Stage.SCREENING))
    service.change("check_in_days", "14")
    logged = followups.log_interview(acme.id, NEXT_MONDAY)
    due = {step.kind: step.due_at for step in logged.planned}
    assert due[FollowUpKind.FOLLOW_UP] == arrow.get("2026-11-30T10:00:00+00:00")
    assert due[FollowUpKind.CHECK_IN] == arrow.get("2026-12-14T10:00:00+00:00")  # 14 days on


def test_decision_grace_days_move_a_follow_up_that_waits_for_the_decision(
    database: Database, pipeline: PipelineService, clock: Clock, service: SettingsService
) -> None:
    followups = FollowUpService(database, clock, "UTC")
    decision = dt.date(2026, 12, 1)  # a Tuesday, after the default follow-up date
    first = pipeline.add(OpportunityInput("Acme", "Backend Engineer", stage=Stage.SCREENING))
    second = pipeline.add(OpportunityInput("Globex", "SRE", stage=Stage.SCREENING))

    def follow_up_day(opportunity_id: int) -> dt.date:
        logged = followups.log_interview(opportunity_id, NEXT_MONDAY, decision_on=decision)
        [step] = [s for s in logged.planned if s.kind is FollowUpKind.FOLLOW_UP]
        return step.due_at.date()

    assert follow_up_day(first.id) == dt.date(2026, 12, 3)  # 2 business days after
    service.change("decision_grace_business_days", "5")
    assert follow_up_day(second.id) == dt.date(2026, 12, 8)  # 5 business days after


def test_your_name_heads_the_printable_report(
    database: Database, pipeline: PipelineService, service: SettingsService
) -> None:
    pipeline.add(OpportunityInput("Acme", "Backend Engineer"))
    service.change("your_name", "Zoë Ñandú")
    report = build_report(database, NOW.date(), NOW.date(), NOW, "UTC")
    assert report.your_name == "Zoë Ñandú"
    assert "Zoë Ñandú" in render_markdown(report)
