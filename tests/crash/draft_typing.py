"""Typing into the real app in a pseudo-terminal, then ending it: the crash tests' harness.

The app runs as `python -m jobhunt_tui --db FILE` on a pty (benchmarks/ptyrun.py plays the
terminal). One round opens the draft of the only card, types a known stream of words at a
steady pace, ends the app (SIGKILL at a random moment, SIGHUP, SIGTERM or ctrl+q), then reads
the file: what was stored, how much of the typing is missing (in seconds), and whether
SQLite finds the file sound.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import arrow

from jobhunt_tui.domain.clock import fixed_clock
from jobhunt_tui.storage.database import open_database
from tests.draft_seed import interviewed

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from ptyrun import CTRL_Q, AppFailed, PtySession, substring_detector

NOW = "2026-11-20T12:00:00Z"
KEY_INTERVAL_S = 0.02
"""50 characters a second: a fast typist."""
ALT_SCREEN_ON = b"\x1b[?1049h"
ALT_SCREEN_OFF = b"\x1b[?1049l"


@dataclass(frozen=True)
class Round:
    """What one round saw."""

    typed: str
    stored: str
    lost_s: float
    integrity: str
    exit_status: int | None
    left_alt_screen: bool
    exit_s: float


def stream(count: int = 400) -> str:
    """A stream whose every prefix is recognisable: ' w001 w002 …'."""
    return "".join(f" w{n:03d}" for n in range(1, count + 1))


def prepare(path: Path) -> None:
    """A file with one opportunity (so its card is selected at start) after an interview."""
    database = open_database(path)
    interviewed(database, fixed_clock(arrow.get(NOW)), only_initech=True)
    database.close()


def _env(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("TEXTUAL")}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env.update(JOBHUNT_NOW=NOW, JOBHUNT_TZ="UTC", TZ="UTC", HOME=str(home))
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(Path(__file__).resolve().parents[2]), env.get("PYTHONPATH")])
    )
    return env


def _stored(path: Path) -> tuple[str, str]:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT body FROM draft").fetchone()
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return ("" if row is None else row[0]), verdict


def run_round(path: Path, home: Path, ending: str, *, seed: int, type_s: float = 3.0) -> Round:
    """Open the draft, type for a while, end the app by `ending`; read what survived.

    `ending` is "kill" (SIGKILL at a random moment within `type_s`), "hup", "term",
    "ctrl+q" or "close" (the terminal closes), each of the last four after the whole stream
    of `type_s` seconds was typed.
    """
    rng = random.Random(seed)
    session = PtySession([sys.executable, "-m", "jobhunt_tui", "--db", str(path)], _env(home),
                         cols=160, rows=48)  # fmt: skip
    session.start()
    try:
        session.wait_for(substring_detector("Initech"), timeout=60)
        session.settle(quiet=0.5, timeout=20)
        os.write(session.fd, b"d")
        session.wait_for(substring_detector("thank-you"), timeout=20)
        session.settle(quiet=0.3, timeout=10)
        opened, _ = _stored(path)
        text = stream(int(type_s / KEY_INTERVAL_S))
        kill_at = rng.uniform(0.3, type_s) if ending == "kill" else None
        written: list[float] = []
        start = time.monotonic()
        for char in text:
            now = time.monotonic()
            if kill_at is not None and now - start >= kill_at:
                break
            os.write(session.fd, char.encode())
            written.append(time.monotonic())
            session.drain()
            time.sleep(max(0.0, start + len(written) * KEY_INTERVAL_S - time.monotonic()))
        if ending == "close":
            # Closing the window discards input the app has not read yet (the kernel flushes
            # the terminal's queue on hangup): it closes once the last key is drawn, as a
            # person closes it after seeing what they typed.
            session.settle(quiet=0.3, timeout=10)
        ended_at = time.monotonic()
        if ending == "kill":
            os.kill(session.pid, signal.SIGKILL)
        elif ending == "ctrl+q":
            os.write(session.fd, CTRL_Q)
        elif ending == "close":  # the terminal window closes: the kernel sends SIGHUP
            os.close(session.fd)
            session.fd = -1
        else:
            os.kill(session.pid, signal.SIGHUP if ending == "hup" else signal.SIGTERM)
        status = _wait_exit(session, timeout=5.0)
        exit_s = time.monotonic() - ended_at
    except AppFailed:
        os.kill(session.pid, signal.SIGKILL)
        _wait_exit(session, timeout=5.0)
        raise
    typed = text[: len(written)]
    body, verdict = _stored(path)
    kept = body[len(opened) :] if body.startswith(opened) else None
    lost_s = 0.0
    if kept is None or not typed.startswith(kept):
        lost_s = float("inf")  # not a prefix of what was typed: the check fails loudly
    elif len(kept) < len(typed):
        lost_s = ended_at - written[len(kept)]
    transcript = bytes(session.transcript)
    left = transcript.rfind(ALT_SCREEN_OFF) > transcript.rfind(ALT_SCREEN_ON)
    return Round(typed, "" if kept is None else kept, lost_s, verdict, status, left, exit_s)


def _wait_exit(session: PtySession, timeout: float) -> int | None:
    """Read until the child exits, then what it wrote last; its exit status (None: it was
    killed by a signal, or had to be)."""
    deadline = time.monotonic() + timeout
    status: int | None = None
    while time.monotonic() < deadline:
        if session.fd >= 0:
            session.drain()
        pid, raw = os.waitpid(session.pid, os.WNOHANG)
        if pid:
            status = os.WEXITSTATUS(raw) if os.WIFEXITED(raw) else None
            break
        time.sleep(0.02)
    else:
        os.kill(session.pid, signal.SIGKILL)
        os.waitpid(session.pid, 0)
    if session.fd >= 0:
        session.drain()
    session.exited = True
    with contextlib.suppress(OSError):
        os.close(session.fd)
    return status


def main() -> None:
    """`python -m tests.crash.draft_typing [ROUNDS]`: the figures for docs/reliability.md."""
    import tempfile

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with tempfile.TemporaryDirectory(prefix="jobhunt-crash-") as folder:
        tmp = Path(folder)
        losses: list[float] = []
        for seed in range(rounds):
            path = tmp / f"kill-{seed}.db"
            prepare(path)
            result = run_round(path, tmp / "home", "kill", seed=seed)
            losses.append(result.lost_s)
            print(
                f"kill round {seed + 1}: typed {len(result.typed)} chars, "
                f"lost {result.lost_s:.2f} s, integrity {result.integrity}",
                flush=True,
            )
        for ending in ("hup", "term", "ctrl+q", "close"):
            path = tmp / f"{ending}.db"
            prepare(path)
            result = run_round(path, tmp / "home", ending, seed=7, type_s=1.5)
            print(
                f"{ending}: lost {len(result.typed) - len(result.stored)} chars, exit "
                f"{result.exit_status} after {result.exit_s:.2f} s, alternate screen left: "
                f"{result.left_alt_screen}, integrity {result.integrity}",
                flush=True,
            )
        print(
            f"{rounds} SIGKILL rounds, worst loss {max(losses):.2f} s, "
            f"median {sorted(losses)[len(losses) // 2]:.2f} s"
        )


if __name__ == "__main__":
    main()
