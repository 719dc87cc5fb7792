"""The calendar pane's reads in process, on a generated database: the first view (what the
first frame shows) against the whole view and one month's marks, as CPU milliseconds.

    .venv/bin/python benchmarks/calendar_reads.py            # 10,000 opportunities
    .venv/bin/python benchmarks/calendar_reads.py 1000 --runs 30

CPU time of the calling thread (time.thread_time), not wall time: on a shared machine the
wall clock counts the other processes too. The clock and zone are the benchmark's own.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import arrow  # noqa: E402
import dbgen  # noqa: E402

from jobhunt_tui.domain.clock import fixed_clock  # noqa: E402
from jobhunt_tui.domain.month import shift_month  # noqa: E402
from jobhunt_tui.services.agenda import AgendaService  # noqa: E402
from jobhunt_tui.storage.database import open_database  # noqa: E402


def cpu_ms(read: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median, min) CPU milliseconds of `read`, after one untimed call."""
    read()
    samples = []
    for _ in range(runs):
        started = time.thread_time()
        read()
        samples.append((time.thread_time() - started) * 1000)
    return statistics.median(samples), min(samples)


def main() -> None:
    """Build the database, time each read, print one line per read."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("opportunities", nargs="?", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jobhunt-calendar-") as folder:
        generated = dbgen.build(Path(folder) / "jobhunt.db", args.opportunities)
        database = open_database(generated.path)
        try:
            service = AgendaService(database, fixed_clock(arrow.get(dbgen.ANCHOR)), "UTC")
            today = dbgen.ANCHOR.date()
            before = shift_month(today.year, today.month, -1)
            reads: dict[str, Callable[[], object]] = {
                "first view, 40 lines (the first frame)": lambda: service.first_view(
                    today.year, today.month, today, 40
                ),
                "whole view (after the first frame)": lambda: service.calendar(
                    today.year, today.month, today
                ),
                "one month's marks (each neighbour)": lambda: service.month(*before),
            }
            print(f"{args.opportunities:,} opportunities, {args.runs} runs each (CPU ms)")
            for label, read in reads.items():
                median, least = cpu_ms(read, args.runs)
                print(f"  {label:42s} median {median:7.1f}   min {least:7.1f}")
        finally:
            database.close()


if __name__ == "__main__":
    main()
