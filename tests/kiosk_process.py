"""The kiosk as a separate process, as an operator starts it: its environment (no KIOSK_*
variables from the test run, Qt offscreen) and waiting for its log to say something."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path


def environment(**settings: str) -> dict[str, str]:
    """This environment without KIOSK_* variables or a display, offscreen, speaking (in
    audio mode) to ALSA's null device, with `settings` added."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("KIOSK_") and k not in ("DISPLAY", "WAYLAND_DISPLAY")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["KIOSK_SPEECH__DEVICE"] = "null"
    env.update(settings)
    return env


def wait_for_log(process: subprocess.Popen[str], log: Path, text: str, timeout: float = 60) -> None:
    """Until `log` holds `text`; the process must keep running meanwhile."""
    deadline = time.monotonic() + timeout
    while text not in (log.read_text("utf-8") if log.exists() else ""):
        assert process.poll() is None, f"the kiosk exited before its log said {text!r}"
        assert time.monotonic() < deadline, f"the kiosk's log never said {text!r}"
        time.sleep(0.1)
