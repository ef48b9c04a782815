"""Where the kiosk's log goes: a rotated file in the data folder and stderr; Qt's own
messages join it."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler


def setup_logging(folder: Path, *, stderr: bool = True) -> None:
    """Log to `kiosk.log` in the data folder (rotated) and, unless told not to (a smoke
    check says its one line there), to stderr, where a service manager's journal takes it."""
    form = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    root = logging.getLogger()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as error:  # a read-only or full folder: stderr alone, and say so there
        stderr = True
        print(f"kiosk: cannot log to {folder / 'kiosk.log'}: {error}", file=sys.stderr)
    else:
        handler.setFormatter(form)
        root.addHandler(handler)
    if stderr:
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(form)
        root.addHandler(console)
    root.setLevel(logging.INFO)


def route_qt_messages() -> None:
    """Qt's own warnings go to Python logging."""
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        logging.getLogger("qt").log(levels.get(kind, logging.WARNING), message)

    qInstallMessageHandler(handler)
