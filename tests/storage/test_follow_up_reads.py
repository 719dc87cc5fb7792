"""The follow-up engine's reads: planned follow-ups before a horizon, touches since a moment."""

from __future__ import annotations

import pytest

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.models import Channel, Direction, FollowUpKind, InteractionKind, Stage
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage import follow_up_reads
from jobhunt_tui.storage.database import Database


@pytest.fixture
def followups(database: Database, clock: Clock) -> FollowUpService:
    """The follow-up service at now, in UTC."""
    return FollowUpService(database, clock, "UTC")


def test_planned_before_lists_open_planned_follow_ups_by_due_date(
    database: Database, pipeline: PipelineService, followups: FollowUpService, clock: Clock
) -> None:
    now = clock()
    acme = pipeline.add(OpportunityInput(company="Acme", role="Backend Engineer")).id
    globex = pipeline.add(OpportunityInput(company="Globex", role="SRE")).id
    followups.log_interview(acme, now.shift(hours=-3))
    followups.log_interview(globex, now.shift(hours=-2))
    pipeline.close(globex, Stage.REJECTED)  # its follow-ups are skipped, so not listed

    with database.reading() as conn:
        items = follow_up_reads.planned_before(conn, now.shift(days=60))
        first_only = follow_up_reads.planned_before(conn, items[0].due_at.shift(seconds=1))
        none = follow_up_reads.planned_before(conn, items[0].due_at)

    assert [(i.company, i.role, i.kind) for i in items] == [
        ("Acme", "Backend Engineer", FollowUpKind.THANK_YOU),
        ("Acme", "Backend Engineer", FollowUpKind.FOLLOW_UP),
        ("Acme", "Backend Engineer", FollowUpKind.CHECK_IN),
    ]
    assert all(i.opportunity_id == acme and i.channel is Channel.EMAIL for i in items)
    assert [i.due_at for i in items] == sorted(i.due_at for i in items)
    assert first_only == items[:1]
    assert none == []


def test_touches_since_returns_kind_direction_and_time(
    database: Database, pipeline: PipelineService, followups: FollowUpService, clock: Clock
) -> None:
    now = clock()
    acme = pipeline.add(OpportunityInput(company="Acme", role="Backend Engineer")).id
    followups.log_interview(acme, now.shift(hours=-3))

    with database.reading() as conn:
        recent = follow_up_reads.touches_since(conn, now.shift(days=-1))
        later = follow_up_reads.touches_since(conn, now.shift(seconds=1))

    assert sorted(recent, key=lambda touch: touch[2]) == [
        (InteractionKind.INTERVIEW, Direction.IN, now.shift(hours=-3)),
        (InteractionKind.APPLIED, Direction.OUT, now),
        # The interview moved the card to Interviewing: logged as a stage change.
        (InteractionKind.STAGE_CHANGE, Direction.OUT, now),
    ]
    assert later == []
