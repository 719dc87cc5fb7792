"""Issue 9's eight cases, as a new user types them, each on a fixed clock in Berlin."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import jobhunt_tui.cli.followups
import jobhunt_tui.cli.pipeline  # noqa: F401
from jobhunt_tui.domain.models import FollowUpKind
from tests.cli.helpers import Result, run_cli

TUESDAY = "2026-12-01T12:00:00+00:00"  # Tue 1 Dec 2026, 13:00 in Berlin


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBHUNT_TZ", "Europe/Berlin")
    monkeypatch.setenv("JOBHUNT_NOW", TUESDAY)


def _at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    monkeypatch.setenv("JOBHUNT_NOW", moment)


def _rows(db_path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    return result


def _id_of(db_path: Path, kind: str) -> str:
    [(found,)] = _rows(db_path, f"SELECT id FROM follow_up WHERE kind = '{kind}'")
    return str(found)


def test_1_a_back_dated_application_never_blocks_the_thank_you(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    added = _ok(run_cli(capsys, db_path, "add", "Acme", "Backend Engineer", "--applied-on", "-3w"))
    assert "(applied Tue 10 Nov 2026)" in added.stdout
    _ok(run_cli(capsys, db_path, "interview", "1", "--at", "yesterday 14:00"))
    assert _rows(db_path, "SELECT occurred_at FROM interaction WHERE kind = 'applied'") == [
        ("2026-11-10T11:00:00Z",)  # midday in Berlin on the day applied, not when typed
    ]
    # The follow-up is a week after the thank-you's suggested time, not pushed later.
    assert _rows(db_path, "SELECT due_at FROM follow_up WHERE kind = 'follow_up'") == [
        ("2026-12-07T09:00:00Z",)  # Mon 7 Dec 10:00 in Berlin
    ]
    done = _ok(run_cli(capsys, db_path, "done", _id_of(db_path, "thank_you")))
    assert done.stdout.startswith("#1 thank-you sent Tue 1 Dec 2026 13:00")
    assert "Too soon" not in done.stdout + done.stderr


def test_1_an_import_dates_the_application_on_its_date_column(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    linkedin = tmp_path / "Job Applications.csv"
    linkedin.write_text(
        "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,"
        'Resume Name,Question And Answers\n"11/10/26, 9:12 AM",,,Acme,Backend Engineer,,,\n',
        encoding="utf-8",
    )
    _ok(run_cli(capsys, db_path, "import", "csv", str(linkedin)))
    assert _rows(db_path, "SELECT occurred_at FROM interaction WHERE kind = 'applied'") == [
        ("2026-11-10T11:00:00Z",)
    ]


def test_2_a_follow_up_sent_before_the_interview_does_not_block_the_thank_you(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    _ok(run_cli(capsys, db_path, "add", "Acme", "Backend Engineer", "--applied-on", "-3w"))
    _ok(run_cli(capsys, db_path, "followup", "1", "--kind", "follow_up", "--due", "today"))
    early = _ok(run_cli(capsys, db_path, "done", "1", "--at", "5 days ago 10:00"))
    assert early.stdout.startswith("#1 follow-up sent Thu 26 Nov 2026 10:00")
    _ok(run_cli(capsys, db_path, "interview", "1", "--at", "today 09:00"))
    thank_you = run_cli(capsys, db_path, "done", _id_of(db_path, "thank_you"))
    assert _ok(thank_you).stderr == ""  # no pest-guard note at all


def test_3_answering_the_employer_the_same_day_is_not_pestering(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    _ok(run_cli(capsys, db_path, "add", "Acme", "Backend Engineer", "--applied-on", "-3d"))
    _ok(run_cli(capsys, db_path, "reply", "1", "--summary", "Could you send two references?"))
    planned = _ok(run_cli(capsys, db_path, "followup", "1", "--kind", "custom", "--due", "today"))
    assert planned.stderr == ""
    sent = _ok(run_cli(capsys, db_path, "done", "1"))
    assert sent.stderr == ""


def test_4_recording_a_send_is_never_refused_and_needs_no_force(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    _ok(run_cli(capsys, db_path, "add", "Acme", "Backend Engineer", "--applied-on", "-3w"))
    _ok(run_cli(capsys, db_path, "interview", "1", "--at", "last friday 14:00"))
    _ok(run_cli(capsys, db_path, "done", _id_of(db_path, "thank_you"), "--at", "last friday 17:00"))
    # The follow-up went out on Monday by other means, only three days after the thank-you.
    late = _ok(run_cli(capsys, db_path, "done", _id_of(db_path, "follow_up"), "--at", "monday"))
    assert late.stdout.startswith("#2 follow-up sent Mon 30 Nov 2026 09:00")
    assert late.stderr.startswith(
        "note: recorded as it happened. Too soon: the thank-you sent on Fri 27 Nov 2026"
    )
    assert _rows(db_path, "SELECT count(*) FROM interaction WHERE kind = 'follow_up'") == [(1,)]
    # --force is still accepted (scripts), and changes nothing.
    _ok(run_cli(capsys, db_path, "done", _id_of(db_path, "check_in"), "--force"))


def test_5_a_friday_interview_keeps_a_week_after_the_thank_you_at_the_send_at_hour(
    capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ok(run_cli(capsys, db_path, "add", "Acme", "Backend Engineer", "--applied-on", "-3w"))
    _ok(run_cli(capsys, db_path, "interview", "1", "--at", "friday 16:30"))  # Fri 4 Dec, late
    planned = _rows(db_path, "SELECT kind, due_at FROM follow_up ORDER BY due_at")
    assert planned == [
        ("thank_you", "2026-12-07T15:30:00Z"),  # Mon 7 Dec 16:30 (a weekend deadline)
        ("follow_up", "2026-12-14T09:00:00Z"),  # a week after: Mon 14 Dec 10:00
        ("check_in", "2026-12-21T09:00:00Z"),  # Mon 21 Dec 10:00
    ]


def test_5_a_monday_interview_plans_the_follow_up_seven_days_later(
    capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ok(run_cli(capsys, db_path, "add", "Acme", "Backend Engineer", "--applied-on", "-3w"))
    _ok(run_cli(capsys, db_path, "interview", "1", "--at", "monday 14:00"))  # Mon 7 Dec
    assert _rows(db_path, "SELECT due_at FROM follow_up WHERE kind = 'follow_up'") == [
        ("2026-12-14T09:00:00Z",)
    ]


def test_5_a_due_date_typed_late_at_night_lands_at_the_send_at_hour(
    capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ok(run_cli(capsys, db_path, "add", "Acme", "Backend Engineer", "--applied-on", "-3w"))
    _at(monkeypatch, "2026-12-01T20:22:00+00:00")  # 21:22 in Berlin
    planned = _ok(run_cli(capsys, db_path, "followup", "1", "--kind", "custom", "--due", "+3d"))
    assert "for Fri 4 Dec 2026 10:00" in planned.stdout


def test_6_date_words_resolve_the_way_the_field_faces_and_show_it(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    _ok(run_cli(capsys, db_path, "add", "Acme", "Backend Engineer", "--applied-on", "-3w"))
    interview = _ok(run_cli(capsys, db_path, "interview", "1", "--at", "friday 14:00"))
    assert interview.stdout.startswith("logged interview #2 on #1 at Fri 4 Dec 2026 14:00")
    since_monday = _ok(run_cli(capsys, db_path, "report", "--since", "monday"))
    assert since_monday.stderr.startswith("report from 2026-11-30 to 2026-12-01")
    two_weeks = _ok(run_cli(capsys, db_path, "report", "--since", "-2w"))
    assert two_weeks.stderr.startswith("report from 2026-11-17 to 2026-12-01")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("interview", "1", "--at", "1999-06-01 10:00"), "is before 2000"),
        (
            ("interview", "1", "--at", "2024-06-01 10:00"),
            "more than a year before the application (2026-11-10)",
        ),
        (("interview", "1", "--at", "friday 10:00", "--decision-by", "9999-12-31"), "years ahead"),
        (("add", "Globex", "SRE", "--decision-by", "9999-12-31"), "more than 2 years ahead"),
        (("add", "Globex", "SRE", "--applied-on", "tomorrow"), "is in the future"),
        (("reply", "1", "--at", "x" * 500), "cannot read"),
    ],
)
def test_6_dates_that_make_no_sense_are_refused_clearly_and_write_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, args: tuple[str, ...], message: str
) -> None:
    _ok(run_cli(capsys, db_path, "add", "Acme", "Backend Engineer", "--applied-on", "-3w"))
    before = _rows(
        db_path, "SELECT (SELECT count(*) FROM interaction), (SELECT count(*) FROM opportunity)"
    )
    refused = run_cli(capsys, db_path, *args)
    assert refused.exit_code == 2
    assert message in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "x" * 81 not in refused.stderr
    after = _rows(
        db_path, "SELECT (SELECT count(*) FROM interaction), (SELECT count(*) FROM opportunity)"
    )
    assert after == before


def test_7_logging_an_interview_moves_the_card_to_interviewing(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    _ok(run_cli(capsys, db_path, "add", "Acme", "Backend Engineer", "--applied-on", "-3w"))
    _ok(run_cli(capsys, db_path, "interview", "1", "--at", "yesterday 14:00"))
    assert _rows(db_path, "SELECT stage FROM opportunity") == [("interviewing",)]
    assert _rows(db_path, "SELECT summary FROM interaction WHERE kind = 'stage_change'") == [
        ("Applied → Interviewing",)
    ]
    listed = _ok(run_cli(capsys, db_path, "list"))
    assert "interviewing" in listed.stdout


def test_8_a_custom_follow_up_reads_the_same_everywhere(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    _ok(run_cli(capsys, db_path, "add", "Acme", "Backend Engineer", "--applied-on", "-3w"))
    planned = _ok(run_cli(capsys, db_path, "followup", "1", "--kind", "custom", "--due", "+1d"))
    assert FollowUpKind.CUSTOM.label == "custom follow-up"
    assert FollowUpKind.CUSTOM.label in planned.stdout
    agenda = _ok(run_cli(capsys, db_path, "agenda"))
    assert FollowUpKind.CUSTOM.label in agenda.stdout
    shown = _ok(run_cli(capsys, db_path, "show", "1"))
    assert FollowUpKind.CUSTOM.label in shown.stdout
