"""Handing a text to the user's own editor ($VISUAL, $EDITOR, else vi) and taking it back.

The text goes into a file created 0600 inside a private (0700) temp folder, the app suspends
(the editor gets the real terminal), and the file and folder are removed afterwards, also when
the editor fails. A missing editor or a non-zero exit raises `EditorFailed` and gives nothing
back, so the caller changes nothing. The draft pane calls this on ctrl+g and hands the result
to `apply_as_edit`, so the text area's undo history survives (ctrl+z takes the editor's
changes back).

Call it on the app's thread (an action handler): suspending the terminal cannot happen from a
worker.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from textual.app import SuspendNotSupported
from textual.widgets import TextArea

from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.domain.text import strip_controls

FALLBACK_EDITOR = "vi"
FILE_MODE = 0o600

RunEditor = Callable[[Sequence[str]], int]
"""Runs the editor's command line and returns its exit status."""


class EditorFailed(JobhuntError):
    """The editor could not be found or run, or exited with an error: nothing changed."""


class Suspendable(Protocol):
    """What this needs of the app: handing the terminal over for a while."""

    def suspend(self) -> AbstractContextManager[None]:
        """Give the terminal to another program inside the `with` block."""
        ...


def editor_command(environ: Mapping[str, str]) -> list[str]:
    """The editor's command line: $VISUAL, else $EDITOR, else vi, split like a shell does
    ("code --wait" is two words); EditorFailed when it cannot be read or found."""
    raw = (environ.get("VISUAL") or "").strip() or (environ.get("EDITOR") or "").strip()
    source = "$VISUAL" if (environ.get("VISUAL") or "").strip() else "$EDITOR"
    try:
        words = shlex.split(raw) if raw else [FALLBACK_EDITOR]
    except ValueError as error:
        raise EditorFailed(f"{source} ({raw!r}) cannot be read: {error}") from error
    if not words:
        words = [FALLBACK_EDITOR]
    if shutil.which(words[0], path=environ.get("PATH")) is None:
        raise EditorFailed(
            f"no editor {words[0]!r} found: set $VISUAL or $EDITOR to one you have "
            "(for example nano); the draft is unchanged"
        )
    return words


def edit_externally(
    app: Suspendable,
    text: str,
    *,
    suffix: str = ".txt",
    environ: Mapping[str, str] | None = None,
    run: RunEditor | None = None,
) -> str:
    """`text` as the user left it in their editor; EditorFailed (and no change) otherwise.

    `environ` and `run` are for tests; by default the process environment and a blocking
    subprocess on the real terminal.
    """
    env = os.environ if environ is None else environ
    command = editor_command(env)
    run_editor = run if run is not None else _run
    folder = Path(tempfile.mkdtemp(prefix="jobhunt-edit-"))  # mkdtemp: mode 0700
    try:
        path = folder / f"draft{suffix}"
        _write_private(path, text)
        try:
            with app.suspend():
                status = run_editor([*command, str(path)])
        except SuspendNotSupported as error:
            raise EditorFailed(
                "this terminal cannot be handed to an editor; the draft is unchanged"
            ) from error
        except OSError as error:
            raise EditorFailed(f"{command[0]} could not start: {error}") from error
        if status != 0:
            raise EditorFailed(f"{command[0]} exited with status {status}; the draft is unchanged")
        try:
            edited = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise EditorFailed(f"the edited text cannot be read back: {error}") from error
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return _tidied(edited, text)


def apply_as_edit(area: TextArea, text: str) -> bool:
    """Put `text` into `area` as one edit (undoable with ctrl+z), not by reloading it, which
    would wipe the undo history. False, and no edit, when nothing changed."""
    if text == area.text:
        return False
    area.replace(text, area.document.start, area.document.end)
    return True


def _write_private(path: Path, text: str) -> None:
    """Create `path` 0600 (never an existing file) and write `text` to it."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)


def _run(command: Sequence[str]) -> int:
    return subprocess.run(list(command), check=False).returncode


def _tidied(edited: str, original: str) -> str:
    """The edited text as the app stores text: CRLF as newlines, no control characters, and
    without the final newline editors add when the original had none."""
    cleaned = strip_controls(edited, multiline=True)
    if not original.endswith("\n") and cleaned.endswith("\n"):
        cleaned = cleaned[:-1]
    return cleaned
