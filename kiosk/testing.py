"""KioskDriver: the public API GUI tests drive the kiosk with.

    driver = KioskDriver.start(qtbot)
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.answer("circumstance", "lost")
    ...
    driver.bill_total()       # "865 ₸"
    driver.payloads()         # {"state-budget": "000201..."}
    driver.screen_content()   # what the screen says, as a plain value

Clicks are real mouse clicks on the visible widget with that object name; the kiosk's
navigation is synchronous, so the UI has settled when `click` returns.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import Kiosk, build_kiosk
from kiosk.logic.content import ScreenContent
from kiosk.printing.backends import Backend
from kiosk.settings import Settings, Speech, Timing
from kiosk.storage.journal import Journal

# Answers that reach the result screen with most of what it can show (blockers aside):
# two payees, the fine warning, every document kind; and the licence with its photo.
ID_CARD_STOLEN = {
    "circumstance": "stolen",
    "police-talon": "yes",
    "losses-this-year": "3-or-more",
    "duty-exemption": "no",
    "foreign-passport": "yes",
    "days-without-id": "over-30-days",
    "urgency": "1-day",
}
LICENCE_EXPIRED = {
    "reason": "expired",
    "medical-exam": "yes",
    "unpaid-fines": "dont-know",
    "recent-photo-document": "no",
    "duty-paid-before": "no",
}


def settle() -> None:
    """Run what the click queued, and what that queued (widgets added to a shown screen
    are shown by queued calls; a background answer may redraw a screen once more)."""
    for _ in range(3):
        QApplication.processEvents()


class KioskDriver:
    """Drives a real kiosk window offscreen."""

    def __init__(self, kiosk: Kiosk, data_folder: Path, size: tuple[int, int]) -> None:
        self.kiosk = kiosk
        self.data_folder = data_folder
        self.size = size

    @classmethod
    def start(
        cls,
        qtbot: Any | None = None,
        settings: Settings | None = None,
        today: date | Callable[[], date] | None = None,
        size: tuple[int, int] = (1280, 800),
        printer: Backend | None = None,
    ) -> KioskDriver:
        """Build the real main window with a temporary data folder, shown at `size`."""
        if QApplication.instance() is None:
            QApplication([])
        folder = None  # a temporary data folder, when the settings name none
        if settings is None or "data_folder" not in settings.model_fields_set:
            folder = Path(tempfile.mkdtemp(prefix="kiosk-test-"))
            if settings is None:
                settings = Settings(data_folder=folder, timing=Timing())
            else:
                settings = settings.model_copy(update={"data_folder": folder})
        if "speech" not in settings.model_fields_set:
            # The driver's kiosk speaks to ALSA's null device: the whole way, but not aloud.
            settings = settings.model_copy(update={"speech": Speech(device="null")})
        if "tap_guard" not in settings.timing.model_fields_set:
            # The driver taps as fast as a test runs; the tap guard is tested on its own.
            timing = settings.timing.model_copy(update={"tap_guard": 0.0})
            settings = settings.model_copy(update={"timing": timing})
        if callable(today):  # a clock the test moves on
            clock: Callable[[], date] = today
        else:
            clock = (lambda: today) if today else date.today
        kiosk = build_kiosk(settings, today=clock, clock=False, printer=printer)
        window = kiosk.window
        window.allow_close = True
        if qtbot is not None:
            qtbot.addWidget(window)
            if folder is not None:  # ours: gone with the window
                window.destroyed.connect(lambda: shutil.rmtree(folder, ignore_errors=True))
        window.resize(*size)
        window.show()
        if qtbot is not None:
            qtbot.waitExposed(window)
        QApplication.processEvents()
        return cls(kiosk, Path(settings.data_folder), size)

    @property
    def window(self) -> QWidget:
        """The kiosk's main window."""
        return self.kiosk.window

    @property
    def screen(self) -> str:
        """The object name of the screen in front, e.g. `screen-question`."""
        return self.kiosk.window.current_screen().objectName()

    @property
    def state(self) -> str:
        """The navigator's state."""
        return self.kiosk.navigator.state.value

    def screen_content(self) -> ScreenContent:
        """What the screen in front says: heading, texts, choices with their object names,
        amounts, QR items, warnings, footer buttons (the value the screen is painted from).
        While the idle warning covers the screen, it is the warning's (screen
        `idle-warning`); while a question asked before something is lost covers it, the
        question's (screen `confirm`, choices `confirm-yes` and `confirm-no`)."""
        navigator = self.kiosk.navigator
        asked = navigator.confirmation.content
        content = navigator.warning.content or asked or navigator.content
        assert content is not None
        return content

    @property
    def reference(self) -> str | None:
        """The visitor's bill and slip reference, once their answers are complete."""
        return self.kiosk.navigator.session.reference

    @property
    def question(self) -> str | None:
        """The id of the question on screen (None on any other screen)."""
        content = self.kiosk.navigator.content
        return content.subject if content is not None and content.screen == "question" else None

    def remembered(self) -> dict[str, Any]:
        """Everything the kiosk holds about the visitor in front of it: service, answers,
        documents ticked, reference, question, language (empty values after a reset)."""
        session = self.kiosk.navigator.session
        return {
            "service": session.service.id if session.service else None,
            "answers": dict(session.interview.answers) if session.interview else {},
            "have": set(session.have),
            "reference": session.reference,
            "question": session.question,
            "language": session.language,
            "quote": self.kiosk.navigator.quote,
        }

    @property
    def journal(self) -> Journal:
        """The kiosk's journal (sessions, print outcomes, audit log, slip archive), once
        every event so far is written (waiting up to 5 s for its writer)."""
        self.kiosk.journal.flush(5.0)
        return self.kiosk.journal.reading()

    def walk_away(self) -> None:
        """The kiosk starts over at once, as after a visitor walked away (the session is
        recorded as abandoned; the idle time-out itself records timed-out)."""
        self.kiosk.navigator.reset()
        settle()

    def open_attendant(self) -> None:
        """What Ctrl+Alt+A does: the staff PIN pad (or the dashboard, when logged in)."""
        self.kiosk.staff.open()
        settle()

    @property
    def attendant(self) -> bool:
        """Staff are logged in."""
        return self.kiosk.staff.logged_in

    def idle_warning(self) -> None:
        """Start the idle countdown now, as if the visitor had walked away."""
        self.kiosk.navigator.idle.warn_now()
        settle()

    def widget(self, name: str) -> QWidget:
        """The one visible widget with this object name."""
        found = [w for w in self.window.findChildren(QWidget, name) if w.isVisible()]
        if len(found) != 1:
            raise LookupError(f"{len(found)} visible widgets are named {name!r}")
        return found[0]

    def visible(self, name: str) -> bool:
        """Whether a widget with this object name is visible."""
        return any(w.isVisible() for w in self.window.findChildren(QWidget, name))

    def click(self, name: str) -> None:
        """Click the visible widget with this name, as a finger would, and let the UI settle."""
        widget = self.widget(name)
        if not widget.isEnabled():
            raise RuntimeError(f"{name!r} is disabled")
        self.ensure_visible(widget)
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())
        settle()

    def ensure_visible(self, widget: QWidget) -> None:
        """Scroll the screen until `widget` is in view (as a visitor would before tapping)."""
        from PySide6.QtWidgets import QScrollArea

        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget, 0, 0)
                QApplication.processEvents()
                break
            parent = parent.parentWidget()

    def choose_service(self, service_id: str) -> None:
        """From welcome or the service list, start a service."""
        if self.state == "welcome":
            self.click("start")
        self.click(f"service-{service_id}")

    def answer(self, question_id: str, option_id: str) -> None:
        """Tap an answer on the question screen."""
        self.click(f"option-{question_id}-{option_id}")

    def answer_all(self, answers: dict[str, str]) -> None:
        """Answer each question as it comes, until none of `answers` is asked."""
        while self.state == "question":
            question = self.screen_content().subject
            if question not in answers:
                break
            self.answer(question, answers[question])

    def back(self) -> None:
        """Tap Back."""
        self.click("nav-back")

    def next(self) -> None:
        """Tap Continue."""
        self.click("nav-next")

    def change(self, question_id: str) -> None:
        """On "Check your answers", tap Change beside an answer."""
        self.click(f"change-{question_id}")

    def language(self, language: str) -> None:
        """Switch language."""
        self.click(f"lang-{language}")

    def text_of(self, name: str) -> str:
        """The text of a visible label or button."""
        return str(self.widget(name).text())  # type: ignore[attr-defined]

    def bill_total(self) -> str:
        """The total on the result screen, as shown."""
        return self.text_of("bill-total").replace("\u00a0", " ")

    def spoken(self) -> list[tuple[str, str]]:
        """What the kiosk has said in this session (audio mode), as (language, text)
        pairs in the order said; empty when audio mode is off or the kiosk started over."""
        guide = self.kiosk.guide
        return list(guide.spoken) if guide is not None else []

    def press(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        """Press and release a key, through the window system as a keyboard or keypad's
        would come (to the window, then the widget with the focus)."""
        native = self.window.windowHandle()
        assert native is not None, "the window is not shown"
        QTest.keyClick(native, key, modifiers)
        QApplication.processEvents()

    def payloads(self) -> dict[str, str]:
        """The payload property of every visible payment QR widget, by payee."""
        found = {}
        for widget in self.window.findChildren(QWidget):
            name = widget.objectName()
            if name.startswith("qr-") and name != "qr-online" and widget.isVisible():
                found[name[3:]] = str(widget.property("payload"))
        return found

    def visible_texts(self) -> list[str]:
        """Every text visible on screen (labels and buttons)."""
        texts = []
        for widget in self.window.findChildren(QWidget):
            text = getattr(widget, "text", None)
            if callable(text) and widget.isVisible():
                value = text()
                if isinstance(value, str) and value:
                    texts.append(value)
        return texts

    def wait_until(self, condition: Any, timeout: float = 10.0) -> None:
        """Let the event loop run until `condition()` holds (print jobs, timers).

        Between turns it sleeps, as the kiosk's own event loop does, so that a print job's
        thread gets Python (QTest.qWait holds it while it waits)."""
        import time

        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the kiosk did not get there in time")
            QApplication.processEvents()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            time.sleep(0.001)
        QApplication.processEvents()  # widgets added on the way are shown by queued calls

    def confirm(self, yes: bool = True) -> bool:
        """Answer the question the kiosk asks before something is lost (start over, finish
        without a slip, close the kiosk), if one is showing; returns whether one was."""
        if self.kiosk.navigator.confirmation.content is None:
            return False
        self.click("confirm-yes" if yes else "confirm-no")
        return True

    def print_slip(self) -> str:
        """Tap "Print my slip" and wait for the outcome; return it (printed/failed/unknown)."""
        self.click("print-slip")
        return self.wait_for_print()

    def wait_for_print(self, timeout: float = 30.0) -> str:
        """Wait until the visitor's print job has an outcome; return it (printed, failed or
        unknown)."""
        jobs = self.kiosk.jobs
        self.wait_until(lambda: jobs.current is None or jobs.current.status is not None, timeout)
        assert jobs.current is not None and jobs.current.status is not None
        settle()
        return jobs.current.status.value

    def tap_at(self, widget: QWidget, point: QPoint | None = None) -> None:
        """A click anywhere (for idle tests)."""
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point or widget.rect().center())
        QApplication.processEvents()

    def close(self) -> None:
        """Close the window."""
        self.window.close()
