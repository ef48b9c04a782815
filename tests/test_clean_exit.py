"""A kiosk that ran a long time must still exit cleanly (no crash in Qt's bindings)."""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kiosk.ui.widgets.qr_view import QrView
view = QrView()
for i in range(2000):
    view.set_payload(f"payload {i}")  # emits payloadChanged every time
print("done")
"""


def test_many_signals_then_a_clean_exit() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"
