"""benchmarks/memory_report.py: every stage measured in a child, and a table naming them."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"


def _module(name: str):  # type: ignore[no-untyped-def]
    for folder in (ROOT, BENCH):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    return importlib.import_module(name)


def test_each_stage_is_measured_and_the_form_loads_the_orm(tmp_path: Path) -> None:
    bench = _module("bench")
    dbgen = _module("dbgen")
    memory_report = _module("memory_report")
    db = tmp_path / "jobhunt.db"
    dbgen.build(db, 25)
    text = memory_report.run(sys.executable, bench.child_env(tmp_path), db, 25)
    lines = text.splitlines()
    assert lines[0].startswith("| stage (25 opportunities)")
    assert [line.split(" | ")[0].lstrip("| ") for line in lines[2:]] == list(memory_report.STAGES)
    rss = [int(line.split(" | ")[1].removesuffix(" MiB")) for line in lines[2:]]
    assert all(value > 0 for value in rss)
    assert rss[-1] > rss[-2]  # the ORM arrives with the form


def test_a_child_that_cannot_start_is_one_line(tmp_path: Path) -> None:
    bench = _module("bench")
    memory_report = _module("memory_report")
    missing_python = str(tmp_path / "no-python")
    text = memory_report.run(missing_python, bench.child_env(tmp_path), tmp_path / "x.db", 25)
    assert text.startswith("Memory by stage: not available (")
    assert "\n" not in text
