"""Drafts that leave the app: an RFC 5322 message (.eml), a `mailto:` link (RFC 6068), text.

Built with Python's `email` package from the stored draft and the user's settings (From is
your name and address). Nothing here sends mail: the user's own mail program does that.
"""

from __future__ import annotations

from dataclasses import dataclass
from email import policy
from email.errors import NonASCIILocalPartDefect
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from urllib.parse import quote

import arrow

from jobhunt_tui.domain import settings as rules
from jobhunt_tui.domain.clock import Clock, system_clock
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import Channel, Draft, Settings
from jobhunt_tui.services.file_output import save_bytes
from jobhunt_tui.services.private_file import write_private_file
from jobhunt_tui.storage import reader
from jobhunt_tui.storage.database import Database
from jobhunt_tui.storage.draft_reads import draft_of_follow_up

# Message-IDs need a domain; when the user's own is unusable, a reserved one (RFC 2606)
# rather than `make_msgid`'s default, which asks DNS for this host's name and can hang.
FALLBACK_ID_DOMAIN = "jobhunt.invalid"


# Building


def email_message(draft: Draft, settings: Settings, now: arrow.Arrow) -> EmailMessage:
    """The draft as an email: From from settings, To, Subject, Date, Message-ID, UTF-8 body.

    ValidationError for a phone script, an unset address in settings, or a To that is not an
    address.
    """
    _require_email(draft)
    sender = rules.require(settings, "your_email", "the From line of an email file")
    message = EmailMessage(policy=policy.default)
    you = Address(display_name=settings.your_name, addr_spec=sender)
    message["From"] = _ascii_domain(you, "your_email")
    if draft.to.strip():
        message["To"] = [_ascii_domain(address, "to") for address in _parsed_to(draft.to)]
    message["Subject"] = draft.subject
    message["Date"] = format_datetime(now.datetime)
    message["Message-ID"] = make_msgid(domain=_id_domain(sender))
    # Outlook opens a message marked unsent as a draft ready to send; others ignore it.
    message["X-Unsent"] = "1"
    message.set_content(draft.body)
    return message


def eml_bytes(message: EmailMessage) -> bytes:
    """The message as a file: CRLF line ends (RFC 5322); headers in UTF-8 (RFC 6532) only
    when the user part of an address is not ASCII, since no encoded word may stand there."""
    specs = "".join(
        address.addr_spec
        for name in ("From", "To")
        if name in message
        for address in message[name].addresses
    )
    chosen = policy.SMTP if specs.isascii() else policy.SMTPUTF8
    return message.as_bytes(policy=chosen)


def mailto_link(draft: Draft) -> str:
    """A `mailto:` link (RFC 6068): the To addresses, subject and body percent-encoded as
    UTF-8, line breaks as %0D%0A. Display names are dropped: the scheme takes addresses."""
    _require_email(draft)
    addresses = ",".join(quote(address, safe="@") for address in _addresses(draft.to))
    fields = [("subject", draft.subject), ("body", _crlf(draft.body))]
    query = "&".join(f"{name}={quote(value, safe='')}" for name, value in fields if value)
    return f"mailto:{addresses}" + (f"?{query}" if query else "")


def plain_text(draft: Draft) -> str:
    """The draft as text to paste anywhere (the clipboard and `jobhunt draft ID --text`)."""
    if draft.channel is Channel.PHONE:
        head = [f"Call: {draft.to}"] if draft.to.strip() else []
    else:
        head = [f"To: {draft.to}"] if draft.to.strip() else []
        head.append(f"Subject: {draft.subject}")
    lines = [*head, "", draft.body.rstrip("\n")] if head else [draft.body.rstrip("\n")]
    return "\n".join(lines) + "\n"


def _require_email(draft: Draft) -> None:
    if draft.channel is not Channel.EMAIL:
        raise ValidationError(
            "channel", "is phone: a call script has no email form (use --text to see it)"
        )


def _parsed_to(to: str) -> tuple[Address, ...]:
    """The addresses in a To line ("Ann <ann@x.io>, bob@y.io"); ValidationError if bad."""
    message = EmailMessage(policy=policy.default)
    message["To"] = to.strip()
    header = message["To"]
    # A user part in UTF-8 is fine by RFC 6531/6532 (the file is then written in UTF-8).
    defects = [d for d in header.defects if not isinstance(d, NonASCIILocalPartDefect)]
    if defects or not header.addresses:
        raise ValidationError("to", f"must be an address like ann@example.com, not {to.strip()!r}")
    return tuple(header.addresses)


def _addresses(to: str) -> list[str]:
    return [address.addr_spec for address in _parsed_to(to)] if to.strip() else []


def _ascii_domain(address: Address, field: str) -> Address:
    """`address` with an international domain in its ASCII (IDNA) form, which every mail
    program reads; Python's own parser cannot read raw UTF-8 addresses back."""
    if address.domain.isascii():
        return address
    try:
        domain = address.domain.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise ValidationError(field, f"{address.domain!r} is not a usable domain") from error
    return Address(address.display_name, address.username, domain)


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def _id_domain(address: str) -> str:
    domain = address.rpartition("@")[2]
    return domain if domain.isascii() and "." in domain else FALLBACK_ID_DOMAIN


def file_stem(*words: str) -> str:
    """A file name from words ("Initech", "thank-you" → "initech-thank-you"): letters and
    digits kept (any script), the rest as single dashes; "draft" when nothing is left."""
    joined = "-".join(words).lower()
    kept = "".join(ch if ch.isalnum() else "-" for ch in joined)
    stem = "-".join(part for part in kept.split("-") if part)
    return stem[:60].strip("-") or "draft"


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/stem+suffix`, or the first `stem-N+suffix` not taken yet."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


# The use cases


@dataclass(frozen=True)
class SavedFile:
    """Where a draft was written, and how many bytes."""

    path: Path
    size: int


class MailService:
    """A follow-up's draft as a file, a link or text."""

    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self.database = database
        self.clock = clock

    def draft(self, follow_up_id: int) -> Draft:
        """The stored draft of a follow-up (NotFoundError when it or its draft is missing)."""
        with self.database.reading() as conn:
            return draft_of_follow_up(conn, follow_up_id)

    def message(self, follow_up_id: int) -> EmailMessage:
        """The follow-up's draft as an email message, dated now."""
        with self.database.reading() as conn:
            draft = draft_of_follow_up(conn, follow_up_id)
            settings = reader.load_settings(conn)
        return email_message(draft, settings, self.clock())

    def eml(self, follow_up_id: int) -> bytes:
        """The draft as the bytes of an .eml file."""
        return eml_bytes(self.message(follow_up_id))

    def save_eml(self, follow_up_id: int, target: Path) -> SavedFile:
        """Write the draft as an .eml file (atomically, mode 0600)."""
        data = self.eml(follow_up_id)
        return SavedFile(write_private_file(target, data, field="--eml"), len(data))

    def save_eml_beside(self, follow_up_id: int, folder: Path, stem: str) -> SavedFile:
        """Write the draft as `stem.eml` in `folder` (atomically, 0600), never over a file that
        is already there: `stem-2.eml`, `stem-3.eml`… instead (the send dialog's "save")."""
        data = self.eml(follow_up_id)
        target = free_name(folder, stem, ".eml")
        save_bytes(target, data)
        return SavedFile(target, len(data))

    def mailto(self, follow_up_id: int) -> str:
        """The draft as a `mailto:` link."""
        return mailto_link(self.draft(follow_up_id))

    def text(self, follow_up_id: int) -> str:
        """The draft as plain text."""
        return plain_text(self.draft(follow_up_id))
