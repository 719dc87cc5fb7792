"""Two writers on one file in random interleavings: the rules of "Changes" hold after every step.

After each step: foreign keys hold, every stage change is on the timeline, an undo removed
only rows its change created, and each writer's view — kept up to date through the live path
alone — equals what the database holds.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.clock import fixed_clock
from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.domain.models import FollowUpStatus, Settings, Stage
from jobhunt_tui.services.board import BoardService
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.history import History
from jobhunt_tui.services.live import LiveFeed
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import open_database

from ..conftest import NOW

WRITERS = st.sampled_from((0, 1))
PICK = st.integers(min_value=0, max_value=50)
SETTINGS = Settings()


class _Writer:
    """One app window (or the command line) on the shared file, with its own live view."""

    def __init__(self, path: Path, name: str) -> None:
        self.database = open_database(path)
        self.database.writer = name
        clock = fixed_clock(NOW)
        self.pipeline = PipelineService(self.database, clock)
        self.follow_ups = FollowUpService(self.database, clock, "UTC")
        self.history = History(self.database)
        self.board = BoardService(self.database, clock, "UTC")
        snapshot = self.board.load(include_closed=True)
        self.view: dict[int, BoardCard] = {c.opportunity_id: c for c in snapshot.cards}
        self.live = LiveFeed(self.database, snapshot.change_id)

    def catch_up(self) -> None:
        """Apply what the change log says, exactly as the app's live view does."""
        batch = self.live.read()
        for opportunity_id, card in self.board.cards(batch.opportunity_ids, SETTINGS).cards.items():
            if card is None:
                self.view.pop(opportunity_id, None)
            else:
                self.view[opportunity_id] = card


def _rows(conn: sqlite3.Connection) -> set[tuple[str, int]]:
    found: set[tuple[str, int]] = set()
    for table in ("company", "contact", "opportunity", "interaction", "follow_up", "draft"):
        found |= {(table, row[0]) for row in conn.execute(f"SELECT id FROM {table}")}
    return found


class TwoWriters(RuleBasedStateMachine):
    """Random interleavings of the use cases, undo and redo from two writers."""

    @initialize()
    def open_file(self) -> None:
        """A fresh file and two writers on it."""
        self.folder = Path(tempfile.mkdtemp(prefix="two-writers-"))
        path = self.folder / "jobhunt.db"
        open_database(path).close()
        self.writers = [_Writer(path, "app:one"), _Writer(path, "app:two")]

    def teardown(self) -> None:
        """Close both writers and remove the file."""
        for writer in getattr(self, "writers", []):
            writer.live.close()
            writer.database.close()
        if hasattr(self, "folder"):
            shutil.rmtree(self.folder, ignore_errors=True)

    def _ids(self, table: str, where: str = "1") -> list[int]:
        with self.writers[0].database.reading() as conn:
            return [row[0] for row in conn.execute(f"SELECT id FROM {table} WHERE {where}")]

    def _pick(self, table: str, pick: int, where: str = "1") -> int | None:
        ids = self._ids(table, where)
        return ids[pick % len(ids)] if ids else None

    @staticmethod
    def _attempt(action: object) -> None:
        # Refused is fine: the invariants check it changed nothing that matters.
        with contextlib.suppress(JobhuntError):
            action()  # type: ignore[operator]

    @rule(who=WRITERS, company=st.sampled_from(("Acme", "Globex", "Initech")))
    def add(self, who: int, company: str) -> None:
        """Add an opportunity."""
        self.writers[who].pipeline.add(OpportunityInput(company, "Engineer"))

    @rule(who=WRITERS, pick=PICK, stage=st.sampled_from(list(Stage)))
    def move(self, who: int, pick: int, stage: Stage) -> None:
        """Move one to any stage."""
        target = self._pick("opportunity", pick)
        if target is not None:
            self._attempt(lambda: self.writers[who].pipeline.move(target, stage))

    @rule(who=WRITERS, pick=PICK, step=st.sampled_from((-1, 1)))
    def step(self, who: int, pick: int, step: int) -> None:
        """H or L."""
        target = self._pick("opportunity", pick)
        if target is not None:
            self._attempt(lambda: self.writers[who].pipeline.step(target, step))

    @rule(who=WRITERS, pick=PICK)
    def note(self, who: int, pick: int) -> None:
        """A note on the timeline."""
        target = self._pick("opportunity", pick)
        if target is not None:
            self._attempt(lambda: self.writers[who].pipeline.note(target, "a note"))

    @rule(who=WRITERS, pick=PICK, days_ago=st.integers(min_value=0, max_value=20))
    def interview(self, who: int, pick: int, days_ago: int) -> None:
        """Log an interview (plans the cadence)."""
        target = self._pick("opportunity", pick)
        if target is not None:
            at = NOW.shift(days=-days_ago)
            self._attempt(lambda: self.writers[who].follow_ups.log_interview(target, at))

    @rule(who=WRITERS, pick=PICK)
    def reply(self, who: int, pick: int) -> None:
        """The employer answered."""
        target = self._pick("opportunity", pick)
        if target is not None:
            self._attempt(lambda: self.writers[who].follow_ups.log_reply(target))

    @rule(who=WRITERS, pick=PICK)
    def done(self, who: int, pick: int) -> None:
        """Mark a planned follow-up sent."""
        target = self._pick("follow_up", pick, f"status = '{FollowUpStatus.PLANNED.value}'")
        if target is not None:
            self._attempt(lambda: self.writers[who].follow_ups.done(target))

    @rule(who=WRITERS, pick=PICK)
    def snooze(self, who: int, pick: int) -> None:
        """Snooze a planned follow-up a day."""
        target = self._pick("follow_up", pick, f"status = '{FollowUpStatus.PLANNED.value}'")
        if target is not None:
            self._attempt(lambda: self.writers[who].follow_ups.snooze(target, force=True))

    @rule(who=WRITERS, redo=st.booleans())
    def revert(self, who: int, redo: bool) -> None:
        """Undo or redo; whatever it removes, its change must have created."""
        writer = self.writers[who]
        with writer.database.reading() as conn:
            before = _rows(conn)
        try:
            writer.history.redo() if redo else writer.history.undo()
        except JobhuntError:
            return
        with writer.database.reading() as conn:
            removed = before - _rows(conn)
            (inverse,) = conn.execute(
                "SELECT r.inverse FROM change_log AS u JOIN change_log AS r ON r.id = u.reverts "
                "WHERE u.id = (SELECT max(id) FROM change_log)"
            ).fetchone()
        created = {(row[0], int(row[1])) for row in json.loads(inverse) if row[2] == "insert"}
        assert removed <= created

    @invariant()
    def foreign_keys_hold(self) -> None:
        """No row points at a row that is gone."""
        if hasattr(self, "writers"):
            with self.writers[0].database.reading() as conn:
                assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

    @invariant()
    def every_stage_change_is_on_the_timeline(self) -> None:
        """The last stage change logged names the stage the opportunity is in."""
        if not hasattr(self, "writers"):
            return
        with self.writers[0].database.reading() as conn:
            for opportunity_id, stage in conn.execute("SELECT id, stage FROM opportunity"):
                last = conn.execute(
                    "SELECT summary FROM interaction WHERE opportunity_id = ? AND "
                    "kind = 'stage_change' ORDER BY occurred_at DESC, id DESC LIMIT 1",
                    (opportunity_id,),
                ).fetchone()
                label = Stage(stage).label
                assert (last is None and stage == "applied") or (
                    last is not None and last[0].endswith(f"→ {label}")
                ), (opportunity_id, stage, last)

    @invariant()
    def each_view_equals_the_database(self) -> None:
        """Every writer's screen, fed only by the live path, shows what is stored."""
        if not hasattr(self, "writers"):
            return
        for writer in self.writers:
            writer.catch_up()
            stored = writer.board.load(include_closed=True).cards
            assert writer.view == {card.opportunity_id: card for card in stored}


def _run(examples: int) -> None:
    run = TwoWriters.TestCase
    run.settings = settings(
        max_examples=examples,
        stateful_step_count=30,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    run().runTest()


def test_two_writers_keep_the_rules_of_changes() -> None:
    _run(examples=80)


@pytest.mark.slow
def test_two_writers_keep_the_rules_of_changes_over_many_rounds() -> None:
    _run(examples=1_000)
