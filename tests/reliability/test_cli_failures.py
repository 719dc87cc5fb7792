"""Defects 3 and 9, battery 5: every database or file failure is one clear line and exit 2,
and nothing is created or changed."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage import connection
from jobhunt_tui.storage.database import Database
from tests.cli.helpers import Result, run_cli

_real_connect = sqlite3.connect


def _state(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def _one_clear_line(result: Result, words: str) -> None:
    assert result.exit_code == 2, result
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("jobhunt: ")
    assert words in result.stderr, result.stderr
    assert "INSERT" not in result.stderr and "UPDATE" not in result.stderr


def test_a_locked_database_is_one_line_not_a_traceback(
    database: Database,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    holder = _real_connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holding the write lock
    try:
        result = run_cli(capsys, db_path, "add", "Acme", "Engineer")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _one_clear_line(result, "the data file is busy")


def _read_only_connect(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
    # The tests run as root, whom chmod 0444 does not stop: open it the way a read-only file
    # would be opened, so SQLite itself refuses the write.
    if kwargs.get("uri") or str(path).startswith("file:"):
        return _real_connect(path, *args, **kwargs)
    kwargs["uri"] = True
    return _real_connect(f"{Path(path).resolve().as_uri()}?mode=ro", *args, **kwargs)


def test_a_read_only_database_is_one_line_and_nothing_changes(
    database: Database,
    pipeline: PipelineService,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pipeline.add(OpportunityInput("Acme", "Engineer"))
    database.close()
    before = _state(db_path.parent)
    monkeypatch.setattr(sqlite3, "connect", _read_only_connect)
    result = run_cli(capsys, db_path, "move", "1", "screening")
    _one_clear_line(result, "read-only")
    monkeypatch.undo()
    assert run_cli(capsys, db_path, "list", "--json").stdout.count('"stage": "applied"') == 1
    after = _state(db_path.parent)
    assert after["jobhunt.db"] == before["jobhunt.db"]


def _failing_create(error: BaseException) -> Callable[..., sqlite3.Connection]:
    def connect(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if ".creating-" in str(path):
            raise error
        return _real_connect(path, *args, **kwargs)

    return connect


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (sqlite3.OperationalError("unable to open database file"), "folder is missing"),
        (sqlite3.OperationalError("database or disk is full"), "the disk is full"),
        (PermissionError(13, "Permission denied", "/data"), "/data: permission denied"),
    ],
)
def test_a_new_database_that_cannot_be_made_is_one_line_and_creates_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
    words: str,
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setattr(sqlite3, "connect", _failing_create(error))
    result = run_cli(capsys, folder / "jobhunt.db", "add", "Acme", "Engineer")
    _one_clear_line(result, words)
    assert list(folder.iterdir()) == []


def test_invalid_utf8_on_the_command_line_is_one_line(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    undecodable = b"\xff".decode("utf-8", "surrogateescape")
    result = run_cli(capsys, db_path, "add", undecodable, "x")
    _one_clear_line(result, "argument 4 is not UTF-8 text (it holds the byte 0xff)")
    assert not db_path.exists()


def test_an_output_path_with_an_escape_is_echoed_with_symbols(
    database: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out\x1b]2;PWNED\x07.json"
    result = run_cli(capsys, db_path, "export", "json", "-o", str(target))
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr and "out␛]2;PWNED␇.json" in result.stderr
    missing = tmp_path / "no\x1b[2Jdir" / "x.csv"
    failed = run_cli(capsys, db_path, "export", "csv", "-o", str(missing))
    _one_clear_line(failed, "no␛[2Jdir: no such folder")


HOSTILE = "Acme\x1b]52;c;cm0gLXJmIH4=\x1b\\\x9b2J\u202eexe"


@pytest.mark.parametrize("args", [("list", "--json"), ("export", "csv"), ("export", "json")])
def test_machine_output_to_stdout_carries_no_raw_escape_or_c1(
    database: Database,
    pipeline: PipelineService,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
) -> None:
    created = pipeline.add(OpportunityInput("Acme", "Engineer"))
    with database.writing_sql("test setup") as conn:
        conn.execute("UPDATE company SET name = ? WHERE id = ?", (HOSTILE, created.company_id))
    result = run_cli(capsys, db_path, *args)
    assert result.exit_code == 0
    assert not any(0x80 <= ord(c) <= 0x9F or c in "\x1b\u202e" for c in result.stdout)
    if args[-1] != "csv":
        assert json.loads(result.stdout)[0]["company_name"] == HOSTILE  # JSON stays verbatim


def test_a_dangling_link_is_one_line_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "jobhunt.db"
    link.symlink_to(tmp_path / "elsewhere" / "jobhunt.db")
    for args in (("add", "Acme", "Engineer"), ("list",)):
        _one_clear_line(run_cli(capsys, link, *args), "which does not exist; jobhunt created")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["jobhunt.db"]


def test_an_unreadable_file_is_one_line(
    database: Database,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database.close()

    def denied(file: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(file))

    # Root reads a 0000 file anyway: fail the read the way it fails for everyone else.
    monkeypatch.setattr("jobhunt_tui.storage.database.read_header", denied)
    _one_clear_line(run_cli(capsys, db_path, "list"), "jobhunt.db: permission denied")
