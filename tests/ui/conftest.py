"""Fixtures for GUI tests: a real kiosk window, offscreen, on a fixed visit date."""

from __future__ import annotations

from datetime import date

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
