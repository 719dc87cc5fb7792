"""A search with one interview, for the draft tests: Initech, Ann Lee, yesterday at 14:00."""

from __future__ import annotations

from dataclasses import dataclass

import arrow

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.models import FollowUp, FollowUpKind, Settings, Stage
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database

ME = "Sam Rivera"
ANN_EMAIL = "ann@initech.example"


@dataclass(frozen=True)
class Seeded:
    """The ids the draft tests use."""

    opportunity_id: int
    follow_ups: dict[FollowUpKind, FollowUp]


def interviewed(
    database: Database, clock: Clock, *, email: str = ANN_EMAIL, only_initech: bool = False
) -> Seeded:
    """Initech (interviewing) after an interview on Thursday 19 November with Ann Lee."""
    pipeline = PipelineService(database, clock)
    pipeline.save_settings(Settings(your_name=ME, signature=f"{ME}\n+1 555 0100"))
    if not only_initech:
        pipeline.add(OpportunityInput("Acme", "Backend Engineer", stage=Stage.APPLIED))
    opportunity = pipeline.add(
        OpportunityInput("Initech", "Product Manager", stage=Stage.INTERVIEWING)
    )
    follow_ups = FollowUpService(database, clock, "UTC")
    logged = follow_ups.log_interview(
        opportunity.id, arrow.get("2026-11-19T14:00:00+00:00"), with_name="Ann Lee"
    )
    with database.writing_sql("test setup") as conn:
        conn.execute("UPDATE contact SET email = ?, phone = '+1 555 0142'", (email,))
    return Seeded(opportunity.id, {step.kind: step for step in logged.planned})


def make_phone(database: Database, follow_up_id: int) -> None:
    """Turn a planned follow-up into a call."""
    with database.writing_sql("test setup") as conn:
        conn.execute("UPDATE follow_up SET channel = 'phone' WHERE id = ?", (follow_up_id,))
