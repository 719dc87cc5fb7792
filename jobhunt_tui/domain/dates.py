"""Reading the dates and times the user types, relative to a given `now` in the user's zone.

Accepted, case-insensitive, with an optional 24-hour time `HH:MM` after any date:

- ISO: `2026-11-20`, `2026-11-20 14:00`, `2026-11-20T14:00`
- words: `today`, `tomorrow`, `yesterday`
- a weekday name (`friday`, `fri`): the next such day, never today (`today` says today)
- an offset from today: `+3d`, `+2w`

Everything else is refused rather than guessed: `04/03/2026` (April or March?), `2026-13-01`
(no such month), `2pm`, and a local time that does not exist (skipped by a DST change) or that
happens twice (the clocks go back over it).
"""

from __future__ import annotations

import datetime as dt
import re

import arrow

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.localtime import (
    START_OF_DAY,
    Zone,
    at_local,
    exists,
    is_repeated,
    local_date,
    zone,
)

ACCEPTED = (
    "use YYYY-MM-DD or YYYY-MM-DD HH:MM, today, tomorrow, yesterday, "
    "a weekday name (friday 14:00), or +3d / +2w"
)
ACCEPTED_DAY = "use YYYY-MM-DD, today, tomorrow, yesterday, a weekday name (friday), or +3d / +2w"

WEEKDAYS: dict[str, int] = {}
for _index, _name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
):
    WEEKDAYS[_name] = _index
    WEEKDAYS[_name[:3]] = _index
WEEKDAYS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})

MIN_YEAR = 1970
MAX_YEAR = 2200
MAX_OFFSET_DAYS = 3660

_SPLIT = re.compile(r"^(?P<day>\S+)(?: (?P<time>\S+))?$")
_ISO_T = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})t(?=\d)")
_ISO_DAY = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_OFFSET = re.compile(r"^\+(?P<n>\d{1,4})(?P<unit>[dw])$")
_TIME = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?$")
_SLASHED = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$")


def parse_when(
    text: str,
    now: arrow.Arrow,
    tz: Zone,
    *,
    field: str = "date",
    default_time: dt.time = START_OF_DAY,
) -> arrow.Arrow:
    """The instant `text` names, in the user's zone; a date alone means `default_time`."""
    cleaned = _normalise(text, field, ACCEPTED)
    day_text, time_text = _split(cleaned, text, field, ACCEPTED)
    day = _parse_day_part(day_text, text, now, tz, field, ACCEPTED)
    if time_text is None:
        return at_local(day, default_time, tz)
    clock = _parse_time(time_text, text, field)
    naive = dt.datetime.combine(day, clock)
    zone_name = _zone_name(tz)
    if not exists(naive, tz):
        raise ValidationError(
            field,
            f"{text.strip()!r} does not exist in {zone_name}: the clocks skip that time "
            "(daylight saving); pick a time outside the gap",
        )
    if is_repeated(naive, tz):
        raise ValidationError(
            field,
            f"{text.strip()!r} happens twice in {zone_name}: the clocks go back over it "
            "(daylight saving); pick a time outside that hour",
        )
    return at_local(day, clock, tz)


def parse_day(text: str, now: arrow.Arrow, tz: Zone, *, field: str = "date") -> dt.date:
    """The calendar date `text` names (no time of day allowed)."""
    cleaned = _normalise(text, field, ACCEPTED_DAY)
    day_text, time_text = _split(cleaned, text, field, ACCEPTED_DAY)
    day = _parse_day_part(day_text, text, now, tz, field, ACCEPTED_DAY)
    if time_text is not None:
        raise ValidationError(field, f"{text.strip()!r} has a time; give a date: {ACCEPTED_DAY}")
    return day


def _normalise(text: str, field: str, accepted: str) -> str:
    cleaned = " ".join((text or "").split()).lower()
    if not cleaned:
        raise ValidationError(field, f"is empty; {accepted}")
    return cleaned


def _split(cleaned: str, text: str, field: str, accepted: str) -> tuple[str, str | None]:
    match = _SPLIT.match(_ISO_T.sub(r"\1 ", cleaned))
    if match is None:
        raise ValidationError(field, f"cannot read {text.strip()!r}; {accepted}")
    return match.group("day"), match.group("time")


def _parse_day_part(
    day_text: str, text: str, now: arrow.Arrow, tz: Zone, field: str, accepted: str
) -> dt.date:
    today = local_date(now, tz)
    iso = _ISO_DAY.match(day_text)
    if iso is not None:
        if len(iso.group("m")) != 2 or len(iso.group("d")) != 2:
            raise ValidationError(
                field, f"{text.strip()!r}: write months and days with two digits; {accepted}"
            )
        year, month, day = (int(iso.group(part)) for part in ("y", "m", "d"))
        try:
            result = dt.date(year, month, day)
        except ValueError:
            raise ValidationError(
                field,
                f"{text.strip()!r} is not a real date (months 01-12, days within the month); "
                f"{accepted}",
            ) from None
        if not MIN_YEAR <= result.year <= MAX_YEAR:
            raise ValidationError(
                field, f"{text.strip()!r}: the year must be {MIN_YEAR}-{MAX_YEAR}; {accepted}"
            )
        return result
    if day_text == "today":
        return today
    if day_text == "tomorrow":
        return today + dt.timedelta(days=1)
    if day_text == "yesterday":
        return today - dt.timedelta(days=1)
    if day_text in WEEKDAYS:
        ahead = (WEEKDAYS[day_text] - today.weekday()) % 7 or 7
        return today + dt.timedelta(days=ahead)
    offset = _OFFSET.match(day_text)
    if offset is not None:
        days = int(offset.group("n")) * (7 if offset.group("unit") == "w" else 1)
        if days > MAX_OFFSET_DAYS:
            raise ValidationError(
                field, f"{text.strip()!r} is too far ahead (10 years at most); {accepted}"
            )
        return today + dt.timedelta(days=days)
    if _SLASHED.match(day_text):
        raise ValidationError(
            field, f"{text.strip()!r} is ambiguous (day and month order differ); {accepted}"
        )
    raise ValidationError(field, f"cannot read {text.strip()!r}; {accepted}")


def _parse_time(time_text: str, text: str, field: str) -> dt.time:
    match = _TIME.match(time_text)
    if match is None:
        raise ValidationError(
            field, f"cannot read the time in {text.strip()!r}; use 24-hour HH:MM such as 14:00"
        )
    hour, minute = int(match.group("h")), int(match.group("m"))
    second = int(match.group("s") or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValidationError(
            field, f"{text.strip()!r} is not a real time; use 24-hour HH:MM (00:00 to 23:59)"
        )
    return dt.time(hour, minute, second)


def _zone_name(tz: Zone) -> str:
    info = zone(tz)
    return str(getattr(info, "key", None) or info)
