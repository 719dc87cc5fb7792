"""The one form of the app: labelled fields, an error line under each, a typed result.

A form only collects input. `read` turns the field values into the caller's result type (or
raises ValidationError naming the bad field, shown under it); the form then closes with that
result and the screen that opened it runs the change. Nothing here writes, so a cancelled or
refused form changes nothing and leaves nothing to undo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar, Generic, Literal, TypeVar

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.ui.display import literal
from jobhunt_tui.ui.failures import ReportsWorkerFailures
from jobhunt_tui.ui.long_lived import freeze_once_orm_loaded
from jobhunt_tui.ui.screens import DIALOG_CSS
from jobhunt_tui.ui.widgets.date_field import DateField, Resolver
from jobhunt_tui.ui.widgets.field_input import FieldInput
from jobhunt_tui.ui.widgets.text_box import TextBox

if TYPE_CHECKING:
    from jobhunt_tui.ui.screens.host import Host

T = TypeVar("T")

Values = dict[str, object]
"""Each field's current value by name: str for text and dates, the option for a select."""

FieldKind = Literal["text", "date", "select", "check", "multiline"]


@dataclass(frozen=True)
class Field:
    """One field of a form. `example` is shown muted in the empty field, as "e.g. …"."""

    name: str
    label: str
    example: str = ""
    value: object = ""
    kind: FieldKind = "text"
    options: tuple[tuple[str, object], ...] = ()
    heading: str = ""
    """A section title shown above this field ("Contact")."""
    resolve: Resolver | None = None
    """For a date: what the typed words name, shown live under the field."""
    empty_note: str = ""
    """For a date: what the preview line says while the field is empty ("empty: now")."""


def placeholder(field: Field) -> str:
    """What an empty field shows: an example that cannot be mistaken for data."""
    if not field.example:
        return ""
    return field.example if field.example.startswith("(") else f"e.g. {field.example}"


class FormDialog(ReportsWorkerFailures, ModalScreen[T | None], Generic[T]):
    """Fields and a hint; enter (or ctrl+s) checks and closes with the result, escape cancels."""

    CSS_PATH = DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "submit", "Save", id="form.save", tooltip="Save (enter also saves)"),
    ]

    def __init__(
        self,
        title: str,
        fields: tuple[Field, ...],
        read: Callable[[Values], T],
        *,
        subject: Content | None = None,
        hint: str = "enter saves · escape cancels · tab next field",
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.fields = fields
        self.read = read
        self.subject = subject
        self.hint = hint
        self._early_input: list[events.Key | events.Paste] = []
        self.submitted: Values | None = None
        """The values of the last good submit (to open the form again when its change fails)."""
        self.problem = ""
        """Shown under the first field on opening: why the last try did not save."""
        self.watching: int | None = None
        """The opportunity this form edits: told when another writer changes it meanwhile."""
        # Keys stamped before this moment were typed before the form existed (same clock).
        self.opened_at = Message().time

    def compose(self) -> ComposeResult:
        """Subject, one row per field (each with a hidden error line), extras, hint."""
        with Vertical(classes="dialog form-dialog") as dialog:
            dialog.border_title = self.title_text
            if self.subject is not None:
                yield Static(self.subject, classes="dialog-subject")
            if self.problem:
                yield Static(literal(self.problem), classes="field-error -shown form-problem")
            with VerticalScroll(classes="form-fields"):
                for field in self.fields:
                    if field.heading:
                        yield Static(Content.styled(field.heading, "bold"), classes="form-heading")
                    yield from self._row(field)
            yield from self.compose_extra()
            yield Static(Content(self.hint), classes="dialog-hint")

    def compose_extra(self) -> ComposeResult:
        """More widgets under the fields (a subclass's warning or choices)."""
        yield from ()

    def _row(self, field: Field) -> ComposeResult:
        if field.kind == "check":
            yield Checkbox(Content(field.label), bool(field.value), id=f"field-{field.name}")
        else:
            dated = field.kind == "date" and field.resolve is not None
            tall = " -date" if dated else " -multiline" if field.kind == "multiline" else ""
            with Horizontal(classes=f"field-row{tall}"):
                yield Label(Content(field.label), classes="field-label")
                if field.kind == "select":
                    yield self._select(field)
                elif field.kind == "multiline":
                    yield TextBox(str(field.value), id=f"field-{field.name}", compact=True,
                                  soft_wrap=True, classes="field-multiline")  # fmt: skip
                elif field.kind == "date":
                    yield self._date_input(field)
                else:
                    yield self._text_input(field)
        yield Static("", id=f"error-{field.name}", classes="field-error", markup=False)

    def _text_input(self, field: Field) -> Widget:
        return FieldInput(
            value=str(field.value),
            placeholder=placeholder(field),
            id=f"field-{field.name}",
            compact=True,
        )

    def _date_input(self, field: Field) -> Widget:
        """A field that takes words for a date or time (its value is the text typed), with
        the date they resolve to shown under it as the user types."""
        if field.resolve is None:
            return self._text_input(field)
        return DateField(
            field.name,
            field.resolve,
            value=str(field.value),
            placeholder=placeholder(field),
            empty_note=field.empty_note,
        )

    def _select(self, field: Field) -> Widget:
        return Select(
            [(Content(text), choice) for text, choice in field.options],
            value=field.value,
            allow_blank=False,
            id=f"field-{field.name}",
            compact=True,
        )

    def on_mount(self) -> None:
        """Start in the first field, now (not after a refresh), with any keys typed early."""
        first = self.query_one(f"#field-{self.fields[0].name}")
        self.set_focus(first)
        early, self._early_input = self._early_input, []
        for key in early:
            first.post_message(key)

    def on_key(self, event: events.Key) -> None:
        """A key that reached the form before any field had focus is kept for the first."""
        if self.focused is None and event.character is not None:
            event.stop()
            self.take_input(event)

    def take_input(self, typed: events.Key | events.Paste) -> None:
        """A key or paste made before this form was on screen (the key before opened it)."""
        copy = (
            events.Key(typed.key, typed.character)
            if isinstance(typed, events.Key)
            else events.Paste(typed.text)
        )
        if self.is_mounted and self.focused is not None:
            self.focused.post_message(copy)
        else:
            self._early_input.append(copy)

    # Reading and checking

    def values(self) -> Values:
        """Every field's current value by name."""
        values: Values = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            values[field.name] = widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]
        return values

    def show_error(self, field: str, message: str) -> None:
        """Show `message` under `field` (or under the first field for an unknown one), whole."""
        self.clear_errors()
        known = {f.name for f in self.fields}
        name = field.replace("-", "_")
        if name not in known:
            name = self.fields[0].name
        target = self.query_one(f"#error-{name}", Static)
        target.update(literal(f"{field.replace('_', ' ').replace('-', ' ')} {message}"))
        target.add_class("-shown")
        self.query_one(f"#field-{name}").focus()
        self.call_after_refresh(target.scroll_visible, animate=False)

    def clear_errors(self) -> None:
        """Hide every error line."""
        for error in self.query(".field-error.-shown"):
            error.remove_class("-shown")

    # Actions

    @on(Input.Submitted)
    def action_submit(self) -> None:
        """Check the fields; a good result closes the form (through `accept`)."""
        try:
            result = self.read(self.values())
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return
        self.clear_errors()
        self.submitted = self.values()
        self.accept(result)

    def changed_elsewhere(self) -> None:
        """Another writer changed what this form edits: say so, and keep what is typed."""
        notice = (
            "Changed elsewhere since this form opened: saving writes only the fields you "
            "change here; the others keep the new values."
        )
        if not self.query(".form-elsewhere"):
            line = Static(literal(notice), classes="field-error -shown form-elsewhere")
            self.query_one(".form-fields").mount(line, before=0)

    def prefill(self, values: Values, problem: str) -> None:
        """Before it opens: hold `values` and say `problem` — the form of a change that failed
        after it closed (the file was busy, say) opens again, so nothing typed is lost."""
        self.fields = tuple(replace(f, value=values.get(f.name, f.value)) for f in self.fields)
        self.problem = problem

    def accept(self, result: T) -> None:
        """Close with `result` (a subclass may ask one more question first)."""
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Close without a result: nothing changes."""
        self.dismiss(None)


def open_form(
    host: Host,
    make_form: Callable[[], FormDialog[T]],
    opportunity_id: int | None,
    label: str,
    apply: Callable[[T], str],
) -> None:
    """Push a new form; its result becomes one change on the host. When that change fails
    (refused, or the file busy), the form opens again with what was typed and why."""

    def show(values: Values | None = None, problem: str = "") -> None:
        # Moves, notes, undo and drafts write without the ORM; a form's change needs it, so
        # it loads (once, off the UI thread) while the form is being filled in.
        host.run_worker(_prepare_writes, thread=True, exit_on_error=False, group="warm-up")
        form = make_form()
        if values is not None:
            form.prefill(values, problem)

        def done(result: T | None) -> None:
            if result is not None:
                typed = form.submitted or {}
                host.change(opportunity_id, label, lambda: apply(result),
                            retry=lambda why: show(typed, why))  # fmt: skip

        host.app.push_screen(form, done)

    def _prepare_writes() -> None:
        host.services.board.prepare_writes()
        freeze_once_orm_loaded()

    show()


def text(values: Values, name: str) -> str:
    """A text field's value, stripped."""
    return str(values.get(name) or "").strip()


def hand_over_early_input(app: App[object], typed: events.Key | events.Paste) -> None:
    """Give a key or paste to the form on top when it was made before the form opened.

    Input is queued on the widget focused when it arrives: keys typed right after `a` were
    queued on the board, behind the `a` that opened the form, and reach the app only after
    it; without this they would be lost.
    """
    top = app.screen
    if not isinstance(top, FormDialog) or typed.time >= top.opened_at:
        return
    if isinstance(typed, events.Key) and typed.character is None:
        return
    typed.stop()
    typed.prevent_default()
    top.take_input(typed)
