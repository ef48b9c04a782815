"""The welcome screen at once: a full start keeps it, the next start paints it before the
settings and catalogue load, and the kiosk then carries on from that very window."""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QScroller

from kiosk.app import build_kiosk
from kiosk.logic.i18n import format_date
from kiosk.settings import Settings, load_settings
from kiosk.storage import first_screen as kept_screens
from kiosk.storage.out_of_order import OutOfOrder
from kiosk.testing import KioskDriver
from kiosk.ui.first_screen import Origin, Shown, keep_first_screen, show_kept
from tests.kiosk_process import environment


def _settings_file(tmp_path: Path, catalogue: Path | None = None) -> Path:
    path = tmp_path / "settings.toml"
    lines = [f'data_folder = "{tmp_path / "data"}"']
    if catalogue is not None:
        lines.append(f'catalogue = "{catalogue}"')
    lines += ["[speech]", 'device = "null"']  # the whole way, not aloud
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _grab(shown_window) -> QImage:
    shown_window.clock.setText("12:00")  # the minute may turn between two grabs
    return shown_window.grab().toImage()


def _full_start_keeps(qtbot, settings_file: Path) -> Settings:
    """A full start, as `kiosk` makes one: built, then its welcome screen kept."""
    settings = load_settings(settings_file)
    kiosk = build_kiosk(settings)
    qtbot.addWidget(kiosk.window)
    keep_first_screen(kiosk.navigator, kiosk.tokens, Origin.of(settings_file, None))
    kiosk.window.allow_close = True
    kiosk.window.close()
    return settings


def test_the_kept_screen_is_the_one_the_full_start_paints(qtbot, tmp_path):
    settings_file = _settings_file(tmp_path)
    settings = _full_start_keeps(qtbot, settings_file)
    assert (settings.data_folder / kept_screens.FILE).exists()

    shown = show_kept(Origin.of(settings_file, None), settings_file, smoke=True, windowed=True)
    assert isinstance(shown, Shown)
    qtbot.addWidget(shown.window)
    assert shown.watch.painted
    before = _grab(shown.window)
    today = date.today()
    assert shown.kept.date_text(today, "kk") == format_date(today, "kk")
    assert shown.kept.date_text(date(2000, 1, 1), "kk") is None  # another day: said anew

    areas = shown.welcome.scroll_areas()
    assert areas and not any(QScroller.hasScroller(a.viewport()) for a in areas)  # not yet
    kiosk = build_kiosk(settings, first=shown)  # the full start carries on from it
    assert all(QScroller.hasScroller(a.viewport()) for a in areas)  # a finger scrolls them
    assert kiosk.window is shown.window
    assert kiosk.navigator.screens.welcome is shown.welcome
    assert kiosk.window.stack.count() == len(kiosk.navigator.screens.all())
    qtbot.wait(10)
    after = _grab(kiosk.window)
    assert after == before  # pixel for pixel: nothing changes under the visitor

    driver = KioskDriver(kiosk, settings.data_folder, (1280, 800))
    qtbot.wait(400)  # the tap guard of a screen just shown
    driver.click("start")
    assert driver.state == "services"
    shown.lock.release()


def test_a_change_in_what_it_was_made_from_is_a_full_start(qtbot, tmp_path, catalogue_copy):
    settings_file = _settings_file(tmp_path, catalogue_copy)
    _full_start_keeps(qtbot, settings_file)
    origin = Origin.of(settings_file, None)
    folder = tmp_path / "data"
    assert kept_screens.load(folder, origin.settings_file, origin.arguments) is not None
    assert kept_screens.load(folder, origin.settings_file, ("ru",)) is None  # --lang ru

    fees = catalogue_copy / "fees.yaml"
    fees.write_text(fees.read_text("utf-8") + "\n# edited\n", encoding="utf-8")
    assert kept_screens.load(folder, origin.settings_file, origin.arguments) is None


def test_a_kiosk_staff_put_out_of_order_starts_on_that_screen_not_the_kept_one(qtbot, tmp_path):
    settings_file = _settings_file(tmp_path)
    settings = _full_start_keeps(qtbot, settings_file)
    origin = Origin.of(settings_file, None)
    OutOfOrder(settings.data_folder).set(True, datetime(2026, 12, 6, 9, 0))
    assert show_kept(origin, settings_file, smoke=True, windowed=True) is None


def test_a_kept_file_that_names_anything_else_is_not_unpickled(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    proof = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (proof,))

    (folder / kept_screens.FILE).write_bytes(pickle.dumps(Payload()))
    assert kept_screens.load(folder, tmp_path / "settings.toml", ("",)) is None
    assert not proof.exists()


def _smoke(tmp_path: Path, settings_file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "--smoke", "--settings", str(settings_file)],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


@pytest.mark.parametrize("broken", ["journal", "catalogue"])
def test_smoke_starts_from_the_kept_screen_and_still_fails_what_is_broken(
    tmp_path, catalogue_copy, broken
):
    settings_file = _settings_file(tmp_path, catalogue_copy)
    first = _smoke(tmp_path, settings_file)
    assert first.returncode == 0, first.stderr
    assert "kept" not in first.stdout
    second = _smoke(tmp_path, settings_file)
    assert second.returncode == 0, second.stderr
    assert "as the last full start kept it" in second.stdout

    if broken == "journal":  # the kept screen still checks the journal can be written
        journal = tmp_path / "data" / "journal.sqlite3"
        journal.unlink()
        journal.mkdir()
        said = "journal.sqlite3 cannot be written"
    else:  # a catalogue changed since is checked in full, and refused
        fees = catalogue_copy / "fees.yaml"
        fees.write_text(fees.read_text("utf-8").replace("fees:", "feez:", 1), encoding="utf-8")
        said = "fees.yaml"
    third = _smoke(tmp_path, settings_file)
    assert third.returncode == 1
    assert said in third.stderr


def test_a_planted_file_can_neither_run_code_nor_hang_the_start(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    dotted = (  # a name reaching eval through a function's globals (pickle protocol 4)
        b"\x80\x04\x8c\x13kiosk.logic.content\x94"
        b"\x8c\x1fScreenContent.action.__globals__\x94\x93\x94."
    )
    (folder / kept_screens.FILE).write_bytes(dotted)
    assert kept_screens.load(folder, tmp_path / "settings.toml", ("",)) is None
    unpickler = kept_screens._Unpickler(io.BytesIO(dotted))
    with pytest.raises(pickle.UnpicklingError):  # refused by name, before anything is reached
        unpickler.find_class("kiosk.logic.content", "ScreenContent.action.__globals__")
    assert unpickler.find_class("kiosk.logic.content", "Choice").__name__ == "Choice"
    (folder / kept_screens.FILE).unlink()
    os.mkfifo(folder / kept_screens.FILE)  # nothing ever writes to it
    assert kept_screens.load(folder, tmp_path / "settings.toml", ("",)) is None


def test_a_staff_desk_starts_on_the_pin_pad_not_the_kept_welcome(tmp_path):
    settings_file = _settings_file(tmp_path)
    assert _smoke(tmp_path, settings_file).returncode == 0  # keeps the welcome screen
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--attendant", "--smoke", "--settings", str(settings_file)],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "kept" not in done.stdout  # a full start: the PIN pad comes first, not a visitor's


def test_a_corrupt_journal_is_checked_in_full_as_before(tmp_path):
    settings_file = _settings_file(tmp_path)
    assert _smoke(tmp_path, settings_file).returncode == 0
    (tmp_path / "data" / "journal.sqlite3").write_bytes(b"not a database" * 100)
    done = _smoke(tmp_path, settings_file)
    assert done.returncode == 0, done.stderr  # set aside and started afresh, as a full start does
    assert "kept" not in done.stdout
