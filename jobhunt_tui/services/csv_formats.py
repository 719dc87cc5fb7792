"""Reading CSV files from jobhunt, Huntr and LinkedIn into checked import rows.

A file is read and checked in full before anything is written: a bad row stops it with the
row number and the column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NoReturn

import arrow

from jobhunt_tui.domain.dates import iso_day, not_too_old, shown
from jobhunt_tui.domain.errors import JobhuntError, ValidationError
from jobhunt_tui.domain.models import Stage
from jobhunt_tui.domain.stages import parse_stage
from jobhunt_tui.domain.text import NAME_MAX, clean_optional, clean_required, name_key, visible
from jobhunt_tui.services.export_safety import from_spreadsheet_cell
from jobhunt_tui.services.pipeline import OpportunityInput, cleaned_fields

# The generic dialect is jobhunt's own CSV export.
CSV_COLUMNS: tuple[str, ...] = (
    *("company", "role", "stage", "url", "location", "salary", "source", "priority"),
    *("applied_on", "expected_decision_on", "notes", "archived", "contacts"),
)
MAX_IMPORT_BYTES = 20 * 1024 * 1024


class ImportFileError(JobhuntError):
    """A file that cannot be imported: says which row and column, or what is wrong with it."""


# Import: what a file holds


@dataclass(frozen=True)
class ContactFields:
    """A contact read from a file, cleaned."""

    name: str
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ImportRow:
    """One checked row: the opportunity it describes and where it came from."""

    number: int
    data: OpportunityInput
    archived: bool = False
    contacts: tuple[ContactFields, ...] = ()
    remark: str = ""
    columns: Mapping[str, object] = field(default_factory=dict, compare=False, repr=False)
    """Its column values from `cleaned_fields`, kept from the check (not cleaned twice)."""

    @property
    def key(self) -> tuple[str, str]:
        """What makes two rows the same opportunity: company and role, any case."""
        return name_key(self.data.company), name_key(self.data.role)


@dataclass(frozen=True)
class ImportPlan:
    """A file read and checked: its dialect, its rows, and the columns it ignores."""

    source: str
    dialect: str
    rows: tuple[ImportRow, ...]
    ignored_columns: tuple[str, ...] = ()


def _norm(column: str) -> str:
    """A column name as compared: no BOM, single spaces, case-folded."""
    return " ".join(column.replace("\ufeff", "").split()).casefold()


class _Cells:
    """One row of the file, by normalised column name, able to name a column in an error."""

    def __init__(
        self, number: int, keys: list[str], names: dict[str, str], cells: list[str]
    ) -> None:
        self.number = number
        self.values = dict(zip(keys, cells, strict=False))
        self.names = names
        """Each normalised column name as the header writes it (shared by every row)."""

    def get(self, key: str) -> str:
        """The cell under `key`, empty when the row has none."""
        return self.values.get(key) or ""

    def fail(self, key: str, message: str) -> NoReturn:
        """Stop with ImportFileError naming this row and the column of `key`."""
        column = visible(self.names.get(key, key))
        raise ImportFileError(f"row {self.number}, column {column!r}: {message}")


@dataclass(frozen=True)
class _Dialect:
    """A header the importer recognises, and how to read its rows."""

    name: str
    description: str
    required: frozenset[str]
    known: frozenset[str]
    parse: Callable[[_Cells], ImportRow]


def _checked(cells: _Cells, row: ImportRow, columns: dict[str, str]) -> ImportRow:
    """`row` with company and role cleaned, or ImportFileError naming the row and column."""
    try:
        company = clean_required(row.data.company, "company", NAME_MAX)
        fields = cleaned_fields(row.data)
    except ValidationError as error:
        cells.fail(columns.get(error.field, error.field), error.message)
    data = replace(row.data, company=company, role=str(fields["role"]))
    return replace(row, data=data, columns=fields)


def _contact(
    cells: _Cells, column: str, name: str, email: str = "", phone: str = ""
) -> ContactFields:
    """A cleaned contact, or ImportFileError naming `column`."""
    try:
        return ContactFields(
            clean_required(name, "contact", NAME_MAX),
            clean_optional(email, "contact email"),
            clean_optional(phone, "contact phone"),
        )
    except ValidationError as error:
        cells.fail(column, error.message)


_CONTACT_LINE = re.compile(r"^(?P<name>.*?)\s*<(?P<email>[^<>\s]+@[^<>\s]+)>$")


def _contact_line(cells: _Cells, line: str) -> ContactFields:
    """A contact from `Ann Lee <ann@acme.io>` or `Ann Lee` (as `export_csv` writes them)."""
    match = _CONTACT_LINE.match(line.strip())
    if match is None:
        return _contact(cells, "contacts", line)
    email = match.group("email")
    return _contact(cells, "contacts", match.group("name") or email.split("@")[0], email)


def _iso_date(cells: _Cells, key: str) -> dt.date | None:
    """The YYYY-MM-DD date under `key`, None when empty."""
    text = cells.get(key).strip()
    if not text:
        return None
    try:
        return iso_day(text, key)
    except ValidationError as error:
        cells.fail(key, error.message)


def _generic(cells: _Cells) -> ImportRow:
    """A row of jobhunt's own export."""
    try:
        stage = parse_stage(cells.get("stage")) if cells.get("stage").strip() else Stage.APPLIED
    except ValueError as error:
        cells.fail("stage", str(error))
    priority = cells.get("priority").strip() or "2"
    if priority not in ("1", "2", "3"):
        cells.fail("priority", f"{priority!r} is not 1, 2 or 3")
    archived = cells.get("archived").strip().casefold()
    if archived not in ("", "true", "false", "yes", "no", "1", "0"):
        cells.fail("archived", f"{archived!r} is not true or false")
    data = OpportunityInput(
        company=cells.get("company"),
        role=cells.get("role"),
        stage=stage,
        url=cells.get("url"),
        location=cells.get("location"),
        salary=cells.get("salary"),
        source=cells.get("source"),
        priority=int(priority),
        applied_on=_iso_date(cells, "applied_on"),
        expected_decision_on=_iso_date(cells, "expected_decision_on"),
        notes=cells.get("notes"),
    )
    contacts = tuple(
        _contact_line(cells, line) for line in cells.get("contacts").splitlines() if line.strip()
    )
    row = ImportRow(cells.number, data, archived in ("true", "yes", "1"), contacts)
    return _checked(cells, row, {name: name for name in CSV_COLUMNS})


# Huntr's list names (its board columns) to stages; the first word found wins.
_HUNTR_LISTS = (
    ("wish", Stage.WISHLIST),
    ("saved", Stage.WISHLIST),
    ("accept", Stage.ACCEPTED),
    ("reject", Stage.REJECTED),
    ("declin", Stage.REJECTED),
    ("withdr", Stage.WITHDRAWN),
    ("offer", Stage.OFFER),
    ("interview", Stage.INTERVIEWING),
    ("screen", Stage.SCREENING),
    ("phone", Stage.SCREENING),
    ("appl", Stage.APPLIED),
)


def _huntr_stage(list_name: str) -> tuple[Stage, str]:
    """The stage a Huntr list name means, and a remark when it is a guess."""
    lowered = list_name.casefold()
    for word, stage in _HUNTR_LISTS:
        if word in lowered:
            return stage, ""
    return Stage.APPLIED, f"list {visible(list_name)!r} read as applied"


_LOOSE_FORMATS = ("M/D/YYYY", "M/D/YY", "ddd MMM D YYYY", "MMM D, YYYY", "D MMM YYYY")


def _loose_date(text: str) -> dt.date | None:
    """A date from Huntr's createdAt, however it is written; None when unreadable."""
    text = text.strip()
    if text.isdigit():  # seconds or milliseconds since 1970
        number = int(text)
        return arrow.get(number / 1000 if number > 10**11 else number).date()
    attempts: list[tuple[str, ...]] = [(text,)] + [(text, pattern) for pattern in _LOOSE_FORMATS]
    for attempt in attempts if text else []:
        try:
            return arrow.get(*attempt).date()
        except (ValueError, TypeError, OverflowError):
            continue
    return None


def _huntr(cells: _Cells) -> ImportRow:
    """A row of Huntr's job export."""
    stage, remark = _huntr_stage(cells.get("listname").strip())
    data = OpportunityInput(
        company=cells.get("companyname"),
        role=cells.get("title"),
        stage=stage,
        url=cells.get("url"),
        location=cells.get("location"),
        salary=cells.get("salary"),
        source="Huntr",
        applied_on=None if stage is Stage.WISHLIST else _loose_date(cells.get("createdat")),
    )
    columns = {"company": "companyname", "role": "title", "url": "url", "location": "location"}
    return _checked(
        cells, ImportRow(cells.number, data, remark=remark), {**columns, "salary": "salary"}
    )


# LinkedIn writes "8/15/26, 3:04 PM" (month first, two-digit year).
_LINKEDIN_DATE = re.compile(
    r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*[ap]m)?$",
    re.IGNORECASE,
)


def _linkedin_date(cells: _Cells, key: str) -> dt.date | None:
    """The date under `key` as LinkedIn writes it (M/D/YY, H:MM AM), or ISO."""
    text = cells.get(key).strip()
    if not text:
        return None
    match = _LINKEDIN_DATE.match(text)
    try:
        if match is not None:
            year = int(match.group("y"))
            day = dt.date(
                year + 2000 if year < 100 else year, int(match.group("m")), int(match.group("d"))
            )
            return not_too_old(day, key, text)
        return iso_day(text[:10], key)
    except ValueError:
        cells.fail(key, f"{shown(text)} is not a date LinkedIn writes (M/D/YY, H:MM AM)")
    except ValidationError as error:
        cells.fail(key, error.message)


def _linkedin(cells: _Cells) -> ImportRow:
    """A row of LinkedIn's Job Applications.csv; every row was an application."""
    email = cells.get("contact email").strip()
    phone = cells.get("contact phone number").strip()
    contacts: tuple[ContactFields, ...] = ()
    if email or phone:
        name = email.split("@")[0] if email else "LinkedIn contact"
        contacts = (_contact(cells, "contact email", name, email, phone),)
    resume = cells.get("resume name").strip()
    data = OpportunityInput(
        company=cells.get("company name"),
        role=cells.get("job title"),
        stage=Stage.APPLIED,
        url=cells.get("job url"),
        source="LinkedIn",
        applied_on=_linkedin_date(cells, "application date"),
        notes=f"Resume: {resume}" if resume else "",
    )
    columns = {"company": "company name", "role": "job title", "url": "job url"}
    return _checked(
        cells, ImportRow(cells.number, data, contacts=contacts), {**columns, "notes": "resume name"}
    )


_LINKEDIN_COLUMNS = frozenset(
    {"application date", "contact email", "contact phone number", "company name", "job title"}
    | {"job url", "resume name"}
)
_HUNTR_COLUMNS = frozenset({"companyname", "title", "listname", "url", "location", "salary"})
_DIALECTS = (
    _Dialect(
        "linkedin",
        'LinkedIn "Job Applications.csv" (Application Date, Company Name, Job Title, ...)',
        frozenset({"company name", "job title", "application date"}),
        _LINKEDIN_COLUMNS,
        _linkedin,
    ),
    _Dialect(
        "huntr",
        "Huntr's job export (companyName, title, listName, ...)",
        frozenset({"companyname", "title", "listname"}),
        _HUNTR_COLUMNS | {"createdat"},
        _huntr,
    ),
    _Dialect(
        "jobhunt",
        "jobhunt's own export (company, role, stage, ...)",
        frozenset({"company", "role"}),
        frozenset(CSV_COLUMNS),
        _generic,
    ),
)


def _detect(header: list[str], source: str) -> _Dialect:
    """The dialect whose required columns the header has, or ImportFileError."""
    keys = {_norm(name) for name in header}
    for dialect in _DIALECTS:
        if dialect.required <= keys:
            return dialect
    shown = visible(", ".join(name.strip() for name in header[:4]))
    accepted = "; ".join(dialect.description for dialect in reversed(_DIALECTS))
    raise ImportFileError(f"{source}: unrecognised CSV header ({shown}); accepted: {accepted}")


def read_import_file(path: Path) -> ImportPlan:
    """Read and check a CSV file; ImportFileError says what is wrong, with row and column."""
    source = visible(str(path))
    if not path.is_file():
        raise ImportFileError(f"{source}: {'not a file' if path.exists() else 'no such file'}")
    size = path.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise ImportFileError(
            f"{source} is {size:,} bytes; an import takes {MAX_IMPORT_BYTES:,} at most"
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise ImportFileError(f"{source} cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{source} is not UTF-8 text (byte {error.start:,}); save it as 'CSV UTF-8' and retry"
        ) from None
    return parse_import_text(text, source)


def parse_import_text(text: str, source: str = "the file") -> ImportPlan:
    """Read and check CSV text (see `read_import_file`)."""
    if "\x00" in text:
        raise ImportFileError(f"{source} contains NUL bytes; it is not a CSV text file")
    if not text.strip():
        raise ImportFileError(f"{source} is empty; expected a CSV file with a header row")
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    parsed: list[ImportRow] = []
    try:
        header = next(records)
        dialect = _detect(header, source)
        # Normalised once for the whole file, not once per row (20,000 rows a file).
        keys = [_norm(name) for name in header]
        names = {key: name.strip() for key, name in zip(keys, header, strict=True)}
        for number, cells in enumerate(records, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                raise ImportFileError(
                    f"row {number} has {len(cells)} fields but the header has {len(header)}; "
                    "quote fields that contain the delimiter"
                )
            if dialect.name == "jobhunt":  # undo export's formula neutralisation (issue 14)
                cells = [from_spreadsheet_cell(cell) for cell in cells]
            parsed.append(dialect.parse(_Cells(number, keys, names, cells)))
    except csv.Error as error:
        raise ImportFileError(
            f"{source} is not valid CSV near line {records.line_num}: {error}"
        ) from None
    ignored = tuple(name.strip() for name in header if _norm(name) not in dialect.known)
    return ImportPlan(source, dialect.name, tuple(parsed), ignored)
