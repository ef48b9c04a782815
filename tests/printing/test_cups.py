"""The system printer back end against a real CUPS: a private cupsd whose queues print
through cups-pdf. A slip is `printed` only when its job completed (and the PDF is there);
a stopped or rejecting queue, a cancelled job, CUPS out of reach, or pycups missing is
`failed`; a job not completed in time is `unknown`, and cancelled."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.logic.slip import Block, Slip
from kiosk.printing.backends import PrinterFault, PrinterStatus
from kiosk.printing.factory import make_backend
from kiosk.printing.layout import ROLL_80
from kiosk.printing.system_printer import (
    NOT_INSTALLED,
    SystemBackend,
    cups_connection,
    queue_status,
)
from kiosk.settings import Printer, Settings

from .conftest import decode, pdf_pages, slip_for
from .cups_server import PACKAGES, CupsServer, free_port, missing, private_cups

WORKING, STOPPED, REJECTING, HELD = "slips", "stopped", "rejecting", "held"
POLL = 0.1  # seconds between questions about a job: the tests take seconds, not minutes
PYCUPS_BUILD = "gcc libcups2-dev python3-dev"


def unavailable() -> str | None:
    """What keeps the CUPS tests from running here, or None."""
    absent = missing()
    if absent:
        return f"CUPS or cups-pdf is not installed (no {', '.join(absent)})"
    try:
        import cups  # noqa: F401
    except ImportError:
        return "pycups is not installed in the virtual environment"
    return None


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    """A private cupsd with four queues: working, stopped, rejecting jobs, and holding every
    job (so a test can find it pending). Missing packages fail the tests when root (CI
    installs them through run.py); otherwise they are skipped, naming what to install."""
    problem = unavailable()
    is_root = os.geteuid() == 0
    install = f"apt-get install {PACKAGES} {PYCUPS_BUILD}; pip install -e '.[cups]'"
    if problem and is_root:
        pytest.fail(f"{problem}: `python3 run.py test` installs it ({install})", pytrace=False)
    if problem:
        pytest.skip(f"{problem} (as root: {install})")
    if not is_root:
        pytest.skip("cups-pdf runs only as root (its mode is 0700), so the private cupsd does")
    with private_cups() as server:
        for queue in (WORKING, STOPPED, REJECTING):
            server.add_queue(queue)
        server.add_queue(HELD, "-o", "job-hold-until-default=indefinite")
        server.admin("cupsdisable", "-r", "paper jam at the cutter", STOPPED)
        server.admin("cupsreject", "-r", "closed for maintenance", REJECTING)
        yield server


def backend(server: CupsServer, queue: str, timeout: float = 15) -> SystemBackend:
    return SystemBackend(queue, ROLL_80, server=server.address, timeout=timeout, poll_interval=POLL)


def short_slip(reference: str) -> Slip:
    return Slip(reference=reference, language="en", blocks=(Block(style="text", text="x"),))


def jobs_on(server: CupsServer, queue: str, which: str = "all") -> dict[int, dict[str, Any]]:
    """The jobs CUPS has for a queue: id -> state attributes."""
    with cups_connection(server.address) as connection:
        jobs: dict[int, dict[str, Any]] = connection.getJobs(
            which_jobs=which, requested_attributes=["job-id", "job-printer-uri", "job-state"]
        )
    return {
        job: attributes
        for job, attributes in jobs.items()
        if attributes["job-printer-uri"].endswith(f"/printers/{queue}")
    }


def test_a_completed_job_is_printed_and_its_pdf_is_written(cups_server, catalogue) -> None:
    slip = slip_for(catalogue, "id-card-restoration", "en")
    detail = backend(cups_server, WORKING).print_slip(slip)
    assert detail.startswith(f"cups {WORKING} job ")
    [printed] = [path for path in cups_server.output.iterdir() if slip.reference in path.name]
    codes = {block.payload for block in slip.blocks if block.style == "qr"}
    assert codes and set(decode(pdf_pages(printed)[0])) == codes  # the slip itself
    job = int(detail.rsplit(" ", 1)[1])
    assert jobs_on(cups_server, WORKING)[job]["job-state"] == 9  # completed


@pytest.mark.parametrize(
    ("queue", "says"),
    [
        (STOPPED, "is stopped: paper jam at the cutter"),
        (REJECTING, "does not accept jobs: closed for maintenance"),
    ],
)
def test_a_queue_that_will_not_print_fails_before_anything_is_sent(
    cups_server, queue, says
) -> None:
    with pytest.raises(PrinterFault) as raised:
        backend(cups_server, queue).print_slip(short_slip("K01-20261123-0002"))
    assert raised.value.sent is False  # failed: trying again is safe
    assert str(raised.value) == f"queue {queue!r} {says}"
    assert jobs_on(cups_server, queue) == {}


def test_a_job_cancelled_while_pending_fails(cups_server, qtbot) -> None:
    before = set(jobs_on(cups_server, HELD))
    outcome: dict[str, Any] = {}

    def print_slip() -> None:
        try:
            outcome["detail"] = backend(cups_server, HELD).print_slip(short_slip("K01-0003"))
        except PrinterFault as fault:
            outcome["fault"] = fault

    worker = threading.Thread(target=print_slip)
    worker.start()

    def submitted() -> set[int]:
        return set(jobs_on(cups_server, HELD, "not-completed")) - before

    qtbot.waitUntil(lambda: len(submitted()) == 1, timeout=5000)
    [job] = submitted()
    with cups_connection(cups_server.address) as connection:
        connection.cancelJob(job)
    worker.join(10)
    fault = outcome["fault"]
    assert fault.sent is False
    assert str(fault).startswith(f"cups {HELD} job {job} was cancelled")


def test_a_job_not_completed_in_time_is_unknown_and_cancelled(cups_server) -> None:
    with pytest.raises(PrinterFault) as raised:
        backend(cups_server, HELD, timeout=0.5).print_slip(short_slip("K01-20261123-0004"))
    assert raised.value.sent is True  # it had reached CUPS: the outcome is unknown
    message = str(raised.value)
    assert "not completed within 0.5 s (still held); cancelled" in message
    job = int(message.split(" job ")[1].split()[0])
    assert jobs_on(cups_server, HELD)[job]["job-state"] == 7  # it never prints later


@pytest.mark.parametrize(
    ("queue", "status"),
    [
        (WORKING, PrinterStatus.READY),
        (HELD, PrinterStatus.READY),
        (STOPPED, PrinterStatus.OFFLINE),
        (REJECTING, PrinterStatus.OFFLINE),
        ("no-such-queue", PrinterStatus.OFFLINE),
    ],
)
def test_status_of_each_queue(cups_server, queue, status) -> None:
    assert backend(cups_server, queue).status() is status


def test_an_unknown_queue_fails(cups_server) -> None:
    with pytest.raises(PrinterFault) as raised:
        backend(cups_server, "no-such-queue").print_slip(short_slip("K01-20261123-0005"))
    assert raised.value.sent is False
    assert "'no-such-queue' is not known to CUPS" in str(raised.value)


def test_cups_out_of_reach_is_offline_and_fails() -> None:
    unanswered = f"127.0.0.1:{free_port()}"
    printer = SystemBackend(WORKING, ROLL_80, server=unanswered, timeout=2, poll_interval=POLL)
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterFault) as raised:
        printer.print_slip(short_slip("K01-20261123-0006"))
    assert raised.value.sent is False
    assert str(raised.value).startswith(f"CUPS at {unanswered} does not answer")


def test_without_pycups_the_printer_is_offline_and_a_print_fails(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "cups", None)  # `import cups` now fails
    printer = SystemBackend(WORKING, ROLL_80, server="127.0.0.1:1")
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterFault) as raised:
        printer.print_slip(short_slip("K01-20261123-0007"))
    assert raised.value.sent is False
    assert str(raised.value) == NOT_INSTALLED


@pytest.mark.parametrize(
    ("reasons", "status"),
    [
        (["none"], PrinterStatus.READY),
        (["media-empty-error"], PrinterStatus.NO_PAPER),
        (["media-needed"], PrinterStatus.NO_PAPER),
        (["toner-low-report", "media-low-warning"], PrinterStatus.PAPER_LOW),
        ("media-low", PrinterStatus.PAPER_LOW),
    ],
)
def test_paper_reasons_as_cups_reports_them(reasons, status) -> None:
    # A printer's driver sets these; cups-pdf never runs out of paper, so they are given here
    # as CUPS returns them.
    queue = {"printer-state": 3, "printer-is-accepting-jobs": True}
    assert queue_status({**queue, "printer-state-reasons": reasons}) is status


def test_the_settings_choose_the_server_and_a_time_limit_below_the_spoolers() -> None:
    printer = Printer(backend="system", name=WORKING, cups_server="127.0.0.1:8631", timeout=5)
    built = make_backend(Settings(printer=printer))
    assert isinstance(built, SystemBackend)
    assert built.server == "127.0.0.1:8631"
    assert 0 < built.timeout < 5


@pytest.mark.parametrize(
    ("queue", "status", "detail"),
    [
        (WORKING, "printed", f"cups {WORKING} job "),
        (STOPPED, "failed", "printer offline"),
    ],
)
def test_the_spooler_reports_what_cups_says(cups_server, qtbot, queue, status, detail) -> None:
    from kiosk.printing.spooler import Spooler

    settings = Settings(
        printer=Printer(backend="system", name=queue, cups_server=cups_server.address, timeout=15)
    )
    spooler = Spooler(make_backend(settings), timeout=settings.printer.timeout)
    with qtbot.waitSignal(spooler.finished, timeout=20_000) as done:
        spooler.submit(short_slip("K01-20261123-0008"), session=1)
    reference, outcome = done.args
    assert reference == "K01-20261123-0008"
    assert outcome.status.value == status
    assert outcome.detail.startswith(detail)
