"""The versioned schema: every migration as SQL, applied in order by `migrations.migrate`.

The SQLModel tables in `tables.py` mirror the latest version; a test proves they agree.
"""

from __future__ import annotations

from typing import NamedTuple

from jobhunt_tui.domain.built_in_templates import BUILT_IN_TEXTS

# "JobH": stamped in the file header so a file that is not ours is never touched.
APPLICATION_ID = 0x4A6F6248

_STAGES = (
    "'wishlist','applied','screening','interviewing','offer','accepted','rejected','withdrawn'"
)
_INTERACTION_KINDS = (
    "'applied','interview','thank_you','follow_up','check_in','email_in','call','note',"
    "'stage_change'"
)
_FOLLOW_UP_KINDS = "'thank_you','follow_up','check_in','custom'"
_CHANNELS = "'email','phone'"


class Migration(NamedTuple):
    """One step of the schema: the version it produces and the statements that make it."""

    version: int
    description: str
    statements: tuple[str, ...]


INITIAL_SCHEMA = Migration(
    version=1,
    description="initial schema",
    statements=(
        """CREATE TABLE company (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            name_key TEXT NOT NULL UNIQUE,
            website TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE contact (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            company_id INTEGER REFERENCES company (id) ON DELETE SET NULL,
            notes TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX ix_contact_company ON contact (company_id)",
        f"""CREATE TABLE opportunity (
            id INTEGER PRIMARY KEY,
            company_id INTEGER NOT NULL REFERENCES company (id) ON DELETE RESTRICT,
            role TEXT NOT NULL CHECK (length(trim(role)) > 0),
            stage TEXT NOT NULL CHECK (stage IN ({_STAGES})),
            url TEXT NOT NULL DEFAULT '',
            location TEXT NOT NULL DEFAULT '',
            salary TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            priority INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
            applied_on TEXT,
            expected_decision_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
        )""",
        "CREATE INDEX ix_opportunity_board "
        "ON opportunity (archived, stage, priority, updated_at DESC, id)",
        "CREATE INDEX ix_opportunity_company ON opportunity (company_id)",
        f"""CREATE TABLE interaction (
            id INTEGER PRIMARY KEY,
            opportunity_id INTEGER NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ({_INTERACTION_KINDS})),
            direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
            occurred_at TEXT NOT NULL,
            contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
            summary TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX ix_interaction_timeline ON interaction (opportunity_id, occurred_at)",
        "CREATE INDEX ix_interaction_occurred ON interaction (occurred_at)",
        f"""CREATE TABLE follow_up (
            id INTEGER PRIMARY KEY,
            opportunity_id INTEGER NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
            contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
            kind TEXT NOT NULL CHECK (kind IN ({_FOLLOW_UP_KINDS})),
            channel TEXT NOT NULL CHECK (channel IN ({_CHANNELS})),
            due_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'done', 'skipped')),
            done_at TEXT,
            anchor_interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX ix_follow_up_opportunity ON follow_up (opportunity_id, status, due_at)",
        "CREATE INDEX ix_follow_up_due ON follow_up (status, due_at, opportunity_id)",
        f"""CREATE TABLE draft (
            id INTEGER PRIMARY KEY,
            follow_up_id INTEGER UNIQUE REFERENCES follow_up (id) ON DELETE CASCADE,
            opportunity_id INTEGER REFERENCES opportunity (id) ON DELETE CASCADE,
            channel TEXT NOT NULL CHECK (channel IN ({_CHANNELS})),
            to_address TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            sent_at TEXT
        )""",
        "CREATE INDEX ix_draft_opportunity ON draft (opportunity_id)",
        """CREATE TABLE setting (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    ),
)


# Ids that leave the app (in .ics UIDs, scripts, exports) must never be handed out twice, so
# these tables are rebuilt with AUTOINCREMENT: an undone add does not free its id.
_NEVER_REUSED_IDS = ("company", "contact", "opportunity", "interaction", "follow_up", "draft")


def _rebuild_with_autoincrement(table: str) -> tuple[str, ...]:
    """SQLite's table-rebuild steps: the table with AUTOINCREMENT ids, rows and indexes kept."""
    create = next(s for s in INITIAL_SCHEMA.statements if s.startswith(f"CREATE TABLE {table} ("))
    indexes = tuple(s for s in INITIAL_SCHEMA.statements if f" ON {table} (" in s)
    rebuilt = create.replace(
        f"CREATE TABLE {table} (", f"CREATE TABLE {table}_rebuilt (", 1
    ).replace("id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,", 1)
    return (
        rebuilt,
        f"INSERT INTO {table}_rebuilt SELECT * FROM {table}",
        f"DROP TABLE {table}",
        f"ALTER TABLE {table}_rebuilt RENAME TO {table}",
        *indexes,
    )


CHANGE_LOG = Migration(
    version=2,
    description="change log for undo, redo and the live view; ids never reused",
    statements=(
        *(step for table in _NEVER_REUSED_IDS for step in _rebuild_with_autoincrement(table)),
        """CREATE TABLE change_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            writer TEXT NOT NULL,
            label TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('change', 'undo', 'redo', 'record')),
            opportunity_ids TEXT NOT NULL DEFAULT '[]',
            tables TEXT NOT NULL DEFAULT '[]',
            inverse TEXT,
            reverts INTEGER,
            reverted_by INTEGER
        )""",
        "CREATE INDEX ix_change_log_writer ON change_log (writer, kind, id)",
    ),
)


REDATE_APPLICATIONS = Migration(
    version=3,
    description="date each application on the day the user applied (applied_on)",
    statements=(
        # Earlier versions dated the "applied" entry when the row was typed in. The first one
        # of each opportunity moves back to applied_on at midday UTC (the zone is not known
        # here; midday keeps the local day for zones within 11 hours of UTC). Rows are only
        # re-dated, never added or removed.
        """UPDATE interaction
        SET occurred_at = (
            SELECT o.applied_on || 'T12:00:00Z' FROM opportunity o
            WHERE o.id = interaction.opportunity_id
        )
        WHERE kind = 'applied'
        AND id = (
            SELECT min(first.id) FROM interaction first
            WHERE first.opportunity_id = interaction.opportunity_id AND first.kind = 'applied'
        )
        AND EXISTS (
            SELECT 1 FROM opportunity o
            WHERE o.id = interaction.opportunity_id
            AND o.applied_on IS NOT NULL
            AND o.applied_on < substr(interaction.occurred_at, 1, 10)
        )""",
    ),
)


def _quoted(text: str) -> str:
    """A SQL string literal (migrations are plain statements, without parameters)."""
    return "'" + text.replace("'", "''") + "'"


def _seed_template(texts: tuple[str, str, str, str, str]) -> str:
    """Insert one built-in template: (name, kind, channel, subject, body)."""
    values = ", ".join(_quoted(value) for value in texts)
    columns = "name, kind, channel, subject, body, built_in"
    return f"INSERT INTO template ({columns}) VALUES ({values}, 1)"


DRAFT_VERSIONS = Migration(
    version=4,
    description="draft revisions and versions, templates with the built-ins",
    statements=(
        # Counts the saves of a draft: a save that finds a newer revision than the one it
        # started from knows another window wrote meanwhile.
        "ALTER TABLE draft ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
        # No foreign key to draft on purpose: a draft's history must outlive its row (undo
        # may delete a draft and put it back under the same id; a cascade would wipe it).
        """CREATE TABLE draft_version (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER NOT NULL,
            to_address TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            saved_at TEXT NOT NULL,
            revision INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX ix_draft_version_draft ON draft_version (draft_id, id)",
        f"""CREATE TABLE template (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
            kind TEXT NOT NULL CHECK (kind IN ({_FOLLOW_UP_KINDS})),
            channel TEXT NOT NULL CHECK (channel IN ({_CHANNELS})),
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1))
        )""",
        *(_seed_template(texts) for texts in BUILT_IN_TEXTS),
    ),
)

DEFAULT_TEMPLATES = Migration(
    version=5,
    description="a default template per follow-up kind and channel",
    statements=(
        "ALTER TABLE template ADD COLUMN is_default INTEGER NOT NULL DEFAULT 0 "
        "CHECK (is_default IN (0, 1))",
        # At most one default per kind and channel: the one a new draft starts from.
        "CREATE UNIQUE INDEX ux_template_default ON template (kind, channel) WHERE is_default = 1",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (
    INITIAL_SCHEMA,
    CHANGE_LOG,
    REDATE_APPLICATIONS,
    DRAFT_VERSIONS,
    DEFAULT_TEMPLATES,
)
SCHEMA_VERSION = MIGRATIONS[-1].version
