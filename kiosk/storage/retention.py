"""What a visitor printed is kept only as long as `privacy.slip_retention_hours` says (24 by
default): the slip files in the slip folder and the slips archived in the journal for
reprints. The kiosk sweeps them at start and every hour; the archive is also purged when a
session ends.

Nothing here stops a visitor. The archive is purged by the journal's one writer, like every
other journal write: `sweep` only queues the purge. The files are deleted by a short-lived
thread of their own rather than in the writer's thread, because a file that cannot be
deleted is not a journal fault: in the writer's thread its OSError would fail the whole
batch, hold back the visitors' events and tell staff the journal is failing, and listing a
slow or network folder would delay every event queued behind it. One sweep runs at a time;
a sweep asked for while one runs is skipped (the next hour's catches up).

Only files the kiosk writes there are deleted: `<reference>.pdf` (a slip, a reprint),
`TEST-HHMMSS.pdf` (a test print), the `.part` file each is written to first and the
`.probe` file of a status check, when their own modification time is older than the
retention. Anything else in the folder, sub-folders and symbolic links (whatever their
name, and whatever they point to) are never touched. What was deleted is logged as a
count; a file that cannot be deleted is logged and the sweep goes on.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kiosk.settings import Settings
from kiosk.storage.journal_writer import JournalWriter

log = logging.getLogger(__name__)

SWEEP_EVERY_MS = 60 * 60 * 1000  # the retention is checked every hour
# Names the kiosk gives the files it writes in the slip folder: a reference
# (`<kiosk id>-YYYYMMDD-NNNN`, see storage/references.py) or a test print's `TEST-HHMMSS`,
# as the slip itself or the partial file it is written to first (printing/backends.py).
SLIP_NAME = re.compile(r"(?:[A-Za-z0-9-]{1,16}-[0-9]{8}-[0-9]{4,}|TEST-[0-9]{6})\.(?:pdf|part)")
PROBE = ".probe"  # left behind only by a status check cut off between writing and deleting it


def slip_folder(settings: Settings) -> Path:
    """The folder the PDF back end writes slips to (swept whichever back end prints now:
    slips written before a change of printer go too)."""
    return settings.printer.folder or settings.data_folder / "slips"


def written_by_kiosk(name: str) -> bool:
    """Whether a file of this name in the slip folder is one the kiosk writes there."""
    return name == PROBE or SLIP_NAME.fullmatch(name) is not None


def delete_expired_slips(folder: Path, hours: float, now: float | None = None) -> int:
    """Delete the slip files in `folder` last modified over `hours` before `now` (seconds
    since the epoch; the present by default); return how many were deleted. Never raises
    OSError: what cannot be listed or deleted is logged."""
    cutoff = (time.time() if now is None else now) - hours * 3600
    deleted, failed, problem = 0, 0, ""
    try:
        with os.scandir(folder) as entries:
            expired = [
                entry
                for entry in entries
                if written_by_kiosk(entry.name)
                and entry.is_file(follow_symlinks=False)  # a link is not the kiosk's file
                and entry.stat(follow_symlinks=False).st_mtime < cutoff
            ]
    except FileNotFoundError:
        return 0  # nothing printed yet
    except OSError as error:
        log.error("retention: slip folder %s cannot be read: %s", folder, error)
        return 0
    for entry in expired:
        try:
            os.unlink(entry.path)  # removes the entry itself, never what a link points to
        except FileNotFoundError:
            continue
        except OSError as error:
            failed, problem = failed + 1, str(error)
        else:
            deleted += 1
    if deleted:
        log.info(
            "retention: %d slip files older than %g hours deleted from %s", deleted, hours, folder
        )
    if failed:
        log.error("retention: %d slip files in %s not deleted: %s", failed, folder, problem)
    return deleted


class Retention:
    """Sweeps the slip folder and the journal's slip archive; `sweep` returns at once."""

    def __init__(
        self,
        folder: Path,
        hours: float,
        journal: JournalWriter,
        *,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.folder, self.hours, self.journal, self.now = folder, hours, journal, now
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    @classmethod
    def of(cls, settings: Settings, journal: JournalWriter) -> Retention:
        """The retention the settings ask for, over the slip folder they name."""
        return cls(slip_folder(settings), settings.privacy.slip_retention_hours, journal)

    def sweep(self) -> None:
        """Queue the archive's purge and delete expired slip files in the background."""
        moment = self.now()
        self.journal.put("purge", moment, self.hours)
        with self._lock:
            if self._worker is not None and self._worker.is_alive():
                return
            self._worker = threading.Thread(
                target=delete_expired_slips,
                args=(self.folder, self.hours, moment.timestamp()),
                daemon=True,
                name="retention",
            )
            self._worker.start()

    def settled(self, timeout: float = 5.0) -> bool:
        """Wait until the files' sweep under way (if any) is over; False if it took over
        `timeout` seconds."""
        with self._lock:
            worker = self._worker
        if worker is not None:
            worker.join(timeout)
            return not worker.is_alive()
        return True
