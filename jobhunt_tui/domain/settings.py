"""Every setting: what it is called, how it is typed, and which values make sense.

The settings screen, `jobhunt settings KEY VALUE` and the settings service all validate here,
so a gap of 0 days, an hour of 25 or a week starting on "funday" gets the same clear message
wherever it was typed. Values are checked one by one, then against each other (a follow-up
planned sooner than the pest-guard gap would be refused by the guard itself).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from jobhunt_tui.domain.errors import JobhuntError, ValidationError
from jobhunt_tui.domain.models import Settings
from jobhunt_tui.domain.text import NAME_MAX, clean_optional, clean_required

SIGNATURE_MAX = 2_000
EMAIL_MAX = 254  # the longest address SMTP carries (RFC 5321 path limit)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
_HOUR = re.compile(r"([0-9]{1,2})(?::([0-9]{2}))?\s*(am|pm)?", re.IGNORECASE)
# One address, nothing around it: a display name has a setting of its own (your_name).
_ADDRESS = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\".]+(\.[^@\s<>()\[\],;:\".]+)+")


class UnknownSettingError(JobhuntError):
    """A key that is not a setting; the message lists the ones that are."""

    def __init__(self, key: str) -> None:
        super().__init__(f"unknown setting {key!r}; the settings are: {', '.join(KEYS)}")
        self.key = key


@dataclass(frozen=True)
class SettingSpec:
    """One setting: its key in `Settings`, how people see it, and its kind and bounds.

    `kind` is one of: text, multiline, email, number, hour, weekday.
    """

    key: str
    label: str
    help: str
    kind: str
    low: int = 0
    high: int = 0
    unit: str = ""
    max_length: int = NAME_MAX
    required: bool = False


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("your_name", "Your name", "signs your drafts ({my_name})", "text"),
    SettingSpec("your_email", "Email address", "the From of .eml files", "email"),
    SettingSpec(
        "signature", "Signature", "ends your drafts ({signature})", "multiline",
        max_length=SIGNATURE_MAX,
    ),
    SettingSpec(
        "thank_you_hours", "Thank-you within", "hours after an interview", "number", 1, 72,
        "hour",
    ),
    SettingSpec(
        "follow_up_days", "Follow-up after", "days after the thank-you", "number", 1, 60, "day"
    ),
    SettingSpec(
        "check_in_days", "Check-in after", "days after the follow-up", "number", 1, 60, "day"
    ),
    SettingSpec(
        "min_gap_days", "Pest-guard gap", "days between unanswered touches", "number", 1, 60,
        "day",
    ),
    SettingSpec(
        "decision_grace_business_days", "Decision grace",
        "business days after their date", "number", 0, 20, "business day",
    ),
    SettingSpec("send_at_hour", "Send at", "hour planned touches are due", "hour"),
    SettingSpec("week_start", "Week starts on", "the calendar's first column", "weekday"),
    SettingSpec(
        "active_floor", "Active at least", "opportunities, or the header warns", "number",
        1, 20, "opportunity",
    ),
    SettingSpec(
        "idle_days", "Idle after", "days quiet before 'idle'", "number", 1, 365,
        "day",
    ),
    SettingSpec("theme", "Theme", "the colour theme (also in the palette)", "text",
                max_length=100, required=True),
)  # fmt: skip

KEYS: tuple[str, ...] = tuple(spec.key for spec in SPECS)
_BY_KEY = {spec.key: spec for spec in SPECS}

# The numbers the cadence plans with: changing one leaves already planned follow-ups alone.
CADENCE_KEYS = frozenset(
    {
        "thank_you_hours",
        "follow_up_days",
        "check_in_days",
        "decision_grace_business_days",
        "send_at_hour",
    }
)

# Cadence steps that the pest guard would refuse when planned sooner than its gap.
_SPACED_STEPS = ("follow_up_days", "check_in_days")


def spec_for(key: str) -> SettingSpec:
    """The spec of `key`, or UnknownSettingError listing the known keys."""
    spec = _BY_KEY.get(key.strip().lower().replace("-", "_"))
    if spec is None:
        raise UnknownSettingError(key)
    return spec


# From typed text


def parse_value(key: str, text: str) -> str | int:
    """The value `text` means for setting `key`, checked on its own; ValidationError if bad."""
    spec = spec_for(key)
    if spec.kind == "number":
        return _check_number(spec, _whole_number(spec, text))
    if spec.kind == "hour":
        return _parse_hour(spec, text)
    if spec.kind == "weekday":
        return _parse_weekday(spec, text)
    return _check_text(spec, text)


def with_value(settings: Settings, key: str, text: str) -> Settings:
    """`settings` with `key` set from typed text, validated as a whole (blaming `key`)."""
    spec = spec_for(key)
    return validated(settings._replace(**{spec.key: parse_value(spec.key, text)}), (spec.key,))


def with_texts(settings: Settings, texts: Mapping[str, str]) -> Settings:
    """`settings` with every key in `texts` set from typed text (the settings screen)."""
    values = {spec_for(key).key: parse_value(key, text) for key, text in texts.items()}
    changed = [key for key, value in values.items() if getattr(settings, key) != value]
    return validated(settings._replace(**values), changed)


# Whole settings


def validated(settings: Settings, changed: Iterable[str] = ()) -> Settings:
    """`settings` with text cleaned, every value checked, then the values against each other.

    A conflict between two values is reported on the one in `changed` (what the user just
    typed), else on the cadence step.
    """
    values: dict[str, object] = {}
    for spec in SPECS:
        value = getattr(settings, spec.key)
        if spec.kind in ("text", "multiline", "email"):
            if not isinstance(value, str):
                raise ValidationError(spec.key, "must be text")
            values[spec.key] = _check_text(spec, value)
        else:
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValidationError(spec.key, "must be a whole number")
            values[spec.key] = _check_number(spec, value)
    result = Settings(**values)  # type: ignore[arg-type]
    _check_spacing(result, set(changed))
    return result


def _check_spacing(settings: Settings, changed: set[str]) -> None:
    gap = settings.min_gap_days
    for step in _SPACED_STEPS:
        days = getattr(settings, step)
        if days >= gap:
            continue
        if "min_gap_days" in changed and step not in changed:
            raise ValidationError(
                "min_gap_days",
                f"is {gap} days, longer than {step} ({_count(days, 'day')}): the pest guard "
                f"would refuse that step; raise {step} first",
            )
        raise ValidationError(
            step,
            f"is {_count(days, 'day')}, shorter than the pest-guard gap (min_gap_days, "
            f"{gap} days): the guard would refuse it; lower min_gap_days first",
        )


def require(settings: Settings, key: str, needed_for: str) -> str:
    """The value of a text setting that something needs, or ValidationError saying how to set
    it (an empty name where a template signs with {my_name}, no address for an .eml's From)."""
    spec = spec_for(key)
    value = str(getattr(settings, spec.key)).strip()
    if not value:
        raise ValidationError(
            spec.key,
            f"is not set, and {needed_for} needs it: set it in Settings (ctrl+p) or with "
            f"`jobhunt settings {spec.key} VALUE`",
        )
    return value


# To text


def shown(settings: Settings, key: str) -> str:
    """The value of `key` as a person types it (`monday`, `10`, the signature's lines)."""
    spec = spec_for(key)
    value = getattr(settings, spec.key)
    if spec.kind == "weekday":
        return WEEKDAYS[value] if 0 <= value < len(WEEKDAYS) else str(value)
    return str(value)


# Checks of one value


def _check_text(spec: SettingSpec, value: str) -> str:
    multiline = spec.kind == "multiline"
    if spec.required:
        return clean_required(value, spec.key, spec.max_length)
    cleaned = clean_optional(value, spec.key, spec.max_length, multiline=multiline)
    if spec.kind == "email" and cleaned:
        if len(cleaned) > EMAIL_MAX:
            raise ValidationError(spec.key, f"is longer than {EMAIL_MAX} characters")
        if not _ADDRESS.fullmatch(cleaned):
            raise ValidationError(
                spec.key,
                f"must be just an address, like you@example.com, not {cleaned!r} "
                "(your name is a setting of its own)",
            )
    return cleaned


def _whole_number(spec: SettingSpec, text: str) -> int:
    # A typographic minus (−3) is still minus three: the range message is then the clear one.
    cleaned = text.strip().replace("\u2212", "-")
    if not _WHOLE_NUMBER.fullmatch(cleaned):
        raise ValidationError(
            spec.key, f"must be a whole number of {_plural(spec.unit, 2)}, not {text.strip()!r}"
        )
    return int(cleaned)


def _check_number(spec: SettingSpec, value: int) -> int:
    if spec.kind == "hour":
        low, high, unit = 0, 23, "hour"
    elif spec.kind == "weekday":
        low, high, unit = 0, 6, "day"
    else:
        low, high, unit = spec.low, spec.high, spec.unit
    if value < low:
        raise ValidationError(spec.key, f"must be at least {_count(low, unit)}, not {value}")
    if value > high:
        raise ValidationError(spec.key, f"must be at most {_count(high, unit)}, not {value}")
    return value


def _parse_hour(spec: SettingSpec, text: str) -> int:
    match = _HOUR.fullmatch(text.strip())
    if match is None:
        raise ValidationError(
            spec.key, f"must be an hour of the day from 0 to 23 (or 9am, 14:00), not {text!r}"
        )
    hour, minutes, half = int(match.group(1)), match.group(2), (match.group(3) or "").lower()
    if minutes not in (None, "00"):
        raise ValidationError(spec.key, f"must be a whole hour, like 10 or 10:00, not {text!r}")
    if half:
        if not 1 <= hour <= 12:
            raise ValidationError(spec.key, f"must be 1 to 12 with am or pm, not {text!r}")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23:
        raise ValidationError(spec.key, f"must be an hour of the day from 0 to 23, not {hour}")
    return hour


def _parse_weekday(spec: SettingSpec, text: str) -> int:
    typed = text.strip().lower()
    found = [day for day in WEEKDAYS if len(typed) >= 2 and day.startswith(typed)]
    if len(found) != 1:
        raise ValidationError(
            spec.key, f"must be a day of the week (monday … sunday), not {text.strip()!r}"
        )
    return WEEKDAYS.index(found[0])


def _count(count: int, unit: str) -> str:
    return f"{count} {_plural(unit, count)}"


def _plural(unit: str, count: int) -> str:
    if count == 1 or not unit:
        return unit
    if unit.endswith("y") and not unit.endswith("day"):
        return unit[:-1] + "ies"
    return unit + "s"
