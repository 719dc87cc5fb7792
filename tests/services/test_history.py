"""Undo and redo through the change log: only this writer's changes, never another's work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import FollowUpKind, Stage
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.history import History, NothingToUndoError
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database, open_database

from ..conftest import NOW


@pytest.fixture
def other(db_path: Path, database: Database) -> Iterator[Database]:
    """A second writer on the same file (another app window or the command line)."""
    second = open_database(db_path)
    second.writer = "app:other-window"
    yield second
    second.close()


def _count(database: Database, sql: str) -> int:
    with database.reading() as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_undo_reverts_changes_in_reverse_order(
    pipeline: PipelineService, database: Database
) -> None:
    history = History(database)
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    pipeline.step(created.id, +1)
    pipeline.note(created.id, "Called Ann")
    pipeline.close(created.id, Stage.WITHDRAWN)

    undone = history.undo()
    assert undone.label == "move Acme to Withdrawn"
    assert undone.opportunity_ids == (created.id,)
    assert pipeline.get(created.id).stage is Stage.SCREENING
    assert history.undo().label == "note on Acme"
    assert [i.summary for i in pipeline.detail(created.id).interactions][-1] == (
        "Applied → Screening"
    )
    history.undo()
    assert pipeline.detail(created.id).opportunity.stage is Stage.APPLIED
    assert len(pipeline.detail(created.id).interactions) == 1
    assert history.undo().label == "add Acme"
    assert pipeline.list() == []
    assert _count(database, "SELECT count(*) FROM company") == 0
    with pytest.raises(NothingToUndoError):
        history.undo()


def test_undo_keeps_what_another_writer_did_meanwhile(
    pipeline: PipelineService, database: Database, other: Database, clock: Clock
) -> None:
    history = History(database)
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    pipeline.step(created.id, +1)
    elsewhere = PipelineService(other, clock)
    elsewhere.note(created.id, "Recruiter called")
    FollowUpService(other, clock, "UTC").plan(
        created.id, FollowUpKind.CHECK_IN, NOW.shift(days=10), force=True
    )

    undone = history.undo()

    detail = pipeline.detail(created.id)
    assert detail.opportunity.stage is Stage.APPLIED
    assert "Recruiter called" in [i.summary for i in detail.interactions]
    assert [f.kind for f in detail.follow_ups] == [FollowUpKind.CHECK_IN]
    assert undone.kept == ()


def test_undo_leaves_a_field_someone_changed_since_and_says_so(
    pipeline: PipelineService, database: Database, other: Database, clock: Clock
) -> None:
    history = History(database)
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    pipeline.step(created.id, +1)
    PipelineService(other, clock).move(created.id, Stage.REJECTED)

    undone = history.undo()

    assert pipeline.get(created.id).stage is Stage.REJECTED
    assert undone.kept == ("the stage of Acme changed since",)
    assert undone.message == (
        "Not undone: move Acme to Screening — the stage of Acme changed since"
    )
    # The opportunity is left whole: its timeline still shows the step it went through.
    summaries = [i.summary for i in pipeline.detail(created.id).interactions]
    assert summaries[-2:] == ["Applied → Screening", "Screening → Rejected"]


def test_undoing_an_add_keeps_an_opportunity_that_gained_a_note_elsewhere(
    pipeline: PipelineService, database: Database, other: Database, clock: Clock
) -> None:
    history = History(database)
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    PipelineService(other, clock).note(created.id, "Keep me")

    undone = history.undo()

    assert pipeline.get(created.id).company_name == "Acme"
    assert "Keep me" in [i.summary for i in pipeline.detail(created.id).interactions]
    assert any("has newer entries" in line for line in undone.kept)
    assert [i.summary for i in pipeline.detail(created.id).interactions] == ["Applied", "Keep me"]


def test_each_writer_undoes_only_its_own_changes(
    pipeline: PipelineService, database: Database, other: Database, clock: Clock
) -> None:
    mine = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    theirs = PipelineService(other, clock).add(OpportunityInput(company="Globex", role="SRE"))

    History(database).undo()

    assert [o.id for o in pipeline.list()] == [theirs.id]
    assert mine.id != theirs.id
    with pytest.raises(NothingToUndoError):
        History(database).undo()


def test_redo_applies_the_undone_change_again_until_a_new_change(
    pipeline: PipelineService, database: Database
) -> None:
    history = History(database)
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    pipeline.step(created.id, +1)
    pipeline.step(created.id, +1)

    history.undo()
    history.undo()
    assert pipeline.get(created.id).stage is Stage.APPLIED
    assert history.redo().label == "move Acme to Screening"
    assert pipeline.get(created.id).stage is Stage.SCREENING
    history.redo()
    assert pipeline.get(created.id).stage is Stage.INTERVIEWING
    with pytest.raises(NothingToUndoError):
        history.redo()

    history.undo()
    pipeline.note(created.id, "a new change")
    with pytest.raises(NothingToUndoError):
        history.redo()
    history.undo()  # the note
    assert pipeline.get(created.id).stage is Stage.SCREENING


def test_redo_of_an_undone_add_brings_back_the_same_ids(
    pipeline: PipelineService, database: Database
) -> None:
    history = History(database)
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    history.undo()
    history.redo()
    assert pipeline.get(created.id).role == "Eng"
    assert len(pipeline.detail(created.id).interactions) == 1


def test_a_failed_change_leaves_nothing_to_undo(
    pipeline: PipelineService, database: Database
) -> None:
    history = History(database)
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng", stage=Stage.OFFER))
    for _ in range(3):
        with pytest.raises(ValidationError):
            pipeline.step(created.id, +1)
    with pytest.raises(ValidationError):
        pipeline.note(created.id, "   ")

    assert history.undo().label == "add Acme"
    with pytest.raises(NothingToUndoError):
        history.undo()


def test_ids_are_never_reused_after_an_undone_add(
    pipeline: PipelineService, database: Database
) -> None:
    first = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    History(database).undo()
    second = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    assert second.id > first.id
    with database.reading() as conn:
        interactions = [row[0] for row in conn.execute("SELECT id FROM interaction")]
    assert min(interactions) > 1


def test_every_change_is_logged_with_writer_label_and_opportunities(
    pipeline: PipelineService, database: Database
) -> None:
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    pipeline.note(created.id, "hello")
    with database.reading() as conn:
        rows = conn.execute(
            "SELECT writer, label, kind, opportunity_ids FROM change_log ORDER BY id"
        ).fetchall()
    assert [tuple(row) for row in rows] == [
        ("cli", "add Acme", "change", f"[{created.id}]"),
        ("cli", "note on Acme", "change", f"[{created.id}]"),
    ]


def test_a_stage_moved_away_and_back_elsewhere_is_not_taken_back_behind_its_timeline(
    pipeline: PipelineService, database: Database, other: Database, clock: Clock
) -> None:
    history = History(database)
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    pipeline.move(created.id, Stage.INTERVIEWING)
    theirs = PipelineService(other, clock)
    theirs.move(created.id, Stage.APPLIED)
    theirs.move(created.id, Stage.INTERVIEWING)  # the stage field looks as this change left it

    undone = history.undo()

    assert pipeline.get(created.id).stage is Stage.INTERVIEWING
    assert undone.message.startswith("Not undone: move Acme to Interviewing")
    summaries = [i.summary for i in pipeline.detail(created.id).interactions]
    assert summaries[-1] == "Applied → Interviewing"


def test_redo_does_not_put_an_old_move_back_behind_newer_ones(
    pipeline: PipelineService, database: Database, other: Database, clock: Clock
) -> None:
    history = History(database)
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    pipeline.move(created.id, Stage.INTERVIEWING)
    history.undo()  # back to Applied
    theirs = PipelineService(other, clock)
    theirs.move(created.id, Stage.INTERVIEWING)
    theirs.move(created.id, Stage.APPLIED)

    redone = history.redo()

    assert pipeline.get(created.id).stage is Stage.APPLIED
    assert redone.message.startswith("Not redone")
    summaries = [i.summary for i in pipeline.detail(created.id).interactions]
    assert summaries[-1] == "Interviewing → Applied"
