"""The draft pane's controller: opens drafts, autosaves them, and runs the pane's keys.

Saving never blocks typing: a key only marks the text dirty. A 10 Hz tick sends the text to
a save worker after a pause (PAUSE_S) or, during continuous typing, at least every MAX_WAIT_S.
Saves run one at a time (`_save_lock`) and coalesce: while one runs, only the newest text
waits. Leaving the pane, switching drafts and quitting save first; quitting and the signal
handlers wait for the save (`flush`), everything else hands it to the worker.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from jobhunt_tui.domain.agenda import due_label
from jobhunt_tui.domain.drafts import DraftText, OpenedDraft, is_phone, pane_title, text_of
from jobhunt_tui.domain.errors import NotFoundError, ValidationError
from jobhunt_tui.domain.localtime import local
from jobhunt_tui.domain.text import visible
from jobhunt_tui.ui.failures import report_failure
from jobhunt_tui.ui.messages import DraftOpened, DraftSaved
from jobhunt_tui.ui.widgets.draft_editor import DraftEditor
from jobhunt_tui.ui.widgets.draft_fields import EditorView

if TYPE_CHECKING:
    from textual.widget import Widget

    from jobhunt_tui.services.drafts import DraftService
    from jobhunt_tui.ui.screens.main import MainScreen

PAUSE_S = 0.3
"""A pause in typing this long saves (the tick adds up to 0.1 s: within half a second)."""
MAX_WAIT_S = 1.5
"""Continuous typing still saves this often (plus the tick and the save: within 2 s)."""
TICK_S = 0.1


@dataclass(frozen=True)
class _Job:
    """One save: the text of a draft, and whether to say so when it is done."""

    draft_id: int
    text: DraftText
    announce: bool = False
    note: str = ""


class DraftSession:
    """The open draft, its revision, and the save machinery of the main screen."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.opened: OpenedDraft | None = None
        self.status = ""
        self._revisions: dict[int, int] = {}
        self._dirty = False
        self._first_dirty = 0.0
        self._last_edit = 0.0
        self._pending: dict[int, _Job] = {}
        self._running = False
        self._lock = threading.Lock()  # guards _pending and _running
        self.save_lock = threading.Lock()  # one save (or read after saves) at a time
        self._return_to: Widget | None = None
        self._editor: DraftEditor | None = None
        self._ticking = False
        self._last_error = ""

    @property
    def drafts(self) -> DraftService:
        """The draft service."""
        return self.screen.services.drafts

    @property
    def editor(self) -> DraftEditor:
        """The pane (looked up once: the 10 Hz tick asks for it)."""
        if self._editor is None:
            self._editor = self.screen.query_one(DraftEditor)
        return self._editor

    # Opening

    def open_for_opportunity(self, opportunity_id: int, company: str) -> None:
        """Open the draft of the opportunity's next planned follow-up."""
        self._remember_origin()
        self.submit()
        self.screen.run_worker(
            lambda: self._open_next(opportunity_id, company),
            thread=True, exit_on_error=False, group="draft-open", exclusive=True,
        )  # fmt: skip

    def open(self, follow_up_id: int) -> None:
        """Open (creating from its template the first time) one follow-up's draft."""
        self._remember_origin()
        if self.opened is not None and self.opened.context.follow_up.id == follow_up_id:
            self._show_pane()
            return
        self.submit()
        self.screen.run_worker(
            lambda: self._read(follow_up_id),
            thread=True, exit_on_error=False, group="draft-open", exclusive=True,
        )  # fmt: skip

    def _remember_origin(self) -> None:
        focused = self.screen.focused
        if focused is not None and not self.editor.has_focus_within:
            self._return_to = focused

    def _open_next(self, opportunity_id: int, company: str) -> None:
        follow_up_id = self.drafts.next_follow_up(opportunity_id)
        if follow_up_id is None:
            self.screen.app.call_from_thread(
                self.screen.notify,
                f"{visible(company)} has no planned follow-up: press f to plan one.",
                markup=False,
            )
            return
        self._read(follow_up_id)

    def _read(self, follow_up_id: int) -> None:
        """(worker) Store what waits to be saved, then read the draft."""
        with self.save_lock:
            self.store_all()
            opened = self.drafts.open(follow_up_id)
        self.screen.post_message(DraftOpened(opened))

    def show_opened(self, opened: OpenedDraft) -> None:
        """(UI) Put a draft that was read into the pane."""
        if self._dirty and self.opened is not None:
            self.submit()  # typed into the previous draft while this one was read
        self.opened = opened
        self._revisions[opened.draft.id] = opened.draft.revision
        self._dirty = False
        context = opened.context
        now = self.screen.services.clock()
        title = pane_title(
            context, due_label(context.follow_up.due_at, now, self.screen.services.tz)
        )
        call = ""
        if is_phone(context):
            who = context.contact_name or "no contact yet (add one on the opportunity)"
            call = f"Call {who}" + (f" · {context.contact_phone}" if context.contact_phone else "")
        self.editor.show(
            EditorView(opened.draft.id, title, is_phone(context), text_of(opened.draft), call)
        )
        self.status = "sent" if opened.draft.sent_at is not None else ""
        self.show_status()
        self._show_pane()
        if not self._ticking:
            self._ticking = True
            self.screen.set_interval(TICK_S, self._tick, name="draft-autosave")

    def _show_pane(self) -> None:
        self.screen.set_class(True, "-side-shown")
        self.editor.body.focus()

    def show_status(self) -> None:
        """(UI) The line under the body: placeholders left to fill, then the last event."""
        open_names = self.editor.open_placeholders()
        flag = "Fill in: " + ", ".join(f"{{{n}}}" for n in open_names) if open_names else ""
        self.editor.set_status(" · ".join(filter(None, (flag, self.status))))

    # Typing and saving

    def edited(self, draft_id: int) -> None:
        """(UI) A key changed the text: remember when, the tick decides when to save."""
        if self.opened is None or draft_id != self.opened.draft.id:
            return
        now = time.monotonic()
        if not self._dirty:
            self._dirty = True
            self._first_dirty = now
        self._last_edit = now

    def _tick(self) -> None:
        now = time.monotonic()
        paused = now - self._last_edit >= PAUSE_S
        if paused:
            self.editor.collector.idle()
            self.editor.refresh_hint()
        if self._dirty and (paused or now - self._first_dirty >= MAX_WAIT_S):
            self.submit()

    def submit(self, *, announce: bool = False, note: str = "") -> None:
        """(UI) Hand the current text to the save worker (starting it when idle)."""
        if self.opened is None or not (self._dirty or announce or note):
            return
        self._dirty = False
        self.editor.refresh_hint()
        with self._lock:
            self._queue(_Job(self.opened.draft.id, self.editor.current_text(), announce, note))
            start = not self._running
            self._running = True
        if start:
            self.screen.run_worker(self._drain, thread=True, exit_on_error=False,
                                   group="draft-save")  # fmt: skip

    def _queue(self, job: _Job) -> None:
        """Wait in line, replacing an older text of the same draft (holding `_lock`)."""
        previous = self._pending.pop(job.draft_id, None)
        if previous is not None:
            job = replace(
                job, announce=job.announce or previous.announce, note=job.note or previous.note
            )
        self._pending[job.draft_id] = job

    def _drain(self) -> None:
        """(worker) Store jobs until none waits; stop at a failure (the tick tries again)."""
        while True:
            with self.save_lock:
                stored = self._store_pending()
                with self._lock:
                    if not stored or not self._pending:
                        self._running = False
                        return

    def _store_pending(self, *, post: bool = True) -> bool:
        """Store one waiting job, if any (call holding `_save_lock`); False if none or failed."""
        with self._lock:
            if not self._pending:
                return False
            job = self._pending.pop(next(iter(self._pending)))
        return self._store(job, post=post)

    def store_all(self, *, post: bool = True) -> None:
        """Store every waiting job (holding `_save_lock`); a failing one is left waiting."""
        with self._lock:
            count = len(self._pending)
        for _ in range(count):
            if not self._store_pending(post=post):
                return

    def _store(self, job: _Job, *, post: bool = True) -> bool:
        """Save one job on top of the revision this window last saw (holding `_save_lock`)."""
        base = self._revisions.get(job.draft_id, 0)
        try:
            outcome = self.drafts.save(job.draft_id, job.text, base, note=job.note)
        except (ValidationError, NotFoundError) as error:
            # Trying again cannot help: say why; the next key (or reopening) tries anew.
            if post:
                self.screen.post_message(
                    DraftSaved(job.draft_id, None, job.announce, f"Not saved: {error}", retry=False)
                )
            return False
        except Exception as error:
            with self._lock:
                self._pending.setdefault(job.draft_id, job)  # keep it for the next try
            message = f"The draft could not be saved: {error}"
            if post:
                self.screen.post_message(DraftSaved(job.draft_id, None, job.announce, message))
            return False
        self._revisions[job.draft_id] = outcome.revision
        if post:
            self.screen.post_message(DraftSaved(job.draft_id, outcome, job.announce))
        return True

    def revision(self, draft_id: int) -> int:
        """The revision this window last saw of a draft (read holding `save_lock`)."""
        return self._revisions.get(draft_id, 0)

    def set_revision(self, draft_id: int, revision: int) -> None:
        """Remember a revision written outside the save queue (holding `save_lock`)."""
        self._revisions[draft_id] = revision

    def shown_sent(self, draft_id: int) -> None:
        """(UI) The draft was marked sent: say so in the pane."""
        if self.opened is not None and self.opened.draft.id == draft_id:
            self.status = "marked sent"
            self.show_status()

    def discard_edits(self) -> None:
        """(UI) The text on screen is the stored one: nothing to save."""
        self._dirty = False

    def saved(self, event: DraftSaved) -> None:
        """(UI) Say what a save did: quietly in the pane, aloud for ctrl+s and conflicts."""
        if event.outcome is None:
            if event.retry:
                self._dirty = True
                self._first_dirty = time.monotonic()  # try again within MAX_WAIT_S
            if event.error != self._last_error:
                self.screen.notify(visible(event.error), severity="warning", markup=False)
            self._last_error = event.error
            self.status = "not saved"
            self.show_status()
            return
        self._last_error = ""
        outcome = event.outcome
        if self.opened is None or outcome.draft_id != self.opened.draft.id:
            return
        stamp = local(outcome.saved_at, self.screen.services.tz).format("HH:mm:ss")
        self.status = f"saved {stamp}"
        self.show_status()
        if outcome.conflict:
            self.screen.notify(
                "This draft was also saved in another window: both are kept. "
                "Theirs is in the versions (ctrl+r).",
                title="Draft", severity="warning", markup=False, timeout=6,
            )  # fmt: skip
        elif event.announce:
            self.screen.notify(f"Draft saved ({stamp}).", markup=False, timeout=2)

    def flush(self) -> None:
        """(UI) Save now and wait for it: before quitting, on SIGHUP and SIGTERM.

        The text is saved even when no edit was seen yet (the message of the last key may
        still be on its way; an unchanged text costs one read).
        """
        if self.opened is not None:
            self._dirty = False
            with self._lock:
                self._queue(_Job(self.opened.draft.id, self.editor.current_text()))
        with self.save_lock:
            self.store_all(post=False)

    # The pane's keys

    def act(self, name: str) -> None:
        """(UI) A key of the pane, by name."""
        if name == "blur":
            self.screen.call_after_refresh(self._maybe_left)
            return
        if self.opened is None:
            if name == "leave":
                self.leave()
            else:
                self.screen.notify("No draft open: press d on a card.", markup=False)
            return
        if name == "leave":
            self.leave()
        elif name == "save":
            self.submit(announce=True)
        else:
            from jobhunt_tui.ui.screens import draft_actions

            getattr(draft_actions, name)(self)

    def _maybe_left(self) -> None:
        if not self.editor.has_focus_within:
            self.submit()

    def leave(self) -> None:
        """Save, then go back where the user came from (the board by default)."""
        self.submit()
        target = self._return_to
        if target is None or not target.is_attached or not target.focusable:
            target = self.screen.board
        if target is self.screen.board or self.screen.board in target.ancestors:
            self.screen.set_class(False, "-side-shown")
        target.focus()

    def report(self, error: BaseException) -> None:
        """Show a failure of the pane's work."""
        report_failure(self.screen.app, error)
