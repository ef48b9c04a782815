"""A kiosk that cannot start says so: full screen, the out-of-order notice for visitors
with the reason for staff (never a traceback on screen, never a silent exit), the traceback
in the log file and on stderr."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from kiosk.logic.i18n import LANGUAGES
from kiosk.ui.cannot_start import cannot_start_screen
from tests.kiosk_process import environment

from .storage import read_only


def test_the_out_of_order_screen_tells_staff_why(qtbot) -> None:
    screen = cannot_start_screen("fees.yaml: mci: not a list (log: /var/lib/kiosk/kiosk.log)")
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    from PySide6.QtWidgets import QLabel

    texts = {label.objectName(): label for label in screen.findChildren(QLabel)}
    for language in LANGUAGES:
        assert texts[f"out-of-order-{language}"].text()
        assert texts[f"out-of-order-{language}"].isVisible()
    detail = texts["out-of-order-detail"]
    assert detail.isVisible() and "fees.yaml" in detail.text() and "kiosk.log" in detail.text()


def test_a_kiosk_that_cannot_start_stays_out_of_order(tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogue"
    (catalogue / "services").mkdir(parents=True)
    (catalogue / "fees.yaml").write_text("mci: [", encoding="utf-8")  # broken YAML
    data = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk"],
        env=environment(KIOSK_CATALOGUE=str(catalogue), KIOSK_DATA_FOLDER=str(data)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        log = data / "kiosk.log"
        deadline = time.monotonic() + 60
        while "out of order until it is restarted" not in _read(log):
            assert process.poll() is None, "the kiosk exited instead of saying it is out of order"
            assert time.monotonic() < deadline
            time.sleep(0.1)
        time.sleep(1)
        assert process.poll() is None  # still showing the notice
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    logged = _read(log)
    assert "the kiosk cannot start" in logged and "Traceback" in logged and "fees.yaml" in logged
    assert "the kiosk cannot start" in stderr and "fees.yaml" in stderr


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_a_read_only_data_folder_fails_the_smoke_check_in_one_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with read_only(data):
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "--smoke"],
            env=environment(KIOSK_DATA_FOLDER=str(data)),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"the journal {data / 'journal.sqlite3'} cannot be written" in done.stderr


def test_a_kiosk_on_a_read_only_data_folder_serves_all_the_same(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with read_only(data):
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosk"],
            env=environment(KIOSK_DATA_FOLDER=str(data)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert process.stderr is not None
            seen = []
            for line in process.stderr:  # the log goes to stderr when the folder refuses it
                seen.append(line)
                if "started" in line:
                    break
            assert process.poll() is None, "".join(seen)
            assert any("cannot log to" in line for line in seen)
            assert not any("Traceback" in line for line in seen)
        finally:
            process.terminate()
            process.communicate(timeout=30)
