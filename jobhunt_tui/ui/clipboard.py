"""Copying a draft to the clipboard for the send dialog, and saying how else to get it.

Textual copies through OSC 52, which the terminal must allow; jobhunt cannot tell whether it
did, so the note always names the other way (`jobhunt draft ID --text`), and says so first
where the terminal is known not to take it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Protocol

from jobhunt_tui.domain.models import Channel, Draft
from jobhunt_tui.services.mail import plain_text

# Terminals known to ignore OSC 52 (TERM_PROGRAM values).
NO_OSC52 = {"Apple_Terminal": "macOS Terminal"}


class ClipboardTarget(Protocol):
    """What this needs of the app: Textual's `App.copy_to_clipboard`."""

    def copy_to_clipboard(self, text: str) -> None:
        """Put `text` on the clipboard."""
        ...


def fallback_line(follow_up_id: int) -> str:
    """The command that prints the same text, for terminals that do not take the copy."""
    return f"or: jobhunt draft {follow_up_id} --text"


def copy_draft(
    app: ClipboardTarget,
    draft: Draft,
    follow_up_id: int,
    environ: Mapping[str, str] | None = None,
) -> str:
    """Copy the draft's text (what `jobhunt draft ID --text` prints) and return the note to
    show: what was copied, and the fallback."""
    text = plain_text(draft)
    app.copy_to_clipboard(text)
    env = os.environ if environ is None else environ
    terminal = NO_OSC52.get(env.get("TERM_PROGRAM", ""))
    if terminal is not None:
        return (
            f"{terminal} does not take copies from apps; to get the text, run:\n"
            f"jobhunt draft {follow_up_id} --text"
        )
    what = "the call script" if draft.channel is Channel.PHONE else "the subject and body"
    return (
        f"Copied {what} ({len(text):,} characters) to the clipboard.\n{fallback_line(follow_up_id)}"
    )
