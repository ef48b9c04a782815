"""One kiosk per data folder: a lock the operating system holds for the running kiosk (and
lets go of when it exits, however it exits), with its process id written beside it so that
a second kiosk can say which process has the folder. A folder where the lock cannot be
made (read-only, full) is locked through a file of the same name in the temporary folder
instead: the kiosk still starts, and still alone."""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_FILE = "kiosk.lock"


class FolderInUse(Exception):
    """Another kiosk process holds the data folder."""

    def __init__(self, folder: Path, pid: str) -> None:
        super().__init__(f"the data folder {folder} is in use by another kiosk (process {pid})")
        self.folder, self.pid = folder, pid


class FolderLock:
    """Holds a data folder for this process until released or the process ends."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_FILE
        self.fd: int | None = None

    def acquire(self) -> None:
        """Take the folder, or raise FolderInUse at once (no waiting)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            self.path = elsewhere(self.folder)
            log.error("cannot lock %s (%s): locking through %s", self.folder, error, self.path)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise FolderInUse(self.folder, pid) from None
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
            os.fsync(fd)
        except OSError as error:  # a full disk: the lock holds, the id is not there to read
            log.error("cannot write the process id in %s: %s", self.path, error)
        self.fd = fd

    def release(self) -> None:
        """Let the folder go (the file stays: it is the lock, not a sign of one)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def elsewhere(folder: Path) -> Path:
    """The lock file of `folder` in the temporary folder (the same for every kiosk)."""
    digest = hashlib.sha256(str(folder.absolute()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"kiosk-{digest}.lock"
