"""The fleet's outbox in the journal, as the link reads it: the oldest events first, deleted
only once the centre has them. The journal's writer fills it (kiosk/storage/schema.py: in
the same transaction as each event's own row), so nothing here competes with a visitor."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk.storage.journal import Journal

TIMEOUT = 5.0  # seconds to wait for the writer's lock


@dataclass(frozen=True)
class OutboxEvent:
    """One event waiting to leave: its row id, its own key, kind, time and JSON body."""

    id: int
    key: str
    kind: str
    at: str
    body: str


@dataclass(frozen=True)
class Backlog:
    """How much waits: the number of events and when the oldest happened ("" if none)."""

    waiting: int
    oldest: str


class Outbox:
    """A connection of its own to the journal's outbox (opened when first needed)."""

    def __init__(self, journal: Path) -> None:
        self.path = journal
        self._db: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None

    def _open(self) -> sqlite3.Connection:
        """The connection, opened again when the journal was replaced (a corrupt one set
        aside and a new one started: its outbox is the one that fills now)."""
        try:
            status = os.stat(self.path)
            identity: tuple[int, int] | None = (status.st_dev, status.st_ino)
        except OSError:
            identity = None
        if self._db is not None and identity != self._identity:
            self.close()
        if self._db is None:  # the journal's reading connection: it changes nothing by itself
            self._db = Journal(self.path, reading=True, timeout=TIMEOUT).db
            self._identity = identity
        return self._db

    def oldest(self, limit: int) -> list[OutboxEvent]:
        """Up to `limit` events, oldest first (none while the journal has no outbox yet)."""
        try:
            rows = self._open().execute(
                "SELECT id, key, kind, at, body FROM outbox ORDER BY id LIMIT ?", (limit,)
            )
            return [OutboxEvent(*row) for row in rows]
        except sqlite3.OperationalError as error:
            if "no such table" in str(error) or "unable to open" in str(error):
                self.close()
                return []
            raise

    def sent(self, up_to: int) -> None:
        """The centre has every event up to row `up_to`: they leave the outbox."""
        self._open().execute("DELETE FROM outbox WHERE id <= ?", (up_to,))

    def backlog(self) -> Backlog:
        """How many events wait, and the oldest's time."""
        try:
            row = self._open().execute("SELECT count(*), min(at) FROM outbox").fetchone()
        except sqlite3.OperationalError:
            self.close()
            return Backlog(0, "")
        return Backlog(int(row[0]), row[1] or "")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
