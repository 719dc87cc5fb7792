"""Draft templates: the built-in wording for each follow-up step, and filling placeholders.

The advice: one or two sentences is enough. So every built-in is short, specific (it names
the role, the company, the day you met), polite, and puts no pressure on anyone.

Placeholders look like `{first_name}`. Filling never fails: a placeholder the data cannot
fill (no contact yet, no name in the settings) or one nobody knows stays in the text as it
was, and is reported so the pane can flag it before anything is sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jobhunt_tui.domain.built_in_templates import BUILT_IN_TEXTS
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import Channel, FollowUpKind
from jobhunt_tui.domain.text import BODY_MAX, NAME_MAX, SHORT_MAX, clean_optional, clean_required

PLACEHOLDERS = ("first_name", "company", "role", "interview_day", "my_name", "signature")
"""Every placeholder a template may use."""

_PLACEHOLDER = re.compile(r"\{([^{}\s]{1,40})\}")

SHORT_WORDS = 150
"""Past this many words the hint suggests trimming."""


@dataclass(frozen=True)
class Template:
    """Wording for one kind of follow-up on one channel; `subject` is empty for phone."""

    name: str
    kind: FollowUpKind
    channel: Channel
    subject: str
    body: str
    id: int = 0
    built_in: bool = False
    is_default: bool = False


@dataclass(frozen=True)
class Filled:
    """Text with its placeholders filled, and those that stayed as they were."""

    text: str
    unfilled: tuple[str, ...] = ()


BUILT_INS: tuple[Template, ...] = tuple(
    Template(name, FollowUpKind(kind), Channel(channel), subject, body, built_in=True)
    for name, kind, channel, subject, body in BUILT_IN_TEXTS
)


def built_in_for(kind: FollowUpKind, channel: Channel) -> Template:
    """The built-in template for a step (a custom follow-up reads like a follow-up)."""
    wanted = FollowUpKind.FOLLOW_UP if kind is FollowUpKind.CUSTOM else kind
    for template in BUILT_INS:
        if template.kind is wanted and template.channel is channel:
            return template
    raise LookupError(f"no built-in template for {kind.value} by {channel.value}")


def choose(
    templates: tuple[Template, ...], kind: FollowUpKind, channel: Channel
) -> Template | None:
    """The template a new draft for a step starts from: the default for its kind and channel,
    else the first matching one (stored order); custom steps use follow-up ones."""
    wanted = FollowUpKind.FOLLOW_UP if kind is FollowUpKind.CUSTOM else kind
    matching = [t for t in templates if t.kind is wanted and t.channel is channel]
    return next((t for t in matching if t.is_default), matching[0] if matching else None)


TEMPLATE_KINDS = (FollowUpKind.THANK_YOU, FollowUpKind.FOLLOW_UP, FollowUpKind.CHECK_IN)
"""The kinds a template is written for (a custom follow-up uses the follow-up ones)."""


def unknown_placeholders(*texts: str) -> tuple[str, ...]:
    """Placeholders written in `texts` that no template can fill ({firstname} for
    {first_name}): they would stay in every draft as typed."""
    return tuple(name for name in unfilled_in(*texts) if name not in PLACEHOLDERS)


def fill(text: str, values: dict[str, str]) -> Filled:
    """`text` with each known, fillable placeholder replaced; the others kept and reported.

    A value that is empty (after trimming) cannot fill its placeholder: "Hi ," is worse than
    a visible "Hi {first_name}," the user notices and fixes.
    """
    unfilled: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        value = values.get(name, "").strip() if name in PLACEHOLDERS else ""
        if value:
            return value
        if name not in unfilled:
            unfilled.append(name)
        return match.group(0)

    return Filled(_PLACEHOLDER.sub(replace, text), tuple(unfilled))


def unfilled_in(*texts: str) -> tuple[str, ...]:
    """The placeholders still written in `texts`, in order, once each."""
    found: list[str] = []
    for text in texts:
        for name in _PLACEHOLDER.findall(text):
            if name not in found:
                found.append(name)
    return tuple(found)


def word_count(text: str) -> int:
    """Words as a reader counts them (runs of non-space)."""
    return len(text.split())


def length_hint(words: int) -> str:
    """'38 words · short is fine'; past SHORT_WORDS: 'shorter is kinder'."""
    counted = f"{words} word{'' if words == 1 else 's'}"
    return f"{counted} · {'shorter is kinder' if words > SHORT_WORDS else 'short is fine'}"


@dataclass(frozen=True)
class TemplateInput:
    """What the user writes for a template (checked by `checked_input`)."""

    name: str
    kind: FollowUpKind
    channel: Channel
    subject: str
    body: str


def checked_input(draft: TemplateInput) -> TemplateInput:
    """The input as stored: trimmed, control characters out, within the limits, with only
    placeholders a template can fill; ValidationError naming the field otherwise. A call
    script has no subject."""
    name = clean_required(draft.name, "name", NAME_MAX)
    if draft.kind not in TEMPLATE_KINDS:
        raise ValidationError("kind", "must be thank-you, follow-up or check-in")
    phone = draft.channel is Channel.PHONE
    subject = "" if phone else clean_optional(draft.subject, "subject", SHORT_MAX)
    body = clean_optional(draft.body, "body", BODY_MAX, multiline=True)
    if not body:
        raise ValidationError("body", "must not be empty: write what to say")
    for field, text in (("subject", subject), ("body", body)):
        unknown = unknown_placeholders(text)
        if unknown:
            names = ", ".join(f"{{{name}}}" for name in unknown)
            known = " ".join(f"{{{name}}}" for name in PLACEHOLDERS)
            raise ValidationError(field, f"has {names}, which nothing fills; use {known}")
    return TemplateInput(name, draft.kind, draft.channel, subject, body)


def original_of(template: Template) -> Template | None:
    """The built-in a stored built-in started as (same kind and channel), or None."""
    if not template.built_in:
        return None
    return next(
        (b for b in BUILT_INS if b.kind is template.kind and b.channel is template.channel), None
    )


def as_it_came(template: Template, original: Template) -> bool:
    """True when a stored built-in still has its original words; its name may carry
    " (built-in)" when it was put back while one of the user's had the name."""
    named = template.name == original.name or template.name.startswith(f"{original.name} (built-in")
    return named and (template.subject, template.body) == (original.subject, original.body)


def is_edited_built_in(template: Template) -> bool:
    """A built-in whose name or words the user changed."""
    original = original_of(template)
    return original is not None and not as_it_came(template, original)


def copy_name(name: str, taken: set[str]) -> str:
    """A name for a duplicate: "X (copy)", then "X (copy 2)"… (casefolded names in `taken`)."""
    base = f"{name} (copy)"
    candidate, number = base, 2
    while candidate.casefold() in taken:
        candidate = f"{name} (copy {number})"
        number += 1
    return candidate[:NAME_MAX]
