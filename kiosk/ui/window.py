"""The kiosk window: a header (centre, clock, languages), the screens, a footer (Back,
Start over, progress, Continue), and the idle overlay above them."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.logic.content import ScreenContent
from kiosk.logic.i18n import Language, format_date
from kiosk.ui.screen import Screen, label
from kiosk.ui.widgets.idle_overlay import IdleOverlay
from kiosk.ui.widgets.language_buttons import LanguageButtons


class KioskWindow(QWidget):
    """Holds the screens; shows what the navigator tells it to.

    Signals: back_clicked(), home_clicked(), next_clicked(), language_clicked(str).
    """

    attendant_requested = Signal()
    back_clicked = Signal()
    home_clicked = Signal()
    next_clicked = Signal()
    language_clicked = Signal(str)

    def __init__(self, clock: bool = True) -> None:
        super().__init__(objectName="kiosk")
        self.language: Language = "kk"
        self.allow_close = False
        self.full_clock = True
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)

        header = QWidget(objectName="header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.logo = label(wrap=False, name="logo")
        self.logo.setText("ХҚКО")
        self.centre_name = label(wrap=True, name="centre-name")
        self.centre_name.setMinimumWidth(160)
        self.clock = label(wrap=False, name="clock")
        top = QHBoxLayout(header)
        top.setContentsMargins(32, 8, 24, 8)
        top.setSpacing(16)
        top.addWidget(self.logo)
        top.addWidget(self.centre_name, 1)
        top.addWidget(self.clock)
        self.language_row = QWidget()
        row = QHBoxLayout(self.language_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.languages = LanguageButtons(row, self.language_clicked.emit, self)
        top.addWidget(self.language_row)

        self.stack = QStackedWidget(objectName="screens")

        footer = QWidget(objectName="footer")
        footer.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.back = QPushButton(objectName="nav-back")
        self.home = QPushButton(objectName="nav-home")
        self.progress = label(wrap=False, name="progress")
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next = QPushButton(objectName="nav-next")
        self.next.setProperty("role", "primary")
        bottom = QHBoxLayout(footer)
        bottom.setContentsMargins(32, 12, 32, 12)
        bottom.setSpacing(16)
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
        self.overlay = IdleOverlay(self)

        self.long_press = QTimer(self, singleShot=True)
        self.long_press.timeout.connect(self.attendant_requested)
        self.logo.installEventFilter(self)

        self.clock_timer = QTimer(self)
        self.clock_timer.timeout.connect(self._tick)
        if clock:
            self.clock_timer.start(1000)
        self._tick()

    def add_screen(self, screen: Screen) -> None:
        """Add a screen to the stack."""
        self.stack.addWidget(screen)

    def show_screen(self, screen: Screen) -> None:
        """Bring a screen to the front."""
        self.stack.setCurrentWidget(screen)

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
        self.footer.setVisible(navigation or bool(self.actions))
        self.language_row.setVisible(languages)
        # With the language buttons in the header there is room for the time alone.
        self.full_clock = not languages
        self._tick()

    def paint_header(self, content: ScreenContent) -> None:
        """The header as its content says: the centre's name, the language switch."""
        self.language = content.language
        self.centre_name.setText(content.heading)
        self.languages.paint(content.choices)
        self._tick()

    def _tick(self) -> None:
        now = datetime.now()
        if self.full_clock:
            self.clock.setText(f"{format_date(now.date(), self.language)}   {now:%H:%M}")
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
