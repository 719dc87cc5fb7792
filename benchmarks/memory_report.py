"""Where the app's memory goes: resident set size at each stage of a session at N opportunities.

    .venv/bin/python benchmarks/memory_report.py DB_PATH    # prints the Markdown table

One headless process (Textual's test driver, 120×40) walks the stages a user's session does —
the imports, the first frame, the whole board and calendar read, a form opened (its save needs
the ORM, which loads then) — and reads VmRSS and VmHWM from /proc/self/status after each.
`bench.py` runs it in a child process on its largest database.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STAGES = (
    "Python started",
    "Textual imported (what the bare app imports)",
    "jobhunt's UI modules imported",
    "first frame (board's first screen, calendar, draft pane)",
    "every card and the whole calendar read",
    "a form opened: the ORM loaded for its save",
)


def _status() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process in KiB."""
    values = {}
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line.split(":")[0]] = int(line.split()[1])
    return values["VmRSS"], values["VmHWM"]


def measure(db_path: str) -> list[tuple[int, int]]:
    """RSS and peak at each of STAGES, in this process (call it in a fresh one)."""
    samples = [_status()]
    import textual.app  # noqa: F401
    from textual.widgets import Footer, Header, Static  # noqa: F401

    samples.append(_status())
    from jobhunt_tui.cli.launch import clock_from_environment
    from jobhunt_tui.storage.database import open_database
    from jobhunt_tui.ui.app import JobhuntApp

    samples.append(_status())

    async def session() -> None:
        app = JobhuntApp(open_database(Path(db_path)), clock_from_environment(), backup_after=None)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            samples.append(_status())
            for _ in range(3):  # the full read, then what it starts (calendar, live view)
                await app.workers.wait_for_complete()
                await pilot.pause()
            samples.append(_status())
            await pilot.press("a")
            await pilot.pause()
            await app.workers.wait_for_complete()
            samples.append(_status())
            await pilot.press("escape")

    asyncio.run(session())
    return samples


def table(samples: list[tuple[int, int]], size: int) -> str:
    """The Markdown table: each stage's RSS, what it added, and the peak so far."""
    lines = [
        f"| stage ({size:,} opportunities) | RSS | added | peak so far |",
        "|---|---:|---:|---:|",
    ]
    previous = 0
    for stage, (rss, peak) in zip(STAGES, samples, strict=True):
        added = f"+{(rss - previous) / 1024:.0f} MiB" if previous else "—"
        lines.append(f"| {stage} | {rss / 1024:.0f} MiB | {added} | {peak / 1024:.0f} MiB |")
        previous = rss
    return "\n".join(lines)


def run(python: str, env: Mapping[str, str], db_path: Path, size: int) -> str:
    """The table, measured in a child process; a line saying why when it cannot be."""
    try:
        done = subprocess.run(
            [python, str(Path(__file__)), str(db_path)],
            env={
                **env,
                "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])),
            },
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"Memory by stage: not available ({error})."
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return f"Memory by stage: not available ({last[:160]})."
    return table([tuple(pair) for pair in json.loads(done.stdout)], size)


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1])))
