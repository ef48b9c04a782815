"""A PDF slip is `printed` only when the whole file is on the disk: a disk that fills up
mid-slip gives `failed`, and no file bearing the reference is left behind."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pypdfium2

from kiosk.printing.backends import PdfBackend, PrinterFault
from kiosk.printing.layout import A4, ROLL_80

from .conftest import slip_for

CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    from datetime import date, datetime
    from pathlib import Path

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([])
    from kiosk.logic.catalogue import load_catalogue
    from kiosk.logic.i18n import Strings
    from kiosk.logic.pricing import Case, Pricing
    from kiosk.printing.backends import PdfBackend, PrinterFault
    from kiosk.printing.fonts import load_fonts
    from kiosk.printing.layout import ROLL_80
    from kiosk.settings import ASSETS, Settings
    from kiosk.testing import ID_CARD_STOLEN

    load_fonts()
    settings = Settings()
    pricing = Pricing(load_catalogue(ASSETS), settings.payments)
    reference = "K01-20261123-0001"
    case = Case("id-card-restoration", ID_CARD_STOLEN, date(2026, 11, 23), "major", "ru", reference)
    slip = pricing.slip(
        pricing.quote(case), Strings.load(ASSETS / "i18n"), centre_name=settings.centre.name,
        kiosk_id="K01", printed_at=datetime(2026, 11, 23, 10), reference=reference, have=set(),
    )
    # The disk is full after a few kilobytes: every write past the limit fails.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        print("printed", PdfBackend(Path(sys.argv[1]), ROLL_80).print_slip(slip))
    except PrinterFault as fault:
        print("failed", fault.sent, fault)
    """
)


def print_with_a_disk_of(folder: Path, limit: int) -> str:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(limit)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_disk_that_fills_mid_slip_is_a_failure_with_no_file_left(tmp_path: Path) -> None:
    outcome = print_with_a_disk_of(tmp_path, 6000)
    assert outcome.startswith("failed False"), outcome  # nothing printed: retry is safe
    assert list(tmp_path.iterdir()) == []  # neither the slip nor a partial file


def test_with_room_enough_the_slip_is_whole(tmp_path: Path) -> None:
    outcome = print_with_a_disk_of(tmp_path, 50_000_000)
    assert outcome == f"printed {tmp_path / 'K01-20261123-0001.pdf'}"
    pdf = pypdfium2.PdfDocument(tmp_path / "K01-20261123-0001.pdf")
    assert len(pdf) == 1


def test_every_page_is_checked(catalogue, tmp_path: Path) -> None:
    slip = slip_for(catalogue, "id-card-restoration", "ru")
    path = PdfBackend(tmp_path, A4).print_slip(slip)
    assert len(pypdfium2.PdfDocument(path)) >= 2  # an A4 slip of this case runs over a page


def test_an_unwritable_folder_is_a_failure(catalogue, tmp_path: Path) -> None:
    (tmp_path / "slips").write_text("a file where the folder should be", encoding="utf-8")
    try:
        PdfBackend(tmp_path / "slips", ROLL_80).print_slip(
            slip_for(catalogue, "id-card-restoration", "en")
        )
    except PrinterFault as fault:
        assert not fault.sent
    else:
        raise AssertionError("a slip was reported printed into a file")
