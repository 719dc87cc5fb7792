"""The `jobhunt` command line. Textual is imported only when the app is opened."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, Any

# What importing the command line makes (arrow, the domain's classes) lives as long as the
# process: ~20 collections scanning it cost every command ~3 ms.
_collecting = gc.isenabled()
gc.disable()
try:
    from jobhunt_tui.cli.launch import app_launch, not_utf8, open_app_directly, say
finally:
    if _collecting:
        gc.enable()

if TYPE_CHECKING:
    import click

__all__ = ["cli", "main"]


def __getattr__(name: str) -> Any:
    """`jobhunt_tui.cli.cli`, the click group, loaded only when asked for."""
    if name == "cli":
        from jobhunt_tui.cli.base import cli

        return cli
    raise AttributeError(name)


def main(argv: list[str] | None = None) -> None:
    """Run a command; bad input or a refused file is one line on stderr and exit status 2."""
    args = sys.argv[1:] if argv is None else list(argv)
    undecodable = not_utf8(args)
    if undecodable is not None:
        print(f"jobhunt: {undecodable}", file=sys.stderr)
        sys.exit(2)
    launch = app_launch(args)
    if launch is not None:
        open_app_directly(launch)
        return
    _run_command(args)


def _run_command(args: list[str]) -> None:
    import click

    from jobhunt_tui.cli.base import cli
    from jobhunt_tui.domain.errors import JobhuntError

    try:
        cli.main(args=args, prog_name="jobhunt", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.exceptions.ClickException as error:
        # Usage mistakes too: one line, status 2, instead of click's usage block.
        _one_line(error)
        sys.exit(2)
    except JobhuntError as error:
        say(str(error))
        sys.exit(2)
    except (BrokenPipeError, KeyboardInterrupt):
        sys.exit(1)
    except Exception as error:
        # Locked, disk full, read-only file or folder, permission denied: one line, status 2.
        from jobhunt_tui.storage.failures import explain

        reason = explain(error)
        if reason is None:
            raise
        say(reason)
        sys.exit(2)


def _one_line(error: click.exceptions.ClickException) -> None:
    say(error.format_message())
