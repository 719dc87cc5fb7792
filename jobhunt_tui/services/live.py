"""The live view's source: which opportunities other writers (or this one) changed."""

from __future__ import annotations

from dataclasses import dataclass

from jobhunt_tui.storage import change_feed
from jobhunt_tui.storage.database import Database

QUIET_TABLES = frozenset({"draft", "template"})
"""Draft and template text shows on no card and no calendar day: a change-log entry that
touched only these (an autosave, every second or two while someone types) re-reads nothing."""

REREAD_LIMIT = 300
"""Past this many opportunities in one batch (an import), reading the board again is cheaper
than re-reading card by card."""


@dataclass(frozen=True)
class ChangeBatch:
    """What changed since the last read: the opportunities to re-read, or everything."""

    opportunity_ids: frozenset[int]
    settings_changed: bool = False
    reload_everything: bool = False

    @property
    def empty(self) -> bool:
        """True when nothing on screen needs to change."""
        return not (self.opportunity_ids or self.settings_changed or self.reload_everything)


class LiveFeed:
    """Polls for commits (cheap, on the UI thread) and reads the change log (in a worker)."""

    def __init__(self, database: Database, since_id: int) -> None:
        self.database = database
        self._watcher = change_feed.CommitWatcher(database.path)
        self.last_id = since_id
        """The newest change already on screen (the board read it in the same snapshot)."""

    def moved(self) -> bool:
        """Whether anyone committed since the last call (~15 µs when nothing did)."""
        return self._watcher.moved()

    def read(self) -> ChangeBatch:
        """The changes logged after the last one read, merged into one batch."""
        with self.database.reading() as conn:
            entries = change_feed.entries_after(conn, self.last_id)
            # Entries pruned before this window saw them: what they touched is unknown.
            gap = self.last_id > 0 and change_feed.oldest_id(conn) > self.last_id + 1
        if not entries:
            return ChangeBatch(frozenset(), reload_everything=gap)
        self.last_id = entries[-1].id
        shown = [entry for entry in entries if not set(entry.tables) <= QUIET_TABLES]
        touched = frozenset(i for entry in shown for i in entry.opportunity_ids)
        return ChangeBatch(
            touched,
            settings_changed=any("setting" in entry.tables for entry in entries),
            reload_everything=gap or len(touched) > REREAD_LIMIT,
        )

    def close(self) -> None:
        """Stop watching."""
        self._watcher.close()
