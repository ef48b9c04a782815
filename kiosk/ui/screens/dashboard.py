"""The attendant's dashboard: how the kiosk is, today's figures, slips, and actions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.logic.content import ScreenContent
from kiosk.logic.staff_content import ACTIONS
from kiosk.ui.screen import Screen, clear, label, scroll_column
from kiosk.ui.widgets.tap_button import TapButton

SECTIONS = (("today-title", "counts"), ("gave-up-title", "gave-up"))


class DashboardScreen(Screen):
    """Signals: reprint_requested(reference), test_print_requested(), out_of_order_toggled(on),
    reload_requested(), serve_requested(), logout_requested(), exit_requested()."""

    name = "dashboard"
    reprint_requested = Signal(str)
    test_print_requested = Signal()
    out_of_order_toggled = Signal(bool)
    reload_requested = Signal()
    serve_requested = Signal()
    logout_requested = Signal()
    exit_requested = Signal()
    clear_call_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        area, self.column = scroll_column(self)
        self.buttons: dict[str, QPushButton] = {}
        actions = QGridLayout()
        actions.setSpacing(12)
        slots = {
            "serve-visitor": self.serve_requested.emit,
            "test-print": self.test_print_requested.emit,
            "reload-catalogue": self.reload_requested.emit,
            "attendant-logout": self.logout_requested.emit,
        }
        for index, name in enumerate(name for name in ACTIONS if name != "exit-kiosk"):
            button = TapButton(objectName=name)
            if name == "out-of-order":
                button.setCheckable(True)
                button.setProperty("role", "toggle")
                button.toggled.connect(self.out_of_order_toggled)
            else:
                button.clicked.connect(slots[name])
            self.buttons[name] = button
            actions.addWidget(button, index // 3, index % 3)
        # Closing the kiosk stands apart from the rest, far from Log out, and asks first.
        exit_button = TapButton(objectName="exit-kiosk")
        exit_button.setProperty("role", "danger")
        exit_button.clicked.connect(self.exit_requested.emit)
        self.buttons["exit-kiosk"] = exit_button
        apart = QHBoxLayout()
        apart.setContentsMargins(0, 24, 0, 0)
        apart.addStretch(1)
        apart.addWidget(exit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area, 1)
        bar = QWidget()
        column = QVBoxLayout(bar)
        column.setContentsMargins(48, 8, 48, 16)
        column.addLayout(actions)
        column.addLayout(apart)
        layout.addWidget(bar)

    def paint(self, content: ScreenContent) -> None:
        """Status, today's figures, slips to reprint, the audit log and the actions."""
        super().paint(content)
        clear(self.column)
        self.column.addWidget(_line("title", "heading", content.heading))
        if content.text:
            self.column.addWidget(_line("heading", "dashboard-message", content.text))
        for message in content.messages:
            problem = message.kind == "problem"
            text = f"{message.title} {message.text}" if message.title else message.text
            name = message.id if problem else ""
            self.column.addWidget(_line("heading" if problem else "", name, text))
        for title, body in (*SECTIONS, ("slips-title", "")):
            self.column.addWidget(_line("heading", "", content.fact(title)))
            if body:
                self.column.addWidget(_line("", body, content.fact(body)))
        if content.fact("slips-empty"):
            self.column.addWidget(_line("", "", content.fact("slips-empty")))
        for choice in content.choices:
            if choice.id == "clear-call":  # beside the call it answers, at the top
                answer = TapButton(choice.label, objectName=choice.id)
                answer.setProperty("role", "primary")
                answer.clicked.connect(self.clear_call_requested.emit)
                self.column.insertWidget(self._after_call(), answer)
                continue
            if choice.id in self.buttons:
                button = self.buttons[choice.id]
                button.setText(choice.label)
                button.blockSignals(True)  # showing the state is not toggling it
                button.setChecked(choice.selected)
                button.blockSignals(False)
                continue
            row = QFrame()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(_line("", "", choice.detail, wrap=False), 1)
            reprint = TapButton(choice.label, objectName=choice.id)
            reprint.clicked.connect(lambda _=False, r=choice.value: self.reprint_requested.emit(r))
            line.addWidget(reprint)
            self.column.addWidget(row)
        self.column.addWidget(_line("heading", "", content.fact("audit-title")))
        self.column.addWidget(_line("", "audit-log", content.fact("audit-log")))
        self.column.addStretch(1)

    def _after_call(self) -> int:
        """Where the button answering a staff call goes: under the call's line."""
        for index in range(self.column.count()):
            widget = self.column.itemAt(index).widget()
            if widget is not None and widget.objectName() == "staff-called":
                return index + 1
        return 1


def _line(role: str, name: str, text: str, wrap: bool = True) -> QWidget:
    widget = label(role, wrap=wrap, name=name)
    widget.setText(text)
    return widget
