"""Shared fixtures. No test reads or writes the real user's settings or data folders."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.logic.catalogue import Catalogue, load_catalogue
from kiosk.settings import ASSETS
from tests.leaks import clean_up, describe, leftovers, settle_deletions


@pytest.fixture(autouse=True)
def _private_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    for variable in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    for variable in ("KIOSK_SETTINGS_FILE", "KIOSK_CENTRE__CENTRE_CLASS", "KIOSK_CATALOGUE"):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture(autouse=True)
def _nothing_left_running() -> Iterator[None]:
    """Fail a test that leaves a top-level widget or a running QTimer behind (checked
    after its other fixtures, qtbot's closing of its widgets included, are done)."""
    yield
    settle_deletions()
    left = leftovers()
    if left:
        names = ", ".join(describe(thing) for thing in left)
        clean_up(left)
        pytest.fail(f"the test left behind: {names}", pytrace=False)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The shipped catalogue."""
    return load_catalogue(ASSETS)


@pytest.fixture
def catalogue_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the shipped catalogue (fees.yaml and services/)."""
    folder = tmp_path / "catalogue"
    (folder / "services").mkdir(parents=True)
    shutil.copy(ASSETS / "fees.yaml", folder / "fees.yaml")
    for path in (ASSETS / "services").glob("*.yaml"):
        shutil.copy(path, folder / "services" / path.name)
    yield folder
