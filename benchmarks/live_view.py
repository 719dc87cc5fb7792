"""The live view's two figures: one poll when nothing changed, and an outside change to frame.

The poll is timed in this process on the benchmark file (the same `LiveFeed.moved()` the app
calls twice a second). The latency is timed end to end: jobhunt runs in a pseudo-terminal on
the 10,000-opportunity file, another writer (this process, through jobhunt's own services)
adds an opportunity, and the clock stops when its name reaches the terminal.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Sequence
from pathlib import Path

import arrow
from ptyrun import AppFailed, PtySession, substring_detector
from report import Measurement, Target
from scenarios import log

POLL = Target("≤ 0.1 ms", stat="p95", max_value=0.1)
CHANGE_TO_FRAME = Target("p95 ≤ 1 s", stat="p95", max_value=1000.0)


def poll_cost(db_path: Path, rounds: int = 20, calls: int = 2_000) -> list[float]:
    """Milliseconds per `moved()` call when nothing was committed (one sample per batch)."""
    from jobhunt_tui.services.live import LiveFeed
    from jobhunt_tui.storage.database import open_database

    database = open_database(db_path)
    feed = LiveFeed(database, since_id=0)
    feed.moved()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            feed.moved()
        samples.append((time.perf_counter() - start) / calls * 1000)
    feed.close()
    database.close()
    return samples


def change_to_frame(
    argv: Sequence[str], env: dict[str, str], db_path: Path, anchor: dt.datetime, changes: int
) -> list[float]:
    """Milliseconds from another writer's commit until the app has drawn it."""
    from jobhunt_tui.domain.clock import fixed_clock
    from jobhunt_tui.domain.models import Stage
    from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
    from jobhunt_tui.storage.database import open_database

    database = open_database(db_path)
    # Newer than every generated card and priority 1: it lands at the top of the wishlist.
    writer = PipelineService(database, fixed_clock(arrow.get(anchor).shift(hours=1)))
    samples = []
    session = PtySession(argv, env)
    session.start()
    try:
        session.settle(quiet=1.5, timeout=60.0)  # the full board read and the warm-up
        pacing = random.Random(7)
        for number in range(changes):
            name = f"Zq{number:03d}x"
            # Land anywhere in the poll's half-second cycle, not just after the last frame.
            time.sleep(pacing.uniform(0.0, 0.5))
            session.drain()
            committed = time.perf_counter()
            writer.add(OpportunityInput(name, "Live", stage=Stage.WISHLIST, priority=1))
            seen = session.wait_for(substring_detector(name), timeout=10.0)
            samples.append((session.started_at + seen - committed) * 1000)
            session.settle(quiet=0.3)
    finally:
        session.quit()
        database.close()
    return samples


def rows(
    argv: Sequence[str], env: dict[str, str], db_path: Path, size: int, anchor: dt.datetime
) -> list[Measurement]:
    """The live view's rows of the report."""
    log("live view: poll cost")
    poll = Measurement("live view: one poll, nothing changed", f"{size:,}", "ms", target=POLL)
    poll.samples = poll_cost(db_path)
    log("live view: outside change → frame")
    latency = Measurement(
        "live view: outside change → on screen", f"{size:,}", "ms", target=CHANGE_TO_FRAME
    )
    try:
        latency.samples = change_to_frame(argv, env, db_path, anchor, changes=20)
        latency.note = "polls every 0.5 s: expect about half of that on average"
    except AppFailed as error:
        latency.unavailable = f"the app failed: {error}"
    return [poll, latency]
