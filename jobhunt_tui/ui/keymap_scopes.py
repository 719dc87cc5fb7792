"""Which bindings are active together: the app's, a screen's and its focused widget's.

The keymap check needs them to tell a key the file gives away twice; it only runs when the
user has a keymap file, so the screens imported here do not slow a plain start.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode


def bindings_of(*classes: type[DOMNode]) -> list[Binding]:
    """Every binding (one per key) declared by `classes` and their bases."""
    found: list[Binding] = []
    for cls in classes:
        for base in reversed(cls.__mro__):
            declared = vars(base).get("BINDINGS")
            if declared:
                found.extend(Binding.make_bindings(declared))
    return found


def binding_scopes(app: type[DOMNode]) -> list[list[Binding]]:
    """The groups of bindings that answer keys at the same time somewhere in the app."""
    from jobhunt_tui.ui.screens.close import ChoiceDialog
    from jobhunt_tui.ui.screens.detail import (
        ContactList,
        DetailPage,
        DetailScreen,
        FollowUpList,
    )
    from jobhunt_tui.ui.screens.draft_pickers import TemplatePicker
    from jobhunt_tui.ui.screens.form import FormDialog
    from jobhunt_tui.ui.screens.help import HelpKeys, HelpScreen
    from jobhunt_tui.ui.screens.main import MainScreen
    from jobhunt_tui.ui.screens.send import SendDialog
    from jobhunt_tui.ui.screens.templates import ConfirmDelete, TemplatesScreen
    from jobhunt_tui.ui.widgets.board import Board
    from jobhunt_tui.ui.widgets.draft_editor import DraftEditor
    from jobhunt_tui.ui.widgets.filter import FilterInput

    return [
        bindings_of(app, MainScreen, Board),
        bindings_of(app, MainScreen, FilterInput),
        bindings_of(app, DetailScreen, DetailPage),
        bindings_of(app, DetailScreen, ContactList),
        bindings_of(app, DetailScreen, FollowUpList),
        bindings_of(app, FormDialog),
        bindings_of(app, ChoiceDialog),
        bindings_of(app, HelpScreen, HelpKeys),
        bindings_of(app, DraftEditor),
        bindings_of(app, SendDialog),
        bindings_of(app, TemplatePicker),
        bindings_of(app, TemplatesScreen),
        bindings_of(app, ConfirmDelete),
    ]
