"""`jobhunt settings` and `jobhunt draft` the way a user runs them."""

from __future__ import annotations

import io
import stat
from email import policy
from email.parser import BytesParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from jobhunt_tui.domain import settings as rules
from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.services.settings import SettingsService
from jobhunt_tui.storage.database import Database
from tests.cli.helpers import FIXED_NOW, run_cli
from tests.drafts import BODY, NAME, SUBJECT, TO, thank_you, write_draft


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBHUNT_NOW", FIXED_NOW)


# settings


def test_settings_lists_every_key_with_its_value(capsys, db_path: Path) -> None:
    result = run_cli(capsys, db_path, "settings")
    assert result.exit_code == 0
    keys = [line.split()[0] for line in result.stdout.splitlines() if line[:1].strip()]
    assert keys == list(rules.KEYS)
    assert "send_at_hour                  10" in result.stdout
    assert "week_start                    monday" in result.stdout


def test_settings_shows_and_changes_one_key(capsys, db_path: Path) -> None:
    changed = run_cli(capsys, db_path, "settings", "follow_up_days", "10")
    assert (changed.exit_code, changed.stdout) == (0, "follow_up_days = 10 (was 7)\n")
    assert "planned follow-ups keep their dates" in changed.stderr
    shown = run_cli(capsys, db_path, "settings", "follow_up_days")
    assert shown.stdout == "10\n"
    week = run_cli(capsys, db_path, "settings", "week_start", "Sunday")
    assert week.stdout == "week_start = sunday (was monday)\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("min_gap_days", "0"), "jobhunt: min_gap_days: must be at least 1 day, not 0\n"),
        (("min_gap_days", "-3"), "jobhunt: min_gap_days: must be at least 1 day, not -3\n"),
        (("send_at_hour", "25"), "must be an hour of the day from 0 to 23, not 25"),
        (("your_email", "not-an-address"), "must be just an address"),
        (("gap", "3"), "unknown setting 'gap'; the settings are: your_name, your_email,"),
        (("gap",), "unknown setting 'gap'"),
    ],
)
def test_settings_bad_input_is_one_line_exit_2_and_writes_nothing(
    capsys, db_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = run_cli(capsys, db_path, "settings").stdout
    result = run_cli(capsys, db_path, "settings", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert run_cli(capsys, db_path, "settings").stdout == before


def test_signature_of_several_lines_from_stdin(
    capsys, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Zoë Ñandú\n+1 555 0100\n"))
    result = run_cli(capsys, db_path, "settings", "signature", "-")
    assert result.stdout == "signature = Zoë Ñandú ⏎ +1 555 0100 (was empty)\n"
    assert run_cli(capsys, db_path, "settings", "signature").stdout == "Zoë Ñandú\n+1 555 0100\n"
    listing = run_cli(capsys, db_path, "settings").stdout.splitlines()
    at = next(i for i, line in enumerate(listing) if line.startswith("signature"))
    assert listing[at + 1].strip() == "+1 555 0100"


def test_stored_control_characters_are_shown_as_symbols(capsys, db_path: Path) -> None:
    run_cli(capsys, db_path, "settings", "your_name", "Zoë\x1b[31m")
    assert run_cli(capsys, db_path, "settings", "your_name").stdout == "Zoë[31m\n"


def test_a_cli_change_is_what_the_services_read(capsys, db_path: Path, database: Database) -> None:
    run_cli(capsys, db_path, "settings", "idle_days", "21")
    assert SettingsService(database).read().idle_days == 21


# draft


@pytest.fixture
def drafted(database: Database, clock: Clock) -> int:
    """A thank-you with a stored draft, and the user's name and address set."""
    step = thank_you(database, clock)
    write_draft(database, step)
    settings = SettingsService(database)
    settings.change("your_name", NAME)
    settings.change("your_email", "zoe@example.com")
    return step.id


def test_draft_as_text_is_the_default(capsys, db_path: Path, drafted: int) -> None:
    result = run_cli(capsys, db_path, "draft", str(drafted))
    assert result.exit_code == 0
    assert result.stdout == f"To: {TO}\nSubject: {SUBJECT}\n\n{BODY}\n"
    assert run_cli(capsys, db_path, "draft", str(drafted), "--text").stdout == result.stdout


def test_draft_as_eml_file(capsys, db_path: Path, drafted: int, tmp_path: Path) -> None:
    target = tmp_path / "thanks.eml"
    result = run_cli(capsys, db_path, "draft", str(drafted), "--eml", str(target))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"wrote {target} (")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    message = BytesParser(policy=policy.default).parsebytes(target.read_bytes())
    assert (str(message["From"]), str(message["To"]), str(message["Subject"])) == (
        f"{NAME} <zoe@example.com>",
        TO,
        SUBJECT,
    )
    assert message.get_body().get_content().replace("\r\n", "\n") == BODY + "\n"


def test_draft_as_eml_on_standard_output(capsysbinary, db_path: Path, drafted: int) -> None:
    from jobhunt_tui.cli import main

    main(["--db", str(db_path), "draft", str(drafted), "--eml", "-"])
    data = capsysbinary.readouterr().out
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert (str(message["Subject"]), str(message["To"])) == (SUBJECT, TO)


def test_draft_as_mailto_link(capsys, db_path: Path, drafted: int) -> None:
    result = run_cli(capsys, db_path, "draft", str(drafted), "--mailto")
    link = result.stdout.strip()
    assert result.stdout.count("\n") == 1
    parts = urlsplit(link)
    assert (parts.scheme, parts.path) == ("mailto", "juergen@initech.example")
    fields = parse_qs(parts.query)
    assert (fields["subject"], fields["body"]) == ([SUBJECT], [BODY.replace("\n", "\r\n")])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("99",), "jobhunt: no follow-up with id 99\n"),
        (("{id}", "--mailto", "--text"), "choose one of --eml FILE, --mailto and --text"),
        (("{id}", "--eml", "{missing}"), "does not exist"),
        (("{id}", "--eml", "{folder}"), "is a folder"),
        (("abc",), "'abc' is not a valid integer"),
    ],
)
def test_draft_bad_input_exit_2(
    capsys, db_path: Path, drafted: int, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    filled = [
        a.format(id=drafted, missing=tmp_path / "nope" / "a.eml", folder=tmp_path) for a in args
    ]
    result = run_cli(capsys, db_path, "draft", *filled)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_draft_without_address_in_settings_says_how_to_set_it(
    capsys, db_path: Path, database: Database, clock: Clock, tmp_path: Path
) -> None:
    step = thank_you(database, clock)
    write_draft(database, step)
    result = run_cli(capsys, db_path, "draft", str(step.id), "--eml", str(tmp_path / "a.eml"))
    assert result.exit_code == 2
    assert "your_email: is not set" in result.stderr
    assert "jobhunt settings your_email VALUE" in result.stderr
    assert not (tmp_path / "a.eml").exists()


def test_follow_up_without_draft(capsys, db_path: Path, database: Database, clock: Clock) -> None:
    step = thank_you(database, clock)
    result = run_cli(capsys, db_path, "draft", str(step.id))
    assert result.exit_code == 2
    assert f"follow-up #{step.id} has no draft yet" in result.stderr
