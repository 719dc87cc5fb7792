"""Whole-table reads for export and import, and the write side's view of the duplicate keys."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.services.records import record
from jobhunt_tui.storage import export_reads, reader
from jobhunt_tui.storage.database import Database
from jobhunt_tui.storage.repository import Repository


def _parsed(grouped: dict[Any, list[str]]) -> dict[Any, list[Any]]:
    return {key: [json.loads(text) for text in texts] for key, texts in grouped.items()}


def test_whole_tables_in_export_order(
    database: Database, pipeline: PipelineService, clock: Clock
) -> None:
    now = clock()
    acme = pipeline.add(OpportunityInput(company="Acme", role="Backend Engineer")).id
    globex = pipeline.add(OpportunityInput(company="Globex", role="SRE")).id
    followups = FollowUpService(database, clock, "UTC")
    followups.log_interview(globex, now.shift(hours=-2))
    followups.log_interview(acme, now.shift(hours=-3))

    with database.reading() as conn:
        interactions = _parsed(export_reads.interaction_json(conn, 3))
        follow_ups = _parsed(export_reads.follow_up_json(conn, 3))
        per_opportunity = {
            key: (reader.interactions_of(conn, key), reader.follow_ups_of(conn, key))
            for key in (acme, globex)
        }

    assert [i["kind"] for i in interactions[acme]][:2] == ["interview", "applied"]  # by time
    for key, (timeline, planned) in per_opportunity.items():
        assert interactions[key] == record(timeline)  # oldest first
        assert follow_ups[key] == record(planned)  # by due date


def test_drafts_grouped_under_their_own_or_their_follow_ups_opportunity(
    database: Database, pipeline: PipelineService, clock: Clock
) -> None:
    now = clock()
    acme = pipeline.add(OpportunityInput(company="Acme", role="Backend Engineer")).id
    logged = FollowUpService(database, clock, "UTC").log_interview(acme, now.shift(hours=-3))
    with database.writing("test setup") as session:
        repo = Repository(session)
        by_follow_up = repo.save_draft(
            {
                "follow_up_id": logged.planned[0].id,
                "channel": "email",
                "subject": "Thank you",
                "updated_at": "2026-11-20T12:00:00+00:00",
            }
        )
        own = repo.save_draft(
            {"opportunity_id": acme, "channel": "phone", "updated_at": "2026-11-20T11:00:00+00:00"}
        )
        loose = repo.save_draft({"channel": "email", "updated_at": "2026-11-20T10:00:00+00:00"})

    with database.reading() as conn:
        drafts = _parsed(export_reads.draft_json(conn, 3))

    assert drafts == {acme: record([own, by_follow_up]), None: record([loose])}


def test_opportunity_keys_agree_between_reader_and_repository(
    database: Database, pipeline: PipelineService
) -> None:
    pipeline.add(OpportunityInput(company="ACME Corp", role="Backend Engineer"))
    pipeline.add(OpportunityInput(company="acme corp", role="SRE"))
    pipeline.add(OpportunityInput(company="Globex", role="SRE"))

    with database.reading() as conn:
        read = export_reads.opportunity_keys(conn)
    with database.writing("test setup") as session:
        written = Repository(session).opportunity_keys()

    assert sorted(read) == sorted(written)
    assert sorted(read) == [
        ("acme corp", "Backend Engineer"),
        ("acme corp", "SRE"),
        ("globex", "SRE"),
    ]


@given(st.text() | st.text(alphabet='\x00\x01\x1f\x7f\x85\u2028\\"\b\f\n\r\t/é🎉'))
@settings(max_examples=300, deadline=None)
def test_sqlite_quotes_text_as_python_json_does(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        (quoted,) = conn.execute("SELECT json_quote(?)", (text,)).fetchone()
    finally:
        conn.close()
    assert quoted == json.dumps(text, ensure_ascii=False)
