"""Slip references, unique per kiosk and day: K01-20261123-0042.

The last number of each day is kept in a small file in the data folder, so a restart
never hands out a reference twice.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path


class ReferenceBook:
    """Hands out the next reference for a day."""

    def __init__(self, kiosk_id: str, folder: Path) -> None:
        self.kiosk_id = kiosk_id
        self.path = folder / "references.json"

    def next(self, day: date) -> str:
        """The next reference of `day` (numbers start at 1 each day)."""
        key = day.isoformat()
        try:
            numbers = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            numbers = {}
        number = int(numbers.get(key, 0)) + 1
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        partial.write_text(json.dumps({key: number}), encoding="utf-8")
        os.replace(partial, self.path)  # atomic: a crash leaves the old or the new file
        return f"{self.kiosk_id}-{day:%Y%m%d}-{number:04d}"
