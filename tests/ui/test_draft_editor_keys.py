"""ctrl+g in the draft pane: the body goes to $EDITOR and comes back as one undoable edit,
saved like typing; a failing or missing editor says why and changes nothing."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

import pytest

from jobhunt_tui.domain.models import FollowUpKind
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from tests.draft_seed import interviewed
from tests.ui.helpers import settle
from tests.ui.test_drafts import SIZE, open_from_board, stored_draft
from tests.ui.test_external_editor import FAKE_EDITOR


@pytest.fixture
def editor_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$EDITOR is the fake script; the hand-off's temp folder is one the test can see."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.setenv("FAKE_EDITOR_LOG", str(tmp_path / "log.json"))
    return folder


def toasts(app: JobhuntApp) -> str:
    """Every notification shown so far, whole (a toast wraps its text on screen)."""
    return "\n".join(toast.message for toast in app._notifications)


def can_suspend(app: JobhuntApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """The test terminal cannot be handed over; a real one can (`App.suspend`)."""
    monkeypatch.setattr(app, "suspend", nullcontext)


async def test_ctrl_g_round_trip_keeps_undo_and_saves(
    make_app: Callable[..., JobhuntApp],
    database: Database,
    clock,
    editor_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seeded = interviewed(database, clock)
    follow_up = seeded.follow_ups[FollowUpKind.THANK_YOU]
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        can_suspend(app, monkeypatch)
        editor = await open_from_board(pilot, app, seeded)
        before = editor.body.text
        assert before.startswith("Hi Ann,")
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert editor.body.text == before + "\nP.S. see you"
        assert "Body taken from the editor" in toasts(app)
        await pilot.pause(0.6)
        await settle(pilot)
        assert stored_draft(database, follow_up.id)["body"] == before + "\nP.S. see you"
        editor.body.focus()
        await pilot.press("ctrl+z")
        assert editor.body.text == before
    record = json.loads((tmp_path / "log.json").read_text(encoding="utf-8"))
    assert record["text"] == before
    assert record["file_mode"] == 0o600
    assert not Path(record["path"]).exists()
    assert list(editor_env.iterdir()) == []


async def test_ctrl_g_with_a_failing_editor_changes_nothing(
    make_app: Callable[..., JobhuntApp],
    database: Database,
    clock,
    editor_env: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FAKE_EDITOR_EXIT", "2")
    seeded = interviewed(database, clock)
    follow_up = seeded.follow_ups[FollowUpKind.THANK_YOU]
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        can_suspend(app, monkeypatch)
        editor = await open_from_board(pilot, app, seeded)
        before = editor.body.text
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert editor.body.text == before
        said = toasts(app)
        assert "exited with status 2" in said and "the draft is unchanged" in said
    assert stored_draft(database, follow_up.id)["body"] == before
    assert list(editor_env.iterdir()) == []


async def test_ctrl_g_without_an_editor_says_how_to_set_one(
    make_app: Callable[..., JobhuntApp],
    database: Database,
    clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VISUAL", "no-such-editor-jobhunt")
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        before = editor.body.text
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert editor.body.text == before
        assert "set $VISUAL or $EDITOR" in toasts(app)
