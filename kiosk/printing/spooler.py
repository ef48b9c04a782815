"""Print jobs off the screen's thread, with time-outs, ending as printed, failed or unknown.

Before a job the printer is asked how it is: offline or out of paper fails the job before
anything is sent. A printer that does not answer in time fails it too (nothing was sent).
A job that does not finish in time, or breaks off after sending began, ends as unknown:
it may be on paper, so it is never printed again by itself. A job whose visitor's session
has ended is never sent.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.logic.slip import Slip
from kiosk.printing.backends import Backend, PrinterFault, PrinterStatus
from kiosk.printing.outcome import PrintOutcome, PrintStatus

log = logging.getLogger(__name__)
T = TypeVar("T")
START_AFTER_MS = 50  # a job's thread starts this long after it is queued


class TimedOut(Exception):
    """The call did not return in time."""


def call_with_timeout(function: Callable[[], T], seconds: float) -> T:
    """Run `function` in its own thread; raise TimedOut if it takes longer than `seconds`
    (the thread is left to finish or hang on its own: the kiosk does not wait for it)."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = function()
        except BaseException as error:  # handed to the caller's thread below
            result["error"] = error

    worker = threading.Thread(target=run, daemon=True, name="printer-call")
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise TimedOut(f"no answer within {seconds:g} s")
    if "error" in result:
        raise result["error"]
    return result["value"]  # type: ignore[no-any-return]


@dataclass
class Job:
    """One slip to print for one visitor session."""

    slip: Slip
    session: int
    cancelled: threading.Event = field(default_factory=threading.Event)


class Spooler(QObject):
    """Runs print jobs one at a time in a worker thread.

    Signals: finished(reference, PrintOutcome) — delivered on the thread that owns the
    spooler (the screen's), whatever thread the job ran on.
    """

    finished = Signal(str, object)
    status_known = Signal(object)

    def __init__(self, backend: Backend, timeout: float = 5.0, parent: QObject | None = None):
        super().__init__(parent)
        self.backend = backend
        self.timeout = timeout
        self.jobs: list[Job] = []
        self._lock = threading.Lock()  # guards `jobs`
        self._printer = threading.Lock()  # one job at a time reaches the printer
        self.last_status = PrinterStatus.UNKNOWN  # what the printer last said

    def submit(self, slip: Slip, session: int) -> Job:
        """Queue a slip; the outcome arrives through `finished`.

        The job's thread starts a moment later: it competes for Python with the painting of
        the screen that says "Printing…", which should come first (a slip takes seconds on
        paper; this is unnoticeable). Ending the session meanwhile cancels the job."""
        job = Job(slip, session)
        with self._lock:
            self.jobs.append(job)
        QTimer.singleShot(START_AFTER_MS, self, lambda: self._start(job))
        return job

    def _start(self, job: Job) -> None:
        threading.Thread(target=self._run, args=(job,), daemon=True, name="print-job").start()

    def end_session(self, session: int) -> None:
        """The visitor has gone: none of their jobs not yet sent will be."""
        with self._lock:
            for job in self.jobs:
                if job.session == session:
                    job.cancelled.set()

    def printer_status(self) -> PrinterStatus:
        """Ask the printer how it is, never waiting longer than the time-out (blocks: call it
        off the screen's thread, or use `refresh_status`)."""
        try:
            status = call_with_timeout(self.backend.status, self.timeout)
        except TimedOut:
            status = PrinterStatus.OFFLINE
        except Exception:
            log.exception("printer status failed")
            status = PrinterStatus.UNKNOWN
        self.last_status = status
        return status

    def refresh_status(self) -> None:
        """Ask the printer in the background; the answer comes through `status_known`."""

        def ask() -> None:
            self.status_known.emit(self.printer_status())

        threading.Thread(target=ask, daemon=True, name="printer-status").start()

    def _run(self, job: Job) -> None:
        with self._printer:
            outcome = self._print(job)
        with self._lock:
            self.jobs.remove(job)
        log.info("print %s: %s %s", job.slip.reference, outcome.status.value, outcome.detail)
        self.finished.emit(job.slip.reference, outcome)

    def _print(self, job: Job) -> PrintOutcome:
        status = self.printer_status()
        if status in (PrinterStatus.OFFLINE, PrinterStatus.NO_PAPER):
            return PrintOutcome(PrintStatus.FAILED, f"printer {status.value}", status.value)
        if job.cancelled.is_set():
            return PrintOutcome(PrintStatus.FAILED, "the visitor's session ended first")
        try:
            detail = call_with_timeout(lambda: self.backend.print_slip(job.slip), self.timeout)
        except TimedOut as error:
            return PrintOutcome(PrintStatus.UNKNOWN, f"the printer did not finish: {error}")
        except PrinterFault as fault:
            kind = PrintStatus.UNKNOWN if fault.sent else PrintStatus.FAILED
            return PrintOutcome(kind, str(fault))
        except Exception as error:  # a back end broke mid-job: the slip may be half out
            # The error's message may quote slip text: the log and the journal get its kind
            # and where it was raised, never its words.
            kind = type(error).__name__
            where = "".join(traceback.format_tb(error.__traceback__))
            log.error("printing %s broke off: %s\n%s", job.slip.reference, kind, where)
            return PrintOutcome(PrintStatus.UNKNOWN, f"printing broke off: {kind}")
        note = " (paper low)" if status is PrinterStatus.PAPER_LOW else ""
        return PrintOutcome(PrintStatus.PRINTED, detail + note, status.value)
