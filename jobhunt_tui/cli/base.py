"""The click group, the shared state of a command (database, clock) and output helpers."""

from __future__ import annotations

import importlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from jobhunt_tui.cli.launch import clock_from_environment, refuse_without_terminal
from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.domain.text import visible
from jobhunt_tui.storage.database import Database, open_database


@dataclass
class CliState:
    """What every command shares: where the data is and what time it is."""

    db_path: Path | None
    clock: Clock
    _database: Database | None = field(default=None, repr=False)

    @property
    def database(self) -> Database:
        """The open database (opened, created or migrated on first use)."""
        if self._database is None:
            self._database = open_database(self.db_path)
        return self._database


pass_state = click.make_pass_decorator(CliState)


class BadInputError(click.ClickException):
    """Input or a file the command refuses: one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        """Print the one line."""
        click.echo(f"jobhunt: {self.format_message()}", err=True)


# Each command's module is imported only when that command runs: `jobhunt list` and the app's
# start-up skip the import work of every other command.
COMMAND_MODULES: dict[str, str] = {
    **dict.fromkeys(("add", "list", "show", "move", "note"), "pipeline"),
    **dict.fromkeys(("export", "import", "backup", "demo"), "data"),
    **dict.fromkeys(
        ("interview", "reply", "followup", "done", "snooze", "agenda", "report"), "followups"
    ),
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
        """Run the command, reporting a JobhuntError as one line."""
        try:
            return super().invoke(ctx)
        except JobhuntError as error:
            raise BadInputError(str(error)) from error


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
    """Print `value` as indented JSON (UTF-8, non-ASCII kept as is)."""
    click.echo(json.dumps(value, indent=2, ensure_ascii=False))


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
    output.write_text(text, encoding="utf-8")
    click.echo(f"wrote {output}", err=True)
