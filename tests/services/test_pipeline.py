"""Opportunities through their stages: what the database holds after each use case."""

from __future__ import annotations

import datetime as dt
import sqlite3

import arrow
import pytest

from jobhunt_tui.domain.errors import NotFoundError, ValidationError
from jobhunt_tui.domain.models import FollowUpStatus, InteractionKind, Stage
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService, parse_contact
from jobhunt_tui.storage.database import Database


def test_add_stores_the_opportunity_its_company_contact_and_application(
    pipeline: PipelineService,
) -> None:
    created = pipeline.add(
        OpportunityInput(company=" Acme ", role="Backend Engineer", url="https://acme.io/jobs/1"),
        contact="Ann Lee <ann@acme.io>",
    )
    detail = pipeline.detail(created.id)

    assert detail.opportunity.company_name == "Acme"
    assert detail.opportunity.stage is Stage.APPLIED
    assert detail.opportunity.applied_on == dt.date(2026, 11, 20)
    assert [(c.name, c.email) for c in detail.contacts] == [("Ann Lee", "ann@acme.io")]
    assert [i.kind for i in detail.interactions] == [InteractionKind.APPLIED]


def test_company_names_are_unique_regardless_of_case(pipeline: PipelineService) -> None:
    first = pipeline.add(OpportunityInput(company="Acme", role="Engineer"))
    second = pipeline.add(OpportunityInput(company="ACME", role="Manager"))
    assert first.company_id == second.company_id
    assert second.company_name == "Acme"


def test_wishlist_is_not_an_application(pipeline: PipelineService) -> None:
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng", stage=Stage.WISHLIST))
    assert created.applied_on is None
    assert pipeline.detail(created.id).interactions == ()


def test_moves_go_both_ways_and_every_move_is_logged(pipeline: PipelineService) -> None:
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng", stage=Stage.WISHLIST))
    pipeline.step(created.id, +1)
    pipeline.step(created.id, +1)
    moved = pipeline.step(created.id, -1)

    assert moved.stage is Stage.APPLIED
    summaries = [
        i.summary
        for i in pipeline.detail(created.id).interactions
        if i.kind is InteractionKind.STAGE_CHANGE
    ]
    assert summaries == ["Wishlist → Applied", "Applied → Screening", "Screening → Applied"]
    assert pipeline.get(created.id).applied_on == dt.date(2026, 11, 20)


def test_stepping_past_the_ends_is_refused(pipeline: PipelineService) -> None:
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng", stage=Stage.WISHLIST))
    with pytest.raises(ValidationError, match="already at Wishlist"):
        pipeline.step(created.id, -1)


def test_close_needs_a_closed_outcome(pipeline: PipelineService) -> None:
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    with pytest.raises(ValidationError, match="accepted, rejected or withdrawn"):
        pipeline.close(created.id, Stage.OFFER)
    assert pipeline.close(created.id, Stage.REJECTED).stage is Stage.REJECTED


@pytest.mark.parametrize(
    ("company", "role", "message"),
    [
        ("", "Eng", "company: must not be empty"),
        ("Acme", "   ", "role: must not be empty"),
        ("x" * 10_000, "Eng", "company: is 10,000 characters long"),
    ],
)
def test_bad_input_changes_nothing(
    pipeline: PipelineService, company: str, role: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        pipeline.add(OpportunityInput(company=company, role=role))
    assert pipeline.list() == []


def test_hostile_text_is_stored_without_control_characters(pipeline: PipelineService) -> None:
    created = pipeline.add(
        OpportunityInput(company="[@click=app.quit]x[/]", role="Eng\x1b]52;c;QUFB\x07 🚀")
    )
    assert created.company_name == "[@click=app.quit]x[/]"
    assert created.role == "Eng]52;c;QUFB 🚀"


def test_edit_changes_fields_and_logs_a_stage_change(pipeline: PipelineService) -> None:
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    edited = pipeline.edit(
        created.id,
        OpportunityInput(company="Globex", role="SRE", stage=Stage.SCREENING, priority=1),
    )
    assert (edited.company_name, edited.role, edited.priority) == ("Globex", "SRE", 1)
    kinds = [i.kind for i in pipeline.detail(created.id).interactions]
    assert kinds == [InteractionKind.APPLIED, InteractionKind.STAGE_CHANGE]


def test_unknown_ids_are_reported(pipeline: PipelineService) -> None:
    with pytest.raises(NotFoundError, match="no opportunity with id 42"):
        pipeline.move(42, Stage.OFFER)
    with pytest.raises(NotFoundError):
        pipeline.note(42, "hello")


def test_the_schema_itself_refuses_empty_names(database: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError), database.writing_sql("test setup") as conn:
        conn.execute("INSERT INTO company (name, name_key, created_at) VALUES ('  ', '', '2026')")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ann Lee <ann@acme.io>", ("Ann Lee", "ann@acme.io")),
        ("ann@acme.io", ("ann", "ann@acme.io")),
        ("Ann Lee", ("Ann Lee", "")),
    ],
)
def test_parse_contact(text: str, expected: tuple[str, str]) -> None:
    assert parse_contact(text) == expected


def test_closing_skips_the_follow_ups_still_planned(
    pipeline: PipelineService, database: Database, clock
) -> None:
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng", stage=Stage.INTERVIEWING))
    followups = FollowUpService(database, clock, tz=arrow.now("UTC").tzinfo)
    logged = followups.log_interview(created.id, arrow.get("2026-11-19T15:00:00Z"))
    assert {f.status for f in logged.planned} == {FollowUpStatus.PLANNED}

    pipeline.close(created.id, Stage.REJECTED)

    statuses = {f.status for f in pipeline.detail(created.id).follow_ups}
    assert statuses == {FollowUpStatus.SKIPPED}
