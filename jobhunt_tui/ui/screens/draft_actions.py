"""The draft pane's dialog keys: ctrl+t template, ctrl+r versions, ctrl+g $EDITOR, ctrl+o send….

Each reads in a worker, asks with a dialog that returns a typed result, then hands the
change to the draft session (text) or to the screen's change pipeline (mark sent).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from jobhunt_tui.domain.drafts import DraftText, DraftVersion, text_of
from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.domain.models import Channel, Draft, FollowUpKind
from jobhunt_tui.domain.spacing import kind_label
from jobhunt_tui.domain.templates import Template, choose, unfilled_in
from jobhunt_tui.domain.text import visible
from jobhunt_tui.services.drafts import TEMPLATE_NOTE
from jobhunt_tui.services.mail import file_stem, mailto_link
from jobhunt_tui.ui.clipboard import copy_draft
from jobhunt_tui.ui.external_editor import EditorFailed, apply_as_edit, edit_externally
from jobhunt_tui.ui.mail_app import open_link
from jobhunt_tui.ui.screens.draft_pickers import (
    MANAGE,
    ConfirmReplace,
    TemplatePicker,
    VersionPicker,
)
from jobhunt_tui.ui.screens.send import MarkSent, SendDialog, SendRequest, WaysOut

if TYPE_CHECKING:
    from jobhunt_tui.ui.screens.draft_session import DraftSession


def _worker(session: DraftSession, work: Callable[[], None], group: str) -> None:
    session.screen.run_worker(work, thread=True, exit_on_error=False, group=group)


# ctrl+t


def template(session: DraftSession) -> None:
    """Choose a template; replace the text at once when untouched, after asking when typed."""
    assert session.opened is not None
    follow_up = session.opened.context.follow_up
    current = session.editor.current_text()

    def read() -> None:
        stored = session.drafts.templates()
        matching = tuple(t for t in stored if t.channel is follow_up.channel) or stored
        filled = [session.drafts.fill(t, follow_up.id) for t in matching]
        start = choose(matching, follow_up.kind, follow_up.channel)  # the default first
        suggested = next((i for i, t in enumerate(matching) if t is start), 0)
        untouched = not current.body.strip() or any(text == current for text, _ in filled)
        session.screen.app.call_from_thread(
            _choose_template, session, matching, filled, suggested, untouched
        )

    _worker(session, read, "draft-read")


def _choose_template(
    session: DraftSession,
    templates: tuple[Template, ...],
    filled: list[tuple[DraftText, tuple[str, ...]]],
    suggested: int,
    untouched: bool,
) -> None:
    def chosen(index: int | None) -> None:
        if index is None:
            return
        if index == MANAGE:
            _manage_templates(session)
            return
        if untouched:
            _apply_template(session, filled[index][0])
            return

        def confirmed(replace: bool | None) -> None:
            if replace:
                _apply_template(session, filled[index][0])

        session.screen.app.push_screen(ConfirmReplace(templates[index].name), confirmed)

    session.screen.app.push_screen(TemplatePicker(templates, suggested), chosen)


def _manage_templates(session: DraftSession) -> None:
    """Your templates, starting at this follow-up's step; closing them offers the choice again."""
    from jobhunt_tui.ui.screens.templates import TemplatesScreen

    follow_up = session.opened.context.follow_up if session.opened else None
    step = (follow_up.kind, follow_up.channel) if follow_up else None

    def closed(_: None) -> None:
        if session.opened is not None:
            template(session)

    session.screen.app.push_screen(TemplatesScreen(session.screen.services.templates, step), closed)


def _apply_template(session: DraftSession, text: DraftText) -> None:
    session.flush()  # what was typed is stored (and so kept as a version) first
    session.editor.set_text(text)
    session.submit(note=TEMPLATE_NOTE)
    session.status = "template applied"
    session.editor.body.focus()


# ctrl+r


def versions(session: DraftSession) -> None:
    """List the kept versions; the chosen one becomes the text (the current one is kept)."""
    assert session.opened is not None
    draft_id = session.opened.draft.id
    session.submit()

    def read() -> None:
        with session.save_lock:
            session.store_all()
            found = session.drafts.versions(draft_id)
        session.screen.app.call_from_thread(_choose_version, session, draft_id, found)

    _worker(session, read, "draft-read")


def _choose_version(session: DraftSession, draft_id: int, found: tuple[DraftVersion, ...]) -> None:
    if not found:
        session.screen.notify("No versions kept yet.", markup=False)
        return

    def chosen(index: int | None) -> None:
        if index is None or session.opened is None or session.opened.draft.id != draft_id:
            return
        version = found[index]
        session.submit()

        def restore() -> None:
            with session.save_lock:
                session.store_all()
                draft, conflict = session.drafts.restore(
                    draft_id, version.id, session.revision(draft_id)
                )
                session.set_revision(draft_id, draft.revision)
            session.screen.app.call_from_thread(
                _restored, session, draft_id, text_of(draft), conflict
            )

        _worker(session, restore, "draft-save")

    session.screen.app.push_screen(VersionPicker(found, session.screen.services.tz), chosen)


def _restored(session: DraftSession, draft_id: int, text: DraftText, conflict: bool) -> None:
    if session.opened is None or session.opened.draft.id != draft_id:
        return
    session.editor.set_text(text)
    session.discard_edits()
    session.status = "restored"
    session.show_status()
    session.editor.body.focus()
    also = " Another window had saved meanwhile: its text is kept too." if conflict else ""
    session.screen.notify(
        f"Version restored; the text it replaced is in the versions.{also}", markup=False
    )


# ctrl+g


def external(session: DraftSession) -> None:
    """Edit the body in $VISUAL/$EDITOR; the result is one undoable edit, saved as typing is.

    Runs on the app's thread (suspending the terminal cannot happen in a worker). A missing
    editor or a failed run says why and changes nothing.
    """
    assert session.opened is not None
    draft_id = session.opened.draft.id
    body = session.editor.body
    session.flush()  # what was typed is stored before the terminal is handed over
    try:
        edited = edit_externally(session.screen.app, body.text)
    except EditorFailed as error:
        session.screen.notify(f"Not edited: {error}", title="$EDITOR", severity="warning",
                              markup=False, timeout=6)  # fmt: skip
        body.focus()
        return
    body.focus()
    if session.opened is None or session.opened.draft.id != draft_id:
        return
    if not apply_as_edit(body, edited):
        session.screen.notify("Unchanged in the editor.", markup=False, timeout=2)
        return
    session.edited(draft_id)
    session.submit()
    session.screen.notify("Body taken from the editor (ctrl+z takes it back).", markup=False,
                          timeout=3)  # fmt: skip


# ctrl+o


def send(session: DraftSession) -> None:
    """Save, ask (with the pest guard's warning when it applies), then mark sent."""
    assert session.opened is not None
    opened = session.opened
    session.flush()
    text = session.editor.current_text()
    follow_up = opened.context.follow_up

    def read() -> None:
        guard = session.drafts.check_send(follow_up.id)
        stored = session.screen.services.mail.draft(follow_up.id)
        label = kind_label(follow_up.kind.value)
        where = text.to or opened.context.contact_phone or opened.context.contact_name
        request = SendRequest(
            title=f"{label} · {opened.context.company}",
            summary=(text.subject or text.body.strip().split("\n")[0])[:80]
            + (f"  →  {where}" if where else ""),
            guard_warning="" if guard.allowed else guard.message,
            open_placeholders=unfilled_in(text.subject, text.body),
        )
        ways = ways_out(session, stored, follow_up.id, opened.context.company)
        session.screen.app.call_from_thread(_ask_send, session, opened.draft.id, request, ways)

    _worker(session, read, "draft-read")


def ways_out(session: DraftSession, draft: Draft, follow_up_id: int, company: str) -> WaysOut:
    """The send dialog's other keys for this draft (a call script can only be copied)."""
    app = session.screen.app

    def copy() -> str:
        return copy_draft(app, draft, follow_up_id)

    def open_mail() -> str:
        link = mailto_link(draft)
        if not open_link(link):
            return (
                "No mail handler on this system (xdg-open or open). Copy it with c, or run:\n"
                f"jobhunt draft {follow_up_id} --mailto"
            )
        return "Opened in your mail app: send it from there, then mark it sent here."

    def save_eml() -> str:
        return _save_eml_here(session, follow_up_id, company)

    if draft.channel is Channel.PHONE:
        return WaysOut(copy)
    return WaysOut(copy, open_mail, save_eml)


def _save_eml_here(session: DraftSession, follow_up_id: int, company: str) -> str:
    """(worker) Save the draft as `company-step.eml` in the current folder; what to say."""
    stem = file_stem(company, kind_label(draft_kind(session).value))
    saved = session.screen.services.mail.save_eml_beside(follow_up_id, Path.cwd(), stem)
    return (
        f"Saved {visible(str(saved.path))} ({saved.size:,} bytes, readable by you only): "
        "open it in your mail program."
    )


def save_eml(session: DraftSession) -> None:
    """The palette's "Save draft as .eml": the open draft, saved, written in the current folder."""
    if session.opened is None:
        session.screen.notify("No draft open: press d on a card first.", markup=False)
        return
    session.flush()
    follow_up_id = session.opened.context.follow_up.id
    company = session.opened.context.company

    def write() -> None:
        try:
            note = _save_eml_here(session, follow_up_id, company)
        except (JobhuntError, OSError) as error:
            session.screen.app.call_from_thread(
                session.screen.notify, visible(f"Not saved: {error}"), severity="warning",
                markup=False,
            )  # fmt: skip
            return
        session.screen.app.call_from_thread(session.screen.notify, note, markup=False, timeout=6)

    _worker(session, write, "draft-read")


def draft_kind(session: DraftSession) -> FollowUpKind:
    """The kind of the follow-up whose draft is open."""
    assert session.opened is not None
    return session.opened.context.follow_up.kind


def _ask_send(session: DraftSession, draft_id: int, request: SendRequest, ways: WaysOut) -> None:
    assert session.opened is not None
    opened = session.opened
    follow_up = opened.context.follow_up
    drafts = session.drafts

    def chosen(choice: MarkSent | None) -> None:
        if choice is None:
            session.editor.body.focus()
            return
        session.flush()

        def apply() -> str:
            sent = drafts.mark_sent(follow_up.id, draft_id, force=choice.force)
            session.screen.app.call_from_thread(session.shown_sent, draft_id)
            return sent.note

        label = f"mark {kind_label(follow_up.kind.value)} to {visible(opened.context.company)} sent"
        session.screen.change(follow_up.opportunity_id, label, apply)

    session.screen.app.push_screen(SendDialog(request, ways), chosen)
