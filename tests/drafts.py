"""Test data for drafts: a planned follow-up, and a stored draft for it."""

from __future__ import annotations

import arrow

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.models import Channel, FollowUp, FollowUpKind, Stage
from jobhunt_tui.domain.timeutil import to_stored
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database

NAME = "Zoë Ñandú"
TO = "Jürgen Groß <juergen@initech.example>"
SUBJECT = "Danke für das Gespräch 🙏"
BODY = "Hallo Jürgen,\n\ndanke für gestern! 🎉 Es hat Spaß gemacht.\n\n100% + mehr & so?\nZoë"


def thank_you(database: Database, clock: Clock) -> FollowUp:
    """The thank-you planned after an interview at Initech."""
    pipeline = PipelineService(database, clock)
    initech = pipeline.add(OpportunityInput("Initech", "Product Manager", stage=Stage.SCREENING))
    logged = FollowUpService(database, clock, "UTC").log_interview(
        initech.id, arrow.get("2026-11-19T14:00:00+00:00")
    )
    return next(step for step in logged.planned if step.kind is FollowUpKind.THANK_YOU)


def write_draft(
    database: Database,
    follow_up: FollowUp,
    *,
    to: str = TO,
    subject: str = SUBJECT,
    body: str = BODY,
    channel: Channel = Channel.EMAIL,
) -> None:
    """Store a draft for `follow_up` (the way the draft pane will)."""
    from jobhunt_tui.storage.repository import Repository

    with database.writing("test draft", undoable=False) as session:
        Repository(session).save_draft(
            {
                "follow_up_id": follow_up.id,
                "opportunity_id": follow_up.opportunity_id,
                "channel": channel.value,
                "to_address": to,
                "subject": subject,
                "body": body,
                "updated_at": to_stored(arrow.get("2026-11-20T11:00:00+00:00")),
            }
        )
