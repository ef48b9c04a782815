"""The kiosk window: a header (centre, clock, languages), the screens, a footer (Back,
Start over, progress, Continue), and the idle overlay above them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.logic.content import ScreenContent
from kiosk.logic.language import Language
from kiosk.ui.screen import Screen, label
from kiosk.ui.states import VISITOR_STATES, State
from kiosk.ui.widgets.confirm_overlay import ConfirmOverlay
from kiosk.ui.widgets.idle_overlay import IdleOverlay
from kiosk.ui.widgets.language_buttons import LanguageButtons
from kiosk.ui.widgets.tap_button import TapButton

DateTexts = Callable[[date, Language], "str | None"]
WIDE = 1200  # px: narrower than this, the header shows no clock

# Screens a visitor may call staff from (not staff's own, nor out of order).
VISITOR_SCREENS = frozenset({State.WELCOME.value, *(state.value for state in VISITOR_STATES)})


class KioskWindow(QWidget):
    """Holds the screens; shows what the navigator tells it to.

    Signals: back_clicked(), home_clicked(), next_clicked(), language_clicked(str).
    """

    attendant_requested = Signal()
    back_clicked = Signal()
    home_clicked = Signal()
    next_clicked = Signal()
    language_clicked = Signal(str)
    call_staff_clicked = Signal()
    compact_changed = Signal(bool)

    def __init__(self, clock: bool = True, dates: DateTexts | None = None) -> None:
        super().__init__(objectName="kiosk")
        self.dates = dates  # the header's dates as kept for the first screen, if any
        self.header_content: ScreenContent | None = None
        self.language: Language = "kk"
        self.allow_close = False
        self.full_clock = True
        self.compact = False  # narrower than WIDE: smaller type, no clock, short languages
        self.progress_above = False  # the footer's middle text on a row above its buttons
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)

        header = QWidget(objectName="header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.logo = label(wrap=False, name="logo")
        self.logo.setText("ХҚКО")
        self.centre_name = label(wrap=True, name="centre-name")
        self.centre_name.setMinimumWidth(120)
        self.clock = label(wrap=False, name="clock")
        top = QHBoxLayout(header)
        top.setContentsMargins(32, 8, 24, 8)
        top.setSpacing(16)
        top.addWidget(self.logo)
        top.addWidget(self.centre_name, 1)
        top.addWidget(self.clock)
        self.call_staff = TapButton(objectName="call-staff")
        self.call_staff.setProperty("role", "call")
        self.call_staff.clicked.connect(self.call_staff_clicked)
        top.addWidget(self.call_staff)
        self.language_row = QWidget()
        row = QHBoxLayout(self.language_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.languages = LanguageButtons(row, self.language_clicked.emit, self)
        top.addWidget(self.language_row)

        self.stack = QStackedWidget(objectName="screens")

        footer = QWidget(objectName="footer")
        footer.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.back = TapButton(objectName="nav-back")
        self.home = TapButton(objectName="nav-home")
        self.progress = label(wrap=False, name="progress")
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next = TapButton(objectName="nav-next")
        self.next.setProperty("role", "primary")
        rows = QVBoxLayout(footer)
        rows.setContentsMargins(32, 8, 32, 12)
        rows.setSpacing(4)
        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        rows.addLayout(bottom)
        self.footer_rows, self.footer_buttons = rows, bottom
        bottom.addWidget(self.back)
        bottom.addWidget(self.home)
        bottom.addWidget(self.progress, 1)
        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(16)
        self.actions: list[QWidget] = []
        bottom.addLayout(self.actions_row)
        bottom.addWidget(self.next)
        self.footer = footer
        self.back.clicked.connect(self.back_clicked)
        self.home.clicked.connect(self.home_clicked)
        self.next.clicked.connect(self.next_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(footer)
        self.confirm_overlay = ConfirmOverlay(self)
        self.overlay = IdleOverlay(self)

        self.long_press = QTimer(self, singleShot=True)
        self.long_press.timeout.connect(self.attendant_requested)
        self.logo.installEventFilter(self)

        self.clock_timer = QTimer(self)
        self.clock_timer.timeout.connect(self._tick)
        if clock:
            self.clock_timer.start(1000)
        self._tick()
        # Shown, the window holds the focus itself: no button looks focused before a key.
        self.setFocus()

    def add_screen(self, screen: Screen) -> None:
        """Add a screen to the stack (once)."""
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)

    def show_screen(self, screen: Screen, fresh: bool = True) -> None:
        """Bring a screen to the front; `fresh` (a new step, not the same one repainted): at
        its top, with nothing focused or held down from the step before (or the visitor
        before)."""
        self.stack.setCurrentWidget(screen)
        if fresh:
            for area in screen.scroll_areas():
                area.verticalScrollBar().setValue(0)
            focused = QApplication.focusWidget()
            if focused is not None:
                focused.clearFocus()
                if isinstance(focused, QAbstractButton) and focused.isDown():
                    focused.setDown(False)  # the button the finger was on

    def current_screen(self) -> Screen:
        """The screen in front."""
        screen = self.stack.currentWidget()
        assert isinstance(screen, Screen)
        return screen

    def set_chrome(
        self, content: ScreenContent, buttons: list[QWidget], *, languages: bool = True
    ) -> None:
        """The footer as the screen's content says: Back, Start over and Continue when it
        lists them, the progress, and the screen's own `buttons` at the right."""
        for widget in self.actions:
            self.actions_row.removeWidget(widget)
            widget.hide()
        self.actions = list(buttons)
        for widget in self.actions:
            self.actions_row.addWidget(widget)
            widget.show()
        navigation = False
        for button in (self.back, self.home, self.next):
            action = content.action(button.objectName())
            button.setVisible(action is not None)
            button.setText(action.label if action else "")
            navigation = navigation or action is not None
        self.progress.setText(content.progress)
        self._place_progress()
        emphasis = content.screen == "result"  # the total to pay, beside Print
        if self.progress.property("emphasis") != emphasis:
            self.progress.setProperty("emphasis", emphasis)
            self.progress.style().unpolish(self.progress)
            self.progress.style().polish(self.progress)
        self.footer.setVisible(navigation or bool(self.actions))
        # With the language buttons in the header there is room for the time alone (said
        # before they show: the longer clock beside them would widen the window for good).
        self.full_clock = not languages
        self._tick()
        self.language_row.setVisible(languages)
        self.call_staff.setVisible(content.screen in VISITOR_SCREENS)

    def _place_progress(self) -> None:
        """The footer's middle text between its buttons, or, with large text (whose buttons
        need all the width), on a row of its own above them."""
        row = self.footer_buttons
        inline = row.indexOf(self.progress) >= 0
        if self.progress_above and inline:
            row.removeWidget(self.progress)
            self.footer_rows.insertWidget(0, self.progress)
            row.insertStretch(2, 1)
        elif not self.progress_above and not inline:
            self.footer_rows.removeWidget(self.progress)
            row.takeAt(2)  # the stretch that stood in its place
            row.insertWidget(2, self.progress, 1)

    def paint_header(self, content: ScreenContent) -> None:
        """The header as its content says: the centre's name, the language switch."""
        self.language = content.language
        self.header_content = content
        self.logo.setText(content.fact("logo") or self.logo.text())
        self.centre_name.setText(content.heading)
        self.languages.paint(content.choices)
        call = next((choice for choice in content.choices if choice.id == "call-staff"), None)
        if call is not None:
            self.call_staff.setText(call.label)
            self.call_staff.setEnabled(not call.selected)  # called: said, not asked again
        self._tick()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # On a narrow screen the header keeps what a visitor needs (the centre, Call staff,
        # the languages, by their short names) and drops the clock.
        compact = event.size().width() < WIDE
        self.clock.setVisible(not compact)
        if compact != self.compact:
            self.compact = compact
            self.compact_changed.emit(compact)
        super().resizeEvent(event)

    def large_text(self, large: bool) -> None:
        """Large text: the languages by their short names, the footer in two rows."""
        self.short_languages(large or self.compact)
        self.progress_above = large
        self._place_progress()

    def short_languages(self, short: bool) -> None:
        """The header's languages by their short names (ҚАЗ, РУС, ENG) or their full ones."""
        if short != self.languages.short:
            self.languages.short = short
            self.languages.paint(self.languages.choices)

    def _tick(self) -> None:
        now = datetime.now()
        if self.full_clock:
            said = self.dates(now.date(), self.language) if self.dates else None
            if said is None:
                from kiosk.logic.i18n import format_date  # Babel: not before the first screen

                said = format_date(now.date(), self.language)
            self.clock.setText(f"{said}   {now:%H:%M}")
        else:
            self.clock.setText(f"{now:%H:%M}")

    def set_long_press(self, seconds: float) -> None:
        """How long a press on the logo opens the staff PIN pad."""
        self.long_press.setInterval(round(seconds * 1000))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A long press on the logo (nothing a visitor would find by chance) opens staff entry.
        if watched is self.logo:
            if event.type() == QEvent.Type.MouseButtonPress:
                self.long_press.start()
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self.long_press.stop()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        # A kiosk ignores Alt+F4 and the window manager; staff exit from attendant mode.
        if self.allow_close:
            event.accept()
        else:
            event.ignore()
