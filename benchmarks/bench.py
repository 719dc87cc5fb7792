"""`make bench`: jobhunt's first paint, key latency, memory and CLI time against a bare Textual app.

    .venv/bin/python benchmarks/bench.py            # full: 25, 1,000 and 10,000 opportunities
    .venv/bin/python benchmarks/bench.py --quick    # fewer runs, 25 and 1,000 only
    .venv/bin/python benchmarks/bench.py --sizes 25,10000 --runs 3 --no-write

Prints a Markdown report (progress goes to stderr) and writes it to docs/benchmarks.md.
A measurement whose command is missing or fails is reported as "not available yet".
"""

from __future__ import annotations

import argparse
import os
import shlex
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

import agenda_space  # noqa: E402
import bulk_io  # noqa: E402
import cli_writes  # noqa: E402
import cliruns  # noqa: E402
import dbgen  # noqa: E402
import importprobe  # noqa: E402
import live_view  # noqa: E402
import memory_report  # noqa: E402
import report  # noqa: E402
import sqlite_sync  # noqa: E402
from bare_app import READY_TEXT  # noqa: E402
from draft_keys import typing_session  # noqa: E402
from ptyrun import Detector, all_detector, substring_detector, word_detector  # noqa: E402
from report import Measurement, Target  # noqa: E402
from scenarios import (  # noqa: E402
    AppUnderTest,
    CalendarKeyResults,
    KeyResults,
    LaunchResults,
    calendar_session,
    key_session,
    launch_round,
    log,
)

BARE = "bare"
CLI_SIZE = 1000
QUIET_NAV = 0.03
QUIET_MOVE = 0.15
FIRST_PAINT = Target("≤ 1.5× bare", max_ratio=1.5)
RSS = Target("≤ 2.5× bare", max_ratio=2.5)
NAV = Target("p95 ≤ 16 ms", stat="p95", max_value=16.0)
MOVE = Target("p95 ≤ 50 ms", stat="p95", max_value=50.0)
LIST = Target("≤ 0.5 s, no textual", max_value=0.5)
AGENDA = Target("≤ 0.3 s", max_value=0.3)
AGENDA_SIZE = 10_000


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description="jobhunt benchmarks (see docs/benchmarks.md)")
    parser.add_argument("--quick", action="store_true", help="3 runs, sizes 25 and 1,000")
    parser.add_argument(
        "--sizes", help="comma-separated opportunity counts (default 25,1000,10000)"
    )
    parser.add_argument("--runs", type=int, help="launches per app (default 5; quick 3)")
    parser.add_argument("--keys", type=int, help="navigation presses (default 200; quick 100)")
    parser.add_argument("--moves", type=int, help="stage moves timed (default 20; quick 10)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for a paint")
    parser.add_argument(
        "--jobhunt", help="command that runs jobhunt (default: .venv/bin/jobhunt)", default=""
    )
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "benchmarks.md")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    default_sizes = "25,1000" if args.quick else "25,1000,10000"
    args.sizes = [int(size) for size in (args.sizes or default_sizes).split(",") if size]
    args.runs = args.runs or (3 if args.quick else 5)
    args.keys = args.keys or (100 if args.quick else 200)
    args.moves = args.moves or (10 if args.quick else 20)
    return args


def child_env(tmp: Path) -> dict[str, str]:
    """The environment of every child: private config folders, a fixed clock, the repo."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TEXTUAL")}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp / name.lower())
    env["JOBHUNT_NOW"] = dbgen.ANCHOR.strftime("%Y-%m-%dT%H:%M:%SZ")
    env["JOBHUNT_TZ"] = "UTC"  # the days dbgen's calendar texts are worked out in
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["TERM"] = "xterm-256color"
    env.pop("JOBHUNT_DB", None)
    # An installed app runs from compiled bytecode, as the bare app's Textual does; a shell
    # that forbids writing it would make every launch compile jobhunt from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def first_paint_detector(gen: dbgen.Generated) -> Detector:
    """jobhunt's first paint: cards of the board's first column, and the calendar showing
    the data (the agenda's overdue count, today's mark in the month), not its empty frame."""
    parts = [word_detector(gen.first_column_companies), substring_detector(gen.agenda_heading)]
    if gen.today_mark:
        parts.append(substring_detector(gen.today_mark))
    return all_detector(*parts)


def compile_bytecode(python: str, env: dict[str, str]) -> None:
    """Compile jobhunt's modules once, so no measured launch pays for compiling them."""
    subprocess.run(
        [python, "-m", "compileall", "-q", str(REPO / "jobhunt_tui")],
        env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def jobhunt_argv(python: str, override: str) -> tuple[list[str], str]:
    """The command that runs jobhunt, and a note when it is not the console script."""
    if override:
        return shlex.split(override), f"as `{override}`"
    script = cliruns.jobhunt_command(REPO)
    if script:
        return script, ""
    return [python, "-m", "jobhunt_tui"], "via python -m jobhunt_tui: console script missing"


def stage_changes(path: Path) -> int:
    """How many stage changes the app logged in the database (the commits of `L`/`H`)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            query = "SELECT count(*) FROM interaction WHERE kind = 'stage_change'"
            return int(conn.execute(query).fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


def launch_rows(results: dict[str, LaunchResults], sizes: Sequence[int]) -> list[Measurement]:
    """First paint and peak RSS rows, relative to the bare app's medians."""
    bare = results[BARE]
    rows = [_launch_row("first paint, bare Textual app", "—", bare, "s")]
    rows.append(_launch_row("peak RSS, bare Textual app", "—", bare, "MiB"))
    base_s = rows[0].stat("median") if rows[0].available else None
    base_rss = rows[1].stat("median") if rows[1].available else None
    for size in sizes:
        result = results[str(size)]
        paint = _launch_row("first paint with cards, jobhunt", f"{size:,}", result, "s")
        paint.baseline = base_s
        paint.target = FIRST_PAINT if size in (25, 10_000) else None
        rss = _launch_row("peak RSS, jobhunt", f"{size:,}", result, "MiB")
        rss.baseline = base_rss
        rss.target = RSS if size == 10_000 else None
        rows += [paint, rss]
    return rows


def _launch_row(label: str, size: str, result: LaunchResults, unit: str) -> Measurement:
    samples = list(result.seconds) if unit == "s" else [kib / 1024 for kib in result.peak_rss_kib]
    note = f"{result.unclean_exits} unclean exits" if result.unclean_exits else ""
    return Measurement(label, size, unit, samples, unavailable=result.error, note=note)


def key_rows(keys: dict[str, KeyResults], sizes: Sequence[int], notes: dict[int, str]) -> list:
    """Navigation and stage-move rows (milliseconds), next to the bare app's repaint."""
    bare = keys[BARE]
    nav_base = Measurement("key → frame, bare app `j`", "—", "ms", _ms(bare.navigation))
    nav_base.unavailable = bare.error
    move_base = Measurement("key → frame, bare app `L`", "—", "ms", _ms(bare.moves))
    move_base.unavailable = bare.error
    rows = [nav_base, move_base]
    for size in sizes:
        result = keys[str(size)]
        missing = f"{result.nav_no_frame} keys painted nothing" if result.nav_no_frame else ""
        nav = Measurement("key → frame, `j` on the busiest column", f"{size:,}", "ms")
        nav.samples, nav.target, nav.note = _ms(result.navigation), NAV, missing
        # jobhunt draws a move only once it is committed (the worker commits, then posts the
        # card), so the first frame after `L` is the frame that shows the stored move.
        first = Measurement(
            "key → first frame, `L` stage move (after its commit)", f"{size:,}", "ms"
        )
        first.samples = _ms(result.moves_first_frame)
        first.target = MOVE if size == 10_000 else None
        move = Measurement("key → settled, `L` (every frame it causes)", f"{size:,}", "ms")
        move.samples = _ms(result.moves)
        move_notes = [notes.get(size, "")]
        if result.move_no_frame:
            move_notes.append(f"{result.move_no_frame} moves painted nothing")
        move.note = "; ".join(filter(None, move_notes))
        for row, base in ((nav, nav_base), (first, move_base), (move, move_base)):
            row.unavailable = result.error
            row.baseline = base.stat("p95") if base.available and len(base.samples) > 1 else None
        rows += [nav, first, move]
    return rows


def typing_row(
    apps: Sequence[AppUnderTest],
    launches: dict[str, LaunchResults],
    generated: dict[int, dbgen.Generated],
    env: dict[str, str],
    args: argparse.Namespace,
) -> Measurement:
    """Key → frame while typing in the draft editor, on the largest database, autosave on."""
    size = max(args.sizes)
    app = next(a for a in apps if a.name == str(size))
    row = Measurement("key → frame, typing in the draft editor (autosave on)", f"{size:,}", "ms")
    row.target = NAV
    if launches[app.name].error:
        row.unavailable = "not available yet (see first paint)"
        return row
    log(f"typing in the draft editor: {size:,}")
    result = typing_session(
        app, env, generated[size].path, keys=args.keys, quiet=QUIET_NAV, timeout=args.timeout
    )
    row.samples, row.unavailable = _ms(result.seconds), result.error
    notes = [f"autosaves during the run: {result.saves}"]
    if result.no_frame:
        notes.append(f"{result.no_frame} keys painted nothing")
    row.note = "; ".join(notes)
    return row


def calendar_rows(results: dict[int, CalendarKeyResults], nav_base: Measurement) -> list:
    """Day-cursor key → frame rows in the month grid, next to the bare app's repaint."""
    rows = []
    for size, result in sorted(results.items()):
        row = Measurement("key → frame, calendar day cursor `h j k l`", f"{size:,}", "ms")
        row.samples, row.target = _ms(result.seconds), NAV
        row.unavailable = result.error
        row.note = f"{result.no_frame} keys painted nothing" if result.no_frame else ""
        row.baseline = nav_base.stat("p95") if nav_base.available and nav_base.samples else None
        rows.append(row)
    return rows


def agenda_row(jobhunt: list[str], python: str, env: dict[str, str], db: Path, runs: int):
    """`jobhunt agenda --json`, whole process, on the large database."""
    row = Measurement("`jobhunt agenda --json`", f"{AGENDA_SIZE:,}", "s", target=AGENDA)
    log(f"CLI: jobhunt agenda --json at {AGENDA_SIZE:,}")
    try:
        timing = cliruns.time_command(jobhunt, ["agenda", "--json"], {**env, "JOBHUNT_DB": str(db)},
                                      runs, python)  # fmt: skip
    except cliruns.CommandUnavailable as error:
        row.unavailable = f"not available yet: {error}"
    else:
        row.samples = timing.seconds
        imported = timing.heavy_imports or []
        row.note = f"imports {', '.join(imported)}" if imported else "no heavy imports"
    return row


def _ms(seconds: Sequence[float]) -> list[float]:
    return [value * 1000 for value in seconds]


def cli_rows(jobhunt: list[str], python: str, env: dict[str, str], db: Path, runs: int) -> list:
    """`jobhunt list --json` and `jobhunt agenda --json` at 1,000, and Python's own start."""
    env = {**env, "JOBHUNT_DB": str(db)}
    rows = [
        Measurement("python -c pass (floor)", "—", "s", cliruns.python_startup(python, env, runs))
    ]
    for args, target in ((["list", "--json"], LIST), (["agenda", "--json"], None)):
        row = Measurement(f"`jobhunt {' '.join(args)}`", f"{CLI_SIZE:,}", "s", target=target)
        log(f"CLI: jobhunt {' '.join(args)}")
        try:
            timing = cliruns.time_command(jobhunt, args, env, runs, python)
        except cliruns.CommandUnavailable as error:
            row.unavailable = f"not available yet: {error}"
        else:
            row.samples = timing.seconds
            imported = timing.heavy_imports or []
            row.note = f"imports {', '.join(imported)}" if imported else "no heavy imports"
            if target is LIST and "textual" in imported:
                row.failed_check = "imports textual"
        rows.append(row)
    return rows


def import_notes(apps: Sequence[AppUnderTest], env: dict[str, str], timeout: float) -> list:
    """One note per app: the heavy packages imported before its first frame with content."""
    notes = []
    for app in apps:
        who = "the bare app" if app.name == BARE else f"jobhunt at {int(app.name):,}"
        try:
            probe = importprobe.imports_at_first_paint(app.argv, env, app.detector, timeout)
        except (importprobe.AppFailed, OSError) as error:
            log(f"  import probe of {who}: {error}")
            continue
        costliest = ", ".join(f"{name} {ms:.0f} ms" for name, ms in probe.costliest)
        notes.append(
            f"Imported before the first frame of {who}: {', '.join(probe.heavy) or 'none'} "
            f"(import time by package under `-X importtime`: {costliest})."
        )
    return notes


def main(argv: Sequence[str] | None = None) -> None:
    """Build the databases, measure, print the report and write docs/benchmarks.md."""
    args = parse_args(argv)
    python = str(REPO / ".venv" / "bin" / "python")
    python = python if Path(python).exists() else sys.executable
    jobhunt, how = jobhunt_argv(python, args.jobhunt)
    with tempfile.TemporaryDirectory(prefix="jobhunt-bench-") as folder:
        tmp = Path(folder)
        env = child_env(tmp)
        compile_bytecode(python, env)
        generated: dict[int, dbgen.Generated] = {}
        for size in sorted({*args.sizes, CLI_SIZE}):
            log(f"building a database of {size:,} opportunities")
            generated[size] = dbgen.build(tmp / f"jobhunt-{size}.db", size)
        bare = AppUnderTest(
            BARE, [python, str(HERE / "bare_app.py")], substring_detector(READY_TEXT)
        )
        apps = [bare]
        for size in args.sizes:
            gen = generated[size]
            apps.append(
                AppUnderTest(
                    str(size),
                    [*jobhunt, "--db", str(gen.path)],
                    first_paint_detector(gen),
                    busiest_column=gen.busiest_column,
                    column_length=gen.per_stage[gen.busiest_stage],
                )
            )
        launches = {app.name: LaunchResults() for app in apps}
        for run in range(args.runs):
            log(f"first paint, round {run + 1} of {args.runs}")
            launch_round(apps, launches, env, args.timeout)
        log("import profile at first paint")
        probed = [app for app in apps if not launches[app.name].error]
        notes = import_notes(probed, env, args.timeout)
        keys: dict[str, KeyResults] = {}
        move_notes: dict[int, str] = {}
        for app in apps:
            if launches[app.name].error:
                keys[app.name] = KeyResults(error="not available yet (see first paint)")
                continue
            log(f"keys: {app.name}")
            keys[app.name] = key_session(
                app,
                env,
                presses=args.keys,
                moves=args.moves,
                quiet_nav=QUIET_NAV,
                quiet_move=QUIET_MOVE,
                timeout=args.timeout,
            )
            if app.name != BARE and not keys[app.name].error:
                logged = stage_changes(generated[int(app.name)].path)
                move_notes[int(app.name)] = f"{logged} stage changes logged in the DB"
        calendar: dict[int, CalendarKeyResults] = {}
        for app in apps:
            if app.name == BARE or launches[app.name].error:
                continue
            log(f"calendar keys: {app.name}")
            calendar[int(app.name)] = calendar_session(
                app, env, presses=args.keys, quiet=QUIET_NAV, timeout=args.timeout
            )
        key_table = key_rows(keys, args.sizes, move_notes)
        rows = launch_rows(launches, args.sizes) + key_table
        rows += calendar_rows(calendar, key_table[0])  # next to the bare app's `j`
        rows.append(typing_row(apps, launches, generated, env, args))
        failed = {name for name, result in launches.items() if result.error}
        databases = {size: generated[size].path for size in args.sizes}
        rows.append(agenda_space.row(apps, failed, databases, env, presses=args.moves,
                                     timeout=args.timeout))  # fmt: skip
        rows += cli_rows(jobhunt, python, env, generated[CLI_SIZE].path, args.runs)
        if AGENDA_SIZE not in generated:
            log(f"building a database of {AGENDA_SIZE:,} opportunities")
            generated[AGENDA_SIZE] = dbgen.build(tmp / f"jobhunt-{AGENDA_SIZE}.db", AGENDA_SIZE)
        rows.append(agenda_row(jobhunt, python, env, generated[AGENDA_SIZE].path, args.runs))
        rows += cli_writes.rows(jobhunt, python, env, generated[AGENDA_SIZE].path, args.runs)
        rows += bulk_io.rows(jobhunt, python, env, tmp, generated[AGENDA_SIZE].path, args.runs)
        live_size = max(args.sizes)
        live_db = generated[live_size].path
        rows += live_view.rows([*jobhunt, "--db", str(live_db)], env, live_db, live_size,
                               dbgen.ANCHOR)  # fmt: skip
        log("SQLite commit latency")
        sync_table = sqlite_sync.format_results(sqlite_sync.measure(tmp), 300)
        log(f"memory by stage at {live_size:,}")
        memory = memory_report.run(python, env, live_db, live_size)
    if how:
        notes.append(f"jobhunt was run {how}.")
    settings = {
        "cols": 120,
        "rows": 40,
        "quiet_nav": QUIET_NAV * 1000,
        "quiet_move": QUIET_MOVE * 1000,
        "keys": args.keys,
    }
    text = report.document(rows, report.machine(), sync_table, settings, notes, memory)
    print(text)
    if not args.no_write:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text)
        log(f"wrote {args.output}")


if __name__ == "__main__":
    main()
