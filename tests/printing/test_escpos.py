"""ESC/POS bytes for thermal printers: commands, code pages, Kazakh letters, QR codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from escpos.printer import File

from kiosk.printing.backends import PrinterFault, PrinterStatus
from kiosk.printing.escpos_backend import EscposBackend, connect_escpos
from kiosk.printing.escpos_render import send_slip
from kiosk.printing.layout import ROLL_80
from kiosk.settings import EscposPrinter

from .conftest import slip_for

INIT, CUT, RASTER = b"\x1b@", b"\x1dV", b"\x1dv0"
CP866, RK1048 = b"\x1bt\x11", b"\x1bt\x35"
NATIVE_QR = b"\x1d(k"


def escpos_bytes(tmp_path: Path, slip, **options) -> bytes:
    path = tmp_path / "printer.bin"
    device = File(str(path))
    device.open()
    send_slip(device, slip, ROLL_80, **options)
    device.close()
    return path.read_bytes()


def test_russian_slip_as_text_with_images_where_needed(catalogue, tmp_path: Path) -> None:
    slip = slip_for(catalogue, "id-card-restoration", "ru")
    data = escpos_bytes(tmp_path, slip)
    assert data.startswith(INIT) and CUT in data
    assert CP866 in data
    assert "Документы, которые нужно принести".encode("cp866") in data
    assert RASTER in data  # the tenge sign is in no code page: those lines are images
    assert NATIVE_QR not in data  # QR codes as images unless the printer draws them


def test_kazakh_with_the_kazakh_code_page(catalogue, tmp_path: Path) -> None:
    slip = slip_for(catalogue, "id-card-restoration", "kk")
    data = escpos_bytes(tmp_path, slip, kazakh_codepage=True)
    assert RK1048 in data
    for text in ("Алып келетін құжаттар", "Сіздің жауаптарыңыз", "Келесі қадамдар"):
        assert text.encode("kz1048") in data


def test_kazakh_without_the_kazakh_code_page_prints_as_images(catalogue, tmp_path: Path) -> None:
    slip = slip_for(catalogue, "id-card-restoration", "kk")
    data = escpos_bytes(tmp_path, slip, kazakh_codepage=False)
    assert RK1048 not in data
    assert "Алып келетін құжаттар".encode("kz1048") not in data
    # Each Kazakh line is a raster image: at least one per heading and document.
    assert data.count(RASTER) >= 10
    assert b"?" * 3 not in data  # no letter was replaced by a question mark


def test_native_qr(catalogue, tmp_path: Path) -> None:
    slip = slip_for(catalogue, "driving-licence-replacement", "en")
    data = escpos_bytes(tmp_path, slip, native_qr=True)
    assert data.count(NATIVE_QR + b"\x03\x001Q0") == 1  # one code printed
    payload = next(block.payload for block in slip.blocks if block.style == "qr")
    assert payload.encode("utf-8") in data


def file_backend(path: Path) -> EscposBackend:
    escpos = EscposPrinter(connection="file", device=str(path))
    return EscposBackend(lambda: connect_escpos(escpos, 2.0), ROLL_80, can_read_status=False)


def test_file_backend_prints_and_reports_unknown_status(catalogue, tmp_path: Path) -> None:
    path = tmp_path / "lp0"
    backend = file_backend(path)
    assert backend.status() is PrinterStatus.UNKNOWN
    slip = slip_for(catalogue, "id-card-restoration", "en")
    backend.print_slip(slip)
    assert path.read_bytes() == escpos_bytes(tmp_path, slip)  # the whole slip, as rendered


def test_a_device_file_that_cannot_be_opened_fails_with_nothing_sent(
    catalogue, tmp_path: Path
) -> None:
    with pytest.raises(PrinterFault, match="no-such-folder") as fault:
        file_backend(tmp_path / "no-such-folder" / "lp0").print_slip(
            slip_for(catalogue, "id-card-restoration", "en")
        )
    assert not fault.value.sent


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_device_that_takes_no_byte_fails_with_nothing_sent(catalogue) -> None:
    # /dev/full refuses every write (no space left on the device) and takes nothing.
    with pytest.raises(PrinterFault, match="nothing was sent") as fault:
        file_backend(Path("/dev/full")).print_slip(slip_for(catalogue, "id-card-restoration", "en"))
    assert not fault.value.sent


def test_status_from_the_printer(catalogue) -> None:
    class Device:
        def __init__(self, online: bool, paper: int) -> None:
            self.online, self.paper = online, paper

        def is_online(self) -> bool:
            return self.online

        def paper_status(self) -> int:
            return self.paper

        def close(self) -> None:
            pass

    def backend(online, paper):
        return EscposBackend(lambda: Device(online, paper), ROLL_80).status()

    assert backend(True, 2) is PrinterStatus.READY
    assert backend(True, 1) is PrinterStatus.PAPER_LOW
    assert backend(True, 0) is PrinterStatus.NO_PAPER
    assert backend(False, 2) is PrinterStatus.OFFLINE

    def unreachable():
        raise OSError("connection refused")

    assert EscposBackend(unreachable, ROLL_80).status() is PrinterStatus.OFFLINE
    assert pytest is not None


def test_system_printer_that_does_not_exist_is_offline(qtbot) -> None:
    from kiosk.printing.spooler import Spooler
    from kiosk.printing.system_printer import SystemBackend

    backend = SystemBackend("no-such-printer-here", ROLL_80)
    assert backend.status() is PrinterStatus.OFFLINE
    spooler = Spooler(backend, timeout=2)
    from kiosk.logic.slip import Block, Slip

    slip = Slip(
        reference="K01-20261123-0001", language="en", blocks=(Block(style="text", text="x"),)
    )
    with qtbot.waitSignal(spooler.finished, timeout=5000) as done:
        spooler.submit(slip, session=1)
    assert done.args[1].status.value == "failed" and "offline" in done.args[1].detail
