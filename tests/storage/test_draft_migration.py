"""Migration 4: drafts get a revision, versions and templates (the built-ins seeded)."""

from __future__ import annotations

from pathlib import Path

from jobhunt_tui.domain.templates import BUILT_INS
from jobhunt_tui.storage.database import open_database
from jobhunt_tui.storage.schema import INITIAL_SCHEMA, SCHEMA_VERSION


def test_a_version_one_file_keeps_its_drafts_and_gains_the_templates(tmp_path: Path) -> None:
    path = tmp_path / "jobhunt.db"
    old = open_database(path, migrations=(INITIAL_SCHEMA,))
    with old.writing_sql("test setup") as conn:
        conn.execute(
            "INSERT INTO draft (channel, subject, body, updated_at) "
            "VALUES ('email', 'Hello', 'It''s me', '2026-11-20T12:00:00Z')"
        )
    old.close()

    database = open_database(path)
    with database.reading() as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 4
        draft = conn.execute("SELECT body, revision FROM draft").fetchone()
        templates = conn.execute(
            "SELECT name, kind, channel, subject, body, built_in FROM template ORDER BY id"
        ).fetchall()
        versions = conn.execute("SELECT COUNT(*) FROM draft_version").fetchone()[0]
    database.close()
    assert tuple(draft) == ("It's me", 0)
    assert versions == 0
    assert [tuple(row) for row in templates] == [
        (t.name, t.kind.value, t.channel.value, t.subject, t.body, 1) for t in BUILT_INS
    ]
