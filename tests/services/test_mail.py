"""Drafts out of the app: the .eml parses back to the same message, the mailto: link to the
same fields, and files are written whole with mode 0600."""

from __future__ import annotations

import os
import stat
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.errors import NotFoundError, ValidationError
from jobhunt_tui.domain.models import Channel, Draft
from jobhunt_tui.services.file_output import OutputError
from jobhunt_tui.services.mail import MailService, mailto_link, plain_text
from jobhunt_tui.services.private_file import write_private_file
from jobhunt_tui.services.settings import SettingsService
from jobhunt_tui.storage.database import Database
from tests.conftest import NOW
from tests.drafts import BODY, NAME, SUBJECT, TO, thank_you, write_draft


@pytest.fixture
def mail(database: Database, clock: Clock) -> MailService:
    settings = SettingsService(database)
    settings.change("your_name", NAME)
    settings.change("your_email", "zoe@example.com")
    return MailService(database, clock)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the files written (the database lives in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def parsed(data: bytes) -> EmailMessage:
    return BytesParser(policy=policy.default).parsebytes(data)


def test_eml_parses_back_to_the_same_message(
    mail: MailService, database: Database, clock: Clock, out: Path
) -> None:
    step = thank_you(database, clock)
    write_draft(database, step)
    saved = mail.save_eml(step.id, out / "thanks.eml")

    data = saved.path.read_bytes()
    assert saved.size == len(data)
    message = parsed(data)
    assert str(message["From"]) == f"{NAME} <zoe@example.com>"
    assert message["From"].addresses[0].display_name == NAME
    assert str(message["To"]) == TO
    assert str(message["Subject"]) == SUBJECT
    assert message["Date"].datetime == NOW.datetime
    assert message["Message-ID"].endswith("@example.com>")
    body = message.get_body()
    assert body.get_content_charset() == "utf-8"
    # Written with CRLF line ends (RFC 5322), so the parser hands them back as such.
    assert body.get_content() == BODY.replace("\n", "\r\n") + "\r\n"
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert data.isascii() is False  # the UTF-8 body is stored as 8-bit text, not mangled


def test_eml_file_is_private_and_written_whole(
    mail: MailService, database: Database, clock: Clock, out: Path
) -> None:
    step = thank_you(database, clock)
    write_draft(database, step)
    target = out / "thanks.eml"
    target.write_text("an older file, readable by all")
    os.chmod(target, 0o644)

    mail.save_eml(step.id, target)

    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in out.iterdir()) == ["thanks.eml"]  # no temp file left
    assert parsed(target.read_bytes())["Subject"] == SUBJECT


def test_international_domain_is_written_in_its_ascii_form(
    mail: MailService, database: Database, clock: Clock, out: Path
) -> None:
    step = thank_you(database, clock)
    write_draft(database, step, to="Jürgen <juergen@bücher.example>")
    data = mail.save_eml(step.id, out / "a.eml").path.read_bytes()
    message = parsed(data)
    [address] = message["To"].addresses
    assert (address.display_name, address.addr_spec) == (
        "Jürgen",
        "juergen@xn--bcher-kva.example",
    )
    assert str(message["Subject"]) == SUBJECT


def test_non_ascii_user_part_is_written_as_utf8_headers(
    mail: MailService, database: Database, clock: Clock, out: Path
) -> None:
    step = thank_you(database, clock)
    write_draft(database, step, to="jürgen@initech.example")
    data = mail.save_eml(step.id, out / "a.eml").path.read_bytes()
    assert "To: jürgen@initech.example\r\n".encode() in data  # RFC 6532, not an encoded word


def test_mailto_parses_back_to_the_same_fields(
    mail: MailService, database: Database, clock: Clock
) -> None:
    step = thank_you(database, clock)
    write_draft(database, step, to=f"{TO}, ann@initech.example")
    link = mail.mailto(step.id)

    assert link.isascii()
    assert "%0D%0A" in link
    assert "+" not in link and " " not in link
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    assert unquote(parts.path).split(",") == ["juergen@initech.example", "ann@initech.example"]
    fields = parse_qs(parts.query, strict_parsing=True)
    assert fields["subject"] == [SUBJECT]
    assert fields["body"] == [BODY.replace("\n", "\r\n")]


def test_mailto_without_address_or_subject() -> None:
    draft = Draft(id=1, channel=Channel.EMAIL, updated_at=NOW, body="Hi")
    assert mailto_link(draft) == "mailto:?body=Hi"


def test_text_holds_to_subject_and_body(
    mail: MailService, database: Database, clock: Clock
) -> None:
    step = thank_you(database, clock)
    write_draft(database, step)
    assert mail.text(step.id) == f"To: {TO}\nSubject: {SUBJECT}\n\n{BODY}\n"


def test_phone_script_is_text_only(
    mail: MailService, database: Database, clock: Clock, out: Path
) -> None:
    step = thank_you(database, clock)
    write_draft(database, step, channel=Channel.PHONE, to="+1 555 0100", subject="", body="Hi!")
    assert mail.text(step.id) == "Call: +1 555 0100\n\nHi!\n"
    for attempt in (lambda: mail.mailto(step.id), lambda: mail.save_eml(step.id, out / "x")):
        with pytest.raises(ValidationError, match="call script has no email form"):
            attempt()
    assert list(out.iterdir()) == []


def test_missing_address_in_settings_is_a_clear_refusal(
    database: Database, clock: Clock, out: Path
) -> None:
    step = thank_you(database, clock)
    write_draft(database, step)
    with pytest.raises(ValidationError) as caught:
        MailService(database, clock).save_eml(step.id, out / "a.eml")
    assert caught.value.field == "your_email"
    assert "jobhunt settings your_email VALUE" in caught.value.message
    assert list(out.iterdir()) == []


def test_a_to_that_is_not_an_address_is_refused(
    mail: MailService, database: Database, clock: Clock
) -> None:
    step = thank_you(database, clock)
    write_draft(database, step, to="Jürgen at Initech")
    with pytest.raises(ValidationError) as caught:
        mail.message(step.id)
    assert caught.value.field == "to"
    with pytest.raises(ValidationError):
        mail.mailto(step.id)


def test_unknown_follow_up_and_missing_draft_say_which(
    mail: MailService, database: Database, clock: Clock
) -> None:
    with pytest.raises(NotFoundError, match="no follow-up with id 99"):
        mail.text(99)
    step = thank_you(database, clock)
    with pytest.raises(NotFoundError, match=f"follow-up #{step.id} has no draft yet"):
        mail.text(step.id)


def test_plain_text_of_an_email_without_address() -> None:
    draft = Draft(id=1, channel=Channel.EMAIL, updated_at=NOW, subject="Hi", body="Body\n")
    assert plain_text(draft) == "Subject: Hi\n\nBody\n"


def test_private_file_refuses_folders_and_missing_folders(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="is a folder"):
        write_private_file(tmp_path, b"x")
    with pytest.raises(ValidationError, match="does not exist"):
        write_private_file(tmp_path / "nope" / "a.eml", b"x")


def test_private_file_leaves_no_temp_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.eml"
    target.write_bytes(b"old")

    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="disk full; it is unchanged"):
        write_private_file(target, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.eml"]
    assert target.read_bytes() == b"old"
