"""Handing a `mailto:` link to the system's mail handler (the send dialog's "open in the mail
app").

Only the desktop's own opener is used (`xdg-open`, macOS `open`, Windows' file association),
started detached so the app keeps the terminal. `webbrowser` is not: where no desktop exists
it falls back to a text browser, which would take over this very terminal.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping

OPENERS = ("xdg-open", "open")
"""Desktop openers, in the order they are looked for on PATH."""

Launch = Callable[[list[str]], None]


def opener(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The command that opens a link with the system's handler, or None without one."""
    env = os.environ if environ is None else environ
    for name in OPENERS:
        found = shutil.which(name, path=env.get("PATH"))
        if found is not None:
            return [found]
    return None


def _launch(command: list[str]) -> None:
    """Start the opener on its own, its output kept off the app's screen."""
    subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def open_link(link: str, *, launch: Launch | None = None) -> bool:
    """Open `link` with the system's handler; False when this system has none."""
    if sys.platform == "win32":  # pragma: no cover - Windows opens links itself
        os.startfile(link)  # type: ignore[attr-defined]
        return True
    command = opener()
    if command is None:
        return False
    (launch or _launch)([*command, link])
    return True
