"""Migration 5: templates gain a default flag, at most one per kind and channel."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jobhunt_tui.storage.database import open_database
from jobhunt_tui.storage.schema import DEFAULT_TEMPLATES, MIGRATIONS


def test_a_version_four_file_keeps_its_templates_none_of_them_the_default(tmp_path: Path) -> None:
    path = tmp_path / "jobhunt.db"
    old = open_database(path, migrations=MIGRATIONS[:4])
    with old.writing_sql("test setup") as conn:
        conn.execute(
            "INSERT INTO template (name, kind, channel, subject, body) "
            "VALUES ('Mine', 'check_in', 'email', 'Hi', 'Hello {company}')"
        )
    old.close()

    database = open_database(path)
    with database.reading() as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == DEFAULT_TEMPLATES.version == 5
        rows = conn.execute("SELECT name, is_default FROM template ORDER BY id").fetchall()
    assert ("Mine", 0) in [tuple(row) for row in rows]
    assert {row[1] for row in rows} == {0}
    with pytest.raises(sqlite3.IntegrityError), database.writing_sql("two defaults") as conn:
        conn.execute("UPDATE template SET is_default = 1 WHERE kind = 'check_in'")
    database.close()
