"""Copying a draft for the send dialog: what lands on the clipboard, and what the note says."""

from __future__ import annotations

from collections.abc import Callable

from jobhunt_tui.domain.models import Channel, Draft
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.clipboard import copy_draft, fallback_line
from tests.conftest import NOW
from tests.drafts import BODY, SUBJECT, TO
from tests.ui.helpers import settle

EMAIL = Draft(id=3, channel=Channel.EMAIL, updated_at=NOW, to=TO, subject=SUBJECT, body=BODY)


async def test_copy_puts_subject_and_body_on_the_clipboard(
    make_app: Callable[..., JobhuntApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        note = copy_draft(app, EMAIL, 7, environ={"TERM_PROGRAM": "WezTerm"})
        copied = app.clipboard
    assert copied == f"To: {TO}\nSubject: {SUBJECT}\n\n{BODY}\n"
    first, second = note.splitlines()
    assert first == f"Copied the subject and body ({len(copied):,} characters) to the clipboard."
    assert second == "or: jobhunt draft 7 --text"


async def test_a_terminal_known_not_to_take_the_copy_gets_the_command_first(
    make_app: Callable[..., JobhuntApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        note = copy_draft(app, EMAIL, 7, environ={"TERM_PROGRAM": "Apple_Terminal"})
    assert note == (
        "macOS Terminal does not take copies from apps; to get the text, run:\n"
        "jobhunt draft 7 --text"
    )


class RecordingApp:
    def __init__(self) -> None:
        self.copied: list[str] = []

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)


def test_a_phone_script_is_copied_as_the_script() -> None:
    app = RecordingApp()
    script = Draft(id=4, channel=Channel.PHONE, updated_at=NOW, to="+1 555 0100", body="Hi!")
    note = copy_draft(app, script, 9, environ={})
    assert app.copied == ["Call: +1 555 0100\n\nHi!\n"]
    assert note.startswith("Copied the call script (")
    assert note.endswith(fallback_line(9))
