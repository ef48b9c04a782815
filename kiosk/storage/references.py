"""Slip references, unique and increasing per kiosk: K01-20261123-0042.

The date is the visit's; the number counts every reference the kiosk has handed out, so a
clock set back or a new day never repeats one. Numbers are reserved on disk ahead of use,
fifty at a time, by a thread of their own: the file (written to a new file, flushed to the
disk and renamed into place) always holds a number at least as high as any handed out, so
after a power cut the kiosk goes on above it (a gap, never a repeat), and no tap waits on
the disk. A kiosk that stops cleanly writes its last number, so the next run goes on from
there. Should the file still be lost or emptied, the kiosk goes on above the highest
reference its journal holds, so no number of a slip still archived is handed out again. A
file that cannot be written (a read-only or full disk) never stops a visitor: numbers go on
in memory, this process being the folder's only kiosk, and are reserved as soon as the disk
takes them.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

log = logging.getLogger(__name__)
RESERVE = 50  # numbers reserved on disk at a time


class ReferenceBook:
    """Hands out the next reference. `floor` gives the highest number already used that
    the journal knows of (it may grow once the journal has been read)."""

    def __init__(self, kiosk_id: str, folder: Path, floor: Callable[[], int] = lambda: 0):
        self.kiosk_id = kiosk_id
        self.path = folder / "references.json"
        self.floor = floor
        self.last: int | None = None  # the last number handed out
        self.reserved = 0  # numbers up to this one are on disk
        self._lock = threading.Lock()  # guards last, reserved, _wanted
        self._wanted = 0  # the reservation the writer thread should reach
        self._writer: threading.Thread | None = None

    def start(self) -> None:
        """Read the file and reserve the first numbers, off the screen's thread."""
        threading.Thread(target=self._begin, daemon=True, name="references").start()

    def next(self, day: date) -> str:
        """The next reference, dated `day`; never waits on the disk."""
        with self._lock:
            if self.last is None:
                self.last = self.reserved = self._read()
            number = max(self.last, self.floor()) + 1
            self.last = number
            if self.reserved - number < RESERVE // 2:
                self._reserve(number + RESERVE)
        return f"{self.kiosk_id}-{day:%Y%m%d}-{number:04d}"

    def settled(self, timeout: float = 5.0) -> bool:
        """Wait until the reservation under way (if any) is on disk; False if it took over
        `timeout` seconds."""
        with self._lock:
            writer = self._writer
        if writer is not None:
            writer.join(timeout)
            return not writer.is_alive()
        return True

    def stop(self) -> None:
        """A clean stop: the next run goes on right after the last number handed out."""
        with self._lock:
            writer, last = self._writer, self.last
        if writer is not None:
            writer.join(5)
        if last is not None:
            try:
                self._write(last)
            except OSError as error:
                log.error("references file %s not written at stop (%s)", self.path, error)

    def _begin(self) -> None:
        with self._lock:
            if self.last is None:
                self.last = self.reserved = self._read()
            self._reserve(self.last + RESERVE)

    def _reserve(self, target: int) -> None:
        """Have the writer thread put `target` on disk (call with the lock held)."""
        self._wanted = max(self._wanted, target)
        if self._writer is None or not self._writer.is_alive():
            self._writer = threading.Thread(target=self._reserving, daemon=True, name="references")
            self._writer.start()

    def _reserving(self) -> None:
        while True:
            with self._lock:
                target = self._wanted
                if target <= self.reserved:
                    return
            try:
                self._write(target)
            except OSError as error:
                log.error(
                    "references file %s not written (%s): going on in memory", self.path, error
                )
                return  # tried again at the next reference
            with self._lock:
                self.reserved = max(self.reserved, target)

    def _read(self) -> int:
        try:
            kept = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return 0
        except (OSError, ValueError) as error:
            log.warning(
                "references file %s unreadable (%s): going on from the journal", self.path, error
            )
            return 0
        if isinstance(kept, dict) and "last" in kept:
            return int(kept["last"])
        if isinstance(kept, dict):  # the older file: the last number of one day
            return max((int(value) for value in kept.values()), default=0)
        return 0

    def _write(self, number: int) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        with open(partial, "w", encoding="utf-8") as file:
            json.dump({"last": number}, file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, self.path)
        folder = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)  # the rename itself survives a power cut
        finally:
            os.close(folder)
