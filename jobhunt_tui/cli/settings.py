"""`jobhunt settings [KEY [VALUE]]`: show every setting, show one, or change one."""

from __future__ import annotations

import sys

import click

from jobhunt_tui.cli.base import CliState, cli, pass_state, safe
from jobhunt_tui.domain import settings as rules
from jobhunt_tui.domain.models import Settings
from jobhunt_tui.services.settings import SettingsService

READ_STDIN = "-"


def _listing(settings: Settings) -> str:
    width = max(len(key) for key in rules.KEYS)
    lines = []
    for spec in rules.SPECS:
        value = rules.shown(settings, spec.key)
        first, *rest = safe_lines(value) or [""]
        lines.append(f"{spec.key:<{width}}  {first}".rstrip())
        lines.extend(f"{'':<{width}}  {line}" for line in rest)
    return "\n".join(lines)


def safe_lines(value: str) -> list[str]:
    """The value's lines, each made safe for the terminal."""
    return [safe(line) for line in value.split("\n")] if value else []


# `jobhunt settings min_gap_days -3` must reach the validation (and its clear message) as a
# value, not fail as an unknown option.
@cli.command("settings", context_settings={"ignore_unknown_options": True})
@click.argument("key", required=False)
@click.argument("value", required=False)
@pass_state
def settings_command(state: CliState, key: str | None, value: str | None) -> None:
    """Show every setting, show KEY, or set KEY to VALUE (validated).

    A VALUE of - is read from standard input (for a signature of several lines).
    Planned follow-ups keep their dates; new ones use the new numbers.
    """
    service = SettingsService(state.database)
    if key is None:
        click.echo(_listing(service.read()))
        return
    spec = rules.spec_for(key)
    if value is None:
        click.echo("\n".join(safe_lines(rules.shown(service.read(), spec.key))))
        return
    text = sys.stdin.read().rstrip("\n") if value == READ_STDIN else value
    before, after = service.change(spec.key, text)
    old, new = _one_line(before, spec.key), _one_line(after, spec.key)
    was = "" if old == new else f" (was {old or 'empty'})"
    click.echo(f"{spec.key} = {new or '(empty)'}{was}")
    if spec.key in rules.CADENCE_KEYS and old != new:
        click.echo("planned follow-ups keep their dates; new plans use the new value", err=True)


def _one_line(settings: Settings, key: str) -> str:
    return " ⏎ ".join(safe_lines(rules.shown(settings, key)))
