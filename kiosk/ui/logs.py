"""Where the kiosk's log goes: a rotated file in the data folder and stderr; Qt's own
messages join it."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler


class OneLine(logging.Formatter):
    """One line per event, with the kiosk's id: a traceback's lines are joined with " ⏎ "
    so that a log reader (or the system journal) sees one event as one line."""

    def __init__(self, kiosk_id: str) -> None:
        super().__init__(f"%(asctime)s {kiosk_id} %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\r", "").replace("\n", " ⏎ ")


def setup_logging(
    folder: Path,
    *,
    stderr: bool = True,
    kiosk_id: str = "K01",
    level: str = "INFO",
    file_bytes: int = 2_000_000,
    files: int = 5,
) -> None:
    """Log to `kiosk.log` in the data folder (rotated at `file_bytes`, `files` kept) and,
    unless told not to (a smoke check says its one line there), to stderr, where a service
    manager's journal takes it. One line per event, each with the kiosk's id; `level` and
    above. Called again, it replaces what it set up before."""
    form = OneLine(kiosk_id)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "kiosk_log", False)]:
        root.removeHandler(old)
        old.close()
    handlers: list[logging.Handler] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "kiosk.log", maxBytes=file_bytes, backupCount=files, encoding="utf-8"
        )
    except OSError as error:  # a read-only or full folder: stderr alone, and say so there
        stderr = True
        print(f"kiosk: cannot log to {folder / 'kiosk.log'}: {error}", file=sys.stderr)
    else:
        handlers.append(handler)
    if stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(form)
        handler.kiosk_log = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)


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
