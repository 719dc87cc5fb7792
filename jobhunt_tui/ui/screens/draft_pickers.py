"""Small dialogs of the draft pane: choose a template, choose a version, confirm a replace.

Each returns a typed result (`ModalScreen[T]`); the draft session acts on it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jobhunt_tui.domain.drafts import DraftVersion
from jobhunt_tui.domain.localtime import Zone, local
from jobhunt_tui.domain.templates import Template, word_count
from jobhunt_tui.ui.display import fit, literal
from jobhunt_tui.ui.screens import DIALOG_CSS


class _Chooser(ModalScreen[int | None]):
    """A titled list; enter picks an option (its index), escape cancels."""

    CSS_PATH = DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="draft-picker.cancel", tooltip="Keep the draft"),
    ]

    def __init__(self, title: str, hint: str, options: list[Content], highlight: int = 0) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.hint = hint
        self.options = options
        self.highlight = highlight

    def compose(self) -> ComposeResult:
        """The options and the hint."""
        with Vertical(classes="dialog draft-picker") as dialog:
            dialog.border_title = self.title_text
            yield OptionList(
                *(Option(text, id=str(index)) for index, text in enumerate(self.options)),
                id="choices",
            )
            yield Static(Content(self.hint), classes="dialog-hint")

    def on_mount(self) -> None:
        """Start on the suggested option."""
        self.query_one(OptionList).highlighted = self.highlight

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)


MANAGE = -1
"""What the template chooser returns for `m`: manage the templates instead."""


class TemplatePicker(_Chooser):
    """Choose a template; the one for this follow-up's step is highlighted. `m` opens the
    list of your templates instead (to add or change one)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "manage", "Manage", id="draft-picker.manage",
                tooltip="Your templates: add, edit, duplicate, delete, the default"),
    ]  # fmt: skip

    def __init__(self, templates: tuple[Template, ...], suggested: int) -> None:
        options = [
            Content.assemble(
                literal(t.name, "bold"),
                ("  ★ default" if t.is_default else "", "$accent"),
                ("  built-in" if t.built_in else "", "dim"),
            )
            for t in templates
        ]
        super().__init__("Choose a template",
                         "enter uses it · m manages your templates · escape keeps the draft",
                         options, suggested)  # fmt: skip

    def action_manage(self) -> None:
        """Close, asking for the templates list."""
        self.dismiss(MANAGE)


class VersionPicker(_Chooser):
    """Choose a kept version by its time; the newest is first."""

    def __init__(self, versions: tuple[DraftVersion, ...], tz: Zone) -> None:
        options = []
        for version in versions:
            when = local(version.saved_at, tz).format("ddd D MMM HH:mm:ss")
            first = next((line for line in version.text.body.splitlines() if line.strip()), "")
            words = word_count(version.text.body)
            parts = [(when, "bold"), f"  {words} words"]
            if version.note:
                parts.append((f"  {version.note}", "$text-warning"))
            options.append(Content.assemble(*parts, "\n  ", literal(fit(first, 50), "dim")))
        super().__init__("Versions of this draft", "enter restores it · escape keeps the draft",
                         options)  # fmt: skip


class ConfirmReplace(ModalScreen[bool]):
    """Replace typed text with a template? enter replaces, escape keeps the text."""

    CSS_PATH = DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "keep", "Keep", id="draft-confirm.keep", tooltip="Keep your text"),
        Binding("enter", "replace", "Replace", id="draft-confirm.replace",
                tooltip="Replace it (your text stays in the versions)"),
    ]  # fmt: skip

    def __init__(self, template_name: str) -> None:
        super().__init__(classes="dialog-screen")
        self.template_name = template_name

    def compose(self) -> ComposeResult:
        """The question."""
        with Vertical(classes="dialog", id="confirm-replace") as dialog:
            dialog.border_title = "Replace your text?"
            yield Static(
                Content.assemble(
                    "You have written in this draft. Replace it with ",
                    literal(self.template_name, "bold"),
                    "?\nWhat you wrote stays in the versions (ctrl+r).",
                )
            )
            yield Static(Content("enter replaces · escape keeps your text"), classes="dialog-hint")

    def action_replace(self) -> None:
        """Replace."""
        self.dismiss(True)

    def action_keep(self) -> None:
        """Keep the text."""
        self.dismiss(False)
