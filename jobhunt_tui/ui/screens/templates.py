"""Your templates (the palette's "Templates", and `m` in the draft pane's template chooser):
the list by step and channel, the highlighted one in full, and the keys that change them.

The screen is handed a `TemplateBook` (the template service); it reads and writes in thread
workers and re-reads the list after each change. Forms only collect (`open_form` brings a
refused form back with what was typed). Template changes are not undo steps: deleting asks
first, and `r` puts the built-ins back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Protocol

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jobhunt_tui.domain.models import Channel, FollowUpKind
from jobhunt_tui.domain.spacing import kind_label
from jobhunt_tui.domain.templates import (
    Template,
    TemplateInput,
    is_edited_built_in,
    unfilled_in,
    unknown_placeholders,
)
from jobhunt_tui.ui.display import literal
from jobhunt_tui.ui.failures import ReportsWorkerFailures, failure_text
from jobhunt_tui.ui.screens import DIALOG_CSS
from jobhunt_tui.ui.screens.form import open_form
from jobhunt_tui.ui.screens.template_form import template_form

Step = tuple[FollowUpKind, Channel]
EMPTY = "No templates: a adds one, r puts back the built-ins."


class TemplateBook(Protocol):
    """What the screen needs of the templates (the template service)."""

    def list(self) -> tuple[Template, ...]:
        """Every template, by step and channel."""
        ...

    def add(self, draft: TemplateInput) -> Template:
        """Store a new one."""
        ...

    def edit(self, template_id: int, draft: TemplateInput) -> Template:
        """Change one."""
        ...

    def duplicate(self, template_id: int) -> Template:
        """Copy one."""
        ...

    def delete(self, template_id: int) -> str:
        """Remove one; what to say."""
        ...

    def toggle_default(self, template_id: int) -> str:
        """Make one the default of its step and channel (or none); what to say."""
        ...

    def restore_built_ins(self) -> str:
        """Put the built-ins back; what to say."""
        ...


def step_text(template: Template) -> str:
    """ "thank-you · email"."""
    return f"{kind_label(template.kind.value)} · {template.channel.value}"


def option_text(template: Template) -> Content:
    """One row of the list: the name, its step, and what it is (default, built-in)."""
    marks = []
    if template.is_default:
        marks.append(("  ★ default", "bold $accent"))
    if template.built_in:
        marks.append(("  built-in, edited" if is_edited_built_in(template) else "  built-in",
                      "dim"))  # fmt: skip
    return Content.assemble(literal(template.name, "bold"), (f"  {step_text(template)}", "dim"),
                            *marks)  # fmt: skip


def preview(template: Template) -> Content:
    """The template in full, its placeholders listed, unknown ones flagged."""
    parts: list[Content | tuple[str, str] | str] = []
    if template.channel is Channel.EMAIL:
        parts += [("Subject  ", "dim"), literal(template.subject or "(none)"), "\n\n"]
    parts.append(literal(template.body, multiline=True))
    used = unfilled_in(template.subject, template.body)
    unknown = unknown_placeholders(template.subject, template.body)
    if used:
        known = [name for name in used if name not in unknown]
        parts += ["\n\n", ("Fills in: " + ", ".join(f"{{{n}}}" for n in known), "dim")]
    if unknown:
        names = ", ".join(f"{{{n}}}" for n in unknown)
        parts += ["\n", (f"Nothing fills {names}: it stays as typed", "$text-warning")]
    return Content.assemble(*parts)


class ConfirmDelete(ModalScreen[bool]):
    """Delete a template? enter deletes, escape keeps it."""

    CSS_PATH = DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "delete", "Delete", id="template-delete.confirm",
                tooltip="Delete the template"),
        Binding("escape", "keep", "Keep", id="template-delete.keep", tooltip="Keep it"),
    ]  # fmt: skip

    def __init__(self, template: Template) -> None:
        super().__init__(classes="dialog-screen")
        self.template = template

    def compose(self) -> ComposeResult:
        """The question, and what can bring it back."""
        back = ("r puts the built-ins back." if self.template.built_in
                else "This cannot be undone; c duplicates it first if unsure.")  # fmt: skip
        with Vertical(classes="dialog", id="confirm-delete") as dialog:
            dialog.border_title = "Delete this template?"
            yield Static(Content.assemble("Delete ", literal(self.template.name, "bold"),
                                          f" ({step_text(self.template)})?\n{back}"))  # fmt: skip
            yield Static(Content("enter deletes · escape keeps it"), classes="dialog-hint")

    def action_delete(self) -> None:
        """Delete."""
        self.dismiss(True)

    def action_keep(self) -> None:
        """Keep."""
        self.dismiss(False)


class TemplatesScreen(ReportsWorkerFailures, ModalScreen[None]):
    """The list of templates and their keys; escape closes."""

    CSS_PATH = DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="templates.add", tooltip="Write a new template"),
        Binding("e", "edit", "Edit", id="templates.edit",
                tooltip="Edit the highlighted template (enter too)"),
        Binding("c", "duplicate", "Duplicate", id="templates.duplicate",
                tooltip="Copy the highlighted template as one of your own"),
        Binding("d", "delete", "Delete", id="templates.delete",
                tooltip="Delete the highlighted template (asks first)"),
        Binding("asterisk", "default", "Default", id="templates.default",
                tooltip="New drafts of this step and channel start from it (again: none)"),
        Binding("r", "restore", "Restore built-ins", id="templates.restore",
                tooltip="Put back the built-in templates you deleted or edited"),
        Binding("escape", "close", "Close", id="templates.close", tooltip="Close the list"),
    ]  # fmt: skip

    def __init__(self, book: TemplateBook, step: Step | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.book = book
        self.step = step
        self.templates: tuple[Template, ...] = ()
        self._select_id: int | None = None

    def compose(self) -> ComposeResult:
        """The list, the highlighted template, the keys."""
        with Vertical(classes="dialog", id="templates-dialog") as dialog:
            dialog.border_title = "Your templates"
            yield OptionList(id="template-list")
            with VerticalScroll(id="template-preview-scroll"):
                yield Static("", id="template-preview")
            yield Static(
                Content("a add · e edit · c duplicate · d delete · * default · "
                        "r restore built-ins · escape close"),
                classes="dialog-hint",
            )  # fmt: skip

    def on_mount(self) -> None:
        """Read the templates."""
        self.reload()

    # Reading

    def reload(self, select_id: int | None = None) -> None:
        """Read the list again (in a worker) and highlight `select_id` when given."""
        if select_id is not None:
            self._select_id = select_id

        def read() -> None:
            found = self.book.list()
            self.app.call_from_thread(self._show, found)

        self.run_worker(read, thread=True, exit_on_error=False, group="templates-read")

    def _show(self, templates: tuple[Template, ...]) -> None:
        current = self.highlighted
        self.templates = templates
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(option_text(t), id=str(t.id)) for t in templates])
        wanted = (
            self._select_id if self._select_id is not None else (current.id if current else None)
        )
        self._select_id = None
        index = next((i for i, t in enumerate(templates) if t.id == wanted), None)
        if index is None and self.step is not None and current is None:
            index = next((i for i, t in enumerate(templates)
                          if (t.kind, t.channel) == self.step), None)  # fmt: skip
        if templates:
            options.highlighted = index or 0
        self._preview()

    @property
    def highlighted(self) -> Template | None:
        """The template under the cursor."""
        index = self.query_one(OptionList).highlighted
        return self.templates[index] if index is not None and index < len(self.templates) else None

    @on(OptionList.OptionHighlighted)
    def _preview(self) -> None:
        chosen = self.highlighted
        shown = (
            preview(chosen)
            if chosen
            else Content("No templates: a adds one, r puts back the built-ins.")
        )
        self.query_one("#template-preview", Static).update(shown)

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_edit()

    # Changing

    def change(
        self,
        opportunity_id: int | None,
        label: str,
        apply: Callable[[], str],
        *,
        retry: Callable[[str], None] | None = None,
    ) -> None:
        """Run `apply` in a worker, say what it did and re-read the list; a refused change
        reopens its form (`retry`) or says why. (The form flow's host; no card to re-read.)"""

        def work() -> None:
            try:
                note = apply()
            except Exception as error:
                problem = failure_text(error)
                if problem is None:
                    raise
                if retry is not None:
                    self.app.call_from_thread(retry, problem)
                else:
                    self.app.call_from_thread(self.notify, problem, title=f"Could not {label}",
                                              severity="warning", markup=False)  # fmt: skip
                self.app.call_from_thread(self.reload)
                return
            self.app.call_from_thread(self.notify, note, markup=False, timeout=3)
            self.app.call_from_thread(self.reload)

        self.run_worker(work, thread=True, exit_on_error=False, group="templates-write")

    def _chosen(self) -> Template | None:
        chosen = self.highlighted
        if chosen is None:
            self.notify("No template highlighted: a adds one.", markup=False)
        return chosen

    def _saved(self, template: Template, verb: str) -> str:
        self._select_id = template.id
        return f"Template {template.name!r} {verb}."

    def action_add(self) -> None:
        """A new template, for the step the list was opened for (or the highlighted one's)."""
        around = self.highlighted
        step = self.step or ((around.kind, around.channel) if around else None)
        open_form(self, lambda: template_form("New template", step=step), None,  # type: ignore[arg-type]
                  "add the template",
                  lambda draft: self._saved(self.book.add(draft), "added"))  # fmt: skip

    def action_edit(self) -> None:
        """Edit the highlighted template."""
        chosen = self._chosen()
        if chosen is None:
            return
        open_form(self, lambda: template_form("Edit template", chosen), None,  # type: ignore[arg-type]
                  "edit the template",
                  lambda draft: self._saved(self.book.edit(chosen.id, draft), "saved"))  # fmt: skip

    def action_duplicate(self) -> None:
        """Copy the highlighted template."""
        chosen = self._chosen()
        if chosen is not None:
            self.change(None, "duplicate the template",
                        lambda: self._saved(self.book.duplicate(chosen.id), "added"))  # fmt: skip

    def action_delete(self) -> None:
        """Delete the highlighted template, after asking."""
        chosen = self._chosen()
        if chosen is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.change(None, "delete the template", lambda: self.book.delete(chosen.id))

        self.app.push_screen(ConfirmDelete(chosen), confirmed)

    def action_default(self) -> None:
        """Make the highlighted template the default of its step and channel (or none)."""
        chosen = self._chosen()
        if chosen is not None:
            self.change(None, "choose the default", lambda: self.book.toggle_default(chosen.id))

    def action_restore(self) -> None:
        """Put the built-ins back."""
        self.change(None, "restore the built-ins", self.book.restore_built_ins)

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)
