"""CSV/JSON export and CSV import: dialects, round trip, all-or-nothing, duplicates, dry run."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import arrow
import pytest

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.models import Contact, Stage
from jobhunt_tui.services import csv_formats
from jobhunt_tui.services.data_io import (
    CSV_COLUMNS,
    ImportFileError,
    apply_plan,
    export_csv,
    export_records,
    import_csv,
    parse_import_text,
    preview,
)
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage import bulk_import
from jobhunt_tui.storage.database import Database, open_database
from jobhunt_tui.storage.import_marker import marker_path

# The header LinkedIn writes in "Job Applications.csv" (data export, Jobs folder).
LINKEDIN_HEADER = (
    "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,"
    "Resume Name,Question And Answers"
)
# Columns of Huntr's job export (USER_JOBS_USER_FULL_DATA_DOWNLOAD*.csv).
HUNTR_HEADER = (
    "id,createdAt,title,salary,location,url,rootDomain,htmlDescription,deadline,lastMovedAt,"
    "boardID,listID,listName,companyId,companyName,companyDomain"
)

TRICKY_NOTES = 'Line one, with "quotes"\nLine two\tTabbed; שלום עולם — مرحبا 🎉\n\nLast, line'


@pytest.fixture
def other_database(tmp_path: Path) -> Iterator[Database]:
    """A second, empty database to import into."""
    db = open_database(tmp_path / "other" / "jobhunt.db")
    yield db
    db.close()


def _write(tmp_path: Path, text: str, name: str = "in.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _count(database: Database, table: str = "opportunity") -> int:
    with database.reading() as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def _fill_tricky(pipeline: PipelineService, database: Database) -> None:
    pipeline.add(
        OpportunityInput(
            company='Acme, Inc. "Rockets"',
            role="Backend Engineer 🚀",
            stage=Stage.INTERVIEWING,
            url='https://acme.example/jobs?id=1&ref="x"',
            location="Tel Aviv — תל אביב",
            salary="₪ 40,000/month",
            source="Referral; Dana",
            priority=1,
            applied_on=dt.date(2026, 11, 2),
            expected_decision_on=dt.date(2026, 12, 1),
            notes=TRICKY_NOTES,
        ),
        contact="Ann Lee <ann@acme.example>",
    )
    pipeline.add(
        OpportunityInput(company="شركة القاهرة", role="مهندس برمجيات", stage=Stage.WISHLIST)
    )
    rejected = pipeline.add(
        OpportunityInput(company="Zürich Versicherung", role="Python-Entwickler", priority=3)
    )
    pipeline.move(rejected.id, Stage.REJECTED)
    from jobhunt_tui.storage.repository import Repository

    with database.writing("test setup") as session:
        repo = Repository(session)
        repo.update_opportunity(rejected.id, {"archived": True}, arrow.get("2026-11-20"))
        repo.add_contact(Contact(id=0, name="Lee, Bo", email="bo@acme.example", company_id=1))
        repo.add_contact(Contact(id=0, name="No Email Person", company_id=1))


def _fields(database: Database) -> list[tuple[object, ...]]:
    """What a CSV round trip must keep, per opportunity, in a stable order."""
    rows = export_records(database)
    return sorted(
        (
            row["company_name"], row["role"], row["stage"], row["url"], row["location"],
            row["salary"], row["source"], row["priority"], row["applied_on"],
            row["expected_decision_on"], row["notes"], row["archived"],
            tuple(sorted((c["name"], c["email"]) for c in row["contacts"])),
        )
        for row in rows
    )  # fmt: skip


# Export


def test_csv_export_has_the_header_and_one_row_per_opportunity(pipeline, database) -> None:
    _fill_tricky(pipeline, database)
    rows = list(csv.reader(io.StringIO(export_csv(database), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 4  # archived ones are exported too
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["notes"] == TRICKY_NOTES
    assert first["applied_on"] == "2026-11-02"
    assert first["contacts"].splitlines() == [
        "Ann Lee <ann@acme.example>",
        "Lee, Bo <bo@acme.example>",
        "No Email Person",
    ]


def test_json_export_nests_the_timeline_with_iso_dates(pipeline, database) -> None:
    _fill_tricky(pipeline, database)
    records = json.loads(json.dumps(export_records(database), ensure_ascii=False))
    assert [r["company_name"] for r in records][:1] == ['Acme, Inc. "Rockets"']
    first = records[0]
    assert {"contacts", "interactions", "follow_ups", "drafts"} <= set(first)
    assert first["interactions"][0]["kind"] == "applied"
    dt.datetime.fromisoformat(first["created_at"])
    dt.datetime.fromisoformat(first["interactions"][0]["occurred_at"])
    assert first["expected_decision_on"] == "2026-12-01"
    assert records[2]["archived"] is True


# Round trip


def test_csv_round_trip_loses_nothing(
    pipeline, database, other_database, clock: Clock, tmp_path: Path
) -> None:
    _fill_tricky(pipeline, database)
    path = _write(tmp_path, export_csv(database), "export.csv")
    outcome = import_csv(other_database, clock, path)
    assert (len(outcome.new), len(outcome.duplicates), outcome.plan.dialect) == (3, 0, "jobhunt")
    assert _fields(other_database) == _fields(database)
    # The export of the import is the export itself: nothing lost, nothing added.
    assert export_csv(other_database) == export_csv(database)


def test_reimporting_the_same_file_is_harmless(
    pipeline, database, clock: Clock, tmp_path: Path
) -> None:
    _fill_tricky(pipeline, database)
    before = _fields(database)
    path = _write(tmp_path, export_csv(database), "export.csv")
    outcome = import_csv(database, clock, path)
    assert (len(outcome.new), len(outcome.duplicates)) == (0, 3)
    assert _fields(database) == before


# Dialects


def test_linkedin_job_applications(database, clock: Clock, tmp_path: Path) -> None:
    text = (
        f"{LINKEDIN_HEADER}\n"
        '"8/15/26, 3:04 PM",recruiter@examplecorp.example,555-000-1111,Examplecorp,'
        "Senior Backend Engineer,https://www.linkedin.com/jobs/view/4000000002/,resume.pdf,"
        '"Q: Salary? A: 120k"\n'
        "11/2/2026,,,Dataco,Data Engineer,,,\n"
    )
    outcome = import_csv(database, clock, _write(tmp_path, text))
    assert outcome.plan.dialect == "linkedin"
    assert outcome.plan.ignored_columns == ("Question And Answers",)
    records = export_records(database)
    assert [(r["company_name"], r["stage"], r["applied_on"]) for r in records] == [
        ("Examplecorp", "applied", "2026-08-15"),
        ("Dataco", "applied", "2026-11-02"),
    ]
    assert records[0]["source"] == "LinkedIn"
    assert records[0]["url"] == "https://www.linkedin.com/jobs/view/4000000002/"
    assert records[0]["notes"] == "Resume: resume.pdf"
    [contact] = records[0]["contacts"]
    assert (contact["name"], contact["email"], contact["phone"]) == (
        "recruiter",
        "recruiter@examplecorp.example",
        "555-000-1111",
    )
    assert records[0]["interactions"][0]["occurred_at"].startswith("2026-08-15")


def test_huntr_export_maps_lists_to_stages(database, clock: Clock, tmp_path: Path) -> None:
    def row(number: int, title: str, list_name: str, company: str) -> str:
        return (
            f"{number},2026-10-0{number}T10:00:00.000Z,{title},120000,Remote,"
            f"https://jobs.example/{number},jobs.example,<p>About the job</p>,,,"
            f"b1,l{number},{list_name},c{number},{company},{company.lower()}.example"
        )

    text = "\n".join(
        [
            HUNTR_HEADER,
            row(1, "Backend Engineer", "Wishlist", "Acme"),
            row(2, "SRE", "Applied", "Globex"),
            row(3, "Data Engineer", "Interview", "Initech"),
            row(4, "PM", "Offer", "Umbrella"),
            row(5, "QA", "Rejected", "Hooli"),
            row(6, "Designer", "Networking", "Pied Piper"),
        ]
    )
    outcome = import_csv(database, clock, _write(tmp_path, text))
    assert outcome.plan.dialect == "huntr"
    records = export_records(database)
    assert [r["stage"] for r in records] == [
        "wishlist", "applied", "interviewing", "offer", "rejected", "applied",
    ]  # fmt: skip
    assert records[0]["applied_on"] is None  # a wishlist entry was never applied to
    assert records[1]["applied_on"] == "2026-10-02"
    assert records[1]["salary"] == "120000"
    assert records[1]["source"] == "Huntr"
    assert outcome.new[5].remark == "list 'Networking' read as applied"
    assert "htmlDescription" in outcome.plan.ignored_columns


def test_generic_header_in_any_case_with_bom_and_semicolons(
    database, clock: Clock, tmp_path: Path
) -> None:
    text = "\ufeffCompany;Role;Stage;Priority\nAcme;Engineer;Screening;1\nGlobex;SRE;;\n"
    outcome = import_csv(database, clock, _write(tmp_path, text))
    assert outcome.plan.dialect == "jobhunt"
    records = export_records(database)
    assert [(r["company_name"], r["stage"], r["priority"]) for r in records] == [
        ("Acme", "screening", 1),
        ("Globex", "applied", 2),
    ]


def test_control_characters_are_stripped_on_the_way_in(
    database, clock: Clock, tmp_path: Path
) -> None:
    text = 'company,role,notes\n"Ev\x1b[31mil\x07 Corp",Engineer,"a\x1b]52;c;aGk=\x07b"\n'
    import_csv(database, clock, _write(tmp_path, text))
    [record] = export_records(database)
    assert record["company_name"] == "Ev[31mil Corp"
    assert "\x1b" not in record["notes"] and "\x07" not in record["notes"]


# Bad input: one clear message, nothing written


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("company,role,stage\nAcme,Eng,applied\nGlobex,SRE,sideways\n", "row 3, column 'stage'"),
        ("company,role,priority\nAcme,Eng,7\n", "row 2, column 'priority': '7' is not 1, 2 or 3"),
        ("company,role\nAcme,\n", "row 2, column 'role': must not be empty"),
        ("company,role,applied_on\nAcme,Eng,03/04/2026\n", "row 2, column 'applied_on'"),
        ("company,role,archived\nAcme,Eng,maybe\n", "row 2, column 'archived'"),
        (f"company,role,url\nAcme,Eng,{'x' * 2001}\n", "row 2, column 'url': is 2,001 characters"),
        ("company,role\nAcme,Eng,extra\n", "row 2 has 3 fields but the header has 2"),
        (f"{LINKEDIN_HEADER}\n31/12/26,,,Acme,Eng,,,\n", "row 2, column 'Application Date'"),
        ("name,title\nAcme,Eng\n", "unrecognised CSV header (name, title); accepted: jobhunt"),
        ("", "is empty"),
        ("company,role\nAc\x00me,Eng\n", "NUL bytes"),
    ],
)
def test_bad_files_name_the_problem_and_write_nothing(
    database, clock: Clock, tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ImportFileError) as raised:
        import_csv(database, clock, _write(tmp_path, text))
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert _count(database) == 0


def test_a_file_that_is_not_utf8_is_refused(database, clock: Clock, tmp_path: Path) -> None:
    path = _write(tmp_path, "company,role\nCafé,Eng\n", encoding="latin-1")
    with pytest.raises(ImportFileError, match="not UTF-8"):
        import_csv(database, clock, path)


def test_a_missing_file_is_refused(database, clock: Clock, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no such file"):
        import_csv(database, clock, tmp_path / "nope.csv")


def _nothing_stored(database: Database) -> None:
    tables = ("opportunity", "company", "contact", "interaction", "change_log")
    assert [_count(database, table) for table in tables] == [0, 0, 0, 0, 0]
    assert not marker_path(database.path).exists()


def test_a_failure_midway_rolls_back_every_row(
    database, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_import, "BATCH", 1)  # rows 2 and 3 are stored before row 4 fails
    with database.writing_sql("test setup", undoable=False) as conn:
        conn.execute(
            "CREATE TRIGGER fail_on_cy BEFORE INSERT ON contact WHEN NEW.name = 'Cy' "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    plan = parse_import_text("company,role,contacts\nA,One,Ann\nB,Two,Bo\nC,Three,Cy\n")
    seen: list[int] = []
    with pytest.raises(sqlite3.IntegrityError, match="disk full"):
        apply_plan(database, clock, plan, progress=lambda done, total: seen.append(done))
    assert seen == [0, 1, 2]
    _nothing_stored(database)


def test_an_interrupt_midway_rolls_back_every_row(
    database, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_import, "BATCH", 2)

    def interrupt(done: int, total: int) -> None:
        if done:  # ctrl+c after the first batch was stored
            raise KeyboardInterrupt

    plan = parse_import_text("company,role\nA,One\nB,Two\nC,Three\nD,Four\n")
    with pytest.raises(KeyboardInterrupt):
        apply_plan(database, clock, plan, progress=interrupt)
    _nothing_stored(database)


def test_progress_counts_the_new_rows(pipeline, database, clock: Clock, monkeypatch) -> None:
    monkeypatch.setattr(bulk_import, "BATCH", 2)
    pipeline.add(OpportunityInput(company="Acme", role="Engineer"))
    plan = parse_import_text("company,role\nAcme,Engineer\nB,Two\nC,Three\nD,Four\n")
    seen: list[tuple[int, int]] = []
    apply_plan(database, clock, plan, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 3), (2, 3), (3, 3)]
    assert _count(database) == 4


# Duplicates and dry run


def test_duplicates_are_skipped_and_counted(pipeline, database, clock: Clock) -> None:
    pipeline.add(OpportunityInput(company="ACME", role="backend  engineer"))
    plan = parse_import_text(
        "company,role\nAcme,Backend Engineer\nGlobex,SRE\nglobex,sre\nInitech,PM\n"
    )
    outcome = apply_plan(database, clock, plan)
    assert [row.number for row in outcome.duplicates] == [2, 4]
    assert [row.data.company for row in outcome.new] == ["Globex", "Initech"]
    assert _count(database) == 3


def test_dry_run_reports_and_writes_nothing(pipeline, database, clock: Clock) -> None:
    pipeline.add(OpportunityInput(company="Acme", role="Engineer"))
    plan = parse_import_text("company,role\nAcme,Engineer\nGlobex,SRE\n")
    outcome = apply_plan(database, clock, plan, dry_run=True)
    assert outcome.dry_run
    assert ([r.number for r in outcome.new], [r.number for r in outcome.duplicates]) == ([3], [2])
    assert (_count(database), _count(database, "interaction")) == (1, 1)
    assert preview(None, plan).new == plan.rows  # no database yet: everything is new


def test_blank_lines_are_skipped_but_rows_keep_their_numbers() -> None:
    plan = parse_import_text("company,role\n\nAcme,Eng\n,\nGlobex,SRE\n")
    assert [row.number for row in plan.rows] == [3, 5]


def test_imported_rows_log_applied_at_their_date(database, clock: Clock) -> None:
    plan = parse_import_text(
        "company,role,stage,applied_on\nA,One,applied,2026-10-01\nB,Two,wishlist,\n"
    )
    apply_plan(database, clock, plan)
    first, second = export_records(database)
    assert [i["occurred_at"] for i in first["interactions"]] == ["2026-10-01T12:00:00+00:00"]
    assert second["interactions"] == []


def test_size_limit(database, clock: Clock, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(csv_formats, "MAX_IMPORT_BYTES", 10)
    with pytest.raises(ImportFileError, match="at most"):
        import_csv(database, clock, _write(tmp_path, "company,role\nAcme,Eng\n"))
