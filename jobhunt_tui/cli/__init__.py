"""The `jobhunt` command line. Textual is imported only when the app is opened."""

from __future__ import annotations

import sys

import click

from jobhunt_tui.cli.base import cli
from jobhunt_tui.domain.errors import JobhuntError

__all__ = ["cli", "main"]


def main(argv: list[str] | None = None) -> None:
    """Run a command; bad input or a refused file is one line on stderr and exit status 2."""
    try:
        cli.main(args=argv, prog_name="jobhunt", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.exceptions.ClickException as error:
        # Usage mistakes too: one line, status 2, instead of click's usage block.
        click.echo(f"jobhunt: {error.format_message()}", err=True)
        sys.exit(2)
    except JobhuntError as error:
        click.echo(f"jobhunt: {error}", err=True)
        sys.exit(2)
    except (BrokenPipeError, KeyboardInterrupt):
        sys.exit(1)
