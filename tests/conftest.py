"""Shared fixtures. No test reads or writes the real user's settings or data folders."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.logic.catalogue import Catalogue, load_catalogue
from kiosk.settings import ASSETS


@pytest.fixture(autouse=True)
def _private_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    for variable in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    for variable in ("KIOSK_SETTINGS_FILE", "KIOSK_CENTRE__CENTRE_CLASS", "KIOSK_CATALOGUE"):
        monkeypatch.delenv(variable, raising=False)


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
