"""Fixtures for GUI tests: a real kiosk window, offscreen, on a fixed visit date."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kiosk.settings import Settings, Timing
from kiosk.testing import KioskDriver

TODAY = date(2026, 11, 23)


@pytest.fixture
def fast_settings(tmp_path) -> Settings:
    """Settings with the idle times in milliseconds."""
    return Settings(
        data_folder=tmp_path / "data",
        timing=Timing(idle=0.15, idle_result=0.3, countdown=0.2, thanks=0.2),
    )


@pytest.fixture
def driver(qtbot, tmp_path) -> KioskDriver:
    """A kiosk at 1280×800 with default timings and its own data folder."""
    settings = Settings(data_folder=tmp_path / "data")
    return KioskDriver.start(qtbot, settings=settings, today=TODAY)


@pytest.fixture
def unpriced_fees(catalogue_copy: Path) -> Path:
    """A catalogue whose fixed fees (expedited issuance) have no rate before 2030: a case
    with an expedited option cannot be priced at all (not even as `duty-not-published`)."""
    fees = catalogue_copy / "fees.yaml"
    text = fees.read_text(encoding="utf-8")
    later = re.sub(r"from: \d{4}-\d{2}-\d{2}", "from: 2030-01-01", text)
    assert later != text
    fees.write_text(later, encoding="utf-8")
    return catalogue_copy
