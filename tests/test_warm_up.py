"""After start the kiosk loads, in idle time, what the first visitor would wait for."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
from kiosk.app import warm_up
from kiosk.settings import Settings
assert "numpy" not in sys.modules and "holidays" not in sys.modules
warm_up(Settings())
assert "numpy" in sys.modules and "holidays" in sys.modules
print("warm")
"""


def test_warm_up_loads_the_encoder_and_the_calendar() -> None:
    # In a fresh interpreter: the test session has long loaded both.
    run = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "warm"
