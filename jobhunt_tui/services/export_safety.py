"""What exported text must never carry: a formula a spreadsheet would run, or a raw control
character a terminal would obey (an export to stdout lands in the user's terminal).

CSV is for spreadsheets: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
is a formula to Excel, LibreOffice and Sheets (`=HYPERLINK("http://evil.example","Click")`),
so such a cell gets a leading apostrophe, which spreadsheets show as text. Import undoes
exactly that, so export → import gives back every value: a cell is neutralised when, after any
leading apostrophes, it starts with a trigger, and only such cells lose their first apostrophe
on the way back in.

JSON stays verbatim: control, C1 and bidi characters are written as `\\u` escapes, which are
the same string to every JSON reader but inert in a terminal.
"""

from __future__ import annotations

import re
from typing import Any

from jobhunt_tui.domain.text import visible
from jobhunt_tui.services import indented_json

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_GUARD = "'"
# JSON already escapes C0 (ESC included); these it writes raw with ensure_ascii=False.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _looks_like_formula(value: str) -> bool:
    return value.lstrip(_GUARD).startswith(FORMULA_TRIGGERS)


def spreadsheet_cell(value: str) -> str:
    """`value` as a CSV cell: control characters visible (newlines and tabs kept) and a formula
    trigger neutralised with a leading apostrophe."""
    shown = visible(value, multiline=True)
    return _GUARD + shown if _looks_like_formula(shown) else shown


def from_spreadsheet_cell(cell: str) -> str:
    """Undo `spreadsheet_cell`'s apostrophe, and only that (for jobhunt's own CSV files)."""
    if cell.startswith(_GUARD) and _looks_like_formula(cell[1:]):
        return cell[1:]
    return cell


def json_text(value: Any) -> str:
    """`value` as indented JSON, non-ASCII kept, every control character escaped."""
    return safe_json(indented_json.dumps(value))  # json.dumps(indent=2, ensure_ascii=False)


def safe_json(text: str) -> str:
    """JSON text with the characters JSON writes raw but a terminal obeys (C1, bidi, line
    and paragraph separators) written as `\\u` escapes instead: the same string to a reader."""
    if text.isascii() and "\x7f" not in text:  # isascii is O(1): no scan of a 30 MB export
        return text
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
