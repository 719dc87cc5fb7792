"""The board's per-card values come from one SQL query; `domain.health.aggregate` is their
definition in Python. On a realistic history they must agree for every opportunity."""

from __future__ import annotations

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.health import Aggregates, aggregate
from jobhunt_tui.domain.models import FollowUpKind
from jobhunt_tui.domain.timeutil import maybe_from_stored
from jobhunt_tui.services.demo import fill_demo
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.storage import reader
from jobhunt_tui.storage.database import Database


def test_the_board_query_agrees_with_the_domain_rule_on_every_demo_card(
    database: Database, clock: Clock
) -> None:
    fill_demo(database, clock)
    pipeline = PipelineService(database, clock)
    opportunities = pipeline.list(include_archived=True)
    assert len(opportunities) >= 20
    for opportunity in opportunities:
        detail = pipeline.detail(opportunity.id)
        with database.reading() as conn:
            row = reader.card_row(conn, opportunity.id)
        assert row is not None
        stored = Aggregates(
            last_touch_at=maybe_from_stored(row.last_touch_at),
            last_reply_at=maybe_from_stored(row.last_reply_at),
            next_follow_up_at=maybe_from_stored(row.next_due_at),
            next_follow_up_kind=FollowUpKind(row.next_kind) if row.next_kind else None,
        )
        assert stored == aggregate(detail.interactions, detail.follow_ups), opportunity.id
