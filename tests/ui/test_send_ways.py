"""The send dialog's ways out: copy, open in the mail app, save as .eml. After each the
dialog stays open and enter still marks the follow-up sent."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Callable
from email import policy
from email.parser import BytesParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from jobhunt_tui.domain.models import FollowUpKind
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.services.settings import SettingsService
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui import mail_app
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens.send import SendDialog
from tests.draft_seed import ANN_EMAIL, interviewed, make_phone
from tests.ui.helpers import screen_text, settle
from tests.ui.test_drafts import SIZE, open_from_board

YOU = "Zoë Ñandú"
YOUR_EMAIL = "zoe@example.org"


def with_address(database: Database, clock) -> None:  # type: ignore[no-untyped-def]
    """Your name with accents and your address, as the From line needs them."""
    current = SettingsService(database).read()
    PipelineService(database, clock).save_settings(
        current._replace(your_name=YOU, your_email=YOUR_EMAIL)
    )


def follow_up_status(database: Database, follow_up_id: int) -> str:
    with database.reading() as conn:
        row = conn.execute("SELECT status FROM follow_up WHERE id = ?", (follow_up_id,))
        return str(row.fetchone()[0])


async def open_send(pilot, app: JobhuntApp, seeded, typed: str) -> None:  # type: ignore[no-untyped-def]
    editor = await open_from_board(pilot, app, seeded)
    editor.body.insert(typed)  # as a paste would (emoji are not keys the pilot can press)
    await pilot.pause()
    await pilot.press("ctrl+o")
    await settle(pilot)
    assert isinstance(app.screen, SendDialog)


async def test_copy_then_enter_still_marks_sent(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    thank_you = seeded.follow_ups[FollowUpKind.THANK_YOU].id
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_send(pilot, app, seeded, " Talk soon 🎉")
        assert "Copy the text to the clipboard" in screen_text(app)
        await pilot.press("c")
        await settle(pilot)
        copied = app.clipboard
        assert copied.startswith(f"To: {ANN_EMAIL}\nSubject: Thank you: Product Manager")
        assert copied.rstrip().endswith("Talk soon 🎉")
        shown = screen_text(app)
        assert "Copied the subject and body" in shown
        assert f"jobhunt draft {thank_you} --text" in shown
        assert isinstance(app.screen, SendDialog)
        assert follow_up_status(database, thank_you) == "planned"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SendDialog)
    assert follow_up_status(database, thank_you) == "done"


async def test_open_in_the_mail_app_hands_over_a_mailto_link(
    make_app: Callable[..., JobhuntApp], database: Database, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[list[str]] = []
    monkeypatch.setattr(mail_app, "opener", lambda environ=None: ["/usr/bin/xdg-open"])
    monkeypatch.setattr(mail_app, "_launch", opened.append)
    seeded = interviewed(database, clock)
    thank_you = seeded.follow_ups[FollowUpKind.THANK_YOU].id
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_send(pilot, app, seeded, " Grüße 🙏")
        await pilot.press("m")
        await settle(pilot)
        assert "Opened in your mail app" in screen_text(app)
        [command] = opened
        assert command[0] == "/usr/bin/xdg-open"
        link = urlsplit(command[1])
        assert link.scheme == "mailto" and unquote(link.path) == ANN_EMAIL
        fields = parse_qs(link.query)
        assert fields["subject"] == ["Thank you: Product Manager interview"]
        assert fields["body"][0].endswith("Grüße 🙏")
        assert "\r\n" in fields["body"][0]
        await pilot.press("enter")
        await settle(pilot)
    assert follow_up_status(database, thank_you) == "done"


async def test_without_a_mail_handler_it_says_how_else(
    make_app: Callable[..., JobhuntApp], database: Database, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mail_app, "opener", lambda environ=None: None)
    seeded = interviewed(database, clock)
    thank_you = seeded.follow_ups[FollowUpKind.THANK_YOU].id
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_send(pilot, app, seeded, "")
        await pilot.press("m")
        await settle(pilot)
        shown = screen_text(app)
        assert "No mail handler on this system" in shown
        assert f"jobhunt draft {thank_you} --mailto" in shown
        assert isinstance(app.screen, SendDialog)


async def test_save_eml_writes_a_private_message_here_that_parses_back(
    make_app: Callable[..., JobhuntApp],
    database: Database,
    clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    (here / "initech-thank-you.eml").write_bytes(b"an older file")
    monkeypatch.chdir(here)
    seeded = interviewed(database, clock)
    with_address(database, clock)
    thank_you = seeded.follow_ups[FollowUpKind.THANK_YOU].id
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_send(pilot, app, seeded, " Danke 🎉")
        await pilot.press("s")
        await settle(pilot)
        target = here / "initech-thank-you-2.eml"
        said = str(app.screen.query_one("#send-result").render())
        assert "Saved" in said and "readable by you only" in said, said
        assert isinstance(app.screen, SendDialog)
        await pilot.press("enter")
        await settle(pilot)
    assert follow_up_status(database, thank_you) == "done"
    assert (here / "initech-thank-you.eml").read_bytes() == b"an older file"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    message = BytesParser(policy=policy.default).parsebytes(target.read_bytes())
    assert message["From"].addresses[0].display_name == YOU
    assert message["From"].addresses[0].addr_spec == YOUR_EMAIL
    assert message["To"].addresses[0].addr_spec == ANN_EMAIL
    assert message["Subject"] == "Thank you: Product Manager interview"
    assert message.get_content().rstrip().endswith("Danke 🎉")  # CRLF in the file
    assert sorted(p.name for p in here.iterdir()) == ["initech-thank-you-2.eml",
                                                     "initech-thank-you.eml"]  # fmt: skip


async def test_save_eml_without_your_address_says_why_and_writes_nothing(
    make_app: Callable[..., JobhuntApp],
    database: Database,
    clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_send(pilot, app, seeded, "")
        await pilot.press("s")
        await settle(pilot)
        assert "Not done:" in screen_text(app)
        assert isinstance(app.screen, SendDialog)
    assert list(tmp_path.glob("*.eml")) == []


async def test_a_call_can_only_be_copied(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    make_phone(database, seeded.follow_ups[FollowUpKind.THANK_YOU].id)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_send(pilot, app, seeded, "")
        shown = screen_text(app)
        assert "Copy the text" in shown
        assert "mail app" not in shown and ".eml" not in shown
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard.startswith("Hi Ann, it's Sam Rivera")
        assert "Copied the call script" in screen_text(app)


async def test_the_palette_saves_the_open_draft_as_eml(
    make_app: Callable[..., JobhuntApp],
    database: Database,
    clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    seeded = interviewed(database, clock)
    with_address(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        editor.body.insert(" Bis bald 👋")
        await pilot.pause()
        await pilot.press("ctrl+p", *"Save draft as")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
    [written] = tmp_path.glob("*.eml")
    assert written.name == "initech-thank-you.eml"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    message = BytesParser(policy=policy.default).parsebytes(written.read_bytes())
    assert message["To"].addresses[0].addr_spec == ANN_EMAIL
    assert message.get_content().rstrip().endswith("Bis bald 👋")


async def test_save_eml_on_an_unreadable_data_file_says_so(
    make_app: Callable[..., JobhuntApp],
    database: Database,
    clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    seeded = interviewed(database, clock)
    with_address(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_send(pilot, app, seeded, "")

        def unreadable(*args: object) -> None:
            raise sqlite3.DatabaseError("file is not a database")

        monkeypatch.setattr(app.services.mail, "save_eml_beside", unreadable)
        await pilot.press("s")
        await settle(pilot)
        messages = [notification.message for notification in app._notifications]
        assert isinstance(app.screen, SendDialog)  # still open: enter can still mark it sent
    assert any("data file is not a database" in m for m in messages), messages
    assert list(tmp_path.glob("*.eml")) == []
