"""One opportunity as a workspace: its fields, contacts, follow-ups and timeline, and every
key of the board acting on it (e i r f x H L u n), plus contacts and follow-ups in lists.

The screen reads through the host's services in a worker and runs every change through the
host (the main screen), so the board's card, the header and this page stay in step: the host
signals each re-read card, and the page reads itself again when it is this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from jobhunt_tui.domain.errors import NotFoundError
from jobhunt_tui.domain.models import Contact, FollowUp, FollowUpStatus, OpportunityDetail
from jobhunt_tui.ui.failures import ReportsWorkerFailures
from jobhunt_tui.ui.messages import DetailLoaded, OpenDraft
from jobhunt_tui.ui.screens import DIALOG_CSS, contact_actions, follow_up_actions
from jobhunt_tui.ui.screens.detail_view import (
    contact_line,
    follow_up_line,
    heading,
    summary_content,
    timeline_content,
)
from jobhunt_tui.ui.screens.host import Subject
from jobhunt_tui.ui.widgets.board import STAGE_KEYS

if TYPE_CHECKING:
    from jobhunt_tui.ui.screens.main import MainScreen

Item = TypeVar("Item", Contact, FollowUp)


def _b(
    key: str,
    action: str,
    text: str,
    binding_id: str,
    tooltip: str,
    show: bool = False,
    group: Binding.Group | None = None,
) -> Binding:
    """A detail binding with an id (remappable) and a tooltip."""
    return Binding(key, action, text, show=show, id=binding_id, tooltip=tooltip, group=group)


class DetailPage(VerticalScroll, can_focus=True):
    """The scrolling page; j/k/g/G scroll it like a pager."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("j", "scroll_down", "Down", "detail.scroll_down", "Scroll down"),
        _b("k", "scroll_up", "Up", "detail.scroll_up", "Scroll up"),
        _b("g", "scroll_home", "Top", "detail.top", "Scroll to the top"),
        _b("G", "scroll_end", "Bottom", "detail.bottom", "Scroll to the bottom"),
    ]


class ItemList(OptionList):
    """A list on the page: j/k move the highlight too."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class ContactList(ItemList):
    """The company's contacts: enter edits, delete removes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("enter", "screen.edit_contact", "Edit contact", "detail.edit_contact",
           "Edit the highlighted contact"),
        _b("delete,D", "screen.remove_contact", "Remove", "detail.remove_contact",
           "Remove the highlighted contact"),
    ]  # fmt: skip


class FollowUpList(ItemList):
    """The opportunity's follow-ups: space marks done, s snoozes, d opens the draft."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("space", "screen.follow_up_done", "Done", "detail.done",
           "Mark the highlighted follow-up done (sent now)"),
        _b("s", "screen.snooze", "Snooze", "detail.snooze", "Snooze it a day"),
        _b("d", "screen.open_draft", "Draft", "detail.draft",
           "Open its draft in the editor"),
    ]  # fmt: skip


class DetailScreen(ReportsWorkerFailures, Screen[None]):
    """Reads the opportunity in a worker, shows it, and runs the board's keys on it."""

    CSS_PATH = DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("escape,q", "back", "Back", "detail.back", "Back to the board", show=True),
        _b("e", "edit", "Edit", "detail.edit", "Edit the opportunity and its contacts", True),
        _b("i", "log_interview", "Interview", "detail.interview",
           "Log an interview and plan its follow-ups", True),
        _b("r", "log_reply", "Reply", "detail.reply", "Log a reply from the employer"),
        _b("f", "plan_follow_up", "Follow-up", "detail.follow_up",
           "Plan a follow-up by hand (the pest guard applies)", True),
        _b("n", "add_note", "Note", "detail.note", "Add a note to the timeline", True),
        _b("c", "add_contact", "Contact", "detail.add_contact", "Add a contact"),
        _b("x", "close_card", "Close", "detail.close", "Close: accepted, rejected, withdrawn"),
        _b("H,shift+left", "move(-1)", "◀", "detail.move_left", "Move one stage left", True,
           STAGE_KEYS),
        _b("L,shift+right", "move(1)", "▶", "detail.move_right", "Move one stage right", True,
           STAGE_KEYS),
        _b("u", "undo", "Undo", "detail.undo", "Undo the last change", True),
    ]  # fmt: skip

    def __init__(self, opportunity_id: int, host: MainScreen) -> None:
        super().__init__()
        self.opportunity_id = opportunity_id
        self.host = host
        self.detail: OpportunityDetail | None = None

    def compose(self) -> ComposeResult:
        """Summary, contacts, follow-ups, timeline, in one scrolling page; the footer."""
        with DetailPage(id="detail-page") as page:
            page.border_title = "Opportunity"
            yield Static(Content.styled("loading…", "$text-muted"), id="detail-body")
            yield Static(heading("Contacts"), id="contacts-heading", classes="detail-heading")
            yield ContactList(id="detail-contacts", classes="detail-list")
            yield Static(heading("Follow-ups"), id="follow-ups-heading", classes="detail-heading")
            yield FollowUpList(id="detail-follow-ups", classes="detail-list")
            yield Static("", id="detail-timeline", classes="detail-heading")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """Read the opportunity off the UI thread; re-read when the host changes it."""
        self.query_one(DetailPage).focus()
        self.host.card_signal.subscribe(self, self._card_changed)
        self._load()

    def _card_changed(self, opportunity_id: int) -> None:
        if opportunity_id == self.opportunity_id:
            self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="detail")
    def _load(self) -> None:
        """Post the details when read (back to the board when it no longer exists)."""
        try:
            detail = self.host.services.pipeline.detail(self.opportunity_id)
        except NotFoundError:
            self.app.call_from_thread(self._gone)
            return
        self.post_message(DetailLoaded(detail))

    def _gone(self) -> None:
        self.notify("That opportunity no longer exists.", markup=False)
        self.dismiss(None)

    @on(DetailLoaded)
    def _show(self, event: DetailLoaded) -> None:
        """Fill the page, keeping the highlight of each list where it was."""
        detail = self.detail = event.detail
        tz, now = self.host.services.tz, self.host.services.clock()
        self.query_one("#detail-body", Static).update(summary_content(detail, tz))
        self.query_one("#contacts-heading", Static).update(
            Content.assemble(
                heading(f"Contacts ({len(detail.contacts)})"),
                ("   c add · in the list: enter edit, delete remove", "$text-muted"),
            )
        )
        self._fill(
            self.query_one(ContactList),
            [Option(contact_line(c), id=f"contact-{c.id}") for c in detail.contacts],
            "none yet: c adds one",
        )
        self.query_one("#follow-ups-heading", Static).update(
            Content.assemble(
                heading(f"Follow-ups ({len(detail.follow_ups)})"),
                ("   in the list: space done, s snooze, d draft", "$text-muted"),
            )
        )
        self._fill(
            self.query_one(FollowUpList),
            [Option(follow_up_line(f, now, tz), id=f"follow-up-{f.id}") for f in detail.follow_ups],
            "nothing planned: f plans one",
        )
        self.query_one("#detail-timeline", Static).update(timeline_content(detail, tz))

    @staticmethod
    def _fill(target: OptionList, options: list[Option], empty: str) -> None:
        highlighted = target.highlighted
        target.clear_options()
        if options:
            target.add_options(options)
            target.highlighted = min(highlighted or 0, len(options) - 1)
        else:
            target.add_option(Option(Content.styled(empty, "$text-muted"), disabled=True))

    # What the keys act on

    def _subject(self) -> Subject | None:
        return None if self.detail is None else Subject.of(self.detail.opportunity)

    def _contact(self) -> Contact | None:
        return _highlighted(
            self.query_one(ContactList), self.detail.contacts if self.detail else ()
        )

    def _follow_up(self) -> FollowUp | None:
        found = _highlighted(
            self.query_one(FollowUpList), self.detail.follow_ups if self.detail else ()
        )
        if found is not None and found.status is not FollowUpStatus.PLANNED:
            self.notify(f"That follow-up is {found.status.value} already.", markup=False)
            return None
        return found

    # The board's keys, on this opportunity

    def action_back(self) -> None:
        """Back to the board."""
        self.dismiss(None)

    def action_edit(self) -> None:
        """The opportunity's form, with its contacts."""
        from jobhunt_tui.ui.screens.opportunity_actions import edit_opportunity

        if self.detail is not None:
            edit_opportunity(self.host, self.detail.opportunity, self.detail.contacts)

    def action_log_interview(self) -> None:
        """Log an interview."""
        follow_up_actions.log_interview(self.host, self._subject())

    def action_log_reply(self) -> None:
        """Log a reply."""
        follow_up_actions.log_reply(self.host, self._subject())

    def action_plan_follow_up(self) -> None:
        """Plan a follow-up."""
        follow_up_actions.plan_follow_up(self.host, self._subject())

    def action_add_note(self) -> None:
        """Add a note."""
        contact_actions.add_note(self.host, self._subject())

    def action_close_card(self) -> None:
        """Close with an outcome."""
        contact_actions.close_opportunity(self.host, self._subject())

    def action_move(self, step: int) -> None:
        """One stage left or right, from the stored stage."""
        subject = self._subject()
        if subject is None:
            return
        pipeline = self.host.services.pipeline

        def apply() -> str:
            moved = pipeline.step(subject.opportunity_id, step)
            return f"{subject.name} → {moved.stage.label}"

        self.host.change(subject.opportunity_id, f"move {subject.name}", apply)

    def action_undo(self) -> None:
        """Undo the last change (the page follows if it was this opportunity)."""
        self.host.action_undo()

    # Contacts and follow-ups

    def action_add_contact(self) -> None:
        """A new contact at the company."""
        subject = self._subject()
        if subject is not None:
            contact_actions.add_contact(self.host, subject)

    def action_edit_contact(self) -> None:
        """Edit the highlighted contact."""
        subject, contact = self._subject(), self._contact()
        if subject is not None and contact is not None:
            contact_actions.edit_contact(self.host, subject, contact)

    def action_remove_contact(self) -> None:
        """Remove the highlighted contact (asks first)."""
        subject, contact = self._subject(), self._contact()
        if subject is not None and contact is not None:
            contact_actions.remove_contact(self.host, subject, contact)

    def action_follow_up_done(self) -> None:
        """Mark the highlighted follow-up done."""
        subject, follow_up = self._subject(), self._follow_up()
        if subject is not None and follow_up is not None:
            follow_up_actions.mark_done(self.host, subject, follow_up)

    def action_snooze(self) -> None:
        """Snooze the highlighted follow-up a day."""
        subject, follow_up = self._subject(), self._follow_up()
        if subject is not None and follow_up is not None:
            follow_up_actions.snooze(self.host, subject, follow_up)

    def action_open_draft(self) -> None:
        """Ask the main screen to open the highlighted follow-up's draft, and go there."""
        follow_up = self._follow_up()
        if follow_up is not None:
            self.host.post_message(OpenDraft(follow_up.id))
            self.dismiss(None)


def _highlighted(target: OptionList, items: tuple[Item, ...]) -> Item | None:
    """The item under the list's highlight, if the list shows any."""
    index = target.highlighted
    if index is None or not items or index >= len(items):
        return None
    return items[index]
