"""Undo and redo of one writer's own changes, through the inverses in the change log.

Each app window writes as a writer of its own; every command-line process writes as
`cli`, so `jobhunt undo` takes back the command line's last change. Undo never restores a
snapshot: it puts back what that change did and leaves what anyone changed since.
"""

from __future__ import annotations

import os
import threading
from typing import NamedTuple

from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.domain.timeutil import to_stored
from jobhunt_tui.storage.change_capture import ChangeKind
from jobhunt_tui.storage.database import Database


class NothingToUndoError(JobhuntError):
    """There is no change of this writer's left to undo (or to redo)."""


class Reverted(NamedTuple):
    """What an undo or redo did: which change, what it left alone, which cards to re-read."""

    verb: str
    label: str
    opportunity_ids: tuple[int, ...]
    kept: tuple[str, ...]
    changed: bool = True

    @property
    def message(self) -> str:
        """One line for the user, naming anything left as a later change made it."""
        if not self.kept:
            return f"{self.verb}: {self.label}"
        reasons = "; ".join(self.kept[:3])
        if len(self.kept) > 3:
            reasons += f" and {len(self.kept) - 3} more"
        if not self.changed:
            return f"Not {self.verb.lower()}: {self.label} — {reasons}"
        return f"{self.verb}: {self.label} — left as it is: {reasons}"


def new_app_writer() -> str:
    """A writer name for one app window (its undo history is its own)."""
    return f"app:{os.getpid()}:{os.urandom(3).hex()}"


class History:
    """This writer's undo and redo. Guarded here: one revert at a time per process."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._lock = threading.Lock()

    def undo(self) -> Reverted:
        """Revert this writer's last change in one transaction."""
        return self._revert(ChangeKind.UNDO)

    def redo(self) -> Reverted:
        """Apply again the change the last undo reverted."""
        return self._revert(ChangeKind.REDO)

    def _revert(self, kind: str) -> Reverted:
        import arrow

        from jobhunt_tui.storage import change_revert  # on the first undo, not at startup

        find = change_revert.to_undo if kind == ChangeKind.UNDO else change_revert.to_redo
        with self._lock, self.database.reverting(kind) as (conn, entry):
            target = find(conn, self.database.writer)
            if target is None:
                raise NothingToUndoError(f"nothing to {kind}")
            original = target.label.removeprefix("undo ").removeprefix("redo ")
            entry.label = f"{kind} {original}"
            entry.reverts = target.id
            now = to_stored(arrow.utcnow())
            result = change_revert.revert(conn, target.rows, now, after_id=target.id)
        verb = "Undone" if kind == ChangeKind.UNDO else "Redone"
        return Reverted(verb, original, target.opportunity_ids, tuple(result.kept), result.changed)
