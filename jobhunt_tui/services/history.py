"""Undo: before each change the UI records the opportunity as it was; undo puts it back."""

from __future__ import annotations

from dataclasses import dataclass

from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.storage import snapshot
from jobhunt_tui.storage.database import Database
from jobhunt_tui.storage.snapshot import OpportunitySnapshot


class NothingToUndoError(JobhuntError):
    """The undo history is empty."""


@dataclass(frozen=True)
class Undone:
    """What an undo reverted: its label, and the one opportunity it put back."""

    label: str
    opportunity_id: int


@dataclass(frozen=True)
class _Step:
    label: str
    opportunity_id: int
    before: OpportunitySnapshot | None  # None: the change created the opportunity


class History:
    """A bounded stack of undoable changes, each restoring one opportunity."""

    def __init__(self, database: Database, limit: int = 100) -> None:
        self.database = database
        self.limit = limit
        self._steps: list[_Step] = []

    def before_change(self, opportunity_id: int, label: str) -> None:
        """Remember `opportunity_id` as it is now, before a change described by `label`."""
        with self.database.reading() as conn:
            before = snapshot.take(conn, opportunity_id)
        self._push(_Step(label, opportunity_id, before))

    def created(self, opportunity_id: int, label: str) -> None:
        """Remember that a change created `opportunity_id` (undo removes it)."""
        self._push(_Step(label, opportunity_id, None))

    def _push(self, step: _Step) -> None:
        self._steps.append(step)
        del self._steps[: -self.limit]

    @property
    def can_undo(self) -> bool:
        """True when there is something to undo."""
        return bool(self._steps)

    def undo(self) -> Undone:
        """Revert the last change in one transaction; says what it reverted."""
        if not self._steps:
            raise NothingToUndoError("nothing to undo")
        step = self._steps.pop()
        with self.database.writing_sql(f"undo {step.label}") as conn:
            if step.before is None:
                snapshot.remove(conn, step.opportunity_id)
            else:
                snapshot.restore(conn, step.before)
        return Undone(step.label, step.opportunity_id)
