"""Reading the dates and times the user types, relative to a given `now` in the user's zone.

Accepted, case-insensitive, with an optional 24-hour time `HH:MM` after any day:

- ISO: `2026-11-20`, `2026-11-20 14:00`, `2026-11-20T14:00`
- words: `today`, `tomorrow`, `yesterday`
- offsets: `+3d`, `-2w`, `in 3 days`, `3 days ago`, `in 2 weeks`; and from this very moment
  (no time after them): `+2h`, `-5h`, `in 2 hours`, `2 hours ago`
- weekdays: `last friday` (the most recent one before today), `next friday` (the coming one
  after today), and a bare `friday`: the coming one where the field is about the future (an
  interview, a due date), the most recent one where it is about the past (a reply, a send,
  `report --since`). The field says which with `looking`.

Everything else is refused rather than guessed: `04/03/2026` (April or March?), `2026-13-01`
(no such month), `2pm`, and a local time that does not exist (skipped by a DST change) or that
happens twice (the clocks go back over it). So is anything before 2000 or more than two years
ahead (`bounded`). An error quotes at most 80 characters of what was typed.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum

import arrow

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.localtime import (
    START_OF_DAY,
    Zone,
    at_local,
    exists,
    is_repeated,
    local,
    local_date,
    short_date,
    zone,
)
from jobhunt_tui.domain.text import visible


class Looking(str, Enum):
    """Which way a field faces: a bare weekday means the coming one or the last one."""

    FUTURE = "future"
    PAST = "past"


ACCEPTED = (
    "use YYYY-MM-DD or YYYY-MM-DD HH:MM, today, tomorrow, yesterday, friday 14:00, "
    "last friday, next friday, +3d, -2w, +2h, in 3 days, 3 days ago"
)
ACCEPTED_DAY = (
    "use YYYY-MM-DD, today, tomorrow, yesterday, friday, last friday, next friday, "
    "+3d, -2w, in 3 days, 3 days ago"
)

WEEKDAYS: dict[str, int] = {}
for _index, _name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
):
    WEEKDAYS[_name] = _index
    WEEKDAYS[_name[:3]] = _index
WEEKDAYS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})

EARLIEST_DAY = dt.date(2000, 1, 1)
"""Nothing a job search records happened before this."""
YEARS_AHEAD = 2
"""Nothing is planned further ahead than this."""
SHOWN_MAX = 80
"""An error message quotes at most this many characters of the input."""

_UNITS = {"h": "hours", "d": "days", "w": "weeks"}
_UNIT_WORDS = {
    "hour": "h",
    "hours": "h",
    "day": "d",
    "days": "d",
    "week": "w",
    "weeks": "w",
}
_ISO_T = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})t(?=\d)")
_ISO_DAY = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_SHORT_OFFSET = re.compile(r"^(?P<sign>[+-])(?P<n>\d{1,4})(?P<unit>[hdw])$")
_IN_WORDS = re.compile(r"^in (?P<n>\d{1,4}) (?P<unit>hours?|days?|weeks?)$")
_AGO_WORDS = re.compile(r"^(?P<n>\d{1,4}) (?P<unit>hours?|days?|weeks?) ago$")
_LAST_NEXT = re.compile(r"^(?P<which>last|next) (?P<day>[a-z]+)$")
_TIME = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?$")
_SLASHED = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$")


def shown(text: str) -> str:
    """`text` quoted for an error message: visible characters, at most SHOWN_MAX of them."""
    cleaned = visible(" ".join((text or "").split()))
    if len(cleaned) > SHOWN_MAX:
        cleaned = cleaned[: SHOWN_MAX - 1] + "…"
    return repr(cleaned)


def latest_day(now: arrow.Arrow, tz: Zone) -> dt.date:
    """The furthest day ahead anything may be dated: two years from today."""
    today = local_date(now, tz)
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def bounded(day: dt.date, now: arrow.Arrow, tz: Zone, field: str, text: str = "") -> dt.date:
    """`day`, or ValidationError when it is before 2000 or more than two years ahead."""
    not_too_old(day, field, text)
    what = shown(text) if text else day.isoformat()
    last = latest_day(now, tz)
    if day > last:
        raise ValidationError(
            field, f"{what} is more than {YEARS_AHEAD} years ahead (after {last.isoformat()})"
        )
    return day


def not_before(
    moment: arrow.Arrow, earliest: dt.date, tz: Zone, field: str, reason: str
) -> arrow.Arrow:
    """`moment`, or ValidationError saying `reason` when its local date is before `earliest`."""
    if local_date(moment, tz) < earliest:
        raise ValidationError(
            field, f"{short_date(moment, tz)} is before {earliest.isoformat()}: {reason}"
        )
    return moment


def parse_when(
    text: str,
    now: arrow.Arrow,
    tz: Zone,
    *,
    field: str = "date",
    default_time: dt.time = START_OF_DAY,
    looking: Looking = Looking.FUTURE,
) -> arrow.Arrow:
    """The instant `text` names, in the user's zone; a day alone means `default_time`."""
    cleaned = _normalise(text, field, ACCEPTED)
    hours = _hour_offset(cleaned)
    if hours is not None:
        moment = local(now.shift(hours=hours), tz)
        bounded(local_date(moment, tz), now, tz, field, text)
        return moment
    day_text, time_text = _split_time(cleaned)
    day = _parse_day_part(day_text, text, now, tz, field, ACCEPTED, looking)
    if time_text is None:
        return at_local(day, default_time, tz)
    clock = _parse_time(time_text, text, field)
    naive = dt.datetime.combine(day, clock)
    zone_name = _zone_name(tz)
    if not exists(naive, tz):
        raise ValidationError(
            field,
            f"{shown(text)} does not exist in {zone_name}: the clocks skip that time "
            "(daylight saving); pick a time outside the gap",
        )
    if is_repeated(naive, tz):
        raise ValidationError(
            field,
            f"{shown(text)} happens twice in {zone_name}: the clocks go back over it "
            "(daylight saving); pick a time outside that hour",
        )
    return at_local(day, clock, tz)


def parse_day(
    text: str,
    now: arrow.Arrow,
    tz: Zone,
    *,
    field: str = "date",
    looking: Looking = Looking.FUTURE,
) -> dt.date:
    """The calendar date `text` names (no time of day allowed)."""
    cleaned = _normalise(text, field, ACCEPTED_DAY)
    if _hour_offset(cleaned) is not None:
        raise ValidationError(field, f"{shown(text)} is hours; give a date: {ACCEPTED_DAY}")
    day_text, time_text = _split_time(cleaned)
    if time_text is not None:
        raise ValidationError(field, f"{shown(text)} has a time; give a date: {ACCEPTED_DAY}")
    return _parse_day_part(day_text, text, now, tz, field, ACCEPTED_DAY, looking)


def _normalise(text: str, field: str, accepted: str) -> str:
    cleaned = " ".join((text or "").split()).lower()
    if not cleaned:
        raise ValidationError(field, f"is empty; {accepted}")
    return _ISO_T.sub(r"\1 ", cleaned)


def _hour_offset(cleaned: str) -> int | None:
    """Hours from now for `+2h`, `-5h`, `in 2 hours`, `2 hours ago`; None for anything else."""
    offset = _offset(cleaned)
    if offset is None or offset[1] != "h":
        return None
    return offset[0]


def _offset(cleaned: str) -> tuple[int, str] | None:
    """(signed count, unit letter) of an offset phrase, None when it is not one."""
    short = _SHORT_OFFSET.match(cleaned)
    if short is not None:
        count = int(short.group("n"))
        return (-count if short.group("sign") == "-" else count), short.group("unit")
    ahead = _IN_WORDS.match(cleaned)
    if ahead is not None:
        return int(ahead.group("n")), _UNIT_WORDS[ahead.group("unit")]
    back = _AGO_WORDS.match(cleaned)
    if back is not None:
        return -int(back.group("n")), _UNIT_WORDS[back.group("unit")]
    return None


def _split_time(cleaned: str) -> tuple[str, str | None]:
    """(day words, time) when the last word looks like a clock time, else (all, None)."""
    words = cleaned.rsplit(" ", 1)
    if len(words) == 2 and re.match(r"^\d{1,2}:\d", words[1]):
        return words[0], words[1]
    return cleaned, None


def _parse_day_part(
    day_text: str,
    text: str,
    now: arrow.Arrow,
    tz: Zone,
    field: str,
    accepted: str,
    looking: Looking,
) -> dt.date:
    day = _day(day_text, text, now, tz, field, accepted, looking)
    return bounded(day, now, tz, field, text)


def _day(
    day_text: str,
    text: str,
    now: arrow.Arrow,
    tz: Zone,
    field: str,
    accepted: str,
    looking: Looking,
) -> dt.date:
    today = local_date(now, tz)
    iso = _ISO_DAY.match(day_text)
    if iso is not None:
        return _iso_day(iso, text, field, accepted)
    if day_text == "today":
        return today
    if day_text == "tomorrow":
        return today + dt.timedelta(days=1)
    if day_text == "yesterday":
        return today - dt.timedelta(days=1)
    if day_text in WEEKDAYS:
        return _weekday(today, WEEKDAYS[day_text], forward=looking is Looking.FUTURE)
    last_next = _LAST_NEXT.match(day_text)
    if last_next is not None and last_next.group("day") in WEEKDAYS:
        target = WEEKDAYS[last_next.group("day")]
        return _weekday(today, target, forward=last_next.group("which") == "next")
    offset = _offset(day_text)
    if offset is not None:
        count, unit = offset
        if unit == "h":
            raise ValidationError(field, f"{shown(text)}: hours from now take no time; {accepted}")
        # At most 4 digits, so never an overflow; `bounded` then refuses what is too far.
        return today + dt.timedelta(days=count * (7 if unit == "w" else 1))
    if _SLASHED.match(day_text):
        raise ValidationError(
            field, f"{shown(text)} is ambiguous (day and month order differ); {accepted}"
        )
    raise ValidationError(field, f"cannot read {shown(text)}; {accepted}")


def iso_day(text: str, field: str = "date") -> dt.date:
    """A strict YYYY-MM-DD date, not before 2000 (for files: imports read their dates here)."""
    iso = _ISO_DAY.match(text.strip())
    if iso is None:
        raise ValidationError(field, f"{shown(text)} is not a date; write it as YYYY-MM-DD")
    return not_too_old(_iso_day(iso, text, field, "write it as YYYY-MM-DD"), field, text)


def not_too_old(day: dt.date, field: str, text: str = "") -> dt.date:
    """`day`, or ValidationError when it is before 2000 (the bound that needs no clock)."""
    if day < EARLIEST_DAY:
        what = shown(text) if text else day.isoformat()
        raise ValidationError(field, f"{what} is before {EARLIEST_DAY.year}; check the year")
    return day


def _iso_day(iso: re.Match[str], text: str, field: str, accepted: str) -> dt.date:
    if len(iso.group("m")) != 2 or len(iso.group("d")) != 2:
        raise ValidationError(
            field, f"{shown(text)}: write months and days with two digits; {accepted}"
        )
    year, month, day = (int(iso.group(part)) for part in ("y", "m", "d"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValidationError(
            field,
            f"{shown(text)} is not a real date (months 01-12, days within the month); {accepted}",
        ) from None


def _weekday(today: dt.date, target: int, *, forward: bool) -> dt.date:
    """The next `target` weekday after today (forward), or the last one before it."""
    if forward:
        return today + dt.timedelta(days=(target - today.weekday()) % 7 or 7)
    return today - dt.timedelta(days=(today.weekday() - target) % 7 or 7)


def _parse_time(time_text: str, text: str, field: str) -> dt.time:
    match = _TIME.match(time_text)
    if match is None:
        raise ValidationError(
            field, f"cannot read the time in {shown(text)}; use 24-hour HH:MM such as 14:00"
        )
    hour, minute = int(match.group("h")), int(match.group("m"))
    second = int(match.group("s") or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValidationError(
            field, f"{shown(text)} is not a real time; use 24-hour HH:MM (00:00 to 23:59)"
        )
    return dt.time(hour, minute, second)


def _zone_name(tz: Zone) -> str:
    info = zone(tz)
    return str(getattr(info, "key", None) or info)


def resolved_words(
    text: str,
    now: arrow.Arrow,
    tz: Zone,
    *,
    looking: Looking = Looking.FUTURE,
    with_time: bool = True,
    default_time: dt.time = START_OF_DAY,
) -> str:
    """What `text` resolves to, for showing before anything is saved ("Fri 4 Dec 2026 14:00").

    Raises ValidationError exactly as the parser does, so the preview and the save agree.
    """
    if not with_time:
        day = parse_day(text, now, tz, looking=looking)
        return at_local(day, START_OF_DAY, tz).format("ddd D MMM YYYY")
    moment = parse_when(text, now, tz, looking=looking, default_time=default_time)
    return local(moment, tz).format("ddd D MMM YYYY HH:mm")


APPLICATION_HOUR = dt.time(12, 0)
"""The time of day an application is dated when only its day is known."""


def application_time(applied_on: dt.date, now: arrow.Arrow, tz: Zone) -> arrow.Arrow:
    """When the application touch is dated: `applied_on` at midday, or now when that is today
    (or later: the form never lets a later date through, but an import might)."""
    if applied_on >= local_date(now, tz):
        return now
    return at_local(applied_on, APPLICATION_HOUR, tz)


def check_applied_on(applied_on: dt.date | None, now: arrow.Arrow, tz: Zone) -> None:
    """Refuse an application date in the future or out of bounds."""
    if applied_on is None:
        return
    bounded(applied_on, now, tz, "applied_on")
    if applied_on > local_date(now, tz):
        raise ValidationError("applied_on", f"{applied_on.isoformat()} is in the future")
