"""export, import, backup and demo from the command line: happy paths and bad input."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jobhunt_tui.cli import base
from jobhunt_tui.cli.base import cli
from jobhunt_tui.storage.database import file_mode
from tests.cli.helpers import FIXED_NOW, run_cli

LINKEDIN = (
    "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,"
    "Resume Name,Question And Answers\n"
    '"8/15/26, 3:04 PM",ann@acme.example,,Acme,Backend Engineer,https://l.example/1,cv.pdf,\n'
)
HUNTR = (
    "id,createdAt,title,salary,location,url,listName,companyName\n"
    "1,2026-10-01T09:00:00.000Z,SRE,,Lisbon,https://h.example/1,Interview,Globex\n"
)
GENERIC = 'company,role,stage,notes\nInitech,PM,screening,"multi\nline, note"\n'


def jobhunt(db: Path, *args: str) -> Result:
    """`jobhunt --db DB ARGS…` through click's runner, at the fixed test time."""
    return CliRunner().invoke(cli, ["--db", str(db), *args], env={"JOBHUNT_NOW": FIXED_NOW})


def assert_one_line_error(result: Result) -> None:
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("jobhunt: ")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "missing"


def count(db: Path, table: str = "opportunity") -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert jobhunt(path, "demo", "--no-open").exit_code == 0
    return path


def sample(tmp_path: Path, text: str, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# export


def test_export_csv_to_stdout(demo_db: Path) -> None:
    result = jobhunt(demo_db, "export", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == 25
    assert rows[0]["company"] == "Northwind Analytics"


def test_export_json_to_a_file(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = jobhunt(demo_db, "export", "json", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data) == 25 and data[0]["interactions"]


def test_export_ics(demo_db: Path) -> None:
    result = jobhunt(demo_db, "export", "ics")
    assert result.exit_code == 0
    assert result.stdout.startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize("target", ["folder", "database", "missing/dir/out.csv"])
def test_export_refuses_a_bad_output(demo_db: Path, tmp_path: Path, target: str) -> None:
    before = digest(demo_db)
    output = {"folder": tmp_path, "database": demo_db}.get(target, tmp_path / target)
    assert_one_line_error(jobhunt(demo_db, "export", "csv", "-o", str(output)))
    assert digest(demo_db) == before


def test_an_unknown_format_is_one_line(capsys, demo_db: Path) -> None:
    result = run_cli(capsys, demo_db, "export", "xml")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


# import


@pytest.mark.parametrize(
    ("text", "dialect", "company", "stage"),
    [
        (LINKEDIN, "linkedin", "Acme", "applied"),
        (HUNTR, "huntr", "Globex", "interviewing"),
        (GENERIC, "jobhunt", "Initech", "screening"),
    ],
)
def test_import_each_dialect(
    tmp_path: Path, db_path: Path, text: str, dialect: str, company: str, stage: str
) -> None:
    result = jobhunt(db_path, "import", "csv", str(sample(tmp_path, text)))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("imported 1 opportunity from ")
    assert f"({dialect} header); 0 duplicates skipped" in result.stdout
    listed = json.loads(jobhunt(db_path, "list", "--json").stdout)
    assert [(item["company_name"], item["stage"]) for item in listed] == [(company, stage)]


def test_import_twice_skips_duplicates(tmp_path: Path, db_path: Path) -> None:
    path = sample(tmp_path, GENERIC)
    jobhunt(db_path, "import", "csv", str(path))
    again = jobhunt(db_path, "import", "csv", str(path))
    assert again.exit_code == 0
    assert "imported 0 opportunities" in again.stdout and "1 duplicate skipped" in again.stdout
    assert count(db_path) == 1


def test_dry_run_prints_every_row_and_writes_nothing(tmp_path: Path, db_path: Path) -> None:
    path = sample(tmp_path, "company,role\nAcme,Engineer\nGlobex,SRE\n")
    result = jobhunt(db_path, "import", "csv", str(path), "--dry-run")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "would import 2 of 2 rows" in lines[0] and "nothing written" in lines[0]
    assert [line.split()[:3] for line in lines[1:]] == [["row", "2", "new"], ["row", "3", "new"]]
    assert "Acme — Engineer" in lines[1]
    assert not db_path.exists()  # not even an empty database is created


def test_dry_run_on_an_existing_database(tmp_path: Path, demo_db: Path) -> None:
    before = digest(demo_db)
    exported = jobhunt(demo_db, "export", "csv").stdout
    result = jobhunt(
        demo_db, "import", "csv", str(sample(tmp_path, exported)), "--dry-run", "--json"
    )
    report = json.loads(result.stdout)
    assert (report["new"], report["duplicates"], report["imported"]) == (0, 25, 0)
    assert digest(demo_db) == before


def test_round_trip_through_the_command_line(tmp_path: Path) -> None:
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    notes = 'Emoji 🎉, RTL שלום / مرحبا, "quotes",\nand a second line'
    jobhunt(first, "add", "Café ☕, Ltd", "Ingénieur «backend»", "--notes", notes)
    exported = tmp_path / "out.csv"
    jobhunt(first, "export", "csv", "-o", str(exported))
    assert jobhunt(second, "import", "csv", str(exported)).exit_code == 0
    assert jobhunt(second, "export", "csv").stdout == jobhunt(first, "export", "csv").stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("company,role,stage\nAcme,Eng,applied\nGlobex,SRE,nope\n", "row 3, column 'stage'"),
        ("who,what\nAcme,Eng\n", "unrecognised CSV header"),
        ("company,role\n\x1b]52;c;aGk=\x07,Eng,x\n", "row 2 has 3 fields"),
    ],
)
def test_import_bad_file_is_one_line_and_changes_nothing(
    tmp_path: Path, demo_db: Path, text: str, message: str
) -> None:
    before = digest(demo_db)
    result = jobhunt(demo_db, "import", "csv", str(sample(tmp_path, text)))
    assert_one_line_error(result)
    assert message in result.stderr
    assert "\x1b" not in result.stderr
    assert digest(demo_db) == before


def test_import_missing_file(tmp_path: Path, db_path: Path) -> None:
    assert_one_line_error(jobhunt(db_path, "import", "csv", str(tmp_path / "nope.csv")))
    assert not db_path.exists()


# backup


def test_backup_beside_the_database(demo_db: Path) -> None:
    result = jobhunt(demo_db, "backup")
    assert result.exit_code == 0
    copy = Path(result.stdout.strip())
    assert copy.parent == demo_db.parent
    assert copy.name == "demo-backup-20261120-120000.db"
    assert file_mode(copy) == 0o600
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert count(copy) == 25
    # A second backup in the same second gets its own name.
    assert Path(jobhunt(demo_db, "backup").stdout.strip()) != copy


def test_backup_to_a_named_file_and_force(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    assert jobhunt(demo_db, "backup", "-o", str(target)).stdout.strip() == str(target)
    refused = jobhunt(demo_db, "backup", "-o", str(target))
    assert_one_line_error(refused)
    assert "exists already" in refused.stderr
    assert jobhunt(demo_db, "backup", "-o", str(target), "--force").exit_code == 0


@pytest.mark.parametrize("target", ["database", "folder", "no/such/dir/x.db"])
def test_backup_refuses_bad_targets(demo_db: Path, tmp_path: Path, target: str) -> None:
    before = digest(demo_db)
    output = {"database": demo_db, "folder": tmp_path}.get(target, tmp_path / target)
    assert_one_line_error(jobhunt(demo_db, "backup", "-o", str(output)))
    assert digest(demo_db) == before


def test_backup_without_a_database(db_path: Path) -> None:
    assert_one_line_error(jobhunt(db_path, "backup"))
    assert not db_path.exists()


# demo


def test_demo_fills_the_named_file(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    result = jobhunt(tmp_path / "unused.db", "demo", "--db", str(path), "--no-open")
    assert result.exit_code == 0
    assert result.stdout.startswith("demo: 25 opportunities")
    assert count(path) == 25
    assert not (tmp_path / "unused.db").exists()


def test_demo_without_db_uses_a_new_temporary_file(
    monkeypatch: pytest.MonkeyPatch, private_home: Path, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    opened = []
    monkeypatch.setattr(base, "open_app", lambda state: opened.append(state.db_path))
    result = CliRunner().invoke(cli, ["demo"], env={"JOBHUNT_NOW": FIXED_NOW})
    assert result.exit_code == 0, result.output
    [path] = opened
    assert path.exists() and count(path) == 25
    assert private_home not in path.parents  # never the user's own data folder
    assert path.parent.parent == tmp_path and path.parent.name.startswith("jobhunt-demo-")
    again = CliRunner().invoke(cli, ["demo", "--no-open"], env={"JOBHUNT_NOW": FIXED_NOW})
    assert str(path) not in again.stdout  # a new file every time


def test_demo_refuses_a_database_with_data(demo_db: Path) -> None:
    before = digest(demo_db)
    result = jobhunt(demo_db, "demo", "--no-open")
    assert_one_line_error(result)
    assert "already holds 25 opportunities" in result.stderr
    assert digest(demo_db) == before


def test_demo_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = sample(tmp_path, "company,role\n", "notes.db")
    assert_one_line_error(jobhunt(tmp_path / "x.db", "demo", "--db", str(path), "--no-open"))
    assert path.read_text(encoding="utf-8") == "company,role\n"
