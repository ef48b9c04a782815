"""The journal's one writer: events go into a bounded queue and a thread writes them, in
order, each batch in one transaction. No caller ever waits on the disk.

While the journal cannot be written (locked by another program, a read-only or full disk,
the folder deleted) the events wait in memory (at most `capacity` of them) and the writer
tries again every `retry` seconds; staff are told since when and why. Each row carries the
key its event was made with, so a batch written again after a failure that may have
committed is written once. A journal SQLite finds corrupt is moved aside under a name with
the time (never deleted) and a new one started; staff are told that too.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from kiosk.storage.journal import ArchivedSlip, Journal

log = logging.getLogger(__name__)

CAPACITY = 10_000  # events kept in memory while the journal cannot be written
BATCH = 500  # events written in one transaction
CORRUPT = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
READ_TIMEOUT = 0.25  # seconds a read for staff waits on a lock
CATCH_UP = 0.05  # seconds a read for staff waits for the events still settling
# Seconds between a visitor's session event (or the clean-up at a session's end) and its
# write: a tap is written after its screen has been painted, not while (the writer's thread
# would take Python's lock from the screen), well before the next tap can come (the tap
# guard: 0.35 s), and the moment's events go in one transaction. Anything else (a print, an
# audit entry staff read back at once), a flush and a stop write at once.
SETTLE = 0.1
SETTLED = frozenset({"start_session", "update_session", "end_session", "purge"})
T = TypeVar("T")


class JournalUnreadable(Exception):
    """The journal could not be read (the message says why)."""


@dataclass(frozen=True)
class Event:
    """One write: a Journal method's name and its arguments."""

    action: str
    args: tuple[Any, ...] = ()
    fields: dict[str, Any] = field(default_factory=dict)

    def apply(self, journal: Journal) -> None:
        """Write it."""
        getattr(journal, self.action)(*self.args, **self.fields)


@dataclass(frozen=True)
class JournalHealth:
    """How the writing goes, for the staff dashboard and the log."""

    failing_since: datetime | None  # None: writing
    reason: str
    waiting: int  # events in memory not yet written
    lost: int  # events dropped because memory was full
    notices: tuple[str, ...]  # what staff should know (a corrupt journal moved aside)

    @property
    def writing(self) -> bool:
        """Whether the journal is being written."""
        return self.failing_since is None

    def describe(self) -> str:
        """One line for staff; empty when all is well."""
        if self.failing_since is None:
            return ""
        line = f"not writing since {self.failing_since:%H:%M}: {self.reason}"
        line += f" ({self.waiting} events waiting in memory"
        return line + (f", {self.lost} dropped)" if self.lost else ")")


class JournalWriter:
    """Owns the journal file: opens it, moves it aside when corrupt, writes every event."""

    def __init__(
        self,
        path: Path,
        *,
        kiosk_id: str = "",
        outbox: bool = False,
        capacity: int = CAPACITY,
        retry: float = 2.0,
        settle: float = SETTLE,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.path, self.kiosk_id, self.capacity, self.retry, self.now = (
            path,
            kiosk_id,
            capacity,
            retry,
            now,
        )
        self.settle = settle
        self.outbox = outbox  # events also go into the fleet's outbox
        self._queue: deque[Event] = deque()
        self._batch: list[Event] = []  # being written now
        self._started = False  # the start-up clean-up is done (once per process)
        self._changed = threading.Condition()
        self._stopping = False
        self._hurried = 0  # callers waiting for everything to be written: no settling
        self._journal: Journal | None = None
        self._identity: tuple[int, int] | None = None
        self._failing_since: datetime | None = None
        self._reason = ""
        self._lost = 0
        self._notices: list[str] = []
        self._highest: int | None = None
        self._reader: Journal | None = None
        self._tried = threading.Event()  # the first attempt to open the journal is over
        self._reader_identity: tuple[int, int] | None = None
        self._thread = threading.Thread(target=self._run, daemon=True, name="journal-writer")

    # -- the caller's side: never blocks on storage ----------------------------------------

    def start(self) -> None:
        """Open the journal and start writing (in the writer's thread)."""
        self._thread.start()

    def put(self, action: str, *args: Any, **fields: Any) -> None:
        """Queue one write (a Journal method and its arguments); returns at once."""
        event = Event(action, args, fields)
        with self._changed:
            if self._merged(event):
                return
            if len(self._queue) + len(self._batch) >= self.capacity:
                self._lost += 1
                if self._lost == 1:
                    log.error("journal: %d events in memory, new ones are dropped", self.capacity)
                return
            self._queue.append(event)
            if self._failing_since is None:  # a failing journal is tried at its own pace
                self._changed.notify_all()

    def _merged(self, event: Event) -> bool:
        """Successive updates of one session waiting in the queue become one."""
        if event.action != "update_session" or not self._queue:
            return False
        last = self._queue[-1]
        if last.action != "update_session" or last.args != event.args:
            return False
        self._queue[-1] = Event(last.action, last.args, {**last.fields, **event.fields})
        return True

    def health(self) -> JournalHealth:
        """How the writing goes."""
        with self._changed:
            return JournalHealth(
                self._failing_since,
                self._reason,
                len(self._queue) + len(self._batch),
                self._lost,
                tuple(self._notices),
            )

    def highest_reference(self) -> int:
        """The highest reference number of this kiosk the journal held when it opened (0
        until it has opened)."""
        return self._highest or 0

    def opened(self, timeout: float = 3.0) -> JournalHealth:
        """How the writing goes once the journal has first been opened (or failed to be),
        waiting up to `timeout` seconds for that."""
        self._tried.wait(timeout)
        return self.health()

    def waiting_slip(self, reference: str) -> ArchivedSlip | None:
        """A slip archived but not yet written (so staff can reprint it all the same)."""
        with self._changed:
            for event in (*reversed(self._queue), *self._batch):
                if event.action == "archive_slip" and event.args[0].reference == reference:
                    return event.args[0]  # type: ignore[no-any-return]
        return None

    def read(self, query: Callable[[Journal], T]) -> T:
        """Run a read on the caller's thread, through a connection of its own that gives up
        on a lock within READ_TIMEOUT; raises JournalUnreadable saying why. Events still
        settling are written first (staff read what has happened up to now: a write takes a
        few milliseconds), waiting for that at most CATCH_UP, and not at all while the
        journal is failing."""
        if self._failing_since is None:
            self.flush(CATCH_UP)
        try:
            return query(self.reading())
        except (sqlite3.Error, OSError) as error:
            self._close_reader()
            raise JournalUnreadable(str(error) or type(error).__name__) from error

    def reading(self) -> Journal:
        """The caller's connection for reading (opened again when the file was replaced)."""
        identity = _identity(self.path)
        if self._reader is None or self._reader_identity != identity:
            self._close_reader()
            self._reader = Journal(self.path, reading=True, timeout=READ_TIMEOUT)
            self._reader_identity = identity
        return self._reader

    def _close_reader(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            with contextlib.suppress(sqlite3.Error):
                reader.close()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every queued event is written; False if that took over `timeout`."""
        with self._changed:
            self._hurried += 1
            self._changed.notify_all()
            try:
                return self._changed.wait_for(
                    lambda: not self._queue and not self._batch, timeout=timeout
                )
            finally:
                self._hurried -= 1

    def wake(self) -> None:
        """Try again now rather than at the next retry."""
        with self._changed:
            self._changed.notify_all()

    def stop(self, timeout: float = 2.0) -> None:
        """Write what waits (for at most `timeout` seconds), then close the journal."""
        self.flush(timeout)
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout)
        self._close_reader()
        waiting = self.health().waiting
        if waiting:
            log.error("journal: %d events were not written before the kiosk stopped", waiting)

    # -- the writer's thread --------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._queue or self._stopping or not self._journal)
                if self._queue and self._journal is not None:
                    self._changed.wait_for(
                        lambda: self._stopping or self._hurried or self._urgent(), self.settle
                    )
                if self._stopping:
                    break
                batch = [self._queue.popleft() for _ in range(min(BATCH, len(self._queue)))]
                self._batch = batch
            try:
                self._write(batch)
            except (sqlite3.Error, OSError) as error:
                with self._changed:
                    self._queue.extendleft(reversed(batch))
                    self._batch = []
                self._failed(error)
                self._tried.set()
                with self._changed:
                    if not self._stopping:
                        self._changed.wait(self.retry)
                continue
            with self._changed:
                self._batch = []
                self._changed.notify_all()
            self._tried.set()
            self._recovered()
        if self._journal is not None:
            with contextlib.suppress(sqlite3.Error):
                self._journal.close()

    def _urgent(self) -> bool:
        """Something waits that is not to settle (called with the lock held)."""
        return any(event.action not in SETTLED for event in self._queue)

    def _write(self, batch: list[Event]) -> None:
        journal = self._open()
        if not batch:
            return
        journal.db.execute("BEGIN IMMEDIATE")
        try:
            for event in batch:
                event.apply(journal)
            journal.db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                journal.db.execute("ROLLBACK")
            raise

    def _open(self) -> Journal:
        """The journal, opened again when its file was deleted or replaced."""
        if self._journal is not None and self._identity == _identity(self.path):
            return self._journal
        if self._journal is not None:
            log.warning("journal: %s was deleted or replaced; starting a new one", self.path)
            with contextlib.suppress(sqlite3.Error):
                self._journal.close()
            self._journal = None
        try:
            journal = Journal(self.path, timeout=1.0, outbox=self.outbox)
        except sqlite3.DatabaseError as error:
            if not _corrupt(error):
                raise
            journal = self._set_aside(str(error))
        try:
            problem = journal.sound()
            if problem is not None:
                journal.close()
                journal = self._set_aside(problem)
            self._start_up(journal)
        except BaseException:
            journal.close()
            raise
        self._journal, self._identity = journal, _identity(self.path)
        return journal

    def _start_up(self, journal: Journal) -> None:
        """The first time the journal opens in this process: sessions a crash or power cut
        cut off are abandoned, prints it cut off are unknown, and the highest reference it
        holds is noted (references never go below it)."""
        if self._started:
            return
        journal.close_interrupted(self.now())
        for reference in journal.close_interrupted_prints(self.now()):
            log.warning("journal: the print of %s was cut off: its outcome is unknown", reference)
        highest = journal.highest_reference(self.kiosk_id) if self.kiosk_id else 0
        self._highest = max(self._highest or 0, highest)
        self._started = True

    def _set_aside(self, problem: str) -> Journal:
        """Move a corrupt journal aside (with its WAL) and start a new one."""
        stamp = self.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{self.path}{suffix}")
            if part.exists():
                os.replace(part, Path(f"{aside}{suffix}"))
        notice = (
            f"found corrupt at {self.now():%H:%M} ({problem}); moved aside to "
            f"{aside.name} and a new one started"
        )
        log.error("journal: %s", notice)
        with self._changed:
            self._notices.append(notice)
        journal = Journal(self.path, timeout=1.0, outbox=self.outbox)
        journal.audit(f"journal {notice}", self.now())  # head office hears of it too
        return journal

    def _failed(self, error: Exception) -> None:
        if _corrupt(error) and self._journal is not None:  # found corrupt while running
            journal, self._journal = self._journal, None
            with contextlib.suppress(sqlite3.Error):
                journal.close()
            with contextlib.suppress(sqlite3.Error, OSError):
                self._journal = self._set_aside(str(error))
                self._identity = _identity(self.path)
                return
        reason = str(error) or type(error).__name__
        with self._changed:
            first = self._failing_since is None
            if first:
                self._failing_since = self.now()
            changed = reason != self._reason
            self._reason = reason
        if first or changed:
            log.error("journal %s", self.health().describe())

    def _recovered(self) -> None:
        with self._changed:
            since, self._failing_since, self._reason = self._failing_since, None, ""
        if since is not None:
            log.warning(
                "journal writing again (it failed from %s); the waiting events are written",
                f"{since:%H:%M}",
            )


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def _corrupt(error: Exception) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, sqlite3.DatabaseError) and code is not None and code & 0xFF in CORRUPT
