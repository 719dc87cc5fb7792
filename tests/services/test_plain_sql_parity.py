"""The plain-SQL writes store exactly what the ORM writes stored.

`jobhunt note`, `move` and `settings KEY VALUE` write through `Database.writing_sql` so the
command line need not import SQLModel. Here the ORM path they replaced (a Repository in
`Database.writing`, with `move_to_stage`, which an interview's move still runs) and the new
command run on two copies of one database, step by step, and every table and change-log entry
must come out the same; `jobhunt undo` must take the new path's write back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import arrow
import pytest

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.errors import NotFoundError
from jobhunt_tui.domain.models import Direction, InteractionKind, Settings, Stage
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService, move_to_stage
from jobhunt_tui.services.settings import LABEL as SETTINGS_LABEL
from jobhunt_tui.services.settings import SettingsService
from jobhunt_tui.storage.database import Database, open_database
from jobhunt_tui.storage.settings_store import store_settings
from tests.cli.helpers import FIXED_NOW, run_cli
from tests.conftest import NOW

USER_TABLES = ("company", "contact", "opportunity", "interaction", "follow_up", "setting")
INTERVIEW_AT = arrow.get("2026-11-17T14:00:00+00:00")  # the Tuesday before NOW

# The seeded opportunities, by id.
APPLIED, INTERVIEWING, WISHLIST, WISHLIST_DATED, OFFER = 1, 2, 3, 4, 5


def _seed(database: Database, clock: Clock) -> None:
    pipeline = PipelineService(database, clock)
    pipeline.add(OpportunityInput(company="Acme", role="Engineer"))
    pipeline.add(OpportunityInput(company="Globex", role="SRE", stage=Stage.SCREENING))
    pipeline.add(OpportunityInput(company="Initech", role="Dev", stage=Stage.WISHLIST))
    pipeline.add(
        OpportunityInput(
            company="Umbrella",
            role="Analyst",
            stage=Stage.WISHLIST,
            applied_on=NOW.shift(days=-5).date(),
        )
    )
    pipeline.add(OpportunityInput(company="Hooli", role="PM", stage=Stage.OFFER))
    # Planned thank-you, follow-up and check-in: what a closing move must skip.
    FollowUpService(database, clock).log_interview(INTERVIEWING, INTERVIEW_AT, with_name="Ann")


@pytest.fixture
def copies(database: Database, clock: Clock, tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    """(the ORM side's database, the path of an identical file for the command line)."""
    _seed(database, clock)
    cli_path = tmp_path / "cli.db"
    database.backup_to(cli_path)
    yield database, cli_path


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBHUNT_NOW", FIXED_NOW)


def _orm_move(database: Database, clock: Clock, opportunity_id: int, stage: Stage) -> str:
    """`PipelineService.move` as it was on the ORM; returns what `jobhunt move` printed."""
    from jobhunt_tui.storage.repository import Repository

    with database.writing(f"move #{opportunity_id} to {stage.label}") as session:
        repo = Repository(session)
        before = repo.opportunity(opportunity_id)
        if before.stage is not stage:
            database.name_change(f"move {before.company_name} to {stage.label}")
        moved = move_to_stage(repo, before, stage, clock(), "UTC")
    return f"#{moved.id} {moved.company_name} is now {moved.stage.value}"


def _orm_note(database: Database, clock: Clock, opportunity_id: int, text: str) -> str:
    """`PipelineService.note` as it was on the ORM; returns what `jobhunt note` printed."""
    from jobhunt_tui.storage.repository import Repository

    with database.writing(f"note on #{opportunity_id}") as session:
        repo = Repository(session)
        database.name_change(f"note on {repo.opportunity(opportunity_id).company_name}")
        repo.add_interaction(opportunity_id, InteractionKind.NOTE, Direction.OUT, clock(), text)
    return f"noted on #{opportunity_id}"


def _tables(path: Path, *, leave_out: tuple[str, ...] = ()) -> dict[str, list[dict[str, object]]]:
    """Every user table's rows as column → value, without the columns in `leave_out`."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return {
            table: [
                {k: v for k, v in dict(row).items() if k not in leave_out}
                for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")
            ]
            for table in USER_TABLES
        }
    finally:
        conn.close()


def _change_log(path: Path) -> list[tuple[object, ...]]:
    """Every entry but its wall-clock time (`at` is the real time of the commit)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT id, writer, label, kind, opportunity_ids, tables, inverse, reverts, "
            "reverted_by FROM change_log ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    return [(*row[:6], None if row[6] is None else json.loads(row[6]), *row[7:]) for row in rows]


def _same(orm_path: Path, cli_path: Path) -> None:
    assert _tables(cli_path) == _tables(orm_path)
    assert _change_log(cli_path) == _change_log(orm_path)


STEPS: list[tuple[str, ...]] = [
    ("note", str(APPLIED), "Asked about the team"),
    ("move", str(APPLIED), "screening"),
    ("move", str(APPLIED), "screening"),  # already there: nothing stored, nothing logged
    ("move", str(WISHLIST), "applied"),  # leaves the wishlist: applied today, logged
    ("move", str(WISHLIST_DATED), "interviewing"),  # applied on its own date, at midday
    ("move", str(INTERVIEWING), "rejected"),  # closing skips the planned follow-ups
    ("move", str(INTERVIEWING), "interviewing"),  # reopening plans nothing again
    ("move", str(OFFER), "accepted"),
    ("move", str(WISHLIST), "withdrawn"),
    ("note", str(INTERVIEWING), "Called back  after all\u00a0!"),
]


def test_each_write_stores_what_the_orm_stored(
    copies: tuple[Database, Path], clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    database, cli_path = copies
    _same(database.path, cli_path)
    for command, opportunity_id, value in STEPS:
        if command == "note":
            printed = _orm_note(database, clock, int(opportunity_id), value)
        else:
            printed = _orm_move(database, clock, int(opportunity_id), Stage(value))
        result = run_cli(capsys, cli_path, command, opportunity_id, value)
        assert (result.exit_code, result.stdout.strip(), result.stderr) == (0, printed, "")
        _same(database.path, cli_path)


def test_the_steps_cover_every_rule_of_a_move(copies: tuple[Database, Path], clock: Clock) -> None:
    database, _ = copies
    for command, opportunity_id, value in STEPS:
        if command == "move":
            _orm_move(database, clock, int(opportunity_id), Stage(value))
    conn = sqlite3.connect(database.path)
    try:
        applied = conn.execute(
            "SELECT opportunity_id, occurred_at FROM interaction WHERE kind = 'applied' "
            "AND opportunity_id IN (?, ?) ORDER BY opportunity_id",
            (WISHLIST, WISHLIST_DATED),
        ).fetchall()
        skipped = conn.execute("SELECT count(*) FROM follow_up WHERE status = 'skipped'").fetchone()
        filled = conn.execute("SELECT applied_on FROM opportunity WHERE id = ?", (WISHLIST,))
        assert filled.fetchone()[0] == NOW.date().isoformat()
    finally:
        conn.close()
    assert [opportunity_id for opportunity_id, _ in applied] == [WISHLIST, WISHLIST_DATED]
    assert applied[1][1].startswith(NOW.shift(days=-5).date().isoformat())
    assert skipped[0] == 3
    labels = [row[2] for row in _change_log(database.path)]
    assert labels.count("move Acme to Screening") == 1


def test_an_unknown_id_fails_the_same_and_stores_nothing(
    copies: tuple[Database, Path], clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    database, cli_path = copies
    for command, value in (("move", "offer"), ("note", "hello")):
        with pytest.raises(NotFoundError) as refused:
            if command == "move":
                _orm_move(database, clock, 99, Stage(value))
            else:
                _orm_note(database, clock, 99, value)
        result = run_cli(capsys, cli_path, command, "99", value)
        assert (result.exit_code, result.stderr.strip()) == (2, f"jobhunt: {refused.value}")
        _same(database.path, cli_path)


@pytest.mark.parametrize("step", STEPS, ids=lambda s: " ".join(s))
def test_undo_takes_back_the_plain_sql_write(
    copies: tuple[Database, Path], capsys: pytest.CaptureFixture[str], step: tuple[str, ...]
) -> None:
    _, cli_path = copies
    run_cli(capsys, cli_path, "move", str(APPLIED), "offer")  # a change to undo past
    # An undo is itself a change: it stamps `updated_at` with the time it ran.
    before = _tables(cli_path, leave_out=("updated_at",))
    assert run_cli(capsys, cli_path, *step).exit_code == 0
    changed = _tables(cli_path, leave_out=("updated_at",)) != before
    undone = run_cli(capsys, cli_path, "undo")
    assert undone.exit_code == 0
    if changed:
        assert _tables(cli_path, leave_out=("updated_at",)) == before
        assert undone.stdout.startswith("Undone: ")
    else:  # the no-op move left no undo step: undo takes back the move before it
        assert undone.stdout.strip() == "Undone: move Acme to Offer"


def _orm_store_settings(database: Database, settings: Settings, keys: list[str]) -> None:
    """The settings store as it was on the ORM: `session.merge` of each key's row."""
    from jobhunt_tui.storage.tables import SettingRow

    with database.writing(SETTINGS_LABEL, undoable=False) as session:
        for key in keys:
            session.merge(SettingRow(key=key, value=json.dumps(getattr(settings, key))))


def _sql_store_settings(database: Database, settings: Settings, keys: list[str]) -> None:
    with database.writing_sql(SETTINGS_LABEL, undoable=False) as conn:
        store_settings(conn, settings, keys)


def test_settings_are_stored_as_the_orm_stored_them(tmp_path: Path) -> None:
    orm = open_database(tmp_path / "orm.db")
    orm.backup_to(tmp_path / "sql.db")
    sql = open_database(tmp_path / "sql.db")
    steps = [
        (Settings(min_gap_days=4), ["min_gap_days"]),  # a new row
        (Settings(min_gap_days=4), ["min_gap_days"]),  # the same value: nothing written
        (Settings(min_gap_days=5, your_name="Sam"), ["min_gap_days", "your_name"]),
        (Settings(signature="Sam\n+1 555 0100"), list(Settings._fields)),  # every key
    ]
    for settings, keys in steps:
        _orm_store_settings(orm, settings, keys)
        _sql_store_settings(sql, settings, keys)
        assert _tables(sql.path) == _tables(orm.path)
        assert _change_log(sql.path) == _change_log(orm.path)
    assert len(_change_log(sql.path)) == 3
    assert SettingsService(sql).read() == Settings(signature="Sam\n+1 555 0100")
