"""Commit latency of a small write transaction in WAL mode: synchronous=NORMAL vs FULL.

The design asks to measure and choose. In WAL mode NORMAL skips the fsync on each commit (the
WAL is synced at checkpoints), so a power cut may lose the last transactions but never corrupts
the file; FULL syncs the WAL on every commit. Run on its own:

    .venv/bin/python benchmarks/sqlite_sync.py [--commits 300] [--dir PATH]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from report import percentile

MODES = ("NORMAL", "FULL")


def commit_latencies(path: Path, synchronous: str, commits: int) -> list[float]:
    """Seconds per BEGIN IMMEDIATE; INSERT; UPDATE; COMMIT on a WAL database at `path`."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA synchronous = {synchronous}")
        conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, note TEXT, n INT)")
        conn.execute("INSERT INTO t (note, n) VALUES ('seed', 0)")
        samples = []
        for i in range(commits):
            started = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO t (note, n) VALUES (?, ?)", (f"stage change {i}", i))
            conn.execute("UPDATE t SET n = n + 1 WHERE id = 1")
            conn.execute("COMMIT")
            samples.append(time.perf_counter() - started)
        return samples
    finally:
        conn.close()


def measure(folder: Path, commits: int = 300) -> dict[str, dict[str, float]]:
    """{mode: {"p50_ms", "p95_ms", "max_ms"}} for each synchronous mode, in `folder`."""
    results: dict[str, dict[str, float]] = {}
    for mode in MODES:
        samples = commit_latencies(folder / f"sync-{mode.lower()}.db", mode, commits)
        results[mode] = {
            "p50_ms": statistics.median(samples) * 1000,
            "p95_ms": percentile(samples, 95) * 1000,
            "max_ms": max(samples) * 1000,
        }
    return results


def format_results(results: dict[str, dict[str, float]], commits: int) -> str:
    """A small Markdown table of `measure`'s results."""
    lines = [
        f"| synchronous (WAL) | p50 commit | p95 commit | max | ({commits} commits) |",
        "|---|---|---|---|---|",
    ]
    for mode, figures in results.items():
        lines.append(
            f"| {mode} | {figures['p50_ms']:.3f} ms | {figures['p95_ms']:.3f} ms "
            f"| {figures['max_ms']:.2f} ms | |"
        )
    return "\n".join(lines)


def main() -> None:
    """Measure both modes and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--dir", type=Path, help="folder for the test files (default: a temp dir)")
    args = parser.parse_args()
    if args.dir:
        print(format_results(measure(args.dir, args.commits), args.commits))
        return
    with tempfile.TemporaryDirectory(prefix="jobhunt-sync-") as folder:
        print(format_results(measure(Path(folder), args.commits), args.commits))


if __name__ == "__main__":
    main()
