"""Deterministic benchmark databases: N opportunities, ~5 interactions and ~2 follow-ups each.

The file is created through jobhunt's own storage API (so it is a valid, stamped, current
jobhunt database); the rows are then bulk-inserted with the standard library in one
``BEGIN IMMEDIATE`` transaction. Same N, same bytes of data: a seeded RNG and fixed dates.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ANCHOR = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.timezone.utc)
"""The fixed "today" the generated history leads up to."""

OPEN_STAGES = ("wishlist", "applied", "screening", "interviewing", "offer")
CLOSED_STAGES = ("accepted", "rejected", "withdrawn")
# A long search: most of it sits in "applied", a tail of it closed.
STAGE_WEIGHTS = {
    "wishlist": 15,
    "applied": 40,
    "screening": 14,
    "interviewing": 12,
    "offer": 3,
    "accepted": 1,
    "rejected": 11,
    "withdrawn": 4,
}

_PREFIXES = (
    "Acme",
    "Arbor",
    "Astra",
    "Axon",
    "Beacon",
    "Birch",
    "Blue",
    "Bolt",
    "Bright",
    "Cedar",
    "Cinder",
    "Cobalt",
    "Coral",
    "Crest",
    "Delta",
    "Drift",
    "Echo",
    "Ember",
    "Fable",
    "Fern",
    "Flux",
    "Forge",
    "Frost",
    "Glint",
    "Granite",
    "Harbor",
    "Helix",
    "Hollow",
    "Indigo",
    "Iron",
    "Juniper",
    "Keel",
    "Kite",
    "Lumen",
    "Maple",
    "Marble",
    "Mesa",
    "Nimbus",
    "Nova",
    "Oak",
    "Onyx",
    "Orbit",
    "Pine",
    "Prism",
    "Quartz",
    "Quill",
    "Raven",
    "Ridge",
    "Sable",
    "Slate",
    "Solar",
    "Sparrow",
    "Summit",
    "Tidal",
    "Umber",
    "Vale",
    "Vertex",
    "Willow",
    "Zephyr",
)
_SUFFIXES = (
    "soft",
    "works",
    "labs",
    "ware",
    "base",
    "data",
    "grid",
    "core",
    "loop",
    "mint",
    "path",
    "port",
    "scale",
    "shift",
    "stack",
    "stream",
    "sync",
    "tech",
    "tide",
    "wave",
    "yard",
    "bit",
    "byte",
    "cast",
    "cell",
    "dock",
    "flow",
    "gate",
    "hive",
    "link",
    "node",
    "pulse",
    "rise",
    "spark",
    "sphere",
)
_ROLES = (
    "Backend Engineer",
    "Frontend Engineer",
    "Site Reliability Engineer",
    "Data Engineer",
    "Product Manager",
    "Engineering Manager",
    "Platform Engineer",
    "Security Engineer",
    "Mobile Developer",
    "QA Engineer",
    "ML Engineer",
    "Developer Advocate",
)
_SOURCES = ("LinkedIn", "referral", "company site", "recruiter", "job board", "")
_LOCATIONS = ("Remote", "Berlin", "London", "New York", "Toronto", "Lisbon", "Hybrid")
_FIRST = (
    "Ann",
    "Ben",
    "Cara",
    "Dev",
    "Eli",
    "Fay",
    "Gus",
    "Hana",
    "Ivo",
    "Jun",
    "Kai",
    "Lea",
    "Max",
    "Noor",
    "Omar",
    "Pia",
    "Raj",
    "Sam",
)
_LAST = (
    "Lee",
    "Park",
    "Diaz",
    "Okafor",
    "Novak",
    "Tanaka",
    "Berg",
    "Costa",
    "Haas",
    "Singh",
    "Moreau",
    "Klein",
)


@dataclass
class Generated:
    """What was generated: the counts, and what the harness needs to find on screen."""

    path: Path
    opportunities: int
    interactions: int
    follow_ups: int
    per_stage: Counter[str] = field(default_factory=Counter)
    first_column_companies: set[str] = field(default_factory=set)
    agenda_heading: str = ""
    """The agenda's first line on ANCHOR's day in UTC: "Overdue (4947)" or "Overdue: nothing"."""
    today_mark: str = ""
    """ANCHOR's day in the month grid with its mark ("2★"), or "" when that day has none."""

    @property
    def busiest_stage(self) -> str:
        """The open stage with the most (unarchived) opportunities."""
        return max(OPEN_STAGES, key=lambda stage: self.per_stage[stage])

    @property
    def busiest_column(self) -> int:
        """The index of the busiest open stage on the board (0 = wishlist)."""
        return OPEN_STAGES.index(self.busiest_stage)


def company_names(count: int) -> list[str]:
    """`count` distinct one-word company names (short, so cards show them whole)."""
    names = [prefix + suffix for prefix in _PREFIXES for suffix in _SUFFIXES]
    random.Random(7).shuffle(names)
    if count > len(names):
        names += [f"{name}{n}" for n in range(2, 2 + count // len(names)) for name in names]
    return names[:count]


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def build(path: Path, opportunities: int, *, seed: int = 20261102) -> Generated:
    """Create the jobhunt database at `path` (which must not exist) and fill it."""
    from jobhunt_tui.storage.database import open_database

    rng = random.Random(seed + opportunities)
    n_companies = max(5, opportunities // 3)
    names = company_names(n_companies)
    companies = [
        (i + 1, name, name.casefold(), f"https://{name.lower()}.example", "", _stamp(ANCHOR))
        for i, name in enumerate(names)
    ]
    contacts = [
        (i + 1, f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", f"hr@{name.lower()}.example", i + 1)
        for i, name in enumerate(names)
    ]
    result = Generated(path=path, opportunities=opportunities, interactions=0, follow_ups=0)
    opps, interactions, follow_ups, drafts = [], [], [], []
    stages, weights = zip(*STAGE_WEIGHTS.items(), strict=True)
    for opp_id in range(1, opportunities + 1):
        company_id = rng.randrange(n_companies) + 1
        stage = rng.choices(stages, weights)[0]
        archived = int(stage in CLOSED_STAGES and rng.random() < 0.5)
        created = ANCHOR - dt.timedelta(days=rng.randrange(3, 120), hours=rng.randrange(24))
        applied_on = None if stage == "wishlist" else (created + dt.timedelta(days=1)).date()
        decision = applied_on + dt.timedelta(days=30) if applied_on and rng.random() < 0.2 else None
        moment = created
        first_interaction = len(interactions) + 1
        for k in range(rng.randint(3, 7)):
            moment += dt.timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 8))
            kind = (
                "applied" if k == 0 else rng.choice(("interview", "thank_you", "note", "email_in"))
            )
            direction = "in" if kind == "email_in" else "out"
            interactions.append(
                (opp_id, kind, direction, _stamp(min(moment, ANCHOR)), company_id, f"{kind} #{k}")
            )
        for k in range(rng.randint(1, 3)):
            kind = ("thank_you", "follow_up", "check_in")[k]
            due = moment + dt.timedelta(days=7 * k + rng.randint(-3, 10))
            status = (
                "planned"
                if due > ANCHOR - dt.timedelta(days=5)
                else rng.choice(("done", "skipped", "planned"))
            )
            done_at = _stamp(due) if status == "done" else None
            channel = "email" if k < 2 else "phone"
            follow_ups.append(
                (
                    opp_id,
                    company_id,
                    kind,
                    channel,
                    _stamp(due),
                    status,
                    done_at,
                    first_interaction,
                    _stamp(moment),
                )
            )
            if k == 0:
                to = f"hr@{names[company_id - 1].lower()}.example"
                body = "Thank you for your time today."
                drafts.append((len(follow_ups), opp_id, "email", to, "Thank you", body))
        opps.append(
            (
                opp_id,
                company_id,
                rng.choice(_ROLES),
                stage,
                rng.choice(_LOCATIONS),
                rng.choice(_SOURCES),
                rng.randint(1, 3),
                applied_on.isoformat() if applied_on else None,
                decision.isoformat() if decision else None,
                _stamp(created),
                _stamp(min(moment, ANCHOR)),
                archived,
            )
        )
        if not archived:
            result.per_stage[stage] += 1
            if stage == OPEN_STAGES[0]:
                result.first_column_companies.add(names[company_id - 1])
    umask = os.umask(0o077)  # open_database sets the process umask; give ours back after
    database = open_database(path)
    try:
        with database.writing_sql("benchmark data") as conn:
            conn.executemany("INSERT INTO company VALUES (?, ?, ?, ?, ?, ?)", companies)
            conn.executemany(
                "INSERT INTO contact (id, name, email, company_id) VALUES (?, ?, ?, ?)", contacts
            )
            conn.executemany(
                "INSERT INTO opportunity (id, company_id, role, stage, location, source, "
                "priority, applied_on, expected_decision_on, created_at, updated_at, archived) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                opps,
            )
            conn.executemany(
                "INSERT INTO interaction (opportunity_id, kind, direction, occurred_at, "
                "contact_id, summary) VALUES (?, ?, ?, ?, ?, ?)",
                interactions,
            )
            conn.executemany(
                "INSERT INTO follow_up (opportunity_id, contact_id, kind, channel, due_at, "
                "status, done_at, anchor_interaction_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                follow_ups,
            )
            conn.executemany(
                "INSERT INTO draft (follow_up_id, opportunity_id, channel, to_address, "
                f"subject, body, updated_at) VALUES (?, ?, ?, ?, ?, ?, '{_stamp(ANCHOR)}')",
                drafts,
            )
    finally:
        database.close()
        os.umask(umask)
    result.interactions = len(interactions)
    result.follow_ups = len(follow_ups)
    result.agenda_heading, result.today_mark = _calendar_texts(opps, interactions, follow_ups)
    return result


def _calendar_texts(
    opps: list[tuple], interactions: list[tuple], follow_ups: list[tuple]
) -> tuple[str, str]:
    """What the calendar pane shows of the data on ANCHOR's day (UTC), by the app's rules:
    the overdue count (planned follow-ups of open, unarchived opportunities due before that
    day), and that day's most urgent mark (an interview ★, a planned follow-up •, one sent ✓)."""
    shown = {opp[0] for opp in opps if not opp[11]}
    open_ids = {opp[0] for opp in opps if not opp[11] and opp[3] in OPEN_STAGES}
    midnight = _stamp(ANCHOR.replace(hour=0))
    next_midnight = _stamp(ANCHOR.replace(hour=0) + dt.timedelta(days=1))
    planned = [(f[0], f[4]) for f in follow_ups if f[5] == "planned" and f[0] in open_ids]
    overdue = sum(1 for _, due in planned if due < midnight)
    heading = f"Overdue ({overdue})" if overdue else "Overdue: nothing"
    today = [i for i in interactions if midnight <= i[3] < next_midnight and i[0] in shown]
    if any(i[1] == "interview" for i in today):
        symbol = "★"
    elif any(midnight <= due < next_midnight for _, due in planned):
        symbol = "•"
    elif any(i[1] in ("thank_you", "follow_up", "check_in") and i[2] == "out" for i in today):
        symbol = "✓"
    else:
        return heading, ""
    return heading, f"{ANCHOR.day}{symbol}"
