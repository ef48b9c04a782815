"""What a job on an ESC/POS printer ends as, against a printer on 127.0.0.1 (real sockets,
the real back end from the settings, the real spooler), and for USB and serial printers
that are not there."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.logic.slip import Slip
from kiosk.printing.backends import Backend, PrinterFault
from kiosk.printing.escpos_backend import connect_escpos
from kiosk.printing.escpos_render import slip_bytes
from kiosk.printing.factory import make_backend
from kiosk.printing.layout import ROLL_80
from kiosk.printing.outcome import PrintOutcome
from kiosk.printing.spooler import Spooler
from kiosk.settings import EscposPrinter, Printer, Settings

from .conftest import slip_for
from .fake_escpos import INIT, ONLINE_QUERY, PAPER_QUERY, FakePrinter

TIMEOUT = 1.0  # seconds: the printer settings' time-out, for connecting and for printing
CUT = b"\x1dV"


@pytest.fixture
def slip(catalogue) -> Slip:
    return slip_for(catalogue, "id-card-restoration", "en")


@pytest.fixture
def fake_printer() -> Iterator[Callable[..., FakePrinter]]:
    started: list[FakePrinter] = []

    def start(mode: str, **options: int) -> FakePrinter:
        started.append(FakePrinter(mode, **options))
        return started[-1]

    yield start
    for printer in started:
        printer.stop()


def backend_for(tmp_path: Path, escpos: EscposPrinter) -> Backend:
    """The back end the kiosk builds from its settings."""
    printer = Printer(backend="escpos", timeout=TIMEOUT, escpos=escpos)
    return make_backend(Settings(data_folder=tmp_path, printer=printer))


def network(tmp_path: Path, printer: FakePrinter) -> Backend:
    return backend_for(
        tmp_path, EscposPrinter(connection="network", host="127.0.0.1", port=printer.port)
    )


def spool(qtbot, backend: Backend, slip: Slip) -> tuple[PrintOutcome, float]:
    """The job's outcome through the spooler, and the seconds it took."""
    spooler = Spooler(backend, timeout=TIMEOUT)
    started = time.monotonic()
    with qtbot.waitSignal(spooler.finished, timeout=10_000) as done:
        spooler.submit(slip, session=1)
    return done.args[1], time.monotonic() - started


def fault_of(backend: Backend, slip: Slip) -> PrinterFault:
    """The fault the back end raises for a job sent without asking the printer first."""
    with pytest.raises(PrinterFault) as fault:
        backend.print_slip(slip)
    return fault.value


def test_a_ready_printer_gets_the_whole_slip(qtbot, tmp_path, fake_printer, slip) -> None:
    printer = fake_printer("accept")
    outcome, _ = spool(qtbot, network(tmp_path, printer), slip)
    assert outcome.status.value == "printed", outcome.detail
    assert outcome.printer == "ready"
    [job] = printer.jobs()
    # Every byte of the slip, in order, then the two status queries that confirmed it.
    assert job == slip_bytes(slip, ROLL_80) + ONLINE_QUERY + PAPER_QUERY
    assert job.startswith(INIT) and CUT in job[-16:]


def test_a_refused_connection_fails(qtbot, tmp_path, fake_printer, slip) -> None:
    printer = fake_printer("refuse")
    backend = network(tmp_path, printer)
    outcome, _ = spool(qtbot, backend, slip)
    assert outcome.status.value == "failed" and "offline" in outcome.detail
    # Refused while printing too (the printer went away after saying it was ready).
    fault = fault_of(backend, slip)
    assert not fault.sent and "127.0.0.1" in str(fault)


def test_no_paper_fails_before_any_byte(qtbot, tmp_path, fake_printer, slip) -> None:
    printer = fake_printer("no-paper")
    outcome, _ = spool(qtbot, network(tmp_path, printer), slip)
    assert outcome.status.value == "failed" and outcome.printer == "no-paper"
    assert printer.jobs() == []
    assert printer.received() == ONLINE_QUERY + PAPER_QUERY  # asked, and nothing more


def test_a_connection_closed_mid_job_is_unknown(qtbot, tmp_path, fake_printer, slip) -> None:
    printer = fake_printer("close-mid-job", close_after=4096)
    backend = network(tmp_path, printer)
    outcome, _ = spool(qtbot, backend, slip)
    assert outcome.status.value == "unknown", outcome.detail
    [job] = printer.jobs()
    assert job == slip_bytes(slip, ROLL_80)[:4096]  # part of the slip is out
    assert fault_of(backend, slip).sent


def test_a_stalled_printer_is_unknown_within_the_time_out(
    qtbot, tmp_path, fake_printer, slip
) -> None:
    printer = fake_printer("stall")
    backend = network(tmp_path, printer)
    outcome, seconds = spool(qtbot, backend, slip)
    assert outcome.status.value == "unknown", outcome.detail
    assert seconds < 2 * TIMEOUT + 1
    # The back end gives up by itself too: no thread waits on the printer for ever.
    started = time.monotonic()
    fault = fault_of(backend, slip)
    assert fault.sent and time.monotonic() - started < TIMEOUT + 1
    assert len(printer.jobs()) == 2


def test_a_printer_that_never_answers_fails(qtbot, tmp_path, fake_printer, slip) -> None:
    printer = fake_printer("silent")
    outcome, seconds = spool(qtbot, network(tmp_path, printer), slip)
    assert outcome.status.value == "failed" and outcome.printer == "offline"
    assert seconds < 2 * TIMEOUT
    assert printer.jobs() == []


@pytest.mark.parametrize(
    ("device", "named"),
    [
        ({"connection": "serial", "serial_port": "/nonexistent/ttyUSB7"}, "ttyUSB7"),
        ({"connection": "usb", "usb_vendor": 0xF0F0, "usb_product": 0x0F0F}, "f0f0:0f0f"),
    ],
    ids=["serial", "usb"],
)
def test_an_absent_device_fails(qtbot, tmp_path, slip, device, named) -> None:
    escpos = EscposPrinter(**device)
    with pytest.raises(PrinterFault, match=named) as fault:
        connect_escpos(escpos, TIMEOUT)
    assert not fault.value.sent
    backend = backend_for(tmp_path, escpos)
    outcome, _ = spool(qtbot, backend, slip)
    assert outcome.status.value == "failed" and outcome.printer == "offline"
    assert not fault_of(backend, slip).sent
