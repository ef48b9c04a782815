"""What came of a print job. The kiosk acts on each: printed, failed, or unknown."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class PrintStatus(Enum):
    """Printed: the slip is out. Failed: it is not (retry is safe). Unknown: it may be
    (never reprinted automatically: no duplicate slips)."""

    PRINTED = "printed"
    FAILED = "failed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PrintOutcome:
    """A job's status, and for staff what happened."""

    status: PrintStatus
    detail: str = ""
    printer: str = ""  # what the printer said before the job: ready, paper-low, ...
