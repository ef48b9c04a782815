"""The last known good catalogue: kept when a catalogue walks clean, used when a new one
fails at start, and staff told what failed."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

from kiosk.logic.catalogue import load_catalogue
from kiosk.storage.good_catalogue import GoodCatalogue
from tests.kiosk_process import environment, wait_for_log

NOW = datetime(2026, 12, 6, 9, 30)
SERVICE = "services/id-card-restoration.yaml"


def test_a_clean_catalogue_is_kept_once_per_version(catalogue_copy: Path, tmp_path: Path) -> None:
    good = GoodCatalogue(tmp_path / "data")
    catalogue = load_catalogue(catalogue_copy)
    assert good.keep_if_clean(catalogue, NOW)
    assert good.kept_version() == (catalogue.version, "2026-12-06T09:30:00")
    assert not good.keep_if_clean(catalogue, NOW)  # the same version is not walked again
    kept = load_catalogue(good.folder)
    assert kept.version == catalogue.version  # the version names no folder: the same files
    assert (good.folder / SERVICE).read_text(encoding="utf-8") == (
        catalogue_copy / SERVICE
    ).read_text(encoding="utf-8")


def test_what_was_loaded_is_kept_not_what_the_file_says_now(
    catalogue_copy: Path, tmp_path: Path
) -> None:
    catalogue = load_catalogue(catalogue_copy)
    (catalogue_copy / SERVICE).write_text("half-edited: [", encoding="utf-8")
    good = GoodCatalogue(tmp_path / "data")
    assert good.keep_if_clean(catalogue, NOW)
    assert load_catalogue(good.folder).version == catalogue.version


def test_a_catalogue_that_does_not_walk_clean_is_not_kept(
    catalogue_copy: Path, tmp_path: Path
) -> None:
    fees = catalogue_copy / "fees.yaml"
    # District centres lose the 7-day fee: it loads, but a path cannot be priced.
    text = fees.read_text(encoding="utf-8")
    assert "amounts: {district: 678}" in text
    fees.write_text(text.replace("amounts: {district: 678}", "amounts: {regional: 678}"), "utf-8")
    catalogue = load_catalogue(catalogue_copy)
    good = GoodCatalogue(tmp_path / "data")
    assert not good.keep_if_clean(catalogue, NOW)
    assert good.kept_version() == ("", "") and not good.folder.exists()


def test_a_new_version_replaces_the_copy_whole(catalogue_copy: Path, tmp_path: Path) -> None:
    good = GoodCatalogue(tmp_path / "data")
    first = load_catalogue(catalogue_copy)
    good.keep_if_clean(first, NOW)
    service = catalogue_copy / SERVICE
    service.write_text(
        service.read_text(encoding="utf-8").replace("order: ", "order: 1 #", 1), encoding="utf-8"
    )
    second = load_catalogue(catalogue_copy)
    assert second.version != first.version
    assert good.keep_if_clean(second, NOW)
    assert load_catalogue(good.folder).version == second.version
    assert sorted(p.name for p in good.folder.parent.iterdir()) == ["catalogue-good"]


def test_without_a_copy_there_is_nothing_to_fall_back_on(tmp_path: Path) -> None:
    assert GoodCatalogue(tmp_path).fall_back("broken") is None


def test_a_kiosk_keeps_its_catalogue_then_runs_on_it_when_a_new_one_breaks(
    catalogue_copy: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    log = data / "kiosk.log"
    first = _kiosk_until(catalogue_copy, data, "kept as the last known good copy")
    assert GoodCatalogue(data).kept_version()[0] == load_catalogue(catalogue_copy).version
    assert "runs on the last good copy" not in first
    (catalogue_copy / "fees.yaml").write_text("mci: [", encoding="utf-8")  # a bad edit
    log.unlink()
    stderr = _kiosk_until(catalogue_copy, data, "kiosk K01 started")
    logged = _read(log)
    assert "out of order" not in logged
    assert "runs on the last good copy" in logged and "fees.yaml" in logged
    kept_at = GoodCatalogue(data).kept_version()[1][:16].replace("T", " ")
    assert "runs on the last good copy" in stderr and kept_at in stderr


def _kiosk_until(catalogue: Path, data: Path, logged: str) -> str:
    """Run the kiosk until its log says `logged`; return what it wrote to stderr."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--windowed"],
        env=environment(KIOSK_CATALOGUE=str(catalogue), KIOSK_DATA_FOLDER=str(data)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_log(process, data / "kiosk.log", logged, timeout=90)
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    return stderr


def test_a_smoke_check_still_fails_on_a_broken_catalogue(
    catalogue_copy: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    GoodCatalogue(data).keep_if_clean(load_catalogue(catalogue_copy), NOW)
    (catalogue_copy / "fees.yaml").write_text("mci: [", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--smoke"],
        env=environment(KIOSK_CATALOGUE=str(catalogue_copy), KIOSK_DATA_FOLDER=str(data)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "fees.yaml" in done.stderr and "Traceback" not in done.stderr


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_staff_see_what_failed_and_a_good_reload_keeps_the_new_copy(
    qtbot, catalogue_copy: Path, tmp_path: Path
) -> None:
    from kiosk.settings import Settings
    from kiosk.storage.pin import PinStore
    from kiosk.testing import KioskDriver

    data = tmp_path / "data"
    good = GoodCatalogue(data)
    good.keep_if_clean(load_catalogue(catalogue_copy), NOW)
    PinStore(data).set_pin("482916")
    settings = Settings(data_folder=data, catalogue=catalogue_copy)
    driver = KioskDriver.start(qtbot, settings=settings)
    fees = catalogue_copy / "fees.yaml"
    original = fees.read_text(encoding="utf-8")
    fees.write_text("mci: [", encoding="utf-8")
    fallback = good.fall_back("catalogue/fees.yaml:1: not valid YAML")
    assert fallback is not None
    driver.kiosk.staff.catalogue_notice = fallback.notice(catalogue_copy)
    driver.open_attendant()
    for digit in "482916":
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")
    assert driver.screen == "screen-dashboard"
    shown = "\n".join(driver.visible_texts())
    assert "runs on the last good copy" in shown and "fees.yaml:1" in shown
    # The operator mends the file and reloads: the notice goes, the new version is kept.
    fees.write_text(original.replace("# The fee schedule", "# The fee schedule (mended)"), "utf-8")
    driver.click("reload-catalogue")
    assert "✓" in driver.text_of("dashboard-message")
    assert "runs on the last good copy" not in "\n".join(driver.visible_texts())
    assert good.kept_version()[0] == load_catalogue(catalogue_copy).version
