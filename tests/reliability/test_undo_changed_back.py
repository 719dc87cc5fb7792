"""Undo with two writers: a field another writer changed and changed back (A→B→A) is theirs.

Found while running battery 3: the rule compared values only, so `jobhunt undo` put the stage
back over the other writer's last move and left the timeline naming a stage the card was not
in. A later change still in effect now counts, even when it wrote the same value back.
"""

from __future__ import annotations

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.models import Stage
from jobhunt_tui.services.history import History
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database


def test_undo_leaves_a_field_another_writer_changed_and_changed_back(
    database: Database, clock: Clock
) -> None:
    mine = PipelineService(database, clock)
    created = mine.add(OpportunityInput("Acme", "Eng"))
    mine.move(created.id, Stage.INTERVIEWING)
    other = Database(database.path, writer="app:other")
    theirs = PipelineService(other, clock)
    theirs.move(created.id, Stage.SCREENING)
    theirs.move(created.id, Stage.INTERVIEWING)

    reverted = History(database).undo()

    assert not reverted.changed
    assert "changed since" in reverted.message
    assert mine.get(created.id).stage is Stage.INTERVIEWING
    other.close()


def test_undo_and_redo_of_my_own_moves_still_go_all_the_way_back(
    database: Database, clock: Clock
) -> None:
    pipeline = PipelineService(database, clock)
    history = History(database)
    created = pipeline.add(OpportunityInput("Acme", "Eng"))
    pipeline.move(created.id, Stage.SCREENING)
    pipeline.move(created.id, Stage.INTERVIEWING)

    history.undo()
    history.undo()
    history.redo()
    history.undo()  # my own undo and redo cancel out: nothing of anyone else's is in the way
    assert pipeline.get(created.id).stage is Stage.APPLIED
    history.redo()
    history.redo()
    assert pipeline.get(created.id).stage is Stage.INTERVIEWING
