"""`jobhunt undo`: take back the command line's own last change."""

from __future__ import annotations

import click

from jobhunt_tui.cli.base import CliState, cli, pass_state, safe
from jobhunt_tui.services.history import History


@cli.command()
@pass_state
def undo(state: CliState) -> None:
    """Undo the last change made from the command line (run again to go further back).

    Changes made in the app since are kept: only what that change did is put back, and
    anything another writer changed meanwhile is left as it is and named.
    """
    reverted = History(state.database).undo()
    click.echo(safe(reverted.message))
