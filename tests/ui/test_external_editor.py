"""$EDITOR hand-off with a fake editor script: the text comes back, the file was private and
is gone, and a failing or missing editor changes nothing."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import TextArea

from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.external_editor import (
    EditorFailed,
    apply_as_edit,
    edit_externally,
    editor_command,
)
from tests.ui.helpers import settle

FAKE_EDITOR = """\
import json, os, stat, sys
path = sys.argv[-1]
folder = os.path.dirname(path)
with open(path, encoding="utf-8") as file:
    text = file.read()
record = {
    "path": path,
    "argv": sys.argv[1:-1],
    "file_mode": stat.S_IMODE(os.stat(path).st_mode),
    "folder_mode": stat.S_IMODE(os.stat(folder).st_mode),
    "text": text,
}
with open(os.environ["FAKE_EDITOR_LOG"], "w", encoding="utf-8") as log:
    json.dump(record, log)
with open(path, "w", encoding="utf-8") as file:
    file.write(text.replace("Hello", "Hallo 🎉") + "\\nP.S. see you\\n")
sys.exit(int(os.environ.get("FAKE_EDITOR_EXIT", "0")))
"""


class FakeApp:
    """Records the suspension around the editor, like `App.suspend` on a real terminal."""

    def __init__(self) -> None:
        self.events: list[str] = []

    @contextmanager
    def suspend(self) -> Iterator[None]:
        self.events.append("suspend")
        try:
            yield
        finally:
            self.events.append("resume")


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temp folder the hand-off uses, so the test can see what it leaves behind."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def fake_editor(tmp_path: Path) -> dict[str, str]:
    """An environment whose $EDITOR is the fake script (run by this Python, with an option)."""
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    return {
        "EDITOR": f"{sys.executable} {script} --wait",
        "FAKE_EDITOR_LOG": str(tmp_path / "log.json"),
        "PATH": str(Path(sys.executable).parent),
    }


def run_with(env: dict[str, str]) -> Callable[[list[str]], int]:
    """Run the editor with `env` (the real hand-off passes the app's own environment)."""
    import subprocess

    return lambda command: subprocess.run(list(command), env=env, check=False).returncode


def test_round_trip_brings_the_text_back_and_removes_the_file(
    fake_editor: dict[str, str], private_tmp: Path, tmp_path: Path
) -> None:
    app = FakeApp()
    text = "Hello Ann,\n\nthanks for today — 🙏"

    edited = edit_externally(app, text, environ=fake_editor, run=run_with(fake_editor))

    assert edited == "Hallo 🎉 Ann,\n\nthanks for today — 🙏\nP.S. see you"
    assert app.events == ["suspend", "resume"]
    record = json.loads((tmp_path / "log.json").read_text(encoding="utf-8"))
    assert record["text"] == text
    assert record["argv"] == ["--wait"]  # $EDITOR is split like a shell does
    assert record["file_mode"] == 0o600
    assert record["folder_mode"] == 0o700
    assert not Path(record["path"]).exists()
    assert list(private_tmp.iterdir()) == []


def test_a_failing_editor_changes_nothing_and_cleans_up(
    fake_editor: dict[str, str], private_tmp: Path
) -> None:
    env = fake_editor | {"FAKE_EDITOR_EXIT": "3"}
    with pytest.raises(EditorFailed, match="exited with status 3; the draft is unchanged"):
        edit_externally(FakeApp(), "Hello", environ=env, run=run_with(env))
    assert list(private_tmp.iterdir()) == []


def test_an_editor_that_cannot_start_changes_nothing(private_tmp: Path, tmp_path: Path) -> None:
    script = tmp_path / "not_executable"
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o600)
    env = {"EDITOR": str(script), "PATH": str(tmp_path)}
    with pytest.raises(EditorFailed, match="no editor"):
        edit_externally(FakeApp(), "Hello", environ=env)
    assert list(private_tmp.iterdir()) == []


def test_a_missing_editor_is_a_clear_error_before_anything_is_written(private_tmp: Path) -> None:
    env = {"VISUAL": "no-such-editor-jobhunt --flag", "EDITOR": "nano"}
    with pytest.raises(EditorFailed) as caught:
        edit_externally(FakeApp(), "Hello", environ=env)
    assert "no editor 'no-such-editor-jobhunt' found" in str(caught.value)
    assert "set $VISUAL or $EDITOR" in str(caught.value)
    assert list(private_tmp.iterdir()) == []


def test_an_error_inside_the_editor_run_still_removes_the_file(private_tmp: Path) -> None:
    def crash(command: list[str]) -> int:
        assert Path(command[-1]).read_text(encoding="utf-8") == "Hello"
        raise OSError("exec format error")

    env = {"EDITOR": sys.executable}
    with pytest.raises(EditorFailed, match="could not start: exec format error"):
        edit_externally(FakeApp(), "Hello", environ=env, run=crash)
    assert list(private_tmp.iterdir()) == []


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"VISUAL": "vi", "EDITOR": "nano"}, ["vi"]),
        ({"VISUAL": "  ", "EDITOR": "nano -w"}, ["nano", "-w"]),
        ({}, ["vi"]),
        ({"EDITOR": "'vi' -c 'set tw=72'"}, ["vi", "-c", "set tw=72"]),
    ],
)
def test_editor_command_order_and_splitting(
    environ: dict[str, str], expected: list[str], tmp_path: Path
) -> None:
    for name in ("vi", "nano"):
        tool = tmp_path / name
        tool.write_text("#!/bin/sh\n", encoding="utf-8")
        tool.chmod(0o700)
    assert editor_command(environ | {"PATH": str(tmp_path)}) == expected


def test_an_unreadable_editor_variable_is_reported() -> None:
    with pytest.raises(EditorFailed, match="cannot be read"):
        editor_command({"EDITOR": "vi 'unclosed"})


async def test_the_real_app_without_a_terminal_says_so_and_changes_nothing(
    make_app: Callable[..., JobhuntApp], fake_editor: dict[str, str], private_tmp: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        with pytest.raises(EditorFailed, match="cannot be handed to an editor"):
            edit_externally(app, "Hello", environ=fake_editor, run=run_with(fake_editor))
    assert list(private_tmp.iterdir()) == []


def test_the_default_runner_uses_the_process_environment(
    fake_editor: dict[str, str], private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    for name in ("EDITOR", "FAKE_EDITOR_LOG"):
        monkeypatch.setenv(name, fake_editor[name])
    assert edit_externally(FakeApp(), "Hello\n") == "Hallo 🎉\n\nP.S. see you\n"
    assert list(private_tmp.iterdir()) == []


class OneTextArea(App[None]):
    """A text area alone, as the draft pane will hold one."""

    def compose(self) -> ComposeResult:
        yield TextArea("Hello Ann", id="body")


async def test_the_edited_text_is_applied_as_one_undoable_edit(
    fake_editor: dict[str, str], private_tmp: Path
) -> None:
    app = OneTextArea()
    async with app.run_test() as pilot:
        area = app.query_one(TextArea)
        area.focus()
        await pilot.press("end", *"!")  # the user's own typing, before the hand-off
        edited = edit_externally(
            FakeApp(), area.text, environ=fake_editor, run=run_with(fake_editor)
        )
        assert apply_as_edit(area, edited)
        await pilot.pause()
        assert area.text == "Hallo 🎉 Ann!\nP.S. see you"
        await pilot.press("ctrl+z")
        assert area.text == "Hello Ann!"  # the editor's change is one step back
        await pilot.press("ctrl+z")
        assert area.text == "Hello Ann"  # and the typing before it is still in the history
        assert not apply_as_edit(area, "Hello Ann")
