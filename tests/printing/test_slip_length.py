"""The longest slip fits on 30 cm of an 80 mm roll: every answer path of every service, at
every class of centre, in every language, blocked paths included."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtGui import QPdfWriter

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.conditions import CENTRE_CLASSES
from kiosk.logic.i18n import LANGUAGES, Strings
from kiosk.logic.interview import answer_paths, is_complete
from kiosk.logic.pricing import Case, Pricing
from kiosk.logic.qrmatrix import qr_matrix
from kiosk.printing.escpos_render import THERMAL_DPI
from kiosk.printing.layout import MM_PER_INCH, ROLL_80, SlipLayout
from kiosk.printing.pdf import DPI
from kiosk.printing.qrdraw import module_dots
from kiosk.settings import ASSETS, Settings

LONGEST_MM = 300.0
SMALLEST_MODULE_MM = 0.5  # what phone cameras read reliably off thermal paper
VISIT = date(2026, 11, 23)
REFERENCE = "K01-20261123-0042"


def test_every_slip_fits_on_30_cm_of_roll(catalogue: Catalogue, tmp_path: Path) -> None:
    settings = Settings()
    pricing = Pricing(catalogue, settings.payments)
    strings = Strings.load(ASSETS / "i18n")
    device = QPdfWriter(str(tmp_path / "measure.pdf"))  # the PDF renderer's own metrics
    device.setResolution(DPI)
    lengths: dict[tuple[str, str, str, str], float] = {}
    blocked = 0
    codes: set[str] = set()
    for service_id, service in catalogue.services.items():
        for centre_class in CENTRE_CLASSES:
            for answers in answer_paths(service, centre_class):
                complete = is_complete(service, answers, centre_class)
                for language in LANGUAGES:
                    case = Case(service_id, answers, VISIT, centre_class, language, REFERENCE)
                    quote = pricing.quote(case)
                    assert quote.complete == complete
                    blocked += quote.blocked
                    assert quote.complete or quote.blocked, answers
                    slip = pricing.slip(
                        quote,
                        strings,
                        centre_name=settings.centre.name,
                        kiosk_id="K01",
                        printed_at=datetime(2026, 11, 23, 10, 30),
                        reference=REFERENCE,
                        have=set(),  # nothing at hand: every missing document explained
                    )
                    path = ",".join(f"{q}={o}" for q, o in answers.items())
                    key = (service_id, centre_class, language, path)
                    lengths[key] = SlipLayout(slip, ROLL_80, device, DPI).height_mm()
                    codes.update(block.payload for block in slip.blocks if block.style == "qr")
    assert blocked, "no blocked path was measured"
    longest = max(lengths, key=lengths.__getitem__)
    too_long = {key: mm for key, mm in lengths.items() if mm > LONGEST_MM}
    assert not too_long, (
        f"{len(too_long)} of {len(lengths)} slips are longer than {LONGEST_MM:.0f} mm; "
        f"the longest is {lengths[longest]:.1f} mm: {longest}"
    )
    for payload in codes:
        matrix = qr_matrix(payload)
        for dpi in (DPI, THERMAL_DPI):
            module_mm = module_dots(matrix, ROLL_80.qr_mm, dpi) / dpi * MM_PER_INCH
            assert module_mm >= SMALLEST_MODULE_MM, (payload, dpi, module_mm)
    print(f"longest slip: {lengths[longest]:.1f} mm, {longest}")
