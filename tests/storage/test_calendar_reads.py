"""The calendar export's reads: every follow-up and every interview, with company and role."""

from __future__ import annotations

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.models import FollowUpKind, FollowUpStatus, Stage
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage import calendar_reads
from jobhunt_tui.storage.database import Database


def test_every_follow_up_and_interview_by_id(
    database: Database, pipeline: PipelineService, clock: Clock
) -> None:
    now = clock()
    followups = FollowUpService(database, clock, "UTC")
    acme = pipeline.add(OpportunityInput(company="Acme", role="Backend Engineer")).id
    globex = pipeline.add(OpportunityInput(company="Globex", role="SRE")).id
    followups.log_interview(acme, now.shift(hours=-3), summary="Panel")
    followups.log_interview(globex, now.shift(hours=-2))
    pipeline.close(globex, Stage.REJECTED)

    with database.reading() as conn:
        follow_ups = calendar_reads.calendar_follow_ups(conn)
        interviews = calendar_reads.calendar_interviews(conn)

    assert [f.id for f in follow_ups] == sorted(f.id for f in follow_ups)
    assert [(f.company, f.kind, f.status, f.stage) for f in follow_ups] == [
        ("Acme", FollowUpKind.THANK_YOU, FollowUpStatus.PLANNED, Stage.INTERVIEWING),
        ("Acme", FollowUpKind.FOLLOW_UP, FollowUpStatus.PLANNED, Stage.INTERVIEWING),
        ("Acme", FollowUpKind.CHECK_IN, FollowUpStatus.PLANNED, Stage.INTERVIEWING),
        ("Globex", FollowUpKind.THANK_YOU, FollowUpStatus.SKIPPED, Stage.REJECTED),
        ("Globex", FollowUpKind.FOLLOW_UP, FollowUpStatus.SKIPPED, Stage.REJECTED),
        ("Globex", FollowUpKind.CHECK_IN, FollowUpStatus.SKIPPED, Stage.REJECTED),
    ]
    assert all(f.channel == "email" and f.done_at is None and not f.archived for f in follow_ups)
    assert [(i.opportunity_id, i.company, i.role, i.summary, i.start) for i in interviews] == [
        (acme, "Acme", "Backend Engineer", "Panel", now.shift(hours=-3)),
        (globex, "Globex", "SRE", "Interview", now.shift(hours=-2)),
    ]
