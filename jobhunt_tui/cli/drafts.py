"""`jobhunt draft FOLLOWUP_ID [--eml FILE | --mailto | --text]`: a draft, out of the app."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from jobhunt_tui.cli.base import CliState, cli, fail, pass_state
from jobhunt_tui.domain.text import visible
from jobhunt_tui.services.mail import MailService

TO_STDOUT = "-"  # `--eml -` prints the message, for a program that reads one from a pipe


@cli.command()
@click.argument("follow_up_id", type=int)
@click.option(
    "--eml",
    "eml_path",
    type=click.Path(path_type=Path, allow_dash=True),
    help="Write an RFC 5322 message (.eml) that mail programs open (mode 0600); - prints it.",
)
@click.option("--mailto", is_flag=True, help="Print a mailto: link.")
@click.option("--text", "as_text", is_flag=True, help="Print the draft as text (the default).")
@pass_state
def draft(
    state: CliState, follow_up_id: int, eml_path: Path | None, mailto: bool, as_text: bool
) -> None:
    """The draft of a follow-up as an email file, a mailto: link, or text."""
    if sum((eml_path is not None, mailto, as_text)) > 1:
        fail("choose one of --eml FILE, --mailto and --text")
    service = MailService(state.database, state.clock)
    if eml_path == Path(TO_STDOUT):
        sys.stdout.buffer.write(service.eml(follow_up_id))
        sys.stdout.flush()
    elif eml_path is not None:
        saved = service.save_eml(follow_up_id, eml_path)
        click.echo(f"wrote {saved.path} ({saved.size:,} bytes)")
    elif mailto:
        click.echo(service.mailto(follow_up_id))
    else:
        click.echo(visible(service.text(follow_up_id), multiline=True), nl=False)
