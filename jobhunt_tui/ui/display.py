"""Stored text made safe to show: literal (never markup) and with control characters visible."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content

from jobhunt_tui.domain.text import visible

ELLIPSIS = "…"


def literal(text: str, style: str = "", *, multiline: bool = False) -> Content:
    """User text as Content: never parsed as markup, control characters shown as symbols
    (line breaks kept as breaks when `multiline`)."""
    shown = visible(text, multiline=multiline)
    return Content.styled(shown, style) if style else Content(shown)


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells at a word boundary, with an ellipsis when anything is cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    if width == 1:
        return ELLIPSIS
    room = width - 1
    cut = _cut_cells(text, room)
    space = cut.rstrip().rfind(" ")
    if space > 0 and space >= room // 3:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def _cut_cells(text: str, cells: int) -> str:
    """The longest prefix of `text` that fits in `cells` cells."""
    used = 0
    for index, char in enumerate(text):
        used += cell_len(char)
        if used > cells:
            return text[:index]
    return text
