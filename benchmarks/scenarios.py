"""The app measurements: first paint and peak RSS over several launches, keys in one session."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ptyrun import AppFailed, Detector, PtySession, first_paint

SLOW_LAUNCH_S = 15.0
"""A launch slower than this gets only one more run: the figure is clear, the wait is not."""
MAX_SILENT_KEYS = 5
"""Keys in a row that paint nothing before a session is given up as not working yet."""


@dataclass(frozen=True)
class AppUnderTest:
    """How to launch one app on one database, and what proves its content is on screen."""

    name: str
    argv: Sequence[str]
    detector: Detector
    busiest_column: int = 0  # how many `l` presses reach the column the keys run on
    column_length: int = 10**9  # cards in that column: `j` turns into `k` at the bottom


@dataclass
class LaunchResults:
    """First paint seconds and peak RSS (KiB) per launch, or why there are none."""

    seconds: list[float] = field(default_factory=list)
    peak_rss_kib: list[int] = field(default_factory=list)
    unclean_exits: int = 0
    error: str = ""


@dataclass
class KeyResults:
    """Key → frame seconds of one session, or why there are none."""

    navigation: list[float] = field(default_factory=list)
    moves: list[float] = field(default_factory=list)
    moves_first_frame: list[float] = field(default_factory=list)
    nav_no_frame: int = 0
    move_no_frame: int = 0
    error: str = ""
    peak_rss_kib: int = 0


def log(message: str) -> None:
    """Progress on stderr, so stdout stays the report."""
    print(message, file=sys.stderr, flush=True)


def launch_round(
    apps: Sequence[AppUnderTest],
    results: Mapping[str, LaunchResults],
    env: Mapping[str, str],
    timeout: float,
) -> None:
    """Launch each app once (interleaved, so drift hits all alike) and record the figures."""
    for app in apps:
        result = results[app.name]
        if result.error:
            continue
        if len(result.seconds) >= 2 and max(result.seconds) > SLOW_LAUNCH_S:
            continue
        try:
            seconds, exit_info = first_paint(app.argv, env, app.detector, timeout=timeout)
        except (AppFailed, OSError) as error:
            result.error = f"not available yet: {error}"
            log(f"  {app.name}: {result.error}")
            continue
        result.seconds.append(seconds)
        result.peak_rss_kib.append(exit_info.peak_rss_kib)
        result.unclean_exits += not exit_info.clean
        rss = exit_info.peak_rss_kib / 1024
        log(f"  {app.name}: first paint {seconds * 1000:.0f} ms, peak RSS {rss:.0f} MiB")


def _give_up_if_dead(silent: int, answered: int) -> None:
    """Stop a session whose keys do nothing (no board, or not focused) instead of waiting."""
    if silent >= MAX_SILENT_KEYS and answered == 0:
        raise AppFailed(f"the first {silent} keys painted nothing (is the board focused?)")


def key_session(
    app: AppUnderTest,
    env: Mapping[str, str],
    *,
    presses: int,
    moves: int,
    quiet_nav: float,
    quiet_move: float,
    timeout: float,
) -> KeyResults:
    """One launch: reach the busiest column, time `presses` j/k, then `moves` L (each undone by
    an untimed H)."""
    result = KeyResults()
    session = PtySession(app.argv, env)
    try:
        session.start()
        session.wait_for(app.detector, timeout)
        session.settle(quiet=0.5, timeout=30.0)
        for _ in range(app.busiest_column):
            session.press(b"l", quiet=0.1, timeout=1.0)
        position, step = 0, 1
        for _ in range(presses):
            if not 0 <= position + step < app.column_length:
                step = -step
            timing = session.press(b"j" if step > 0 else b"k", quiet=quiet_nav, timeout=2.0)
            position += step
            if session.exited:
                raise AppFailed(f"the app exited: {session.screen_text()}")
            if timing is None:
                result.nav_no_frame += 1
                _give_up_if_dead(result.nav_no_frame, len(result.navigation))
            else:
                result.navigation.append(timing.frame_done_s)
        for _ in range(moves):
            timing = session.press(b"L", quiet=quiet_move)
            if timing is None:
                result.move_no_frame += 1
                _give_up_if_dead(result.move_no_frame, len(result.moves))
            else:
                result.moves.append(timing.frame_done_s)
                result.moves_first_frame.append(timing.first_frame_s)
            session.press(b"H", quiet=quiet_move, timeout=1.0)
    except (AppFailed, OSError) as error:
        result.error = f"not available yet: {error}"
    finally:
        if session.pid:
            result.peak_rss_kib = session.quit().peak_rss_kib
    return result


CALENDAR_KEYS = (b"l", b"j", b"h", b"k")
"""A square walk of the day cursor: it stays inside two weeks of one month (no month reads)."""


@dataclass
class CalendarKeyResults:
    """Key → frame seconds of the day cursor in the month grid, or why there are none."""

    seconds: list[float] = field(default_factory=list)
    no_frame: int = 0
    error: str = ""


def calendar_session(
    app: AppUnderTest,
    env: Mapping[str, str],
    *,
    presses: int,
    quiet: float,
    timeout: float,
) -> CalendarKeyResults:
    """One launch: `tab` to the calendar (the month grid takes the keys at 120 columns), then
    time `presses` cursor keys walking a square."""
    result = CalendarKeyResults()
    session = PtySession(app.argv, env)
    try:
        session.start()
        session.wait_for(app.detector, timeout)
        session.settle(quiet=0.5, timeout=30.0)
        session.press(b"\t", quiet=0.3, timeout=2.0)
        session.settle(quiet=0.5, timeout=30.0)  # the calendar's first read
        for index in range(presses):
            timing = session.press(CALENDAR_KEYS[index % 4], quiet=quiet, timeout=2.0)
            if session.exited:
                raise AppFailed(f"the app exited: {session.screen_text()}")
            if timing is None:
                result.no_frame += 1
                _give_up_if_dead(result.no_frame, len(result.seconds))
            else:
                result.seconds.append(timing.frame_done_s)
    except (AppFailed, OSError) as error:
        result.error = f"not available yet: {error}"
    finally:
        if session.pid:
            session.quit()
    return result
