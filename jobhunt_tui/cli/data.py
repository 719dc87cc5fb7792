"""Commands that move data: export, import, backup, demo."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from jobhunt_tui.cli import base
from jobhunt_tui.cli.base import CliState, cli, fail, pass_state, safe, write_output
from jobhunt_tui.cli.progress import progress_bar
from jobhunt_tui.services.backup import backup as make_backup
from jobhunt_tui.services.data_io import (
    ImportOutcome,
    ImportPlan,
    ImportRow,
    apply_plan,
    export_csv,
    export_json,
    preview,
    read_import_file,
)
from jobhunt_tui.services.file_output import save_bytes
from jobhunt_tui.storage.paths import default_database_path

EXPORT_FORMATS = ("csv", "json", "ics")


def _database_path(state: CliState) -> Path:
    """The file the command works on (the group's --db, JOBHUNT_DB, or the default)."""
    return Path(state.db_path).expanduser() if state.db_path else default_database_path()


def _check_output(state: CliState, output: Path | None) -> None:
    """Refuse to write an export over a folder or over the database itself."""
    if output is None:
        return
    if output.is_dir():
        fail(f"{safe(str(output))} is a folder; give a file name after -o")
    database = _database_path(state)
    stems = (database, database.with_name(database.name + "-wal"))
    if any(output.resolve() == path.resolve() for path in stems):
        fail(f"{safe(str(output))} is the database itself; choose another file")
    if not output.parent.is_dir():
        fail(f"{safe(str(output.parent))}: no such folder")


@cli.command(name="export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(EXPORT_FORMATS, case_sensitive=False))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write to FILE (default: stdout)."
)
@pass_state
def export_command(state: CliState, fmt: str, output: Path | None) -> None:
    """Export your data: csv or json (every opportunity), ics (follow-ups and interviews).

    CSV has a header row and one opportunity per row; JSON is a list of opportunities with
    their contacts, timeline, follow-ups and drafts nested, dates in ISO 8601.
    """
    _check_output(state, output)
    fmt = fmt.lower()
    if fmt == "csv":
        data: str | bytes = export_csv(state.database)
    elif fmt == "json":
        data = export_json(state.database) + "\n"
    else:
        from jobhunt_tui.services.calendar_export import export_ics

        data = export_ics(state.database, state.clock())
    if isinstance(data, str):
        write_output(data, output)
    elif output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        save_bytes(output, data)
        click.echo(f"wrote {safe(str(output))}", err=True)


@cli.command(name="import")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["csv"], case_sensitive=False))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@pass_state
def import_command(state: CliState, fmt: str, file: Path, dry_run: bool, as_json: bool) -> None:
    """Import opportunities from a CSV FILE.

    Recognised headers: jobhunt's own export, Huntr's job export and LinkedIn's
    "Job Applications.csv". Every row is checked first and all are stored in one transaction;
    a bad row stops the import with its row number and column, and nothing is written.
    Opportunities already stored (same company and role) are skipped, so importing the same
    file twice is harmless. On a terminal a progress bar shows on stderr; ctrl+c stops the
    import and leaves the data as it was.
    """
    plan = read_import_file(file)  # read and checked before the database is opened
    if dry_run:
        # A dry run does not even create the database file.
        outcome = preview(state.database if _database_path(state).exists() else None, plan)
    else:
        outcome = _import_with_progress(state, plan)
    if as_json:
        base.echo_json(_outcome_record(outcome))
        return
    for line in _outcome_lines(outcome):
        click.echo(line)


def _import_with_progress(state: CliState, plan: ImportPlan) -> ImportOutcome:
    """Store the plan (one transaction) with a progress bar on the terminal."""
    database = state.database  # opened (and any notice printed) before the bar is drawn
    try:
        with progress_bar("importing") as bar:
            return apply_plan(database, state.clock, plan, progress=bar)
    except KeyboardInterrupt:
        click.echo("jobhunt: import interrupted; nothing was stored", err=True)
        raise


def _row_line(row: ImportRow, status: str) -> str:
    """One row of a dry run or import report."""
    data = row.data
    line = f"  row {row.number:<5} {status:<10} {data.stage.value:<12} "
    line += f"{safe(data.company)} — {safe(data.role)}"
    return f"{line}  ({row.remark})" if row.remark else line


def _outcome_lines(outcome: ImportOutcome) -> list[str]:
    """The lines an import prints."""
    plan = outcome.plan
    source = f"{safe(plan.source)} ({plan.dialect} header)"
    skipped = len(outcome.duplicates)
    duplicates = f"{skipped} duplicate{'' if skipped == 1 else 's'} skipped"
    if outcome.dry_run:
        lines = [
            f"dry run: {source}: would import {len(outcome.new)} of {len(plan.rows)} rows, "
            f"{duplicates}; nothing written"
        ]
        rows = sorted(
            [(row, "new") for row in outcome.new]
            + [(row, "duplicate") for row in outcome.duplicates],
            key=lambda pair: pair[0].number,
        )
        lines += [_row_line(row, status) for row, status in rows]
    else:
        count = len(outcome.new)
        noun = "opportunity" if count == 1 else "opportunities"
        lines = [f"imported {count} {noun} from {source}; {duplicates}"]
        lines += [f"  row {row.number}: {row.remark}" for row in outcome.new if row.remark]
    if plan.ignored_columns:
        lines.append(f"ignored columns: {safe(', '.join(plan.ignored_columns))}")
    return lines


def _outcome_record(outcome: ImportOutcome) -> dict[str, object]:
    """An import's outcome as JSON-ready values."""

    def row(item: ImportRow, status: str) -> dict[str, object]:
        """One row as JSON-ready values."""
        data = item.data
        return {
            "row": item.number,
            "status": status,
            "company": data.company,
            "role": data.role,
            "stage": data.stage.value,
            "remark": item.remark,
        }

    return {
        "file": outcome.plan.source,
        "dialect": outcome.plan.dialect,
        "dry_run": outcome.dry_run,
        "imported": 0 if outcome.dry_run else len(outcome.new),
        "new": len(outcome.new),
        "duplicates": len(outcome.duplicates),
        "ignored_columns": list(outcome.plan.ignored_columns),
        "rows": sorted(
            [row(item, "new") for item in outcome.new]
            + [row(item, "duplicate") for item in outcome.duplicates],
            key=lambda entry: int(str(entry["row"])),
        ),
    }


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Where to write the copy (default: beside the database, time-stamped).",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@pass_state
def backup(state: CliState, output: Path | None, force: bool) -> None:
    """Copy the database safely (SQLite backup API), check the copy, print its path.

    The copy is consistent even while the app is open, passes PRAGMA integrity_check, and is
    readable only by you (mode 0600).
    """
    path = _database_path(state)
    if not path.exists():
        fail(f"no database at {safe(str(path))} yet; nothing to back up")
    target = make_backup(state.database, state.clock, output, overwrite=force)
    click.echo(safe(str(target)))


@cli.command()
@click.option(
    "--db",
    "demo_db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Put the demo in this (new or empty) file; default: a new temporary file.",
)
@click.option("--no-open", is_flag=True, help="Fill the database, then exit without the app.")
@pass_state
def demo(state: CliState, demo_db: Path | None, no_open: bool) -> None:
    """Fill a database with realistic demo data (25 opportunities), then open the app.

    Without --db (here, before the command, or in JOBHUNT_DB) the demo goes into a new
    temporary file, never into your own data. A file that already holds opportunities is
    refused.
    """
    from jobhunt_tui.services.demo import fill_demo, stored_opportunities

    if demo_db is not None:
        state.db_path = demo_db
    elif state.db_path is None:
        state.db_path = Path(tempfile.mkdtemp(prefix="jobhunt-demo-")) / "jobhunt.db"
    shown = safe(str(state.db_path))
    held = stored_opportunities(state.database)
    if held:
        fail(f"{shown} already holds {held} opportunities; open it with: jobhunt --db {shown}")
    summary = fill_demo(state.database, state.clock)
    click.echo(
        f"demo: {summary.opportunities} opportunities, {summary.contacts} contacts, "
        f"{summary.interactions} timeline entries, {summary.follow_ups} follow-ups in {shown}"
    )
    click.echo(f"open it again with: jobhunt --db {shown}")
    if not no_open:
        base.open_app(state)
