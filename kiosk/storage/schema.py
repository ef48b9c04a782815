"""The journal's schema: one script per version, applied in order (PRAGMA user_version
says how many have been). A script is never changed once shipped; a change is a new one."""

from __future__ import annotations

MIGRATIONS = [
    """
    CREATE TABLE prints (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL,
        at TEXT NOT NULL,
        status TEXT NOT NULL,
        detail TEXT NOT NULL,
        printer TEXT NOT NULL
    );
    CREATE INDEX prints_reference ON prints (reference);
    CREATE TABLE slips (
        reference TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        record TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        service TEXT,
        language TEXT NOT NULL,
        outcome TEXT,
        total TEXT,
        reference TEXT,
        last_screen TEXT NOT NULL,
        screen_seconds TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX sessions_started ON sessions (started_at);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL
    );
    """,
    # Every row is written once under a key made when its event happened: an event written
    # again after a failure that may or may not have committed is a no-op.
    """
    ALTER TABLE sessions ADD COLUMN key TEXT;
    CREATE UNIQUE INDEX sessions_key ON sessions (key);
    ALTER TABLE prints ADD COLUMN key TEXT;
    CREATE UNIQUE INDEX prints_key ON prints (key);
    ALTER TABLE audit ADD COLUMN key TEXT;
    CREATE UNIQUE INDEX audit_key ON audit (key);
    """,
    # Who did it: the staff member logged in (NULL before a login, and for rows before this).
    """
    ALTER TABLE audit ADD COLUMN staff TEXT;
    """,
]
