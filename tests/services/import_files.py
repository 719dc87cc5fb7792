"""Deterministic import files in all three dialects, with the cases an import must get right:
names in another case (and Unicode case), contacts repeated within a file and already stored,
formula-looking cells, wishlist and archived rows, dates today, in the past and missing."""

from __future__ import annotations

import csv
import io
import random

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.models import Stage
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService

# Stored before the files are imported: the files hit these in other spellings.
STORED = (
    ("ACME", "backend engineer", "Ann Lee <ann@acme.example>"),
    ("Straße AG", "Data Engineer", "Élodie <elodie@strasse.example>"),
    ("Globex", "SRE", None),
)
_COMPANIES = (
    "Acme", "acme", "STRASSE AG", "Globex", "Initech", "Umbrella", "Hooli", "Pied Piper",
    "Café ☕, Ltd", "Zürich Versicherung", "ZÜRICH VERSICHERUNG", "شركة القاهرة", "Vandelay",
)  # fmt: skip
_ROLES = (
    "Backend Engineer", "backend  engineer", "Data Engineer", "SRE", "PM", "QA Engineer",
    "Ingénieur «backend»", "=Staff Engineer", "Platform Engineer",
)  # fmt: skip
_PEOPLE = ("Ann Lee", "ann lee", "Élodie", "ÉLODIE", "Bo", "Cy Young", "Dana")


def store_existing(pipeline: PipelineService) -> None:
    """What the database holds before the import."""
    for company, role, contact in STORED:
        pipeline.add(OpportunityInput(company=company, role=role), contact=contact)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def linkedin(rows: int, clock: Clock, seed: int = 1) -> str:
    """LinkedIn's Job Applications.csv."""
    rng = random.Random(seed)
    today = clock().date()
    lines = []
    for n in range(rows):
        day = today if n % 17 == 0 else today.replace(day=1).replace(month=rng.randint(1, 10))
        time = rng.choice(("", ", 9:05 AM", ", 3:04 PM", " 12:30 pm"))
        company = rng.choice(_COMPANIES)
        email = ""
        if rng.random() < 0.4:
            email = f"{rng.choice(('ann', 'Ann', 'bo', 'élodie'))}@{n % 3}.example"
        phone = "555-0100" if email and rng.random() < 0.5 else ""
        lines.append(
            [
                f"{day.month}/{day.day}/{day.year % 100:02d}{time}",
                email,
                phone,
                company,
                f"{rng.choice(_ROLES)} {n % 40}",
                f"https://www.linkedin.com/jobs/view/{n}/",
                rng.choice(("", "cv.pdf", "=cmd|' /C calc'!A0")),
                "Q: Salary? A: 120k" if n % 5 == 0 else "",
            ]
        )
    header = [
        *("Application Date", "Contact Email", "Contact Phone Number", "Company Name"),
        *("Job Title", "Job Url", "Resume Name", "Question And Answers"),
    ]
    return _csv(header, lines)


def generic(rows: int, seed: int = 2) -> str:
    """jobhunt's own export (formula cells neutralised with an apostrophe, as export writes)."""
    rng = random.Random(seed)
    lines = []
    for n in range(rows):
        stage = rng.choice(list(Stage))
        contacts = "\n".join(
            rng.choice((f"{person} <{person.split()[0].lower()}@x.example>", person))
            for person in rng.sample(_PEOPLE, rng.randint(0, 3))
        )
        applied = "" if n % 4 == 0 else f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 19):02d}"
        lines.append(
            [
                rng.choice(_COMPANIES),
                f"{rng.choice(_ROLES)} {n % 25}".replace("=", "'="),
                stage.value,
                f"https://jobs.example/{n}",
                rng.choice(("Remote", "Berlin", "'-5 floor", "")),
                rng.choice(("", "€70k", "'+1 bonus")),
                rng.choice(("referral", "", "LinkedIn")),
                str(rng.randint(1, 3)),
                applied,
                "2026-12-15" if n % 6 == 0 else "",
                rng.choice(("", "line one\nline two", "'@mention", "Emoji 🎉")),
                rng.choice(("true", "false", "")),
                contacts,
            ]
        )
    header = [
        *("company", "role", "stage", "url", "location", "salary", "source", "priority"),
        *("applied_on", "expected_decision_on", "notes", "archived", "contacts"),
    ]
    return _csv(header, lines)


def huntr(rows: int, seed: int = 3) -> str:
    """Huntr's job export."""
    rng = random.Random(seed)
    lists = ("Wishlist", "Applied", "Phone screen", "Interview", "Offer", "Rejected", "Ideas")
    lines = []
    for n in range(rows):
        created = rng.choice(("2026-10-01T09:00:00.000Z", "1790000000000", "Oct 3, 2026", ""))
        lines.append(
            [
                str(n),
                created,
                f"{rng.choice(_ROLES)} {n % 15}",
                rng.choice(("", "120000")),
                rng.choice(("Lisbon", "")),
                f"https://h.example/{n}",
                rng.choice(lists),
                rng.choice(_COMPANIES),
            ]
        )
    return _csv(
        ["id", "createdAt", "title", "salary", "location", "url", "listName", "companyName"],
        lines,
    )
