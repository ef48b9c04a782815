"""A printer the operating system knows, by its CUPS queue name.

The slip is written to a PDF, handed to the queue, and followed there: it is printed only
when CUPS says the job completed. A queue that is stopped or refuses jobs fails the job
before anything is sent; a job CUPS cancels or aborts has failed; one that does not complete
in time is cancelled (no job outlives its visitor) and its outcome is unknown: it may have
begun on paper. pycups is imported only here, when a job or a status call needs it, so a
kiosk without it starts and prints to the other back ends.
"""

from __future__ import annotations

import contextlib
import logging
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

from kiosk.logic.slip import Slip
from kiosk.printing.backends import PrinterFault, PrinterStatus
from kiosk.printing.layout import Paper

log = logging.getLogger(__name__)

NOT_INSTALLED = "pycups is not installed"
# IPP's numbers (RFC 8011) for the states of a queue and of a job.
QUEUE_IDLE, QUEUE_PROCESSING, QUEUE_STOPPED = 3, 4, 5
JOB_CANCELLED, JOB_ABORTED, JOB_COMPLETED = 7, 8, 9
IPP_NOT_FOUND = 0x0406  # client-error-not-found
JOB_STATES = {
    3: "pending",
    4: "held",
    5: "processing",
    6: "stopped",
    JOB_CANCELLED: "cancelled",
    JOB_ABORTED: "aborted",
    JOB_COMPLETED: "completed",
}
QUEUE_ATTRIBUTES = [
    "printer-state",
    "printer-state-message",
    "printer-state-reasons",
    "printer-is-accepting-jobs",
]
JOB_ATTRIBUTES = ["job-state", "job-state-reasons", "job-printer-state-message"]
MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")
POINTS_PER_MM = 72 / 25.4
NO_PAPER_REASONS = ("media-empty", "media-needed")
PAPER_LOW_REASONS = ("media-low",)


def poll_limit(timeout: float) -> float:
    """How long a job may take here when the spooler gives up after `timeout` seconds: a
    little less, so that the back end, not the spooler, says why and cancels the job."""
    return timeout - min(1.0, timeout * 0.2)


def job_options(pdf: Path) -> dict[str, str]:
    """What a job asks of the queue: paper the size of the slip's page (a roll is cut at the
    slip's length), which CUPS would otherwise crop to the queue's default paper."""
    found = MEDIA_BOX.search(pdf.read_bytes())
    if found is None:
        return {}
    width, height = (float(points) / POINTS_PER_MM for points in found.groups())
    return {"media": f"Custom.{width:.1f}x{height:.1f}mm"}


def reasons_of(attributes: dict[str, Any], key: str) -> list[str]:
    """A reasons attribute as a list ("none" left out): CUPS sends one value or several."""
    value = attributes.get(key) or []
    values = [value] if isinstance(value, str) else list(value)
    return [reason for reason in values if reason and reason != "none"]


def queue_reason(queue: dict[str, Any]) -> str:
    """What a queue says of itself: its message, else its reasons."""
    message = str(queue.get("printer-state-message") or "").strip()
    return message or ", ".join(reasons_of(queue, "printer-state-reasons")) or "no reason given"


def queue_refusal(queue: dict[str, Any]) -> str | None:
    """Why a queue would not take a job now (stopped, not accepting jobs), or None."""
    if queue.get("printer-state") == QUEUE_STOPPED:
        return f"is stopped: {queue_reason(queue)}"
    if not queue.get("printer-is-accepting-jobs", True):
        return f"does not accept jobs: {queue_reason(queue)}"
    return None


def queue_status(queue: dict[str, Any]) -> PrinterStatus:
    """How a queue is, from its attributes as CUPS gives them."""
    if queue_refusal(queue) is not None:
        return PrinterStatus.OFFLINE
    reasons = reasons_of(queue, "printer-state-reasons")
    if any(reason.startswith(NO_PAPER_REASONS) for reason in reasons):
        return PrinterStatus.NO_PAPER
    if any(reason.startswith(PAPER_LOW_REASONS) for reason in reasons):
        return PrinterStatus.PAPER_LOW
    if queue.get("printer-state") in (QUEUE_IDLE, QUEUE_PROCESSING):
        return PrinterStatus.READY
    return PrinterStatus.UNKNOWN


def job_reason(job: dict[str, Any]) -> str:
    """Why a job ended as it did, as CUPS says it."""
    message = str(job.get("job-printer-state-message") or "").strip()
    return message or ", ".join(reasons_of(job, "job-state-reasons")) or "no reason given"


def cups_errors() -> tuple[type[Exception], ...]:
    """What pycups raises when CUPS refuses a request or cannot be reached."""
    import cups

    return (cups.IPPError, cups.HTTPError, RuntimeError)


@contextlib.contextmanager
def cups_connection(server: str | None) -> Iterator[Any]:
    """A connection to CUPS at `server` ("host:port" or a socket; None: the system's own).
    Raises PrinterFault (nothing sent) when pycups is missing or CUPS does not answer."""
    try:
        import cups
    except ImportError as error:
        raise PrinterFault(NOT_INSTALLED, sent=False) from error
    # libcups looks a queue up on the thread's default server whatever the connection, so
    # the server is set for this thread (libcups keeps it per thread) and put back after.
    before = cups.getServer(), cups.getPort()
    if server:
        cups.setServer(server)
    try:
        try:
            connection = cups.Connection()
        except RuntimeError as error:
            where = server or "the system's CUPS"
            raise PrinterFault(f"CUPS at {where} does not answer: {error}", sent=False) from error
        yield connection
    finally:
        cups.setServer(before[0])
        cups.setPort(before[1])


class SystemBackend:
    """A CUPS queue by name: a slip is printed when CUPS says its job completed.

    `timeout`: seconds a job may take from start to completion (see `poll_limit`);
    `poll_interval`: seconds between questions about a job's state."""

    name = "system"

    def __init__(
        self,
        printer_name: str,
        paper: Paper,
        *,
        server: str | None = None,
        timeout: float = 4.0,
        poll_interval: float = 0.2,
    ) -> None:
        self.printer_name, self.paper, self.server = printer_name, paper, server
        self.timeout, self.poll_interval = timeout, poll_interval

    def status(self) -> PrinterStatus:
        """How the queue is; OFFLINE when pycups, CUPS or the queue is missing."""
        try:
            with cups_connection(self.server) as connection:
                queue = self._queue(connection)
        except PrinterFault as fault:
            log.info("printer %s: %s", self.printer_name, fault)
            return PrinterStatus.OFFLINE
        return queue_status(queue)

    def print_slip(self, slip: Slip) -> str:
        """Print and follow the job to its end; return "cups QUEUE job N". Raise
        PrinterFault: nothing sent (failed) or sent but not completed in time (unknown)."""
        deadline = time.monotonic() + self.timeout
        with cups_connection(self.server) as connection:
            refusal = queue_refusal(self._queue(connection))
            if refusal is not None:
                raise PrinterFault(f"queue {self.printer_name!r} {refusal}", sent=False)
            with tempfile.TemporaryDirectory(prefix="kiosk-slip-") as folder:
                path = self._render(slip, Path(folder) / f"{slip.reference}.pdf")
                job = self._submit(connection, path, slip)
            return self._follow(connection, job, deadline)

    def _queue(self, connection: Any) -> dict[str, Any]:
        """The queue's state attributes. Raises PrinterFault (nothing sent)."""
        try:
            queue: dict[str, Any] = connection.getPrinterAttributes(
                self.printer_name, requested_attributes=QUEUE_ATTRIBUTES
            )
        except cups_errors() as error:
            unknown = bool(error.args) and error.args[0] == IPP_NOT_FOUND
            what = "is not known to CUPS" if unknown else "cannot be asked how it is"
            message = f"queue {self.printer_name!r} {what}: {error}"
            raise PrinterFault(message, sent=False) from error
        return queue

    def _render(self, slip: Slip, path: Path) -> Path:
        """The slip as a whole, checked PDF. Raises PrinterFault (nothing sent)."""
        from kiosk.printing.pdf import check_pdf, render_pdf

        try:
            problem = check_pdf(path, render_pdf(slip, path, self.paper))
        except OSError as error:
            raise PrinterFault(f"cannot write the slip's PDF: {error}", sent=False) from error
        if problem is not None:
            raise PrinterFault(f"the slip's PDF was not written whole: {problem}", sent=False)
        return path

    def _submit(self, connection: Any, path: Path, slip: Slip) -> int:
        """Hand the PDF to the queue; its job id. A refused submission sends nothing (libcups
        cancels a job whose document it could not send)."""
        try:
            job: int = connection.printFile(
                self.printer_name, str(path), f"Slip {slip.reference}", job_options(path)
            )
        except cups_errors() as error:
            raise PrinterFault(
                f"queue {self.printer_name!r} refused the job: {error}", sent=False
            ) from error
        return job

    def _follow(self, connection: Any, job: int, deadline: float) -> str:
        """Ask for the job's state until it ends or the time is up."""
        name = f"cups {self.printer_name} job {job}"
        while True:
            attributes = self._job(connection, job, name)
            state = attributes.get("job-state")
            if state == JOB_COMPLETED:
                return name
            if state in (JOB_CANCELLED, JOB_ABORTED):
                why = job_reason(attributes)
                raise PrinterFault(f"{name} was {JOB_STATES[state]}: {why}", sent=False)
            left = deadline - time.monotonic()
            if left <= 0:
                self._give_up(connection, job, name, JOB_STATES.get(state, str(state)))
            time.sleep(min(self.poll_interval, max(left, 0.0)))

    def _job(self, connection: Any, job: int, name: str) -> dict[str, Any]:
        """The job's state attributes. Raises PrinterFault (sent: the outcome is unknown)."""
        try:
            attributes: dict[str, Any] = connection.getJobAttributes(
                job, requested_attributes=JOB_ATTRIBUTES
            )
        except cups_errors() as error:
            raise PrinterFault(f"{name}: CUPS stopped answering: {error}", sent=True) from error
        return attributes

    def _give_up(self, connection: Any, job: int, name: str, state: str) -> NoReturn:
        """Cancel a job that took too long, so it never prints after its visitor has gone;
        raise PrinterFault (sent: it may have begun on paper)."""
        try:
            connection.cancelJob(job)
            cancelled = "cancelled"
        except cups_errors() as error:
            cancelled = f"could not be cancelled: {error}"
        raise PrinterFault(
            f"{name} not completed within {self.timeout:g} s (still {state}); {cancelled}",
            sent=True,
        )
