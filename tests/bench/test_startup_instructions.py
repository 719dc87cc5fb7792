"""benchmarks/startup_instructions.py: its table (the counting itself needs valgrind and
runs by hand, not in the suite)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def test_the_table_names_every_phase_and_the_ratio_of_the_totals() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        module = importlib.import_module("startup_instructions")
    finally:
        sys.path.remove(str(BENCH))
    bare = [80_000_000, 700_000_000, 20_000_000, 100_000_000, 100_000_000]
    jobhunt = [80_000_000, 700_000_000, 350_000_000, 110_000_000, 90_000_000, 7_000_000,
               33_000_000, 130_000_000]  # fmt: skip
    table = module.report(bare, jobhunt).splitlines()
    assert table[2] == "| Python's start | 80 M | 80 M |"
    assert table[4] == "| its widgets imported / jobhunt imported | 20 M | 350 M |"
    assert table[-2] == "| first layout and render |  | 130 M |"
    assert table[-1] == "| **to the first frame** | **1,000 M** | **1,500 M (1.50x)** |"
