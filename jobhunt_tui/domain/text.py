"""Cleaning text on its way in, and making it safe to show on its way out.

Control characters are stripped when text is stored (an ESC or OSC sequence in a company name
would otherwise reach the terminal) and replaced by visible symbols when text is shown, for rows
that came from elsewhere. Bidi embedding, override and isolate characters (U+202A–U+202E,
U+2066–U+2069) count as controls too: one of them in a company name reverses what follows it
on screen. The weak marks (LRM, RLM, ALM) stay: right-to-left text needs them and they cannot
reorder anything.
"""

from __future__ import annotations

import re

from jobhunt_tui.domain.errors import ValidationError

# C0 except tab and newline, DEL, C1, and the bidi formatting characters. ESC (0x1b) is in C0.
_BIDI = "\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_CONTROL_WITH_NEWLINES = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")

NAME_MAX = 200
SHORT_MAX = 500
URL_MAX = 2_000
NOTE_MAX = 5_000
BODY_MAX = 20_000


def strip_controls(text: str, *, multiline: bool = True) -> str:
    """`text` without control characters; CRLF and CR become newlines first."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
        return _CONTROL_WITH_NEWLINES.sub("", text)
    return _CONTROL.sub("", text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def visible(text: str, *, multiline: bool = False) -> str:
    """`text` with any control character shown as a symbol (ESC as ␛, C1 and bidi as �)."""
    pattern = _CONTROL if multiline else _CONTROL_WITH_NEWLINES
    return pattern.sub(_visible, text)


def clean_required(value: str | None, field: str, max_length: int = NAME_MAX) -> str:
    """A required single-line value, trimmed; ValidationError when empty or too long."""
    cleaned = strip_controls(value or "", multiline=False).strip()
    if not cleaned:
        raise ValidationError(field, "must not be empty")
    return _check_length(cleaned, field, max_length)


def clean_optional(
    value: str | None, field: str, max_length: int = SHORT_MAX, *, multiline: bool = False
) -> str:
    """An optional value, trimmed (may be empty); ValidationError when too long."""
    cleaned = strip_controls(value or "", multiline=multiline).strip()
    return _check_length(cleaned, field, max_length)


def _check_length(value: str, field: str, max_length: int) -> str:
    if len(value) > max_length:
        raise ValidationError(
            field, f"is {len(value):,} characters long; the limit is {max_length:,}"
        )
    return value


def name_key(name: str) -> str:
    """The key that makes names unique regardless of case (Unicode-aware)."""
    return " ".join(name.casefold().split())
