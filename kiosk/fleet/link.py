"""A kiosk's link to its fleet: the outbox drained to the centre, a heartbeat, new catalogue
versions fetched. All on a thread of its own; nothing here ever waits on the screen's thread,
and nothing the screen does waits on it.

Delivery is at least once: a batch is committed at the centre, then deleted from the
outbox; a failure in between sends it again, and the centre keeps each event once (its
key is the primary key with the kiosk's id). With the network or the database down, the
outbox keeps everything (on disk, in the journal) and the link tries again, backing off to
a try every RETRY_MAX seconds; when it is back the outbox drains oldest first.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import psycopg

from kiosk.fleet import rollout
from kiosk.fleet.central import FleetError, connect, redacted
from kiosk.logic.catalogue import CatalogueError
from kiosk.storage.outbox import Backlog, Outbox

log = logging.getLogger(__name__)

BATCH = 500  # events in one transaction at the centre
RETRY_MAX = 30.0  # seconds between tries while the centre cannot be reached
INSERT_EVENT = (
    "INSERT INTO events (kiosk_id, key, kind, at, body)"
    " VALUES (fleet_kiosk_id(), %s, %s, %s, %s::jsonb) ON CONFLICT DO NOTHING"
)
UPSERT_HEARTBEAT = """
    INSERT INTO heartbeats (kiosk_id, sent_at, screen, printer, catalogue_version,
                            kiosk_version, journal, staff_calls, outbox)
    VALUES (fleet_kiosk_id(), %s, %s, %s, %s, %s, %s, %s, %s)
    ON CONFLICT (kiosk_id) DO UPDATE SET sent_at = excluded.sent_at,
        received_at = now(), screen = excluded.screen, printer = excluded.printer,
        catalogue_version = excluded.catalogue_version,
        kiosk_version = excluded.kiosk_version, journal = excluded.journal,
        staff_calls = excluded.staff_calls, outbox = excluded.outbox
"""


@dataclass(frozen=True)
class Heartbeat:
    """What the kiosk says of itself every heartbeat."""

    screen: str
    printer: str
    catalogue_version: str
    kiosk_version: str
    journal: str  # "ok" or what is wrong
    staff_calls: int  # staff calls waiting
    outbox: int = 0  # filled in by the link


@dataclass(frozen=True)
class LinkHealth:
    """How the link goes, for staff and `kiosk doctor`."""

    failing_since: datetime | None
    reason: str
    backlog: Backlog
    refused: str  # the last catalogue version refused, and why ("" if none)

    def describe(self, warn_at: int) -> str:
        """One line for staff; empty when all is well."""
        parts = []
        if self.failing_since is not None:
            since = f"{self.failing_since:%H:%M}"
            parts.append(f"nothing sent to the centre since {since}: {self.reason}")
        if self.backlog.waiting >= warn_at:
            parts.append(
                f"{self.backlog.waiting} events wait to be sent (oldest {self.backlog.oldest})"
            )
        if self.refused:
            parts.append(self.refused)
        return "; ".join(parts)


class FleetLink:
    """Drains `journal`'s outbox to `url`, beats every `interval` seconds, fetches catalogue
    versions into `data_folder`. `running()` says which fleet version runs (0: none)."""

    def __init__(
        self,
        url: str,
        journal: Path,
        data_folder: Path,
        interval: float,
        *,
        running: Callable[[], int] = lambda: 0,
        today: Callable[[], date] = date.today,
        batch: int = BATCH,
    ) -> None:
        self.url, self.data_folder, self.interval = url, data_folder, interval
        self.running, self.today, self.batch = running, today, batch
        self.outbox = Outbox(journal)
        self._db: psycopg.Connection[Any] | None = None
        self._changed = threading.Condition()
        self._stopping = False
        self._heartbeat: Heartbeat | None = None
        self._failing_since: datetime | None = None
        self._reason = ""
        self._refused: dict[int, str] = {}
        self._ready: rollout.Fetched | None = None
        self._offered = 0  # the newest version made ready (never fetched again)
        self._fetch_problem = ""  # a version that could not be written (the disk), for now
        self._backlog = Backlog(0, "")
        self._thread = threading.Thread(target=self._run, daemon=True, name="fleet-link")

    # -- the caller's side ---------------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def beat(self, heartbeat: Heartbeat) -> None:
        """Send this heartbeat at the link's next turn (a newer one replaces it)."""
        with self._changed:
            self._heartbeat = heartbeat
            self._changed.notify_all()

    def wake(self) -> None:
        """Drain the outbox now (an event was just written)."""
        with self._changed:
            self._changed.notify_all()

    def take_ready(self) -> rollout.Fetched | None:
        """A catalogue version fetched and checked clean, once."""
        with self._changed:
            ready, self._ready = self._ready, None
            return ready

    def refuse(self, version: int, reason: str) -> None:
        """The kiosk would not switch to `version` (it would not load there): never again."""
        with self._changed:
            self._refused[version] = reason

    def health(self) -> LinkHealth:
        with self._changed:
            refused = self._fetch_problem
            if self._refused:
                version = max(self._refused)
                refused = f"catalogue version {version} refused: {self._refused[version]}"
            return LinkHealth(self._failing_since, self._reason, self._backlog, refused)

    def stop(self, timeout: float = 2.0) -> None:
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout)

    # -- the link's thread ---------------------------------------------------------------------

    def _run(self) -> None:
        wait = 0.0
        while True:
            with self._changed:
                if wait:
                    self._changed.wait(wait)
                if self._stopping:
                    break
            try:
                self._turn()
            except Exception as error:  # never the end of the link: said, and tried again
                if not isinstance(error, FleetError | psycopg.Error | sqlite3.Error | OSError):
                    log.exception("fleet: the link failed unexpectedly")
                self._failed(error)
                wait = min(RETRY_MAX, max(1.0, wait * 2))
                continue
            self._recovered()
            wait = min(1.0, self.interval)
        self._close()
        self.outbox.close()

    def _turn(self) -> None:
        self._backlog = self.outbox.backlog()
        if self._backlog.waiting:
            self._drain()
        with self._changed:
            heartbeat, self._heartbeat = self._heartbeat, None
        if heartbeat is not None:
            try:
                self._beat(heartbeat)
            except BaseException:
                with self._changed:  # sent at the next turn, unless a newer one came
                    self._heartbeat = self._heartbeat or heartbeat
                raise
            self._fetch()

    def _connection(self) -> psycopg.Connection[Any]:
        if self._db is None or self._db.closed or self._db.broken:
            self._close()
            db = connect(self.url)
            enrolled = db.execute("SELECT fleet_kiosk_id()").fetchone()
            db.commit()
            if enrolled is None or enrolled[0] is None:
                db.close()
                raise FleetError("this kiosk is not enrolled at the centre (kiosk fleet enrol)")
            self._db = db
        return self._db

    def _drain(self) -> None:
        """Send the outbox, oldest first, a batch per transaction, until it is empty."""
        while not self._stopping:
            events = self.outbox.oldest(self.batch)
            if not events:
                break
            db = self._connection()
            with db.cursor() as cursor:
                cursor.executemany(
                    INSERT_EVENT,
                    [(e.key, e.kind, _aware(e.at), e.body) for e in events],
                )
            db.commit()
            self.outbox.sent(events[-1].id)  # the centre has them: they leave the outbox
        self._backlog = self.outbox.backlog()

    def _beat(self, heartbeat: Heartbeat) -> None:
        db = self._connection()
        beat = replace(heartbeat, outbox=self._backlog.waiting)
        db.execute(
            UPSERT_HEARTBEAT,
            (
                datetime.now().astimezone(),
                beat.screen,
                beat.printer,
                beat.catalogue_version,
                beat.kiosk_version,
                beat.journal,
                beat.staff_calls,
                beat.outbox,
            ),
        )
        db.commit()

    def _fetch(self) -> None:
        """Fetch and check the newest catalogue version meant for this kiosk, if it is newer
        than what runs and than what was offered, and was never refused."""
        db = self._connection()
        newest = rollout.newest_for(db, max(self.running(), self._offered))
        db.commit()
        if newest is None or newest[0] in self._refused:
            return
        version, digest = newest
        try:
            files = rollout.files_of(db, version)
            db.commit()
            fetched = rollout.unpack(self.data_folder, version, files, self.today())
        except CatalogueError as error:
            self.refuse(version, error.summary())
            log.error("fleet: catalogue version %d refused: %s", version, error.summary())
            return
        except OSError as error:  # the kiosk's disk, not the link: tried again next time
            self._fetch_problem = f"catalogue version {version} could not be written: {error}"
            log.error("fleet: %s", self._fetch_problem)
            return
        log.info("fleet: catalogue version %d (%s) fetched and checked", version, digest)
        with self._changed:
            self._ready, self._offered, self._fetch_problem = fetched, version, ""

    def _failed(self, error: Exception) -> None:
        self._close()
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        reason = reason.replace(self.url, redacted(self.url))
        with self._changed:
            first = self._failing_since is None
            if first:
                self._failing_since = datetime.now()
            self._reason = reason
        if first:
            waiting = self._backlog.waiting
            log.warning("fleet: cannot send to the centre: %s (%d events waiting)", reason, waiting)

    def _recovered(self) -> None:
        with self._changed:
            was, self._failing_since, self._reason = self._failing_since, None, ""
        if was is not None:
            log.info("fleet: the centre is reached again (failing since %s)", f"{was:%H:%M}")

    def _close(self) -> None:
        db, self._db = self._db, None
        if db is not None:
            with contextlib.suppress(psycopg.Error):
                db.close()


def _aware(at: str) -> datetime:
    """The journal's local time as a time with its offset."""
    return datetime.fromisoformat(at).astimezone()
