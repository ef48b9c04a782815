"""A visitor for the journey and soak benchmarks: real taps on the real window, timed.

A step is one tap until the next screen has been painted: the mouse press and release go
through Qt, the kiosk reacts, and the event loop runs until the window has repainted.
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from itertools import cycle

# A real X server when there is one (as a kiosk runs), else Qt's offscreen platform.
if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import warm_up
from kiosk.logic.interview import answer_paths, is_complete
from kiosk.settings import Settings
from kiosk.testing import KioskDriver, settle


def _qt_message(kind: QtMsgType, context: object, message: str) -> None:
    # The offscreen platform says this at every show; it is about the platform, not us.
    if "propagateSizeHints" not in message:
        print(f"qt: {message}", file=sys.stderr)


qInstallMessageHandler(_qt_message)


class PaintCounter(QObject):
    """Counts the window's repaints (its update requests: Qt paints every dirty widget in
    them). Watching the window alone keeps the benchmark's own cost out of the figures."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            self.count += 1
        return False


class Visitor:
    """Walks the kiosk through whole journeys; `times[kind]` holds each step's milliseconds,
    kind being the screen the step arrived at."""

    def __init__(self, settings: Settings) -> None:
        self.driver = KioskDriver.start(settings=settings)
        # What the kiosk does in its idle time after start (warm_up and the rehearsal of
        # every screen, 1.5 s after start in a real kiosk), before any visitor.
        started = time.perf_counter()
        warm_up(settings)
        self.driver.kiosk.navigator.ahead.rehearse(at_once=True)
        settle()
        self.warm_ms = (time.perf_counter() - started) * 1000
        self.paints = PaintCounter()
        self.driver.window.installEventFilter(self.paints)
        self.times: dict[str, list[float]] = defaultdict(list)
        self.by_language: dict[tuple[str, str], list[float]] = defaultdict(list)
        self.idle: list[float] = []  # the work done between taps, in the visitor's time
        self.unpainted = 0  # steps after which nothing was painted (should stay 0)
        kiosk = self.driver.kiosk
        centre_class = settings.centre.centre_class
        self.paths = {
            service_id: [
                (answers, is_complete(service, answers, centre_class))
                for answers in answer_paths(service, centre_class)
            ]
            for service_id, service in kiosk.catalogue.services.items()
        }

    def tap(self, name: str) -> float:
        """Tap the widget named `name`; milliseconds until the next screen is painted."""
        driver = self.driver
        widget = driver.widget(name)
        driver.ensure_visible(widget)  # scrolling there is not part of the step
        QApplication.processEvents()
        painted = self.paints.count
        start = time.perf_counter()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())
        settle()  # the reaction, the widgets it showed, their repaint
        # What the event loop does on its way round: delete the widgets let go of.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        elapsed = (time.perf_counter() - start) * 1000
        if self.paints.count == painted:
            self.unpainted += 1
        self.times[driver.state].append(elapsed)
        self.by_language[(driver.state, driver.screen_content().language)].append(elapsed)
        # The visitor reads the screen (the kiosk takes no tap for 350 ms): the kiosk makes
        # the next screen meanwhile. Timed on its own, never part of a tap.
        ahead = driver.kiosk.navigator.ahead
        if ahead.pending:
            begun = time.perf_counter()
            ahead.make()
            self.idle.append((time.perf_counter() - begun) * 1000)
        return elapsed

    def journey(
        self, service_id: str, answers: dict[str, str], complete: bool, language: str
    ) -> None:
        """One visitor from the welcome screen back to it, printing when the path completes."""
        driver = self.driver
        assert driver.state == "welcome", driver.state
        if driver.screen_content().language != language:
            self.tap(f"lang-{language}")
        self.tap("start")
        self.tap(f"service-{service_id}")
        for question, option in answers.items():
            self.tap(f"option-{question}-{option}")
        if not complete:
            assert driver.state == "blocker", driver.state
            self.tap("finish")
            return
        assert driver.state == "review", driver.state
        self.tap("nav-next")  # → documents
        self.tap("nav-next")  # → result, with its QR codes
        self.tap("print-slip")
        start = time.perf_counter()
        outcome = driver.wait_for_print()
        self.times["slip printed (pdf, background)"].append((time.perf_counter() - start) * 1000)
        assert outcome == "printed", outcome
        self.tap("finish")  # → thanks
        self.tap("finish")  # → welcome

    def abandon(self, service_id: str, answers: dict[str, str], wait_seconds: float) -> None:
        """A visitor who walks away mid-interview: the idle countdown starts over."""
        driver = self.driver
        self.tap("start")
        self.tap(f"service-{service_id}")
        first = next(iter(answers.items()), None)
        if first is not None:
            self.tap(f"option-{first[0]}-{first[1]}")
        driver.wait_until(lambda: driver.state == "welcome", timeout=wait_seconds)

    def close(self) -> None:
        """Close the window and the journal (written out) before the data folder goes."""
        self.driver.close()
        self.driver.kiosk.journal.stop()

    def every_path(self) -> Iterator[tuple[str, dict[str, str], bool]]:
        """Both services' paths, interleaved, forever."""
        streams = [cycle([(sid, a, c) for a, c in paths]) for sid, paths in self.paths.items()]
        while True:
            for stream in streams:
                yield next(stream)


def rss_mib() -> float:
    """The process's resident memory now, in MiB."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def open_fds() -> int:
    """Open file descriptors of this process."""
    return len(os.listdir("/proc/self/fd"))


def live_qobjects() -> int:
    """QObjects alive: the application's children and every top-level widget's tree."""
    application = QApplication.instance()
    assert application is not None
    count = 1 + len(application.findChildren(QObject))
    for widget in QApplication.topLevelWidgets():
        count += 1 + len(widget.findChildren(QObject))
    return count


def top_level_widgets() -> list[QWidget]:
    """Top-level widgets (the kiosk window should be the only one)."""
    return list(QApplication.topLevelWidgets())
