"""Whole-process timing of `jobhunt` commands, and which heavy modules a command imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HEAVY_MODULES = ("textual", "rich", "sqlmodel", "sqlalchemy", "pydantic")

_WRAPPER = """\
import atexit, json, sys
def _report():
    with open({out!r}, "w") as handle:
        json.dump([m for m in {heavy!r} if m in sys.modules], handle)
atexit.register(_report)
sys.argv = ["jobhunt", *{args!r}]
from jobhunt_tui.cli import main
main()
"""


class CommandUnavailable(RuntimeError):
    """The command is missing or failed: the report says "not available yet" with this reason."""


@dataclass
class CommandTiming:
    """Wall times of several runs of one command, and what its process imported."""

    seconds: list[float] = field(default_factory=list)
    heavy_imports: list[str] | None = None


def _first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:160] if lines else "no output"


def run_once(argv: Sequence[str], env: Mapping[str, str], timeout: float = 60.0) -> float:
    """Wall seconds of one run; CommandUnavailable if it cannot start or exits non-zero."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            list(argv),
            env=dict(env),
            capture_output=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise CommandUnavailable(str(error)) from None
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        reason = _first_line(done.stderr.decode("utf-8", "replace"))
        raise CommandUnavailable(f"exit {done.returncode}: {reason}")
    return elapsed


def heavy_imports(
    python: str, args: Sequence[str], env: Mapping[str, str], timeout: float = 60.0
) -> list[str]:
    """Which of HEAVY_MODULES `jobhunt ARGS` has in sys.modules when it exits."""
    with tempfile.TemporaryDirectory(prefix="jobhunt-imports-") as folder:
        out = Path(folder) / "modules.json"
        code = _WRAPPER.format(out=str(out), heavy=HEAVY_MODULES, args=list(args))
        try:
            subprocess.run(
                [python, "-c", code],
                env=dict(env),
                capture_output=True,
                timeout=timeout,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise CommandUnavailable(str(error)) from None
        if not out.exists():
            raise CommandUnavailable("the import check did not complete")
        modules: list[str] = json.loads(out.read_text())
        return modules


def time_command(
    jobhunt: Sequence[str],
    args: Sequence[str],
    env: Mapping[str, str],
    runs: int,
    python: str = sys.executable,
) -> CommandTiming:
    """Run `jobhunt ARGS` once to warm the caches, then `runs` times timed."""
    argv = [*jobhunt, *args]
    run_once(argv, env)  # warm-up; raises CommandUnavailable when it does not work yet
    timing = CommandTiming(seconds=[run_once(argv, env) for _ in range(runs)])
    timing.heavy_imports = heavy_imports(python, args, env)
    return timing


def python_startup(python: str, env: Mapping[str, str], runs: int) -> list[float]:
    """Wall seconds of `python -c pass`: the floor under any command."""
    run_once([python, "-c", "pass"], env)
    return [run_once([python, "-c", "pass"], env) for _ in range(runs)]


def jobhunt_command(repo: Path) -> list[str] | None:
    """How to run jobhunt: the console script if installed, else None."""
    script = repo / ".venv" / "bin" / "jobhunt"
    return [str(script)] if script.exists() and os.access(script, os.X_OK) else None
