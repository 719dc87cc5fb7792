"""Which command lines open the app straight away, and which go through click."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jobhunt_tui.cli.launch import AppLaunch, app_launch


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], AppLaunch(None)),
        (["--db", "my.db"], AppLaunch(Path("my.db"))),
        (["--db=my.db"], AppLaunch(Path("my.db"))),
        (["--db"], None),
        (["--db="], None),
        (["--db", "--help"], None),
        (["--help"], None),
        (["list"], None),
        (["--db", "my.db", "list"], None),
        (["--version"], None),
    ],
)
def test_only_bare_launches_skip_click(args: list[str], expected: AppLaunch | None) -> None:
    assert app_launch(args) == expected


def test_a_refused_file_is_one_line_and_status_2_without_click(tmp_path: Path) -> None:
    not_ours = tmp_path / "notes.txt"
    not_ours.write_text("hello", encoding="utf-8")
    script = (
        "import sys\n"
        "from jobhunt_tui.cli import main\n"
        f"sys.argv = ['jobhunt', '--db', {str(not_ours)!r}]\n"
        "try:\n    main()\n"
        "finally:\n"
        "    print(','.join(m for m in ('click', 'textual') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"jobhunt: {not_ours} is not a SQLite database; jobhunt left it untouched"
    ]
    assert result.stdout.strip() == ""
    assert not_ours.read_text(encoding="utf-8") == "hello"


@pytest.mark.parametrize("args", [[], ["demo"]])
def test_without_a_terminal_the_app_refuses_to_start(tmp_path: Path, args: list[str]) -> None:
    log = tmp_path / "log"
    script = (
        "import sys\n"
        "from jobhunt_tui.cli import main\n"
        f"sys.argv = ['jobhunt', '--db', {str(tmp_path / 'j.db')!r}, *{args!r}]\n"
        "main()\n"
    )
    with open(log, "wb") as out:
        result = subprocess.run(
            [sys.executable, "-c", script],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            timeout=30,
        )
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("jobhunt: the app needs a terminal")
    assert "jobhunt --help" in line
    assert b"\x1b" not in log.read_bytes()  # no escape codes written into the file


def test_importing_the_command_line_leaves_the_collector_as_it_found_it() -> None:
    script = (
        "import gc; import jobhunt_tui.cli; print(gc.isenabled()); "
        "gc.disable(); import importlib; importlib.reload(jobhunt_tui.cli); print(gc.isenabled())"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=30
    )
    assert result.stdout.split() == ["True", "False"]
