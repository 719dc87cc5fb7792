"""Running the command line the way a user does: arguments in, exit status and text out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from jobhunt_tui.cli import main

FIXED_NOW = "2026-11-20T12:00:00+00:00"


@dataclass(frozen=True)
class Result:
    """What a command printed and how it exited."""

    exit_code: int
    stdout: str
    stderr: str


def run_cli(capsys: pytest.CaptureFixture[str], db_path: Path, *args: str) -> Result:
    """Run `jobhunt --db DB ARGS…` in-process through the real entry point."""
    capsys.readouterr()
    try:
        main(["--db", str(db_path), *args])
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)
