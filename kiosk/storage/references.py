"""Slip references, unique and increasing per kiosk: K01-20261123-0042.

The date is the visit's; the number counts every reference the kiosk has handed out, so a
clock set back or a new day never repeats one. The last number is kept in a small file in
the data folder, written to a new file, flushed to the disk and renamed into place (a
power cut leaves the old number or the new one). Should the file still be lost or
emptied, the kiosk goes on above the highest reference its journal holds, so no number of
a slip still archived is handed out again. A file that cannot be written (a read-only or
full disk) never stops a visitor: the number goes on in memory, this process being the
folder's only kiosk, and is written as soon as the disk takes it.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

log = logging.getLogger(__name__)


class ReferenceBook:
    """Hands out the next reference. `floor` gives the highest number already used that
    the journal knows of; the file and the journal are read once, at the first reference
    (not at start-up), and after that the number is this process's alone: one kiosk per
    data folder."""

    def __init__(self, kiosk_id: str, folder: Path, floor: Callable[[], int] = lambda: 0):
        self.kiosk_id = kiosk_id
        self.path = folder / "references.json"
        self.floor = floor
        self.last: int | None = None

    def next(self, day: date) -> str:
        """The next reference, dated `day`."""
        if self.last is None:
            self.last = max(self._read(), self.floor())
        number = self.last + 1
        try:
            self._write(number)
        except OSError as error:
            log.error("references file %s not written (%s): going on in memory", self.path, error)
        self.last = number
        return f"{self.kiosk_id}-{day:%Y%m%d}-{number:04d}"

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
