"""Whether staff have put the kiosk out of order: a marker file in the data folder, so the
state survives a restart."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)


class OutOfOrder:
    """The out-of-order marker of one data folder. A folder that will not take the marker
    still takes staff's word: it holds until the kiosk restarts."""

    def __init__(self, data_folder: Path) -> None:
        self.marker = data_folder / "out-of-order"
        self._unsaved: bool | None = None  # staff's word, when the disk would not keep it

    @property
    def on(self) -> bool:
        """The kiosk is out of order."""
        return self.marker.exists() if self._unsaved is None else self._unsaved

    def set(self, on: bool, now: datetime) -> str:
        """Put the kiosk out of order (noting since when) or back in service; returns why it
        could not be kept past a restart ("" when kept)."""
        try:
            if on:
                self.marker.parent.mkdir(parents=True, exist_ok=True)
                self.marker.write_text(now.isoformat(timespec="seconds"), encoding="utf-8")
            else:
                self.marker.unlink(missing_ok=True)
        except OSError as error:
            log.error("out-of-order marker %s not written: %s", self.marker, error)
            self._unsaved = on
            return str(error)
        self._unsaved = None
        return ""
