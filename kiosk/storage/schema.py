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
    # The fleet's outbox: with a fleet link on, every finished session, print outcome and
    # audit entry also goes into `outbox`, in the same transaction as its own row, under a
    # key of its own; the link sends the rows in order and deletes what the centre took.
    # `fleet` holds whether the link is on (no outbox grows on a kiosk without one).
    # `last_question`: where a visitor was when the session ended (drop-off by question).
    """
    ALTER TABLE sessions ADD COLUMN last_question TEXT;
    CREATE TABLE fleet (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        body TEXT NOT NULL
    );
    CREATE TRIGGER outbox_session AFTER UPDATE OF ended_at ON sessions
    WHEN old.ended_at IS NULL AND new.ended_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM fleet WHERE name = 'outbox' AND value = 'on')
    BEGIN
        INSERT OR IGNORE INTO outbox (key, kind, at, body) VALUES (
            'session:' || coalesce(new.key, new.id), 'session', new.ended_at,
            json_object(
                'started_at', new.started_at, 'ended_at', new.ended_at,
                'service', new.service, 'language', new.language, 'outcome', new.outcome,
                'total', new.total, 'reference', new.reference,
                'last_screen', new.last_screen, 'last_question', new.last_question,
                'screen_seconds', json(new.screen_seconds)
            )
        );
    END;
    CREATE TRIGGER outbox_print AFTER INSERT ON prints
    WHEN new.status != 'sending'
        AND EXISTS (SELECT 1 FROM fleet WHERE name = 'outbox' AND value = 'on')
    BEGIN
        INSERT OR IGNORE INTO outbox (key, kind, at, body) VALUES (
            'print:' || coalesce(new.key, new.id) || ':' || new.status, 'print', new.at,
            json_object('reference', new.reference, 'status', new.status,
                        'detail', new.detail, 'printer', new.printer)
        );
    END;
    CREATE TRIGGER outbox_print_outcome AFTER UPDATE OF status ON prints
    WHEN new.status != 'sending' AND new.status IS NOT old.status
        AND EXISTS (SELECT 1 FROM fleet WHERE name = 'outbox' AND value = 'on')
    BEGIN
        INSERT OR IGNORE INTO outbox (key, kind, at, body) VALUES (
            'print:' || coalesce(new.key, new.id) || ':' || new.status, 'print', new.at,
            json_object('reference', new.reference, 'status', new.status,
                        'detail', new.detail, 'printer', new.printer)
        );
    END;
    CREATE TRIGGER outbox_audit AFTER INSERT ON audit
    WHEN EXISTS (SELECT 1 FROM fleet WHERE name = 'outbox' AND value = 'on')
    BEGIN
        INSERT OR IGNORE INTO outbox (key, kind, at, body) VALUES (
            'audit:' || coalesce(new.key, new.id), 'audit', new.at,
            json_object('action', new.action, 'staff', new.staff)
        );
    END;
    """,
]
