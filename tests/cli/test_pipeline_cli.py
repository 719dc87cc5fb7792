"""add, list, show, move and note from the command line."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import FIXED_NOW, run_cli


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBHUNT_NOW", FIXED_NOW)


def _count(db_path: Path, table: str) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_add_then_list_and_show(capsys, db_path: Path) -> None:
    added = run_cli(
        capsys, db_path, "add", "Acme", "Backend Engineer", "--contact", "Ann Lee <ann@acme.io>"
    )
    assert added.exit_code == 0
    assert added.stdout.strip() == "added #1: Acme — Backend Engineer (applied Fri 20 Nov 2026)"

    listed = run_cli(capsys, db_path, "list", "--json")
    [item] = json.loads(listed.stdout)
    assert (item["company_name"], item["role"], item["stage"]) == (
        "Acme",
        "Backend Engineer",
        "applied",
    )
    assert item["applied_on"] == "2026-11-20"

    shown = run_cli(capsys, db_path, "show", "1")
    assert "Ann Lee ann@acme.io" in shown.stdout
    assert "applied" in shown.stdout


def test_move_and_note_are_logged(capsys, db_path: Path) -> None:
    run_cli(capsys, db_path, "add", "Acme", "Engineer")
    assert run_cli(capsys, db_path, "move", "1", "Interviewing").exit_code == 0
    assert run_cli(capsys, db_path, "note", "1", "Asked about the team").exit_code == 0

    detail = json.loads(run_cli(capsys, db_path, "show", "1", "--json").stdout)
    assert detail["opportunity"]["stage"] == "interviewing"
    assert [i["summary"] for i in detail["interactions"]] == [
        "Applied",
        "Applied → Interviewing",
        "Asked about the team",
    ]


def test_list_filters_by_stage(capsys, db_path: Path) -> None:
    run_cli(capsys, db_path, "add", "Acme", "Engineer")
    run_cli(capsys, db_path, "add", "Globex", "SRE", "--stage", "offer")
    listed = run_cli(capsys, db_path, "list", "--stage", "offer")
    assert listed.stdout.splitlines() == ["#2     offer        Globex — SRE"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "", "Engineer"), "company: must not be empty"),
        (("add", "Acme", "Engineer", "--stage", "hired"), "unknown stage 'hired'"),
        (("add", "Acme", "Engineer", "--applied-on", "2026-13-01"), "is not a real date"),
        (("add", "Acme", "Engineer", "--priority", "7"), "7 is not in the range"),
        (("add", "x" * 10_000, "Engineer"), "10,000 characters long"),
        (("move", "1", "sideways"), "unknown stage 'sideways'"),
        (("move", "99", "offer"), "no opportunity with id 99"),
        (("note", "1", "   "), "note: must not be empty"),
        (("show", "abc"), "'abc' is not a valid integer"),
        (("list", "--bogus"), "No such option"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(
    capsys, db_path: Path, args: tuple[str, ...], message: str
) -> None:
    run_cli(capsys, db_path, "add", "Acme", "Engineer")
    before = (_count(db_path, "opportunity"), _count(db_path, "interaction"))

    result = run_cli(capsys, db_path, *args)

    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr
    assert (_count(db_path, "opportunity"), _count(db_path, "interaction")) == before


def test_stored_escape_sequences_are_printed_harmlessly(capsys, db_path: Path) -> None:
    run_cli(capsys, db_path, "add", "Acme", "Engineer")
    # A row written by another program, control characters and all.
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE company SET name = 'Evil\x1b]52;c;QUFB\x07Corp'")
    conn.commit()
    conn.close()
    listed = run_cli(capsys, db_path, "list")
    assert "\x1b" not in listed.stdout
    assert "Evil␛]52;c;QUFB␇Corp" in listed.stdout


def test_refused_file_is_one_line_and_untouched(capsys, tmp_path: Path) -> None:
    not_ours = tmp_path / "notes.txt"
    not_ours.write_text("hello", encoding="utf-8")
    result = run_cli(capsys, not_ours, "list")
    assert result.exit_code == 2
    assert "is not a SQLite database" in result.stderr
    assert not_ours.read_text(encoding="utf-8") == "hello"


def test_help_exists_for_every_command(capsys, db_path: Path) -> None:
    import click

    from jobhunt_tui.cli import cli

    names = cli.list_commands(click.Context(cli))
    assert {"add", "list", "interview", "agenda", "export", "import", "demo"} <= set(names)
    for name in names:
        assert run_cli(capsys, db_path, name, "--help").exit_code == 0
        command = cli.get_command(click.Context(cli), name)
        assert command is not None and command.help, f"{name} has no help text"
    # Every command a module registers is one the lazy table knows about.
    assert set(cli.commands) == set(names)
    top = run_cli(capsys, db_path, "--help").stdout
    assert all(name in top for name in names)


def test_list_never_imports_textual_or_the_orm(db_path: Path) -> None:
    script = (
        "import sys\n"
        "from jobhunt_tui.cli import main\n"
        f"sys.argv = ['jobhunt', '--db', {str(db_path)!r}, 'list', '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(','.join(m for m in ('textual', 'sqlmodel') if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"
    assert result.stderr.strip() == ""


def test_undo_takes_back_the_command_lines_last_change_only(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    assert run_cli(capsys, db_path, "add", "Acme", "Engineer").exit_code == 0
    assert run_cli(capsys, db_path, "move", "1", "screening").exit_code == 0
    assert run_cli(capsys, db_path, "note", "1", "Called Ann").exit_code == 0

    first = run_cli(capsys, db_path, "undo")
    second = run_cli(capsys, db_path, "undo")

    assert (first.exit_code, first.stdout.strip()) == (0, "Undone: note on Acme")
    assert second.stdout.strip() == "Undone: move Acme to Screening"
    shown = run_cli(capsys, db_path, "show", "1")
    assert "Applied" in shown.stdout and "Called Ann" not in shown.stdout
    run_cli(capsys, db_path, "undo")
    nothing = run_cli(capsys, db_path, "undo")
    assert (nothing.exit_code, nothing.stderr.strip()) == (2, "jobhunt: nothing to undo")
