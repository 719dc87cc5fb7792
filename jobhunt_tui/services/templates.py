"""Use cases of "Your templates": list, add, edit, duplicate, delete, choose the default, and
put the built-ins back.

Each write is one transaction that decides from the stored rows (another window may have
changed them). Template edits are not undo steps: the built-ins can always be put back, and
a user's template is deleted only after the screen asked.
"""

from __future__ import annotations

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.spacing import kind_label
from jobhunt_tui.domain.templates import (
    BUILT_INS,
    Template,
    TemplateInput,
    as_it_came,
    checked_input,
    copy_name,
)
from jobhunt_tui.storage import template_store
from jobhunt_tui.storage.database import Database


def step_label(template: Template | TemplateInput) -> str:
    """ "thank-you by email": the step and channel a template is for."""
    return f"{kind_label(template.kind.value)} by {template.channel.value}"


class TemplateService:
    """The templates of one database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def list(self) -> tuple[Template, ...]:
        """Every template, by step and channel, built-ins first."""
        with self.database.reading() as conn:
            return tuple(template_store.listed(conn))

    def add(self, draft: TemplateInput) -> Template:
        """Store a new template of the user's."""
        cleaned = checked_input(draft)
        with self.database.writing_sql(f"add template {cleaned.name}", undoable=False) as conn:
            _require_free(cleaned.name, template_store.names(conn))
            template_id = template_store.insert(conn, cleaned)
            return template_store.get(conn, template_id)

    def edit(self, template_id: int, draft: TemplateInput) -> Template:
        """Change a template (a built-in stays restorable); a default moved to another step
        or channel stops being the default."""
        cleaned = checked_input(draft)
        with self.database.writing_sql(f"edit template {cleaned.name}", undoable=False) as conn:
            template_store.get(conn, template_id)
            _require_free(cleaned.name, template_store.names(conn, except_id=template_id))
            template_store.update(conn, template_id, cleaned)
            return template_store.get(conn, template_id)

    def duplicate(self, template_id: int) -> Template:
        """A copy of a template, as one of the user's own ("… (copy)"), never the default."""
        with self.database.writing_sql("duplicate a template", undoable=False) as conn:
            source = template_store.get(conn, template_id)
            name = copy_name(source.name, template_store.names(conn))
            copied = TemplateInput(name, source.kind, source.channel, source.subject, source.body)
            return template_store.get(conn, template_store.insert(conn, copied))

    def delete(self, template_id: int) -> str:
        """Remove a template; returns what to tell the user."""
        with self.database.writing_sql("delete a template", undoable=False) as conn:
            template = template_store.get(conn, template_id)
            template_store.delete(conn, template_id)
        back = " (r puts the built-ins back)" if template.built_in else ""
        return f"Template {template.name!r} deleted{back}."

    def toggle_default(self, template_id: int) -> str:
        """Make a template the default of its step and channel (the one a new draft starts
        from), or, when it already is, make none the default; returns what to tell the user."""
        with self.database.writing_sql("choose a default template", undoable=False) as conn:
            template = template_store.get(conn, template_id)
            template_store.set_default(conn, template, not template.is_default)
        if template.is_default:
            return f"No default for the {step_label(template)} any more: the first one is used."
        return f"New {step_label(template)} drafts start from {template.name!r}."

    def restore_built_ins(self) -> str:
        """Put back every built-in that was deleted or edited (the user's own are kept);
        returns what to tell the user."""
        restored: list[str] = []
        with self.database.writing_sql("restore the built-in templates", undoable=False) as conn:
            for original in BUILT_INS:
                stored = template_store.built_in_for(conn, original.kind, original.channel)
                if stored is not None and as_it_came(stored, original):
                    continue
                taken = template_store.names(conn, except_id=stored.id if stored else 0)
                name = _free_name(original.name, taken)
                draft = TemplateInput(
                    name, original.kind, original.channel, original.subject, original.body
                )
                if stored is None:
                    template_store.insert(conn, draft, built_in=True)
                else:
                    template_store.update(conn, stored.id, draft)
                restored.append(name)
        if not restored:
            return "The built-in templates are all there, as they came."
        return f"Put back: {', '.join(restored)}."


def _free_name(name: str, taken: set[str]) -> str:
    """`name`, or "name (built-in)", "name (built-in 2)"… when one of the user's has it."""
    candidate, number = name, 1
    while candidate.casefold() in taken:
        candidate = f"{name} (built-in{'' if number == 1 else f' {number}'})"
        number += 1
    return candidate


def _require_free(name: str, taken: set[str]) -> None:
    if name.casefold() in taken:
        raise ValidationError("name", f"{name!r} is already the name of another template")
