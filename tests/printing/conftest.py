"""Printing tests: slips for real quotes, PDF pages rendered back to pixels."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
import zxingcpp

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.i18n import Strings
from kiosk.logic.quote import Quote, make_quote
from kiosk.logic.slip import Slip, make_slip
from kiosk.settings import ASSETS, Settings
from kiosk.testing import ID_CARD_STOLEN as ID_CARD
from kiosk.testing import LICENCE_EXPIRED as LICENCE

TODAY = date(2026, 11, 23)
ANSWERS = {"id-card-restoration": ID_CARD, "driving-licence-replacement": LICENCE}


def quote_for(catalogue: Catalogue, service: str, language: str) -> Quote:
    return make_quote(
        catalogue,
        service,
        ANSWERS[service],
        visit_date=TODAY,
        centre_class="major",
        language=language,
        profiles=Settings().payments,
        reference="K01-20261123-0042",
    )


def slip_for(
    catalogue: Catalogue, service: str, language: str, have: set[str] | None = None
) -> Slip:
    return make_slip(
        quote_for(catalogue, service, language),
        catalogue,
        Strings.load(ASSETS / "i18n"),
        centre_name=Settings().centre.name,
        kiosk_id="K01",
        printed_at=datetime(2026, 11, 23, 10, 30),
        reference="K01-20261123-0042",
        have=have or set(),
    )


def pdf_pages(path: Path, dpi: int = 300) -> list[np.ndarray]:
    """Every page of a PDF as grey pixels."""
    document = pdfium.PdfDocument(str(path))
    pages = []
    for page in document:
        image = page.render(scale=dpi / 72, grayscale=True).to_numpy()
        pages.append(image if image.ndim == 2 else image[..., 0])
    document.close()
    return pages


def pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    text = "".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    return text


def decode(pixels: np.ndarray) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(pixels)]


@pytest.fixture(autouse=True)
def _gui(qapp) -> None:
    from kiosk.printing.render import ensure_gui

    ensure_gui()
