"""Instructions from launch to the first frame, phase by phase: the bare app against jobhunt.

    .venv/bin/python benchmarks/startup_instructions.py            # 25 opportunities
    .venv/bin/python benchmarks/startup_instructions.py --size 10000

Wall-clock first paint on a shared 2-core machine moves by a third between runs; callgrind's
instruction count does not, so this is how a change to startup is judged before `make bench`.
Each app runs in a 120x40 pseudo-terminal under `valgrind --tool=callgrind` and calls
`os.getpgid` at every phase boundary, where callgrind dumps its counters
(`--dump-before=getpgid`); the app stops at its first frame with content. Threads run one at a
time under valgrind, so work that overlaps on a real machine (the read-ahead) counts in full.
Needs valgrind (`apt-get install valgrind`); not part of `make bench`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BARE_PHASES = ("Python's start", "Textual imported", "its widgets imported", "app started",
               "first frame")  # fmt: skip
JOBHUNT_PHASES = ("Python's start", "Textual imported", "jobhunt imported",
                  "app started, screen composing", "composed and styled",
                  "board's first screen read", "until the first layout",
                  "first layout and render")  # fmt: skip


def _mark() -> None:
    os.getpgid(0)  # callgrind dumps its counters here (--dump-before=getpgid)


def child(which: str, db: str) -> None:
    """Run in the pseudo-terminal under callgrind: mark the phases, stop at the first frame."""
    _mark()
    from textual.app import App
    from textual.screen import Screen

    _mark()
    display = App._display

    def first_frame(self: App[None], screen: Screen[None], update: object) -> None:
        display(self, screen, update)  # type: ignore[arg-type]
        if update is not None:
            _mark()
            os._exit(0)

    App._display = first_frame  # type: ignore[method-assign]
    if which == "bare":
        sys.path.insert(0, str(HERE))
        from bare_app import BareApp

        _mark()
        layout = Screen._refresh_layout

        def bare_layout(self: Screen[None], *args: object, **options: object) -> None:
            _mark()
            layout(self, *args, **options)  # type: ignore[arg-type]

        Screen._refresh_layout = bare_layout  # type: ignore[method-assign]
        BareApp().run()
        return
    from jobhunt_tui.cli import main
    from jobhunt_tui.ui.screens.main import MainScreen

    _mark()
    compose, on_mount, layout = MainScreen.compose, MainScreen.on_mount, Screen._refresh_layout

    def marked_compose(self: MainScreen):  # type: ignore[no-untyped-def]
        _mark()
        yield from compose(self)

    def marked_mount(self: MainScreen) -> None:
        _mark()
        on_mount(self)
        _mark()

    def marked_layout(self: Screen[None], *args: object, **options: object) -> None:
        if isinstance(self, MainScreen):
            _mark()
        layout(self, *args, **options)  # type: ignore[arg-type]

    MainScreen.compose = marked_compose  # type: ignore[method-assign]
    MainScreen.on_mount = marked_mount  # type: ignore[method-assign]
    Screen._refresh_layout = marked_layout  # type: ignore[method-assign]
    main(["--db", db])


def count(which: str, db: Path, out: Path, env: dict[str, str]) -> list[int]:
    """Instructions of each phase of one launch (callgrind's dumps, in order)."""
    import fcntl
    import re
    import select
    import struct
    import subprocess
    import termios

    folder = out / which
    folder.mkdir()
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    command = [
        "valgrind", "--tool=callgrind", "--dump-before=getpgid",
        f"--callgrind-out-file={folder / 'out'}", f"--log-file={folder / 'log'}",
        sys.executable, __file__, "--child", which, str(db),
    ]  # fmt: skip
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    while process.poll() is None:  # drain the screen so the app never blocks on writing
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                os.read(master, 65536)
            except OSError:
                break
    process.wait()
    os.close(master)
    dumps = sorted(folder.glob("out.*"), key=lambda path: int(path.suffix[1:]))
    return [int(re.search(r"^summary: (\d+)", p.read_text(), re.M).group(1)) for p in dumps]  # type: ignore[union-attr]


def report(bare: list[int], jobhunt: list[int]) -> str:
    """A Markdown table of both launches' phases, in millions of instructions."""
    lines = ["| phase | bare app | jobhunt |", "|---|---:|---:|"]
    for index in range(max(len(BARE_PHASES), len(JOBHUNT_PHASES))):
        name_b = BARE_PHASES[index] if index < len(BARE_PHASES) else ""
        name_j = JOBHUNT_PHASES[index] if index < len(JOBHUNT_PHASES) else ""
        b = f"{bare[index] / 1e6:,.0f} M" if index < len(bare) else ""
        j = f"{jobhunt[index] / 1e6:,.0f} M" if index < len(jobhunt) else ""
        label = name_j if name_b == name_j or not name_b else f"{name_b} / {name_j}"
        lines.append(f"| {label} | {b} | {j} |")
    total_b, total_j = sum(bare), sum(jobhunt)
    lines.append(f"| **to the first frame** | **{total_b / 1e6:,.0f} M** | "
                 f"**{total_j / 1e6:,.0f} M ({total_j / total_b:.2f}x)** |")  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    """Build a database, count both launches, print the table."""
    if sys.argv[1:2] == ["--child"]:  # before anything is imported: the child counts it
        child(*sys.argv[2:4])
        return
    import argparse
    import shutil
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=25, help="opportunities (default 25)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    sys.path[:0] = [str(HERE), str(REPO)]
    import dbgen

    with tempfile.TemporaryDirectory(prefix="jobhunt-instructions-") as folder:
        tmp = Path(folder)
        gen = dbgen.build(tmp / "jobhunt.db", args.size)
        env = {key: value for key, value in os.environ.items() if not key.startswith("TEXTUAL")}
        env.update(TERM="xterm-256color", JOBHUNT_TZ="UTC",
                   JOBHUNT_NOW=dbgen.ANCHOR.strftime("%Y-%m-%dT%H:%M:%SZ"),
                   XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"),
                   PYTHONPATH=str(REPO))  # fmt: skip
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # count running jobhunt, not compiling it
        for warm in ("bare", "jobhunt"):  # a first launch writes the bytecode caches
            count(warm, gen.path, Path(tempfile.mkdtemp(dir=tmp)), env)
        bare = count("bare", gen.path, tmp, env)
        jobhunt = count("jobhunt", gen.path, tmp, env)
    print(f"Instructions to the first frame, {args.size:,} opportunities, 120x40:\n")
    print(report(bare, jobhunt))


if __name__ == "__main__":
    main()
