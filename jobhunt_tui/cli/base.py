"""The click group, the shared state of a command (database, clock) and output helpers."""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from jobhunt_tui.cli.launch import (
    clock_from_environment,
    open_with_backup_offer,
    refuse_without_terminal,
)
from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.domain.text import visible
from jobhunt_tui.services.export_safety import json_text
from jobhunt_tui.services.file_output import save_text
from jobhunt_tui.storage.database import Database
from jobhunt_tui.storage.failures import explain, is_busy
from jobhunt_tui.storage.import_marker import busy_because_of_import, wait_for_import
from jobhunt_tui.storage.paths import default_database_path


@dataclass
class CliState:
    """What every command shares: where the data is and what time it is."""

    db_path: Path | None
    clock: Clock
    _database: Database | None = field(default=None, repr=False)

    @property
    def path(self) -> Path:
        """The data file's path (--db, JOBHUNT_DB, or the default), whether it exists or not."""
        return Path(self.db_path).expanduser() if self.db_path else default_database_path()

    @property
    def database(self) -> Database:
        """The open database (opened, created or migrated on first use)."""
        if self._database is None:
            self._database = open_with_backup_offer(self.db_path)
            for notice in self._database.notices:
                click.echo(f"jobhunt: {notice}", err=True)
        return self._database


pass_state = click.make_pass_decorator(CliState)

# Commands that write: they wait for a running import instead of failing on its lock.
WRITING_COMMANDS = frozenset(
    {"add", "move", "note", "interview", "reply", "followup", "done", "snooze", "import"}
    | {"settings", "undo", "demo", "restore"}
)


class BadInputError(click.ClickException):
    """Input or a file the command refuses: one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        """Print the one line."""
        click.echo(f"jobhunt: {visible(self.format_message())}", err=True)


# Each command's module is imported only when that command runs: `jobhunt list` and the app's
# start-up skip the import work of every other command.
COMMAND_MODULES: dict[str, str] = {
    **dict.fromkeys(("add", "list", "show", "move", "note"), "pipeline"),
    "settings": "settings",
    "draft": "drafts",
    **dict.fromkeys(("export", "import", "backup", "demo"), "data"),
    "restore": "restore",
    **dict.fromkeys(
        ("interview", "reply", "followup", "done", "snooze", "agenda", "report"), "followups"
    ),
    "undo": "changes",
}


class JobhuntGroup(click.Group):
    """A group that loads commands lazily and turns the domain's errors into BadInputError."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, without importing any command module."""
        return sorted(COMMAND_MODULES.keys() | self.commands.keys())

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, importing the module that defines it on first use."""
        module = COMMAND_MODULES.get(cmd_name)
        if cmd_name not in self.commands and module is not None:
            importlib.import_module(f"jobhunt_tui.cli.{module}")
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, reporting a JobhuntError as one line (and a lock held by an
        import as such)."""
        try:
            return super().invoke(ctx)
        except JobhuntError as error:
            raise BadInputError(str(error)) from error
        except Exception as error:
            # Locked, disk full, read-only, permission denied: one line, exit 2.
            path = ctx.obj.path if isinstance(ctx.obj, CliState) else None
            reason = None if isinstance(error, BrokenPipeError) else explain(error, path)
            if reason is None:
                raise
            if path is not None and is_busy(error):
                reason = busy_because_of_import(path) or reason
            raise BadInputError(reason) from error


@click.group(
    cls=JobhuntGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="JOBHUNT_DB",
    help="Database file (default: your user data folder; env JOBHUNT_DB).",
)
@click.version_option(package_name="jobhunt-tui", prog_name="jobhunt")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """jobhunt: run your job search from the terminal.

    With no command, opens the app on your data.
    """
    ctx.obj = CliState(db_path=db_path, clock=clock_from_environment())
    if ctx.invoked_subcommand in WRITING_COMMANDS:
        # A long import holds the write lock: wait for it, saying so, rather than fail.
        wait_for_import(ctx.obj.path, lambda line: click.echo(f"jobhunt: {line}", err=True))
    if ctx.invoked_subcommand is None:
        open_app(ctx.obj)


def open_app(state: CliState) -> None:
    """Open the Textual app; imported here so other commands never load Textual."""
    refuse_without_terminal()
    try:
        from jobhunt_tui.ui.app import run_app
    except ImportError:
        click.echo(click.get_current_context().get_help())
        return
    run_app(state.database, state.clock)


def echo_json(value: Any) -> None:
    """Print `value` as indented JSON (UTF-8, non-ASCII kept, control characters escaped)."""
    click.echo(json_text(value))


def safe(text: str) -> str:
    """Stored text made safe for the terminal: control characters shown as symbols."""
    return visible(text)


def fail(message: str) -> None:
    """Stop the command with one line on stderr and exit status 2."""
    raise BadInputError(message)


def write_output(text: str, output: Path | None) -> None:
    """Write `text` to `output`, or to standard output when none is given."""
    if output is None:
        sys.stdout.write(text)
        return
    save_text(output, text)
    click.echo(f"wrote {safe(str(output))}", err=True)
