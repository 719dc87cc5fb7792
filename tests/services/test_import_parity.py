"""An import stores exactly what it always stored: the database content after importing a few
hundred rows of each dialect is compared with a golden copy taken from the row-by-row ORM
import this bulk one replaced (tests/services/golden/import_parity.json).

To look at a difference, run with JOBHUNT_WRITE_GOLDEN=1 and `git diff` the golden file; it
must only ever be rewritten on purpose, when an import rule changes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.services.data_io import apply_plan, parse_import_text
from jobhunt_tui.services.history import History
from jobhunt_tui.services.live import LiveFeed
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.storage.database import Database, open_database
from tests.services import import_files

GOLDEN = Path(__file__).with_name("golden") / "import_parity.json"
TABLES = ("company", "contact", "opportunity", "interaction")


def _rows(database: Database, table: str) -> list[dict[str, Any]]:
    with database.reading() as conn:
        return [dict(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY id")]


def _content(database: Database) -> dict[str, Any]:
    """Every stored row, and what the change log says about each import (not its time)."""
    content: dict[str, Any] = {table: _rows(database, table) for table in TABLES}
    content["change_log"] = [
        {
            key: json.loads(row[key]) if key in ("opportunity_ids", "tables") else row[key]
            for key in ("id", "writer", "label", "kind", "opportunity_ids", "tables")
        }
        for row in _rows(database, "change_log")
    ]
    return content


def _inverse_is_every_inserted_row(database: Database, before: dict[str, Any]) -> None:
    """An import's journal holds one insert per new row, with the row as stored."""
    after = _content(database)
    expected = sorted(
        [table, str(row["id"]), "insert", None, row]
        for table in TABLES
        for row in after[table]
        if row not in before[table]
    )
    with database.reading() as conn:
        stored = conn.execute("SELECT inverse FROM change_log ORDER BY id DESC LIMIT 1").fetchone()
    assert sorted(json.loads(stored[0])) == expected


def test_an_import_stores_what_the_row_by_row_import_stored(
    pipeline: PipelineService, database: Database, clock: Clock
) -> None:
    import_files.store_existing(pipeline)
    for text in (
        import_files.linkedin(160, clock),
        import_files.generic(90),
        import_files.huntr(50),
    ):
        before = _content(database)
        apply_plan(database, clock, parse_import_text(text))
        _inverse_is_every_inserted_row(database, before)
    content = _content(database)
    if os.environ.get("JOBHUNT_WRITE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        text = "{\n" + ",\n".join(
            f"{json.dumps(key)}: [\n"
            + ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
            + "\n]"
            for key, rows in content.items()
        )
        GOLDEN.write_text(text + "\n}\n", encoding="utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for key in content:
        assert content[key] == golden[key], key
    assert len(content["opportunity"]) > 250


def test_undo_removes_an_import_and_other_windows_see_it(
    pipeline: PipelineService, database: Database, clock: Clock, db_path: Path
) -> None:
    import_files.store_existing(pipeline)
    before = {table: _rows(database, table) for table in TABLES}
    other_window = open_database(db_path)
    feed = LiveFeed(other_window, since_id=0)
    feed.read()  # everything up to here

    apply_plan(database, clock, parse_import_text(import_files.linkedin(60, clock)))
    imported = {row["id"] for row in _rows(database, "opportunity")} - {
        row["id"] for row in before["opportunity"]
    }
    assert len(imported) > 40
    assert feed.read().opportunity_ids >= imported

    assert History(database).undo().label == "import csv"
    assert {table: _rows(database, table) for table in TABLES} == before
    assert feed.read().opportunity_ids >= imported
    feed.close()
    other_window.close()
