"""How instants and dates are written to and read from storage (UTC, ISO 8601)."""

from __future__ import annotations

import datetime as dt

import arrow

_STORED_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def to_stored(moment: arrow.Arrow) -> str:
    """`moment` as stored text: UTC, whole seconds, sortable as text."""
    return moment.to("UTC").strftime(_STORED_FORMAT)


def from_stored(text: str) -> arrow.Arrow:
    """The instant written by `to_stored`."""
    # fromisoformat is C code, ~10x faster than strptime; the board reads thousands of these.
    moment = dt.datetime.fromisoformat(text.removesuffix("Z"))
    return arrow.Arrow(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        tzinfo=dt.timezone.utc,
    )


def maybe_from_stored(text: str | None) -> arrow.Arrow | None:
    """`from_stored`, passing None through."""
    return None if text is None else from_stored(text)


def date_to_stored(day: dt.date | None) -> str | None:
    """A calendar date as stored text (YYYY-MM-DD)."""
    return None if day is None else day.isoformat()


def date_from_stored(text: str | None) -> dt.date | None:
    """The date written by `date_to_stored`."""
    return None if text is None else dt.date.fromisoformat(text)
