"""The journal: an SQLite file in the data folder (WAL), versioned by PRAGMA user_version.

It holds sessions, print outcomes, the audit log and an archive of slips for reprints
(kept for `privacy.slip_retention_hours`, 24 by default). An archived slip is
kept as ids (service, answers, documents ticked, date, language, reference), never as the
texts a visitor saw: a reprint rebuilds the slip from the catalogue.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from kiosk.logic.pricing import Case
from kiosk.storage.schema import MIGRATIONS

ARCHIVE_HOURS: float = 24  # the default of the privacy.slip_retention_hours setting
OUTCOMES = ("completed", "blocked", "abandoned", "timed-out")


@dataclass(frozen=True)
class ArchivedSlip:
    """What is needed to print a slip again: ids only."""

    reference: str
    service: str
    answers: dict[str, str]
    have: list[str]
    visit_date: str
    language: str
    centre_class: str
    printed_at: str

    @classmethod
    def of(cls, case: Case, have: set[str], printed_at: datetime) -> ArchivedSlip:
        """What to keep of a visitor's case printed at `printed_at`."""
        return cls(
            reference=case.reference,
            service=case.service,
            answers=dict(case.answers),
            have=sorted(have),
            visit_date=case.visit_date.isoformat(),
            language=case.language,
            centre_class=case.centre_class,
            printed_at=printed_at.isoformat(timespec="seconds"),
        )

    def case(self) -> Case:
        """The case to price again for a reprint."""
        return Case(
            service=self.service,
            answers=self.answers,
            visit_date=date.fromisoformat(self.visit_date),
            centre_class=self.centre_class,  # type: ignore[arg-type]
            language=self.language,  # type: ignore[arg-type]
            reference=self.reference,
        )


class AuditEntry(NamedTuple):
    """One row of the audit log: when (ISO time), who (a staff name, or "" before a
    login) and what."""

    at: str
    staff: str
    action: str


CACHE_KIB = 1024  # the journal's page cache, in KiB


def new_key() -> str:
    """A key for one event's row, unique across kiosks and restarts."""
    return uuid.uuid4().hex


class Journal:
    """One connection to the journal file. Opened to write, it creates and migrates the
    file; opened to read (`reading=True`), it changes nothing and gives up on a lock after
    `timeout` seconds. Outside a transaction the caller opens, every write is its own.
    `outbox`: what is written also goes into the fleet's outbox (a kiosk in a fleet), or
    not; None leaves that as the kiosk set it (`kiosk set-pin` writing its audit entry)."""

    def __init__(
        self,
        path: Path,
        *,
        reading: bool = False,
        timeout: float = 5.0,
        outbox: bool | None = None,
    ) -> None:
        self.path = path
        if reading:
            self.db = sqlite3.connect(
                f"{path.absolute().as_uri()}?mode=rw",
                uri=True,
                timeout=timeout,
                check_same_thread=False,
                isolation_level=None,
            )
            self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(
            path, timeout=timeout, check_same_thread=False, isolation_level=None
        )
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            # A kiosk runs for weeks and its journal only grows; its queries are small. A 1 MiB
            # page cache (SQLite's default is 2 MiB) bounds what the journal holds in memory.
            self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self._migrate()
            if outbox is not None:
                self.use_outbox(outbox)
        except BaseException:
            self.db.close()
            raise

    def sound(self) -> str | None:
        """None when SQLite finds the file whole, else what it found wrong."""
        rows = [row[0] for row in self.db.execute("PRAGMA quick_check(5)")]
        return None if rows == ["ok"] else "; ".join(str(row) for row in rows)

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self.db.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")

    def use_outbox(self, on: bool) -> None:
        """Whether what is written also goes into the fleet's outbox (a kiosk with a fleet
        link); a kiosk that leaves its fleet stops filling it."""
        self.db.execute(
            "INSERT INTO fleet (name, value) VALUES ('outbox', ?)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            ("on" if on else "off",),
        )

    @property
    def version(self) -> int:
        """The schema version."""
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def archive_slip(self, slip: ArchivedSlip, now: datetime) -> None:
        """Keep a slip for reprints (replacing an earlier copy of the same reference)."""
        record = json.dumps(slip.__dict__, ensure_ascii=False)
        self.db.execute(
            "INSERT OR REPLACE INTO slips (reference, created_at, record) VALUES (?, ?, ?)",
            (slip.reference, now.isoformat(timespec="seconds"), record),
        )

    def archived(self, reference: str) -> ArchivedSlip | None:
        """The archived slip with this reference, if still kept."""
        row = self.db.execute("SELECT record FROM slips WHERE reference = ?", (reference,))
        found = row.fetchone()
        return ArchivedSlip(**json.loads(found[0])) if found else None

    def recent_slips(self) -> list[str]:
        """References in the archive, newest first."""
        rows = self.db.execute(
            "SELECT reference FROM slips ORDER BY created_at DESC, reference DESC"
        )
        return [row[0] for row in rows]

    def purge(self, now: datetime, hours: float = ARCHIVE_HOURS) -> int:
        """Drop archived slips older than `hours` (the slip retention setting), their bytes
        overwritten in the file; return how many went (logged as a count)."""
        import logging

        cutoff = (now - timedelta(hours=hours)).isoformat(timespec="seconds")
        # Zeroed, not merely unlinked, whatever this SQLite build's default (the flag is the
        # connection's and may be set inside a transaction).
        self.db.execute("PRAGMA secure_delete = ON")
        cursor = self.db.execute("DELETE FROM slips WHERE created_at < ?", (cutoff,))
        if cursor.rowcount > 0:
            logging.getLogger(__name__).info(
                "journal: %d archived slips older than %g hours dropped", cursor.rowcount, hours
            )
        return cursor.rowcount

    def record_print(
        self,
        reference: str,
        status: str,
        detail: str,
        printer: str,
        now: datetime,
        key: str | None = None,
    ) -> None:
        """A print job's outcome."""
        self.db.execute(
            "INSERT OR IGNORE INTO prints (key, reference, at, status, detail, printer)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                key or new_key(),
                reference,
                now.isoformat(timespec="seconds"),
                status,
                detail,
                printer,
            ),
        )

    def finish_print(
        self, key: str, reference: str, status: str, detail: str, printer: str, now: datetime
    ) -> None:
        """The outcome of the print job recorded as `sending` under `key`."""
        self.db.execute(
            "INSERT INTO prints (key, reference, at, status, detail, printer)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
            " at = excluded.at, status = excluded.status, detail = excluded.detail,"
            " printer = excluded.printer",
            (key, reference, f"{now:%Y-%m-%dT%H:%M:%S}", status, detail, printer),
        )

    def last_print(self) -> tuple[str, str, str] | None:
        """(reference, status, detail) of the latest print job with an outcome, if any."""
        row = self.db.execute(
            "SELECT reference, status, detail FROM prints WHERE status != 'sending'"
            " ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def prints(self, reference: str) -> list[tuple[str, str]]:
        """(status, detail) of every job of a reference with an outcome, oldest first."""
        rows = self.db.execute(
            "SELECT status, detail FROM prints WHERE reference = ? AND status != 'sending'"
            " ORDER BY id",
            (reference,),
        )
        return [(row[0], row[1]) for row in rows]

    # -- visitor sessions: service-level facts only -------------------------------------------

    def start_session(self, language: str, now: datetime, key: str | None = None) -> str:
        """A visitor started; returns the session's key."""
        key = key or new_key()
        self.db.execute(
            "INSERT OR IGNORE INTO sessions (key, started_at, language, last_screen)"
            " VALUES (?, ?, ?, 'welcome')",
            (key, now.isoformat(timespec="seconds"), language),
        )
        return key

    def update_session(
        self,
        session: str,
        *,
        service: str | None = None,
        language: str | None = None,
        last_screen: str | None = None,
        screen_seconds: dict[str, float] | None = None,
        total: str | None = None,
        reference: str | None = None,
        last_question: str | None = None,
    ) -> None:
        """Record how far a session has got (each call is one small transaction)."""
        fields = {
            "last_question": last_question,
            "service": service,
            "language": language,
            "last_screen": last_screen,
            "screen_seconds": json.dumps(screen_seconds) if screen_seconds is not None else None,
            "total": total,
            "reference": reference,
        }
        given = {name: value for name, value in fields.items() if value is not None}
        if not given:
            return
        assignments = ", ".join(f"{name} = ?" for name in given)
        self.db.execute(
            f"UPDATE sessions SET {assignments} WHERE key = ?", (*given.values(), session)
        )

    def end_session(self, session: str, outcome: str, now: datetime) -> None:
        """A session ended: completed, blocked, abandoned or timed-out."""
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        self.db.execute(
            "UPDATE sessions SET ended_at = ?, outcome = ? WHERE key = ? AND ended_at IS NULL",
            (now.isoformat(timespec="seconds"), outcome, session),
        )

    def close_interrupted(self, now: datetime) -> int:
        """Sessions left open by a crash or power cut are abandoned; returns how many."""
        cursor = self.db.execute(
            "UPDATE sessions SET ended_at = ?, outcome = 'abandoned' WHERE ended_at IS NULL",
            (now.isoformat(timespec="seconds"),),
        )
        return cursor.rowcount

    def close_interrupted_prints(self, now: datetime) -> list[str]:
        """Print jobs still `sending` (the kiosk stopped mid-print), and slips archived with
        no job at all, are recorded as unknown, so staff see them and nothing prints them
        again by itself; returns their references."""
        detail = "the kiosk stopped before the print's outcome was known"
        sending = self.db.execute(
            "UPDATE prints SET status = 'unknown', detail = ?, at = ? WHERE status = 'sending'"
            " RETURNING reference",
            (detail, f"{now:%Y-%m-%dT%H:%M:%S}"),
        ).fetchall()
        rows = self.db.execute(
            "SELECT reference FROM slips WHERE reference NOT IN (SELECT reference FROM prints)"
            " ORDER BY created_at"
        ).fetchall()
        for (reference,) in rows:
            self.record_print(reference, "unknown", detail, "", now)
        return sorted({row[0] for row in sending} | {row[0] for row in rows})

    def sessions(self, day: str | None = None) -> list[dict[str, object]]:
        """Sessions (of a day, `YYYY-MM-DD`), oldest first, as dicts."""
        query = "SELECT * FROM sessions"
        params: tuple[str, ...] = ()
        if day:
            query += " WHERE started_at LIKE ?"
            params = (f"{day}%",)
        cursor = self.db.execute(query + " ORDER BY id", params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def count_sessions(
        self, day: str, by: str, outcomes: tuple[str, ...] = ()
    ) -> dict[str | None, int]:
        """Sessions started on `day` (`YYYY-MM-DD`) counted by one column (service, outcome,
        language or last_screen), only those with one of `outcomes` when given."""
        if by not in ("service", "outcome", "language", "last_screen"):
            raise ValueError(f"sessions are not counted by {by!r}")
        where = f" AND outcome IN ({', '.join('?' * len(outcomes))})" if outcomes else ""
        rows = self.db.execute(
            f"SELECT {by}, COUNT(*) FROM sessions WHERE started_at LIKE ?{where}"
            f" GROUP BY {by} ORDER BY {by}",
            (f"{day}%", *outcomes),
        )
        return {None if key is None else str(key): number for key, number in rows}

    def highest_reference(self, kiosk_id: str) -> int:
        """The highest reference number of this kiosk among the latest entries of the
        archive, the print outcomes and the sessions (0 if none). Numbers only grow, so the
        latest thousand of each hold the highest."""
        pattern = f"{kiosk_id}-________-%"
        highest = 0
        for table in ("slips", "prints", "sessions"):
            rows = self.db.execute(
                f"SELECT reference FROM {table} WHERE reference LIKE ?"
                " ORDER BY rowid DESC LIMIT 1000",
                (pattern,),
            )
            for (reference,) in rows:
                number = reference.rsplit("-", 1)[-1]
                if number.isdigit():
                    highest = max(highest, int(number))
        return highest

    def audit(
        self, action: str, now: datetime, key: str | None = None, staff: str | None = None
    ) -> None:
        """A staff action, for the audit log; `staff`: who did it (None before a login)."""
        self.db.execute(
            "INSERT OR IGNORE INTO audit (key, at, action, staff) VALUES (?, ?, ?, ?)",
            (key or new_key(), now.isoformat(timespec="seconds"), action, staff),
        )

    def audit_log(self, limit: int = 200) -> list[tuple[str, str]]:
        """(time, action), newest first."""
        return [(entry.at, entry.action) for entry in self.audit_entries(limit)]

    def audit_entries(self, limit: int = 200) -> list[AuditEntry]:
        """The audit log with who did what, newest first. A journal read before it was
        migrated (a folder the writer cannot write) has no `staff` column: no names then."""
        cursor = self.db.execute("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,))
        names = [column[0] for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        return [AuditEntry(row["at"], row.get("staff") or "", row["action"]) for row in rows]

    def close(self) -> None:
        """Close the file."""
        self.db.close()
