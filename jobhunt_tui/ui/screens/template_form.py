"""The form of one template (add, edit): name, step, channel, subject and words.

It only collects: `domain.templates.checked_input` refuses what cannot be stored (an empty
name, a placeholder nothing fills) under the field at fault, and the templates screen saves.
"""

from __future__ import annotations

from jobhunt_tui.domain.models import Channel, FollowUpKind
from jobhunt_tui.domain.spacing import kind_label
from jobhunt_tui.domain.templates import (
    PLACEHOLDERS,
    TEMPLATE_KINDS,
    Template,
    TemplateInput,
    checked_input,
)
from jobhunt_tui.ui.screens.form import Field, FormDialog, Values, text

HINT = (
    "Placeholders: " + " ".join(f"{{{name}}}" for name in PLACEHOLDERS) + "\n"
    "ctrl+s saves (enter in a one-line field too) · escape cancels · a call has no subject"
)


def _read(values: Values) -> TemplateInput:
    kind = values.get("kind")
    channel = values.get("channel")
    assert isinstance(kind, FollowUpKind) and isinstance(channel, Channel)
    return checked_input(
        TemplateInput(text(values, "name"), kind, channel, text(values, "subject"),
                      str(values.get("body") or ""))
    )  # fmt: skip


def template_form(
    title: str,
    current: Template | None = None,
    step: tuple[FollowUpKind, Channel] | None = None,
) -> FormDialog[TemplateInput]:
    """The form, holding `current` (editing) or empty for `step` (adding)."""
    kind, channel = step or (FollowUpKind.THANK_YOU, Channel.EMAIL)
    if current is not None:
        kind, channel = current.kind, current.channel
    if kind not in TEMPLATE_KINDS:
        kind = FollowUpKind.FOLLOW_UP  # a custom step reads like a follow-up
    fields = (
        Field("name", "Name", example="Short thank-you",
              value=current.name if current else ""),
        Field("kind", "Step", kind="select", value=kind,
              options=tuple((kind_label(k.value).capitalize(), k) for k in TEMPLATE_KINDS)),
        Field("channel", "Channel", kind="select", value=channel,
              options=(("Email", Channel.EMAIL), ("Phone", Channel.PHONE))),
        Field("subject", "Subject", example="Thank you: {role} interview",
              value=current.subject if current else ""),
        Field("body", "Words", kind="multiline", value=current.body if current else ""),
    )  # fmt: skip
    return FormDialog(title, fields, _read, hint=HINT)
