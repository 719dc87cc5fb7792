"""Battery 8 (forms, board, detail): hostile stored text, captured from a real pseudo-terminal:
no escape sequence from stored data reaches the terminal, and the app does not crash."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database

_CLI = "import sys; from jobhunt_tui.cli import main; main(sys.argv[1:])"
TITLE = "\x1b]2;PWNED\x1b\\"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J\x9b2J"
PAYLOADS = (TITLE.encode(), CLIPBOARD.encode(), b"\x1b[2J", "\x9b2J".encode(), b"\xc2\x9b")


CLICK_TO_QUIT = "[@click=app.quit]Quit[/]"


def _seed(pipeline: PipelineService, database: Database) -> None:
    pipeline.add(OpportunityInput(CLICK_TO_QUIT, f"[@click=app.quit]{CLICK_TO_QUIT}"))
    created = pipeline.add(OpportunityInput("Acme", "Engineer"))
    hostile = f"Acme{TITLE}{CLIPBOARD}{CLEAR}\u202eexe"
    with database.writing_sql("test setup") as conn:
        conn.execute("UPDATE company SET name = ? WHERE id = ?", (hostile, created.company_id))
        conn.execute(
            "UPDATE opportunity SET role = ?, notes = ?, location = ?, salary = ? WHERE id = ?",
            (f"Eng{CLIPBOARD}", f"n{TITLE}\n{CLEAR}", f"L{TITLE}", f"S{CLEAR}", created.id),
        )


class _Terminal:
    """The app in a pseudo-terminal of 120×40: keys in, every byte it writes kept."""

    def __init__(self, db: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "JOBHUNT_NOW": "2026-11-20T12:00:00Z"}
        env["JOBHUNT_TZ"] = "UTC"
        self.process = subprocess.Popen(
            [sys.executable, "-c", _CLI, "--db", str(db)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = b""

    def read_for(self, seconds: float, until: bytes | None = None) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.output += chunk
                if until is not None and until in self.output:
                    return

    def click_everywhere(self) -> None:
        """A left click (SGR mouse report) on every other cell of the board's first rows."""
        for y in range(2, 14):
            for x in range(2, 120, 3):
                os.write(self.master, f"\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m".encode())
            self.read_for(0.05)
        self.read_for(1.0)

    def press(self, keys: bytes, settle: float = 1.0) -> None:
        os.write(self.master, keys)
        self.read_for(settle)

    def close(self) -> int:
        self.press(b"\x11", 0.5)  # ctrl+q
        try:
            return self.process.wait(timeout=5)
        finally:
            self.read_for(0.2)
            os.close(self.master)


def _one_round(db: Path) -> bytes:
    terminal = _Terminal(db)
    try:
        terminal.read_for(20, until=b"Applied")
        terminal.read_for(1.0)
        terminal.click_everywhere()  # a name holding `[@click=app.quit]` must not quit
        assert terminal.process.poll() is None, "a click ran an action from stored text"
        terminal.press(b"\x1b\x1b", 1.0)  # back to the board, whatever the clicks opened
        terminal.press(b"e", 1.5)  # the edit form: every text field holds stored text
        terminal.press(b"\t\t\t", 0.5)
        terminal.press(b"\x1b", 1.0)  # cancel
        terminal.press(b"\r", 1.5)  # the detail screen
        terminal.press(b"\x1b", 1.0)
        code = terminal.close()
    finally:
        if terminal.process.poll() is None:
            terminal.process.kill()
    assert code == 0, terminal.output[-2000:]
    return terminal.output


def _check(output: bytes) -> None:
    assert b"Traceback" not in output
    for payload in PAYLOADS:
        assert payload not in output, payload
    assert "␛]2;PWNED".encode() in output  # the form and board did show the text, visibly


def test_hostile_text_never_reaches_the_terminal(
    database: Database, pipeline: PipelineService
) -> None:
    _seed(pipeline, database)
    database.close()
    _check(_one_round(database.path))


@pytest.mark.slow
def test_hostile_text_never_reaches_the_terminal_ten_rounds(
    database: Database, pipeline: PipelineService
) -> None:
    _seed(pipeline, database)
    database.close()
    for _ in range(10):
        _check(_one_round(database.path))
