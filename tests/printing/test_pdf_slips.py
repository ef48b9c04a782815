"""PDF slips: what a person reads and what a bank app scans, on a roll and on A4."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from kiosk.logic.i18n import LANGUAGES, format_date, format_money
from kiosk.printing.layout import A4, ROLL_80
from kiosk.printing.pdf import render_pdf

from .conftest import ANSWERS, TODAY, decode, pdf_pages, pdf_text, quote_for, slip_for


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("service", sorted(ANSWERS))
def test_roll_slip_reads_and_scans(catalogue, tmp_path: Path, service: str, language: str) -> None:
    quote = quote_for(catalogue, service, language)
    slip = slip_for(catalogue, service, language, have={quote.documents[0].id})
    path = tmp_path / "slip.pdf"
    render_pdf(slip, path, ROLL_80)
    [page] = pdf_pages(path)
    assert sorted(decode(page)) == sorted(p.payload for p in quote.payments)
    text = squeeze(pdf_text(path))
    for document in quote.documents:
        assert squeeze(document.title) in text
    assert squeeze(format_money(quote.bill.total, language)) in text
    if quote.ready_by:
        assert squeeze(format_date(quote.ready_by, language)) in text
    assert "K01-20261123-0042" in text
    for warning in quote.warnings:
        assert squeeze(warning.text)[:40] in text


def test_roll_layout_stays_inside_72_mm(catalogue, tmp_path: Path) -> None:
    path = tmp_path / "slip.pdf"
    render_pdf(slip_for(catalogue, "id-card-restoration", "kk"), path, ROLL_80)
    [page] = pdf_pages(path, dpi=300)
    width_mm = page.shape[1] / 300 * 25.4
    assert width_mm == pytest.approx(80, abs=0.5)
    margin = round(4 / 25.4 * 300) - 2  # 4 mm each side, less two pixels of anti-aliasing
    ink = page < 200
    assert not ink[:, :margin].any() and not ink[:, -margin:].any()
    assert ink[:, margin:-margin].any()


def test_a4_slip_pages(catalogue, tmp_path: Path) -> None:
    quote = quote_for(catalogue, "id-card-restoration", "ru")
    path = tmp_path / "slip.pdf"
    render_pdf(slip_for(catalogue, "id-card-restoration", "ru"), path, A4)
    pages = pdf_pages(path, dpi=150)
    for page in pages:
        assert page.shape[1] / 150 * 25.4 == pytest.approx(210, abs=1)
        assert page.shape[0] / 150 * 25.4 == pytest.approx(297, abs=1)
    found = [payload for page in pdf_pages(path, dpi=300) for payload in decode(page)]
    assert sorted(found) == sorted(p.payload for p in quote.payments)


def test_missing_documents_are_marked(catalogue) -> None:
    quote = quote_for(catalogue, "id-card-restoration", "en")
    have = {quote.documents[0].id}
    text = slip_for(catalogue, "id-card-restoration", "en", have=have).text()
    assert f"[✓] have it {quote.documents[0].title}" in text
    for document in quote.documents[1:]:
        assert f"[ ] MISSING {document.title}" in text


def test_demo_accounts_are_marked_on_the_slip(catalogue) -> None:
    text = slip_for(catalogue, "driving-licence-replacement", "kk").text()
    assert "ДЕМО — нақты шот емес" in text


def test_visit_date_on_the_slip(catalogue) -> None:
    assert TODAY.isoformat() == "2026-11-23"
    text = slip_for(catalogue, "id-card-restoration", "en").text()
    assert "23 November 2026 10:30" in text and "K01-20261123-0042" in text
    assert np is not None
