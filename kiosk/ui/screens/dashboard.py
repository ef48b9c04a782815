"""The attendant's dashboard: how the kiosk is, today's figures, slips, and actions."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.logic.i18n import Language, Strings
from kiosk.ui.screen import Screen, clear, label, scroll_column


@dataclass
class DashboardFacts:
    """What the dashboard shows; gathered by the navigator."""

    status: list[tuple[str, bool]] = field(default_factory=list)  # (line, is a problem)
    counts: list[str] = field(default_factory=list)
    gave_up: list[str] = field(default_factory=list)
    slips: list[str] = field(default_factory=list)
    audit: list[str] = field(default_factory=list)
    out_of_order: bool = False
    message: str = ""


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

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(strings, parent)
        self.facts = DashboardFacts()
        area, self.column = scroll_column(self)
        self.buttons: dict[str, QPushButton] = {}
        actions = QGridLayout()
        actions.setSpacing(12)
        specs = [
            ("serve-visitor", "attendant.serve", self.serve_requested.emit),
            ("test-print", "attendant.test-print", self.test_print_requested.emit),
            ("reload-catalogue", "attendant.reload", self.reload_requested.emit),
            ("out-of-order", "attendant.out-of-order", None),
            ("attendant-logout", "attendant.logout", self.logout_requested.emit),
            ("exit-kiosk", "attendant.exit", self.exit_requested.emit),
        ]
        for index, (name, key, slot) in enumerate(specs):
            button = QPushButton(objectName=name)
            button.setProperty("key", key)
            if slot is None:
                button.setCheckable(True)
                button.setProperty("role", "toggle")
                button.toggled.connect(self.out_of_order_toggled)
            else:
                button.clicked.connect(slot)
            self.buttons[name] = button
            actions.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area, 1)
        bar = QWidget()
        bar.setLayout(actions)
        actions.setContentsMargins(48, 8, 48, 16)
        layout.addWidget(bar)

    def show_facts(self, facts: DashboardFacts) -> None:
        """Show the dashboard's facts."""
        self.facts = facts
        clear(self.column)
        self.column.addWidget(self._heading("attendant.dashboard", "title"))
        if facts.message:
            note = label("heading", name="dashboard-message")
            note.setText(facts.message)
            self.column.addWidget(note)
        for line, problem in facts.status:
            row = label("heading" if problem else "", name="status-problem" if problem else "")
            row.setText(("⚠ " if problem else "") + line)
            self.column.addWidget(row)
        self._section("attendant.today", facts.counts, "counts")
        self._section("attendant.gave-up", facts.gave_up, "gave-up")
        self.column.addWidget(self._heading("attendant.slips", "heading"))
        if not facts.slips:
            self.column.addWidget(self._plain(self.say("attendant.nothing")))
        for reference in facts.slips:
            row = QFrame()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            name = label(wrap=False)
            name.setText(reference)
            button = QPushButton(self.say("attendant.reprint"), objectName=f"reprint-{reference}")
            button.clicked.connect(lambda _=False, r=reference: self.reprint_requested.emit(r))
            line.addWidget(name, 1)
            line.addWidget(button)
            self.column.addWidget(row)
        self._section("attendant.audit", facts.audit, "audit-log")
        self.column.addStretch(1)
        toggle = self.buttons["out-of-order"]
        toggle.blockSignals(True)
        toggle.setChecked(facts.out_of_order)
        toggle.blockSignals(False)

    def _heading(self, key: str, role: str) -> QWidget:
        widget = label(role)
        widget.setText(self.say(key))
        return widget

    def _plain(self, text: str, name: str = "") -> QWidget:
        widget = label(name=name)
        widget.setText(text)
        return widget

    def _section(self, key: str, lines: list[str], name: str) -> None:
        self.column.addWidget(self._heading(key, "heading"))
        text = "\n".join(lines) if lines else self.say("attendant.nothing")
        self.column.addWidget(self._plain(text, name))

    def retranslate(self, language: Language) -> None:
        super().retranslate(language)
        for button in self.buttons.values():
            button.setText(self.say(str(button.property("key"))))
