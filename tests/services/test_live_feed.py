"""What the live view re-reads: the cards a change touched, and nothing for draft autosaves."""

from __future__ import annotations

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.drafts import DraftText
from jobhunt_tui.domain.models import FollowUpKind
from jobhunt_tui.services.drafts import DraftService
from jobhunt_tui.services.live import LiveFeed
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.storage.database import Database
from tests.draft_seed import interviewed


def test_a_draft_autosave_re_reads_nothing_but_a_note_re_reads_its_card(
    database: Database, clock: Clock
) -> None:
    seeded = interviewed(database, clock, only_initech=True)
    drafts = DraftService(database, clock, "UTC")
    opened = drafts.open(seeded.follow_ups[FollowUpKind.THANK_YOU].id)
    feed = LiveFeed(database, since_id=0)
    feed.read()  # everything up to here

    drafts.save(opened.draft.id, DraftText("ann@initech.example", "Thanks", "Hi Ann"), 0)
    assert feed.read().empty

    PipelineService(database, clock).note(seeded.opportunity_id, "called back")
    assert feed.read().opportunity_ids == frozenset({seeded.opportunity_id})
    feed.close()
