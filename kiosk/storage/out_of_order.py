"""Whether staff have put the kiosk out of order: a marker file in the data folder, so the
state survives a restart."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


class OutOfOrder:
    """The out-of-order marker of one data folder."""

    def __init__(self, data_folder: Path) -> None:
        self.marker = data_folder / "out-of-order"

    @property
    def on(self) -> bool:
        """The kiosk is out of order."""
        return self.marker.exists()

    def set(self, on: bool, now: datetime) -> None:
        """Put the kiosk out of order (noting since when) or back in service."""
        if on:
            self.marker.parent.mkdir(parents=True, exist_ok=True)
            self.marker.write_text(now.isoformat(timespec="seconds"), encoding="utf-8")
        else:
            self.marker.unlink(missing_ok=True)
