"""Opening files: new ones are private and stamped; anything not ours is refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jobhunt_tui.domain.errors import DatabaseRefusedError
from jobhunt_tui.storage.database import file_mode, header_stamp, open_database
from jobhunt_tui.storage.schema import APPLICATION_ID, SCHEMA_VERSION


def test_new_database_is_private_stamped_and_in_a_private_folder(tmp_path: Path) -> None:
    path = tmp_path / "deeper" / "jobhunt.db"
    database = open_database(path)
    with database.writing_sql("test setup") as conn:  # creates -wal and -shm beside it
        conn.execute("INSERT INTO setting (key, value) VALUES ('theme', '\"nord\"')")
    database.close()

    assert file_mode(path.parent) == 0o700
    for file in path.parent.iterdir():
        assert file_mode(file) == 0o600, file.name
    assert header_stamp(path) == (APPLICATION_ID, SCHEMA_VERSION)


def test_every_connection_has_the_reliability_settings(database) -> None:
    with database.reading() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _not_sqlite(path: Path) -> None:
    path.write_text("company,role\nAcme,Engineer\n", encoding="utf-8")


def _someone_elses_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()


def _from_a_newer_jobhunt(path: Path) -> None:
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


@pytest.mark.parametrize(
    ("make_file", "expected"),
    [
        (_empty, "is empty"),
        (_not_sqlite, "is not a SQLite database"),
        (_someone_elses_sqlite, "not a jobhunt one"),
        (_from_a_newer_jobhunt, "newer jobhunt"),
    ],
)
def test_bad_files_are_refused_and_left_byte_identical(
    tmp_path: Path, make_file, expected: str
) -> None:
    path = tmp_path / "jobhunt.db"
    make_file(path)
    before = path.read_bytes()
    siblings = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(DatabaseRefusedError, match=expected):
        open_database(path)

    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefusedError, match="folder"):
        open_database(tmp_path)


def test_reopening_our_own_file_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "jobhunt.db"
    database = open_database(path)
    with database.writing_sql("test setup") as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('your_name', '\"Ada\"')")
    database.close()

    again = open_database(path)
    with again.reading() as conn:
        assert conn.execute("SELECT value FROM setting").fetchone()[0] == '"Ada"'
    again.close()


def test_backup_is_a_verified_private_copy(database, tmp_path: Path) -> None:
    with database.writing_sql("test setup") as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('your_name', '\"Ada\"')")
    copy = tmp_path / "copy.db"
    database.backup_to(copy)

    assert file_mode(copy) == 0o600
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT value FROM setting").fetchone()[0] == '"Ada"'
    conn.close()


def test_a_file_created_meanwhile_by_another_process_is_kept(tmp_path: Path) -> None:
    from jobhunt_tui.storage.migrations import create_new
    from jobhunt_tui.storage.schema import MIGRATIONS

    path = tmp_path / "jobhunt.db"
    first = open_database(path)
    with first.writing_sql("test setup") as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('your_name', '\"Ada\"')")
    first.close()

    create_new(path, MIGRATIONS)  # a second process that also saw no file

    again = open_database(path)
    with again.reading() as conn:
        assert conn.execute("SELECT value FROM setting").fetchone()[0] == '"Ada"'
    again.close()
    assert sorted(p.name for p in tmp_path.iterdir() if "creating" in p.name) == []
