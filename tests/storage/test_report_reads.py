"""The search record's reads: timeline entries in a range, applications known by date only."""

from __future__ import annotations

import datetime as dt

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.models import Direction, InteractionKind, Stage
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage import report_reads
from jobhunt_tui.storage.database import Database


def test_activities_between_filters_by_kind_and_half_open_range(
    database: Database, pipeline: PipelineService, clock: Clock
) -> None:
    now = clock()
    acme = pipeline.add(OpportunityInput(company="Acme", role="Backend Engineer")).id
    pipeline.note(acme, "Read about the team")
    FollowUpService(database, clock, "UTC").log_interview(acme, now.shift(hours=-3))
    kinds = (InteractionKind.APPLIED, InteractionKind.INTERVIEW)

    with database.reading() as conn:
        both = report_reads.activities_between(
            conn, kinds, now.shift(days=-1), now.shift(seconds=1)
        )
        before_now = report_reads.activities_between(conn, kinds, now.shift(days=-1), now)
        interviews = report_reads.activities_between(
            conn, (InteractionKind.INTERVIEW,), now.shift(days=-1), now.shift(days=1)
        )

    assert [(a.kind, a.direction, a.at) for a in both] == [
        (InteractionKind.INTERVIEW, Direction.IN, now.shift(hours=-3)),
        (InteractionKind.APPLIED, Direction.OUT, now),
    ]
    assert {(a.opportunity_id, a.company, a.role) for a in both} == {
        (acme, "Acme", "Backend Engineer")
    }
    assert [a.kind for a in before_now] == [InteractionKind.INTERVIEW]
    assert [a.kind for a in interviews] == [InteractionKind.INTERVIEW]


def test_applications_without_entry_lists_dated_ones_in_range(
    database: Database, pipeline: PipelineService
) -> None:
    pipeline.add(OpportunityInput(company="Acme", role="Dev", applied_on=dt.date(2026, 11, 3)))
    imported = pipeline.add(
        OpportunityInput(
            company="Imported Ltd",
            role="Analyst",
            stage=Stage.WISHLIST,
            applied_on=dt.date(2026, 11, 5),
        )
    ).id
    pipeline.add(
        OpportunityInput(
            company="Later Ltd",
            role="Analyst",
            stage=Stage.WISHLIST,
            applied_on=dt.date(2026, 11, 9),
        )
    )

    with database.reading() as conn:
        found = report_reads.applications_without_entry(
            conn, dt.date(2026, 11, 1), dt.date(2026, 11, 8)
        )

    assert [(a.applied_on, a.opportunity_id, a.company, a.role) for a in found] == [
        (dt.date(2026, 11, 5), imported, "Imported Ltd", "Analyst")
    ]
