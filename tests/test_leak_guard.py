"""The after-test check for leftovers finds leaked windows and timers, and fails a test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from tests.leaks import clean_up, describe, leftovers

ROOT = Path(__file__).resolve().parents[1]


def test_leftovers_finds_a_window_and_running_timers(qapp) -> None:
    window = QLabel("left open")
    window.setObjectName("stray")
    window.show()
    owner = QObject()
    owned = QTimer(owner)
    owned.start(60_000)
    loose = QTimer()
    loose.start(60_000)
    idle = QTimer()  # not running: not a leftover
    try:
        found = leftovers()
        assert window in found and owned in found and loose in found
        assert idle not in found
        assert "QLabel 'stray'" in [describe(thing) for thing in found]
        assert "QTimer (in QObject)" in [describe(thing) for thing in found]
    finally:
        clean_up([window, owned, loose])
    assert leftovers() == []


def test_a_test_that_leaks_fails(tmp_path: Path) -> None:
    leaky = tmp_path / "test_leaky.py"
    leaky.write_text(
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QWidget\n"
        "def test_window(qapp):\n"
        "    global window\n"
        "    window = QWidget()\n"
        "    window.show()\n"
        "def test_timer(qapp):\n"
        "    global timer\n"
        "    timer = QTimer()\n"
        "    timer.start(60_000)\n"
        "def test_clean(qtbot):\n"
        "    widget = QWidget()\n"
        "    qtbot.addWidget(widget)\n"
        "    widget.show()\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", str(leaky)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "ERROR at teardown of test_window" in out, out
    assert "the test left behind: QWidget\n" in out, out
    assert "ERROR at teardown of test_timer" in out, out
    assert "the test left behind: QTimer\n" in out, out
    assert "3 passed, 2 errors" in out, out  # test_clean closed its widget through qtbot
