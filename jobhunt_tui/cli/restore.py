"""`jobhunt restore`: list the automatic backups, or put one back."""

from __future__ import annotations

from pathlib import Path

import click

from jobhunt_tui.cli.base import CliState, cli, fail, pass_state, safe
from jobhunt_tui.services.backup import BackupFile, damage, list_backups
from jobhunt_tui.services.restore import restore as restore_backup
from jobhunt_tui.storage.paths import default_database_path


@cli.command()
@click.argument("which", required=False)
@click.option("--force", is_flag=True, help="Restore even if the data file looks open.")
@pass_state
def restore(state: CliState, which: str | None, force: bool) -> None:
    """List the automatic backups (newest first), or restore one: WHICH is its number in the
    list or a backup file's path.

    The app backs up once a day when it starts (keeping 7 daily, 4 weekly and 6 monthly
    copies, each checked with integrity_check). Restoring checks the backup again and keeps
    the file it replaces beside it (`<name>.replaced-<time>`). Close the app first.
    """
    database_path = Path(state.db_path).expanduser() if state.db_path else default_database_path()
    backups = list_backups(database_path)
    if which is None:
        _print_list(database_path, backups)
        return
    chosen = _chosen(which, backups)
    kept = restore_backup(database_path, chosen, state.clock, force=force)
    click.echo(f"restored {safe(str(database_path))} from {safe(str(chosen))}")
    if kept is not None:
        click.echo(f"the file it replaced is kept at {safe(str(kept))}")


def _print_list(database_path: Path, backups: list[BackupFile]) -> None:
    if not backups:
        click.echo(f"no automatic backups of {safe(str(database_path))} yet")
        return
    click.echo(f"backups of {safe(str(database_path))}, newest first:")
    for number, item in enumerate(backups, start=1):
        problem = damage(item.path)
        verdict = "ok" if problem is None else problem
        size = item.path.stat().st_size
        click.echo(f"  {number:>2}  {item.label}  {size:>10,} bytes  {verdict}")
    click.echo("restore one with: jobhunt restore NUMBER")


def _chosen(which: str, backups: list[BackupFile]) -> Path:
    if which.isdigit():
        number = int(which)
        if not 1 <= number <= len(backups):
            fail(f"there is no backup number {number}; `jobhunt restore` lists {len(backups)}")
        return backups[number - 1].path
    path = Path(which).expanduser()
    if not path.is_file():
        fail(f"{safe(which)}: no such backup file")
    return path
