"""Bulk data in and out, whole process: `jobhunt import` of a LinkedIn file and `jobhunt export`.

The LinkedIn file is generated here, deterministically (seeded RNG, dates up to `dbgen.ANCHOR`),
in the shape of LinkedIn's "Job Applications.csv" (Jobs folder of the data export): M/D/YY dates
with a time, a contact on some rows, a resume name, a column jobhunt ignores, and a few rows
that repeat an earlier company and role (in another case) so duplicate detection is exercised.
Every timed import starts from a fresh copy of the same empty database.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import cliruns
import dbgen
import report
from report import Measurement, Target
from scenarios import log

HERE = Path(__file__).resolve().parent

IMPORT_ROWS = 20_000
EXPORT_SIZE = 10_000
IMPORT = Target("≤ 10 s", max_value=10.0)
EXPORT = Target("≤ 2 s", max_value=2.0)
IMPORT_TIMEOUT = 600.0  # the import used to take a minute; a slow run is a figure, not an error

LINKEDIN_HEADER = (
    "Application Date",
    "Contact Email",
    "Contact Phone Number",
    "Company Name",
    "Job Title",
    "Job Url",
    "Resume Name",
    "Question And Answers",
)
_LEVELS = ("", "Senior ", "Staff ", "Lead ", "Junior ", "Principal ")
_TITLES = (
    *("Backend Engineer", "Frontend Engineer", "Data Engineer", "Product Manager"),
    *("Platform Engineer", "Security Engineer", "QA Engineer", "ML Engineer"),
)
_PEOPLE = ("ann", "ben", "cara", "dev", "eli", "fay", "gus", "hana", "ivo", "jun")
DUPLICATE_SHARE = 0.02
"""About this share of the rows repeat an earlier company and role."""


@dataclass(frozen=True)
class LinkedInFile:
    """A generated file: where it is, how many rows, and how many of them are repeats."""

    path: Path
    rows: int
    duplicates: int
    with_contact: int

    @property
    def new(self) -> int:
        """How many opportunities importing it into an empty database stores."""
        return self.rows - self.duplicates


def _linkedin_date(moment: dt.datetime) -> str:
    """`8/15/26, 3:04 PM`, as LinkedIn writes it."""
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"{moment.month}/{moment.day}/{moment.year % 100:02d}, {hour}:{moment.minute:02d} {half}"


def linkedin_csv(path: Path, rows: int, *, seed: int = 20261102) -> LinkedInFile:
    """Write `rows` LinkedIn application rows to `path` (same arguments, same bytes)."""
    rng = random.Random(seed + rows)
    names = dbgen.company_names(max(5, rows // 5))
    written: list[tuple[str, str]] = []
    keys: set[tuple[str, str]] = set()
    duplicates = with_contact = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(LINKEDIN_HEADER)
        for n in range(rows):
            if written and rng.random() < DUPLICATE_SHARE:
                company, title = rng.choice(written)
                company, title = company.upper(), title.lower()  # the same, in another case
                duplicates += 1
            else:
                company, title = rng.choice(names), rng.choice(_LEVELS) + rng.choice(_TITLES)
                while (company.casefold(), title.casefold()) in keys:
                    company = rng.choice(names)
                keys.add((company.casefold(), title.casefold()))
                written.append((company, title))
            applied = dbgen.ANCHOR - dt.timedelta(
                days=rng.randrange(1, 700), minutes=rng.randrange(24 * 60)
            )
            email = phone = ""
            if rng.random() < 0.3:
                email = f"{rng.choice(_PEOPLE)}@{company.lower()}.example"
                phone = f"+1 555 01{rng.randrange(100):02d}" if rng.random() < 0.3 else ""
                with_contact += 1
            resume = rng.choice(("", "cv.pdf", "resume-2026.pdf"))
            answers = "Are you authorised to work? Yes" if rng.random() < 0.2 else ""
            url = f"https://www.linkedin.com/jobs/view/{4_000_000_000 + n}"
            writer.writerow(
                [_linkedin_date(applied), email, phone, company, title, url, resume, answers]
            )
    return LinkedInFile(path, rows, duplicates, with_contact)


def empty_database(path: Path) -> Path:
    """A new, empty jobhunt database at `path` (made through jobhunt's own storage API)."""
    from jobhunt_tui.storage.database import open_database

    umask = os.umask(0o077)  # open_database sets the process umask; give ours back after
    try:
        open_database(path).close()
    finally:
        os.umask(umask)
    return path


def stored_opportunities(path: Path) -> int:
    """How many opportunities the file holds (-1 when it cannot be read)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT count(*) FROM opportunity").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


def import_row(
    jobhunt: Sequence[str], python: str, env: Mapping[str, str], tmp: Path, runs: int
) -> Measurement:
    """`jobhunt import csv` of IMPORT_ROWS LinkedIn rows into an empty database, whole
    process; every run (and one untimed warm-up) starts from a fresh copy of the same file."""
    row = Measurement(
        f"`jobhunt import` {IMPORT_ROWS:,} LinkedIn rows", f"{IMPORT_ROWS:,}", "s", target=IMPORT
    )
    log(f"CLI: jobhunt import of {IMPORT_ROWS:,} LinkedIn rows")
    generated = linkedin_csv(tmp / "Job Applications.csv", IMPORT_ROWS)
    template = empty_database(tmp / "import-template.db")
    target = tmp / "import.db"

    def fresh() -> list[str]:
        for leftover in (target, target.with_name(target.name + "-wal")):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(template, target)
        return ["--db", str(target), "import", "csv", str(generated.path)]

    try:
        cliruns.run_once([*jobhunt, *fresh()], env, timeout=IMPORT_TIMEOUT)  # warm-up
        stored = stored_opportunities(target)
        for _ in range(runs):
            row.samples.append(cliruns.run_once([*jobhunt, *fresh()], env, IMPORT_TIMEOUT))
        imported = cliruns.heavy_imports(python, fresh(), env, IMPORT_TIMEOUT)
    except cliruns.CommandUnavailable as error:
        row.unavailable = f"not available yet: {error}"
        return row
    notes = [f"{generated.new:,} new, {generated.duplicates:,} duplicates skipped"]
    notes.append(f"imports {', '.join(imported)}" if imported else "no heavy imports")
    row.note = "; ".join(notes)
    if stored != generated.new:
        row.failed_check = f"stored {stored:,} opportunities, expected {generated.new:,}"
    return row


def export_rows(
    jobhunt: Sequence[str], python: str, env: Mapping[str, str], db: Path, runs: int
) -> list[Measurement]:
    """`jobhunt export json` and `export csv` of the whole database to stdout, whole process."""
    env = {**env, "JOBHUNT_DB": str(db)}
    rows = []
    for fmt, what in (("json", "with all history"), ("csv", "one row each")):
        row = Measurement(f"`jobhunt export {fmt}` {what}", f"{EXPORT_SIZE:,}", "s", target=EXPORT)
        log(f"CLI: jobhunt export {fmt} at {EXPORT_SIZE:,}")
        try:
            timing = cliruns.time_command(jobhunt, ["export", fmt], env, runs, python)
        except cliruns.CommandUnavailable as error:
            row.unavailable = f"not available yet: {error}"
        else:
            row.samples = timing.seconds
            imported = timing.heavy_imports or []
            row.note = f"imports {', '.join(imported)}" if imported else "no heavy imports"
        rows.append(row)
    return rows


def rows(
    jobhunt: Sequence[str],
    python: str,
    env: Mapping[str, str],
    tmp: Path,
    export_db: Path,
    runs: int,
) -> list[Measurement]:
    """The import and export rows of the report (`export_db` holds EXPORT_SIZE opportunities)."""
    imported = import_row(jobhunt, python, env, tmp, runs)
    return [imported, *export_rows(jobhunt, python, env, export_db, runs)]


def main(argv: Sequence[str] | None = None) -> None:
    """Only these rows: `.venv/bin/python benchmarks/bulk_io.py [--runs N] [--jobhunt CMD]`."""
    import bench

    parser = argparse.ArgumentParser(description="jobhunt import/export benchmarks")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each command")
    parser.add_argument("--jobhunt", default="", help="command that runs jobhunt (another tree)")
    args = parser.parse_args(argv)
    python = str(HERE.parent / ".venv" / "bin" / "python")
    python = python if Path(python).exists() else sys.executable
    jobhunt, _how = bench.jobhunt_argv(python, args.jobhunt)
    with tempfile.TemporaryDirectory(prefix="jobhunt-bulk-") as folder:
        tmp = Path(folder)
        log(f"building a database of {EXPORT_SIZE:,} opportunities")
        db = dbgen.build(tmp / f"jobhunt-{EXPORT_SIZE}.db", EXPORT_SIZE).path
        print(report.table(rows(jobhunt, python, bench.child_env(tmp), tmp, db, args.runs)))


if __name__ == "__main__":
    main()
