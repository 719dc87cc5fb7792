"""Defects 4, 9 and 10: opening a file never creates junk, and says why it will not open."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from jobhunt_tui.domain.errors import DatabaseRefusedError, StorageUnavailableError
from jobhunt_tui.storage import file_header
from jobhunt_tui.storage.database import file_mode, open_database


def _listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.rglob("*"))


def test_a_dangling_link_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    link = tmp_path / "jobhunt.db"
    link.symlink_to(tmp_path / "gone" / "real.db")
    before = _listing(tmp_path)
    with pytest.raises(DatabaseRefusedError, match=r"link to .*which does not exist"):
        open_database(link)
    with pytest.raises(DatabaseRefusedError, match="link"):
        open_database(link)  # the second try says the same, it is not "not a database"
    assert _listing(tmp_path) == before
    assert not (tmp_path / "gone").exists()


def test_a_link_to_a_real_database_opens(tmp_path: Path) -> None:
    real = tmp_path / "real.db"
    open_database(real).close()
    link = tmp_path / "jobhunt.db"
    link.symlink_to(real)
    open_database(link).close()


def _foreign_wal_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()  # the last connection checkpoints and removes -wal and -shm


def test_a_refused_wal_mode_file_gets_no_wal_or_shm_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    _foreign_wal_file(path)
    before = _listing(tmp_path)
    content = path.read_bytes()
    with pytest.raises(DatabaseRefusedError, match="not a jobhunt one"):
        open_database(path)
    assert _listing(tmp_path) == before
    assert path.read_bytes() == content


def test_a_truncated_jobhunt_file_is_refused_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "jobhunt.db"
    database = open_database(path)
    with database.writing_sql("test setup") as conn:
        conn.executemany(
            "INSERT INTO setting (key, value) VALUES (?, ?)",
            [(f"k{n}", "x" * 3000) for n in range(20)],
        )
    database.close()
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    cut = path.read_bytes()
    before = _listing(tmp_path)
    with pytest.raises(DatabaseRefusedError, match="damaged: cut short"):
        open_database(path)
    assert path.read_bytes() == cut
    assert _listing(tmp_path) == before


def test_a_0644_database_and_its_wal_and_shm_become_0600_saying_so_once(tmp_path: Path) -> None:
    path = tmp_path / "jobhunt.db"
    first = open_database(path)
    with first.writing_sql("test setup") as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('theme', '\"nord\"')")
    # Keep a reader open so -wal and -shm stay on disk, then loosen all three.
    keeper = sqlite3.connect(path)
    keeper.execute("SELECT * FROM setting").fetchall()
    for name in ("jobhunt.db", "jobhunt.db-wal", "jobhunt.db-shm"):
        os.chmod(tmp_path / name, 0o644)

    again = open_database(path)
    assert len(again.notices) == 1
    assert "jobhunt.db (0644)" in again.notices[0] and "jobhunt.db-wal (0644)" in again.notices[0]
    assert "now only you can (0600)" in again.notices[0]
    for name in ("jobhunt.db", "jobhunt.db-wal", "jobhunt.db-shm"):
        assert file_mode(tmp_path / name) == 0o600, name
    third = open_database(path)
    assert third.notices == ()
    for database in (first, again, third):
        database.close()
    keeper.close()


def test_an_unreadable_file_says_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jobhunt.db"
    open_database(path).close()

    def denied(file: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(file))

    # The tests run as root, whom chmod 000 does not stop: fail the read the way it would.
    monkeypatch.setattr("jobhunt_tui.storage.database.read_header", denied)
    with pytest.raises(StorageUnavailableError, match=r"cannot be read: .*permission denied"):
        open_database(path)


def test_a_path_with_an_escape_is_named_with_visible_symbols(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b]2;x\x07.db"
    path.write_text("not sqlite")
    with pytest.raises(DatabaseRefusedError) as raised:
        open_database(path)
    assert "\x1b" not in str(raised.value) and "evil␛]2;x␇.db" in str(raised.value)


def test_the_header_reader_agrees_with_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "jobhunt.db"
    database = open_database(path)
    with database.reading() as conn:  # the first connection switches the file to WAL
        conn.execute("SELECT 1").fetchone()
    database.close()
    header = file_header.parse_header(file_header.read_header(path))
    conn = sqlite3.connect(path)
    assert header is not None
    assert header.application_id == conn.execute("PRAGMA application_id").fetchone()[0]
    assert header.user_version == conn.execute("PRAGMA user_version").fetchone()[0]
    assert header.expected_size == path.stat().st_size
    assert header.wal_mode
    conn.close()


async def test_the_app_says_once_that_it_made_the_file_private(tmp_path: Path) -> None:
    from jobhunt_tui.domain.clock import fixed_clock
    from jobhunt_tui.ui.app import JobhuntApp
    from tests.conftest import NOW
    from tests.ui.helpers import screen_text, settle

    path = tmp_path / "jobhunt.db"
    open_database(path).close()
    os.chmod(path, 0o644)
    database = open_database(path)
    app = JobhuntApp(database, fixed_clock(NOW), tz="UTC", cursor_blink=False, backup_after=None)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        shown = " ".join(screen_text(app).split())
    database.close()
    assert "jobhunt.db (0644) could be read by others" in shown
    assert file_mode(path) == 0o600
