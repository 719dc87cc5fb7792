"""Undo puts an opportunity back exactly as it was, several levels deep."""

from __future__ import annotations

import pytest

from jobhunt_tui.domain.models import Stage
from jobhunt_tui.services.history import History, NothingToUndoError
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database


def test_undo_reverts_changes_in_reverse_order(
    pipeline: PipelineService, database: Database
) -> None:
    history = History(database)
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    history.created(created.id, "add Acme")
    history.before_change(created.id, "move right")
    pipeline.step(created.id, +1)
    history.before_change(created.id, "note")
    pipeline.note(created.id, "Called Ann")
    history.before_change(created.id, "close")
    pipeline.close(created.id, Stage.WITHDRAWN)

    undone = history.undo()
    assert (undone.label, undone.opportunity_id) == ("close", created.id)
    assert pipeline.get(created.id).stage is Stage.SCREENING
    assert history.undo().label == "note"
    assert [i.summary for i in pipeline.detail(created.id).interactions][-1] == (
        "Applied → Screening"
    )
    assert history.undo().label == "move right"
    assert pipeline.detail(created.id).opportunity.stage is Stage.APPLIED
    assert len(pipeline.detail(created.id).interactions) == 1
    assert history.undo().label == "add Acme"
    assert pipeline.list() == []
    with database.reading() as conn:
        assert conn.execute("SELECT count(*) FROM company").fetchone()[0] == 0
    with pytest.raises(NothingToUndoError):
        history.undo()


def test_history_is_bounded(pipeline: PipelineService, database: Database) -> None:
    history = History(database, limit=2)
    created = pipeline.add(OpportunityInput(company="Acme", role="Eng"))
    for label in ("one", "two", "three"):
        history.before_change(created.id, label)
    assert [history.undo().label, history.undo().label] == ["three", "two"]
    assert not history.can_undo
