"""Driving a terminal app in a real pseudo-terminal and timing what it paints.

The harness plays the terminal: it forks the app onto a pty of a fixed size, reads everything
the app writes (so the app never blocks on a full buffer), answers the synchronized-output query
the way modern terminals (kitty, WezTerm, foot, iTerm2) do so that Textual brackets every frame
with ``ESC[?2026h`` … ``ESC[?2026l``, and timestamps the bytes as they arrive.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # DECRPM: mode 2026 is supported and currently reset
SYNC_END = b"\x1b[?2026l"
CTRL_Q = b"\x11"
_ANSI = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_TAIL = 256

Detector = Callable[[bytes], bool]
"""Called with the text painted so far while waiting (escape sequences removed; what was
drawn stays on screen, so parts of the content may arrive in different reads or frames);
True once the awaited content is on screen."""


class AppFailed(RuntimeError):
    """The app exited, or did not show what was awaited in time."""


def substring_detector(text: str) -> Detector:
    """Detect one literal string."""
    needle = text.encode()
    return lambda seen: needle in seen


def word_detector(words: set[str]) -> Detector:
    """Detect any of a set of single words (e.g. the company names of the first column)."""
    encoded = {word.encode() for word in words}
    tokens = re.compile(rb"[A-Za-z0-9]+")
    return lambda seen: any(token in encoded for token in tokens.findall(seen))


def all_detector(*detectors: Detector) -> Detector:
    """Detect once every one of `detectors` has its content on screen (e.g. the board's cards
    and the calendar's agenda: a frame with only one of them is not the first paint)."""
    return lambda seen: all(detector(seen) for detector in detectors)


@dataclass(frozen=True)
class KeyTiming:
    """How long one key took to show: first byte of the reply, end of the first frame, and the
    end of the last frame before the output went quiet."""

    first_byte_s: float
    first_frame_s: float
    frame_done_s: float
    frames: int


@dataclass
class ExitInfo:
    """How the child ended and the most memory it ever held."""

    peak_rss_kib: int
    clean: bool


def strip_ansi(data: bytes) -> bytes:
    """The printable text of terminal output: escape sequences removed."""
    return _ANSI.sub(b"", data)


class PtySession:
    """One app process on a pseudo-terminal of `cols` x `rows`."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        cols: int = 120,
        rows: int = 40,
    ) -> None:
        self.argv = list(argv)
        self.env = dict(env)
        self.cols = cols
        self.rows = rows
        self.pid = 0
        self.fd = -1
        self.started_at = 0.0
        self.exited = False
        self.transcript = bytearray()
        self._exit: ExitInfo | None = None
        self._reaped: tuple[int, int, os.struct_rusage] | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        """Fork the app onto a new pty; the clock for first paint starts here."""
        env = {**self.env, "TERM": "xterm-256color", "COLUMNS": str(self.cols)}
        env["LINES"] = str(self.rows)
        winsize = struct.pack("HHHH", self.rows, self.cols, 0, 0)
        self.started_at = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # child: size the terminal before the app can ask, then become the app
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
                os.execve(self.argv[0], self.argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd

    def quit(self, timeout: float = 5.0) -> ExitInfo:
        """Press ctrl+q, wait for a clean exit, kill if it does not come; reap the child."""
        if self._exit is not None:
            return self._exit
        clean = False
        peak_kib = self.peak_rss_kib()
        if not self.exited:
            with contextlib.suppress(OSError):
                os.write(self.fd, CTRL_Q)
            deadline = time.perf_counter() + timeout
            while time.perf_counter() < deadline and not self._child_gone():
                self._read(0.05)
            clean = self._child_gone()
        if not self._child_gone():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._reaped = os.wait4(self.pid, 0)
        assert self._reaped is not None
        _, status, usage = self._reaped
        clean = clean and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        with contextlib.suppress(OSError):
            os.close(self.fd)
        # wait4's ru_maxrss counts the parent's pages copied at fork, before exec: use VmHWM.
        self._exit = ExitInfo(peak_rss_kib=peak_kib or int(usage.ru_maxrss), clean=clean)
        return self._exit

    def peak_rss_kib(self) -> int:
        """The child's peak resident set so far (VmHWM), in KiB; 0 if it cannot be read."""
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return 0
        match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        return int(match.group(1)) if match else 0

    def _child_gone(self) -> bool:
        if self._reaped is not None:
            return True
        pid, status, usage = os.wait4(self.pid, os.WNOHANG)
        if pid == 0:
            return False
        self._reaped = (pid, status, usage)
        self.exited = True
        return True

    def __enter__(self) -> PtySession:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.quit()

    # -- reading -----------------------------------------------------------------------------

    def _read(self, timeout: float) -> tuple[bytes, float]:
        """One read of whatever the app wrote within `timeout`; b"" if nothing. Answers queries."""
        if self.exited and self.fd < 0:
            return b"", time.perf_counter()
        try:
            ready, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        except (OSError, ValueError):
            return b"", time.perf_counter()
        if not ready:
            return b"", time.perf_counter()
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the child closed the terminal
            self.exited = True
            return b"", time.perf_counter()
        now = time.perf_counter()
        if not data:
            self.exited = True
            return b"", now
        if SYNC_QUERY in data:
            os.write(self.fd, SYNC_REPLY)
        self.transcript += data
        return data, now

    def wait_for(self, detector: Detector, timeout: float) -> float:
        """Seconds from `start` until the awaited content arrives; AppFailed if it never does."""
        deadline = time.perf_counter() + timeout
        seen = b""
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise AppFailed(f"timed out after {timeout:.0f} s; screen: {self.screen_text()}")
            data, at = self._read(min(remaining, 0.5))
            if data:
                # The stripped text so far; its tail is stripped again with the new bytes, so
                # an escape sequence cut between two reads is removed whole.
                seen = seen[:-_TAIL] + strip_ansi(seen[-_TAIL:] + data)
                if detector(seen):
                    return at - self.started_at
            elif self.exited or self._child_gone():
                raise AppFailed(f"the app exited; output: {self.screen_text()}")

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Read until the app has written nothing for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        last = time.perf_counter()
        while time.perf_counter() < deadline:
            data, at = self._read(quiet / 4)
            if data:
                last = at
            elif at - last >= quiet or self.exited:
                return

    def drain(self) -> None:
        """Read whatever is already waiting, without waiting for more."""
        while self._read(0.0)[0]:
            pass

    def press(self, key: bytes, *, quiet: float, timeout: float = 5.0) -> KeyTiming | None:
        """Write `key`, then read until its output has gone quiet for `quiet` seconds.

        Returns the time to the first reply byte and to the last byte before the quiet spell
        (the end of the frame, or of the last frame when the key causes more than one);
        None when nothing at all was painted within `timeout`.
        """
        self.drain()
        sent = time.perf_counter()
        os.write(self.fd, key)
        first = last = first_frame = 0.0
        frames = 0
        deadline = sent + timeout
        while True:
            now = time.perf_counter()
            if first and now - last >= quiet:
                break
            if now >= deadline or self.exited:
                break
            wait = quiet - (now - last) if first else deadline - now
            data, at = self._read(max(wait, 0.001))
            if data:
                first = first or at
                last = at
                frames += data.count(SYNC_END)
                first_frame = first_frame or (at if frames else 0.0)
        if not first:
            return None
        first_frame = first_frame or last  # no sync markers: the whole reply is one frame
        return KeyTiming(first - sent, first_frame - sent, last - sent, frames)

    def screen_text(self, limit: int = 400) -> str:
        """The last printable output, squeezed, for error messages."""
        text = strip_ansi(bytes(self.transcript[-20_000:])).decode("utf-8", "replace")
        return " ".join(text.split())[-limit:] or "(nothing)"


def first_paint(
    argv: Sequence[str],
    env: Mapping[str, str],
    detector: Detector,
    *,
    timeout: float = 60.0,
    settle: float = 0.5,
) -> tuple[float, ExitInfo]:
    """Launch, time until `detector` fires, let the app settle, quit; (seconds, exit info).

    The settle lets work deferred past the first frame (e.g. the ORM import) count towards
    the peak RSS (the child's VmHWM, read just before it is asked to quit).
    """
    session = PtySession(argv, env)
    session.start()
    try:
        seconds = session.wait_for(detector, timeout)
        session.settle(quiet=settle, timeout=10.0)
    finally:
        exit_info = session.quit()
    return seconds, exit_info
