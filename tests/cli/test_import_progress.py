"""The import's progress bar: what the line says, that it is drawn only on a terminal, and
that a pipe or a file gets no bar and no escape code."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from jobhunt_tui.cli.progress import TerminalProgress, duration, progress_bar, progress_line
from tests.cli.helpers import FIXED_NOW

_CLI = "import sys; from jobhunt_tui.cli import main; main(sys.argv[1:])"


class FakeTerminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


# The line


def test_the_line_says_rows_rate_and_time_left() -> None:
    line = progress_line("importing", 12_000, 20_000, elapsed=3.0, width=100)
    assert line.startswith("importing █")
    assert line.endswith(" 12,000/20,000 rows · 4,000 rows/s · 2 s left")
    assert len(line) == 100
    bar = line.removeprefix("importing ").split(" ")[0]
    assert bar.count("█") == len(bar) * 12 // 20 and set(bar) == {"█", "░"}


def test_the_line_before_the_first_batch_and_when_done() -> None:
    assert progress_line("importing", 0, 500, 0.0, 80).endswith("0/500 rows · – rows/s · starting…")
    done = progress_line("importing", 500, 500, 2.0, 80)
    assert done.endswith("500/500 rows · 250 rows/s · done")
    assert "░" not in done


def test_a_narrow_terminal_drops_the_bar_and_never_wraps() -> None:
    line = progress_line("importing", 5, 20_000, 1.0, 40)
    assert "█" not in line and "░" not in line
    assert len(line) <= 40
    assert line.startswith("importing 5/20,000 rows")


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0.2, "<1 s"), (1.4, "1 s"), (59.4, "59 s"), (65, "1 min 05 s"), (3600, "60 min 00 s")],
)
def test_durations(seconds: float, shown: str) -> None:
    assert duration(seconds) == shown


# Drawing


def test_on_a_terminal_it_redraws_in_place_at_most_ten_times_a_second() -> None:
    stream, clock = FakeTerminal(), FakeClock()
    bar = TerminalProgress("importing", stream, clock)
    bar(0, 1_000)
    clock.now += 0.05
    bar(500, 1_000)  # too soon: not drawn
    clock.now += 0.1
    bar(600, 1_000)
    bar(1_000, 1_000)  # the last one always is
    bar.clear()
    draws = stream.getvalue().split("\r\x1b[K")
    assert [draw.split(" rows")[0].split()[-1] for draw in draws[1:-1]] == [
        "0/1,000",
        "600/1,000",
        "1,000/1,000",
    ]
    assert draws[-1] == ""  # erased at the end


def test_anything_but_a_terminal_gets_nothing() -> None:
    stream = io.StringIO()
    with progress_bar("importing", stream) as bar:
        bar(0, 10)
        bar(10, 10)
    assert not bar.active
    assert stream.getvalue() == ""


def test_the_bar_is_erased_when_the_work_fails() -> None:
    stream = FakeTerminal()
    with pytest.raises(KeyboardInterrupt), progress_bar("importing", stream) as bar:
        bar(0, 10)
        raise KeyboardInterrupt
    assert stream.getvalue().endswith("\r\x1b[K")


# The command


def _linkedin_file(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / "Job Applications.csv"
    lines = ["Application Date,Contact Email,Contact Phone Number,Company Name,Job Title"]
    lines += [f'"10/{n % 28 + 1}/26, 9:05 AM",,,Company {n},Engineer' for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _env() -> dict[str, str]:
    return {**os.environ, "JOBHUNT_NOW": FIXED_NOW, "COLUMNS": "100"}


def test_piped_the_import_prints_no_bar_and_no_escape_code(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CLI, "--db", str(tmp_path / "j.db"), "import", "csv",
         str(_linkedin_file(tmp_path, 1_200))],
        capture_output=True, text=True, env=_env(), timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith("imported 1200 opportunities from ")
    assert "\x1b" not in done.stdout and "\r" not in done.stdout


def _in_a_terminal(
    tmp_path: Path, rows: int, until: bytes = b""
) -> tuple[subprocess.Popen[str], bytes, bytes]:
    """Run the import with stderr on a pseudo-terminal 100 columns wide; with `until`, stop
    reading once it shows and hand back the running process. (process, shown, rest)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    child = subprocess.Popen(
        [sys.executable, "-c", _CLI, "--db", str(tmp_path / "j.db"), "import", "csv",
         str(_linkedin_file(tmp_path, rows))],
        stdout=subprocess.PIPE, stderr=follower, env=_env(), text=True, start_new_session=True,
    )  # fmt: skip
    os.close(follower)
    shown, rest = b"", b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        if until and until in shown:
            rest += chunk
            continue
        shown += chunk
        if until and until in shown:
            os.killpg(child.pid, signal.SIGINT)  # what ctrl+c does
    os.close(leader)
    return child, shown, rest


def test_on_a_terminal_the_import_shows_the_bar_on_stderr(tmp_path: Path) -> None:
    child, shown, _ = _in_a_terminal(tmp_path, 1_200)
    out, _ = child.communicate(timeout=60)
    text = shown.decode("utf-8")
    assert child.returncode == 0, text
    assert "importing █" in text and "1,200/1,200 rows" in text and "rows/s" in text
    assert text.endswith("\r\x1b[K")  # erased, so what follows starts on a clean line
    assert out.startswith("imported 1200 opportunities from ")  # stdout: no bar in it


def test_ctrl_c_during_the_import_leaves_the_data_as_it_was(tmp_path: Path) -> None:
    child, shown, rest = _in_a_terminal(tmp_path, 8_000, until=b"rows/s")
    out, _ = child.communicate(timeout=60)
    assert child.returncode == 1, shown
    said = (shown + rest).decode("utf-8")
    # The bar is erased, then one sentence says what happened.
    assert "\r\x1b[Kjobhunt: import interrupted; nothing was stored\r\n" in said
    assert out == ""
    conn = sqlite3.connect(tmp_path / "j.db")
    try:
        tables = ("opportunity", "company", "interaction", "change_log")
        assert [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables] == [
            0, 0, 0, 0,
        ]  # fmt: skip
    finally:
        conn.close()
    assert not (tmp_path / "j.db-import").exists()  # the note for waiting writers is gone
