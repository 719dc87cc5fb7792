"""interview, reply, followup, done, snooze, agenda, report and export ics on the command line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from icalendar import Calendar

import jobhunt_tui.cli.followups  # noqa: F401  (registers the commands)
from tests.cli.helpers import FIXED_NOW, Result, run_cli

# FIXED_NOW is Friday 2026-11-20 12:00 UTC: 13:00 in Berlin.


@pytest.fixture(autouse=True)
def fixed_now_and_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBHUNT_NOW", FIXED_NOW)
    monkeypatch.setenv("JOBHUNT_TZ", "Europe/Berlin")


def _rows(db_path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _counts(db_path: Path) -> tuple[int, int, str | None]:
    [(interactions, follow_ups, decision)] = _rows(
        db_path,
        "SELECT (SELECT count(*) FROM interaction), (SELECT count(*) FROM follow_up), "
        "(SELECT max(expected_decision_on) FROM opportunity)",
    )
    return interactions, follow_ups, decision


@pytest.fixture
def acme(capsys: pytest.CaptureFixture[str], db_path: Path) -> int:
    assert run_cli(capsys, db_path, "add", "Acme", "Backend Engineer").exit_code == 0
    return 1


def _planned(db_path: Path) -> list[tuple[str, str]]:
    return _rows(
        db_path,
        "SELECT kind, due_at FROM follow_up WHERE status = 'planned' ORDER BY due_at, id",
    )


def test_interview_plans_the_cadence(capsys, db_path: Path, acme: int) -> None:
    result = run_cli(
        capsys,
        db_path,
        "interview",
        "1",
        "--at",
        "friday 14:00",  # today is Friday: the next Friday
        "--decision-by",
        "2026-12-04",
        "--with",
        "Ann Lee",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "logged interview #2 on #1 at Fri 27 Nov 2026 14:00; planned:",
        "  #1     thank-you  email  due Mon 30 Nov 2026 14:00",
        "  #2     follow-up  email  due Tue 8 Dec 2026 10:00",
        "  #3     check-in   email  due Tue 15 Dec 2026 10:00",
        "  send the thank-you Fri 27 Nov 2026 16:00–18:00; short is fine",
    ]
    assert _planned(db_path) == [
        ("thank_you", "2026-11-30T13:00:00Z"),
        ("follow_up", "2026-12-08T09:00:00Z"),
        ("check_in", "2026-12-15T09:00:00Z"),
    ]
    assert _rows(db_path, "SELECT expected_decision_on FROM opportunity") == [("2026-12-04",)]
    assert _rows(db_path, "SELECT name FROM contact") == [("Ann Lee",)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--at", "2026-13-01"), "--at: '2026-13-01' is not a real date"),
        (("--at", "04/03/2026"), "--at: '04/03/2026' is ambiguous"),
        (("--at", "2026-03-29 02:30"), "does not exist in Europe/Berlin"),
        (("--at", "2026-10-25 02:30"), "happens twice in Europe/Berlin"),
        (("--at", "soon"), "use YYYY-MM-DD"),
        (("--at", "today 14:00", "--decision-by", "next month"), "--decision-by: cannot read"),
        (("--at", "today 14:00", "--decision-by", "2026-11-01"), "is before the interview"),
        ((), "Missing option '--at'"),
    ],
)
def test_bad_interview_input_is_one_line_exit_2_and_nothing_written(
    capsys, db_path: Path, acme: int, args: tuple[str, ...], message: str
) -> None:
    before = _counts(db_path)
    result = run_cli(capsys, db_path, "interview", "1", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("jobhunt: ")
    assert message in result.stderr
    assert _counts(db_path) == before


def test_unknown_ids_are_refused(capsys, db_path: Path, acme: int) -> None:
    for args, message in (
        (("interview", "9", "--at", "today 15:00"), "no opportunity with id 9"),
        (("reply", "9"), "no opportunity with id 9"),
        (("done", "9"), "no follow-up with id 9"),
        (("snooze", "9"), "no follow-up with id 9"),
    ):
        result = run_cli(capsys, db_path, *args)
        assert (result.exit_code, result.stderr.strip()) == (2, f"jobhunt: {message}")


def test_reply_cancels_and_says_how_many(capsys, db_path: Path, acme: int) -> None:
    run_cli(capsys, db_path, "interview", "1", "--at", "today 10:00")
    result = run_cli(capsys, db_path, "reply", "1", "--summary", "Second round!")
    assert result.stdout.strip() == (
        "logged the reply on #1 at Fri 20 Nov 2026 13:00; cancelled 3 planned follow-ups"
    )
    assert _planned(db_path) == []
    assert _rows(db_path, "SELECT kind, summary FROM interaction ORDER BY id DESC LIMIT 1") == [
        ("email_in", "Second round!")
    ]
    again = run_cli(capsys, db_path, "reply", "1", "--phone")
    assert again.stdout.strip() == (
        "logged the reply on #1 at Fri 20 Nov 2026 13:00; no follow-ups were planned"
    )


def test_followup_is_guarded_and_force_overrides(capsys, db_path: Path, acme: int) -> None:
    refused = run_cli(capsys, db_path, "followup", "1", "--kind", "custom", "--due", "+3d")
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (
        "jobhunt: Too soon: the application sent on Fri 20 Nov 2026 is less than 7 days from "
        "Mon 23 Nov 2026. The earliest polite date is Fri 27 Nov 2026. Plan it on Fri 27 Nov "
        '2026: jobhunt followup 1 --kind custom --due "2026-11-27 10:00"; or use --force to '
        "plan it anyway."
    )
    assert _planned(db_path) == []

    polite = run_cli(
        capsys, db_path, "followup", "1", "--kind", "check_in", "--due", "+1w", "--channel", "phone"
    )
    assert polite.exit_code == 0 and polite.stderr == ""
    assert polite.stdout.splitlines()[1] == "  #1     check-in   phone  due Fri 27 Nov 2026 10:00"

    forced = run_cli(
        capsys, db_path, "followup", "1", "--kind", "custom", "--due", "+3d", "--force"
    )
    assert forced.exit_code == 0
    assert forced.stderr.startswith("warning (forced): Too soon:")
    assert len(_planned(db_path)) == 2

    bad_kind = run_cli(capsys, db_path, "followup", "1", "--kind", "nag", "--due", "+9d")
    assert bad_kind.exit_code == 2 and "'nag' is not one of" in bad_kind.stderr


def test_done_and_snooze(capsys, db_path: Path, acme: int) -> None:
    run_cli(capsys, db_path, "interview", "1", "--at", "today 10:00")
    done = run_cli(capsys, db_path, "done", "1")
    assert done.exit_code == 0, done.stderr
    # Sent the day it was suggested: the follow-up a week later stays where it was.
    assert done.stdout.splitlines() == ["#1 thank-you sent Fri 20 Nov 2026 13:00"]
    assert _rows(db_path, "SELECT kind, direction FROM interaction ORDER BY id DESC LIMIT 1") == [
        ("thank_you", "out")
    ]
    snoozed = run_cli(capsys, db_path, "snooze", "2", "--days", "3")
    assert snoozed.stdout.splitlines() == [
        "#2 follow-up now due Mon 30 Nov 2026 10:00",
        "re-planned:",
        "  #3     check-in   email  due Mon 7 Dec 2026 10:00",
    ]
    default = run_cli(capsys, db_path, "snooze", "3")
    assert default.stdout.splitlines()[0] == "#3 check-in now due Tue 8 Dec 2026 10:00"
    bad = run_cli(capsys, db_path, "snooze", "3", "--days", "0")
    assert (bad.exit_code, bad.stderr.strip()) == (2, "jobhunt: days: must be between 1 and 365")
    # Sent already, the same day as the thank-you: recorded as it happened, with a note.
    early = run_cli(capsys, db_path, "done", "2")
    assert early.exit_code == 0
    assert early.stdout.splitlines()[0] == "#2 follow-up sent Fri 20 Nov 2026 13:00"
    assert early.stderr.startswith("note: recorded as it happened. Too soon: the ")
    twice = run_cli(capsys, db_path, "done", "1")
    assert (twice.exit_code, twice.stderr.strip()) == (
        2,
        "jobhunt: follow-up: #1 is already recorded as sent",
    )


def test_agenda_text_and_json(capsys, db_path: Path, acme: int) -> None:
    run_cli(capsys, db_path, "interview", "1", "--at", "2026-11-18 10:00")
    text = run_cli(capsys, db_path, "agenda")
    assert text.exit_code == 0
    lines = text.stdout.splitlines()
    assert lines[0] == "Agenda for Fri 20 Nov 2026 (next 14 days)"
    assert "Overdue (1)" in lines
    assert any(
        "thank-you" in line and "Acme — Backend Engineer" in line and "1 day late" in line
        for line in lines
    )
    assert "Today: nothing" in lines
    assert (
        "Search health: Only 1 active opportunity (aim for at least 2): add a backup to keep "
        "the search going." in lines
    )

    data = json.loads(run_cli(capsys, db_path, "agenda", "--json", "--days", "7").stdout)
    assert data["today"] == "2026-11-20"
    assert [(i["kind"], i["due"]) for i in data["overdue"]] == [("thank_you", "1 day late")]
    assert [i["kind"] for i in data["upcoming"]] == ["follow_up"]
    assert data["health"] == {
        "active": 1,
        "floor": 2,
        "below_floor": True,
        "message": "Only 1 active opportunity (aim for at least 2): add a backup to keep the "
        "search going.",
    }
    # The last 8 weeks, as the calendar's progress strip shows them.
    assert [w["week_start"] for w in data["weekly"]] == [
        "2026-09-28",
        "2026-10-05",
        "2026-10-12",
        "2026-10-19",
        "2026-10-26",
        "2026-11-02",
        "2026-11-09",
        "2026-11-16",
    ]
    assert data["weekly"][-1] == {
        "week_start": "2026-11-16",
        "applications": 1,
        "follow_ups_sent": 0,
        "interviews": 1,
    }
    bad = run_cli(capsys, db_path, "agenda", "--days", "999")
    assert bad.exit_code == 2


def test_stored_text_is_shown_safely(capsys, db_path: Path) -> None:
    run_cli(capsys, db_path, "add", "Evil\x1b]52;c;eA==\x07Corp", "Dev")
    run_cli(capsys, db_path, "followup", "1", "--kind", "custom", "--due", "+1w")
    text = run_cli(capsys, db_path, "agenda").stdout
    assert "\x1b" not in text and "\x07" not in text


def test_report_to_stdout_markdown_and_to_an_html_file(
    capsys, db_path: Path, acme: int, tmp_path: Path
) -> None:
    run_cli(capsys, db_path, "interview", "1", "--at", "2026-11-18 10:00")
    run_cli(capsys, db_path, "move", "1", "interviewing")
    markdown = run_cli(capsys, db_path, "report", "--since", "2026-11-01")
    assert markdown.exit_code == 0
    assert markdown.stdout.startswith("# Job search record: 2026-11-01 to 2026-11-20\n")
    assert "| 2026-11-18 10:00 | Acme | Backend Engineer | Interview |" in markdown.stdout

    target = tmp_path / "record.html"
    written = run_cli(capsys, db_path, "report", "--since", "+0d", "-o", str(target))
    assert (written.exit_code, written.stderr.strip()) == (
        0,
        f"report from 2026-11-20 to 2026-11-20\nwrote {target}",
    )
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Stage change" in page
    assert "Interview</td>" not in page  # the 18th is outside --since today

    bad = run_cli(capsys, db_path, "report", "--since", "2026-11-10", "--until", "2026-11-01")
    assert (bad.exit_code, bad.stderr.strip()) == (
        2,
        "jobhunt: --until: 2026-11-01 is before --since 2026-11-10",
    )
    assert run_cli(capsys, db_path, "report").exit_code == 2


def _uids(data: str | bytes) -> list[str]:
    calendar = Calendar.from_ical(data)
    return sorted(str(c["UID"]) for c in calendar.walk() if "UID" in c)


def test_export_ics_twice_gives_the_same_uids(
    capsys, db_path: Path, acme: int, tmp_path: Path
) -> None:
    run_cli(capsys, db_path, "interview", "1", "--at", "2026-11-18 10:00")
    first = tmp_path / "first.ics"
    result: Result = run_cli(capsys, db_path, "export", "ics", "-o", str(first))
    assert result.exit_code == 0, result.stderr
    stdout = run_cli(capsys, db_path, "export", "ics").stdout
    uids = _uids(first.read_bytes())
    assert uids == [
        "followup-1@jobhunt",
        "followup-2@jobhunt",
        "followup-3@jobhunt",
        "interview-2@jobhunt",
    ]
    assert _uids(stdout) == uids
    run_cli(capsys, db_path, "snooze", "2")
    assert _uids(run_cli(capsys, db_path, "export", "ics").stdout) == uids


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("followup", "1", "--kind", "custom", "--due", "yesterday"),
            "due: Thu 19 Nov 2026 is in the past",
        ),
        (("followup", "1", "--kind", "custom", "--due", "31/12/2026"), "is ambiguous"),
        (("followup", "1", "--kind", "custom"), "Missing option '--due'"),
        (("done", "1", "--at", "tomorrow 09:00"), "cannot be sent in the future"),
        (("done", "1", "--at", "2026-02-30"), "is not a real date"),
        (("reply", "1", "--at", "2026-11-20 25:00"), "is not a real time"),
    ],
)
def test_bad_follow_up_input_writes_nothing(
    capsys, db_path: Path, acme: int, args: tuple[str, ...], message: str
) -> None:
    run_cli(capsys, db_path, "interview", "1", "--at", "today 10:00")
    before = (_counts(db_path), _planned(db_path))
    result = run_cli(capsys, db_path, *args)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr
    assert (_counts(db_path), _planned(db_path)) == before
