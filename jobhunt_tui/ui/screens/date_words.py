"""Dates typed in words, read the same way in a form's live preview and in its result.

Which way a bare weekday points depends on the field: an interview, a decision or a due date
is about the future; an application or a reply about the past (see DESIGN.md, "Words for
dates"). Each field is read through one of these, so the preview under the field and the
date that is saved always agree.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import arrow

from jobhunt_tui.domain.dates import Looking, parse_day, parse_when, resolved_words
from jobhunt_tui.domain.localtime import START_OF_DAY
from jobhunt_tui.ui.widgets.date_field import Resolver

if TYPE_CHECKING:
    from jobhunt_tui.ui.context import Services


def preview(
    services: Services,
    looking: Looking,
    *,
    with_time: bool = True,
    default_time: dt.time = START_OF_DAY,
) -> Resolver:
    """What a date field shows under itself as the user types."""
    return lambda typed: resolved_words(
        typed,
        services.clock(),
        services.tz,
        looking=looking,
        with_time=with_time,
        default_time=default_time,
    )


def moment(
    services: Services,
    typed: str,
    field: str,
    looking: Looking,
    *,
    default_time: dt.time = START_OF_DAY,
) -> arrow.Arrow:
    """The instant the words of `field` name (ValidationError names the field)."""
    return parse_when(
        typed, services.clock(), services.tz, field=field, looking=looking,
        default_time=default_time,
    )  # fmt: skip


def day(services: Services, typed: str, field: str, looking: Looking) -> dt.date:
    """The day the words of `field` name (ValidationError names the field)."""
    return parse_day(typed, services.clock(), services.tz, field=field, looking=looking)
