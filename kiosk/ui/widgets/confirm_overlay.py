"""A question asked once before something is lost: the question and two buttons, Yes
(`confirm-yes`, the action) and No (`confirm-no`, back to where the visitor was), over the
screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.logic.content import ScreenContent
from kiosk.ui.screen import label
from kiosk.ui.widgets.tap_button import TapButton


class ConfirmOverlay(QWidget):
    """Covers its parent while shown. Signals: answered(bool)."""

    answered = Signal(bool)
    PANEL_WIDTH = 760
    PANEL_MARGIN = 40

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, objectName="confirm-overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        panel = QFrame(objectName="confirm-panel")
        self.panel = panel
        self.question = label("title", name="confirm-question")
        self.question.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # No stands where the finger that asked is likely to be; Yes is a deliberate reach.
        self.no = TapButton(objectName="confirm-no")
        self.yes = TapButton(objectName="confirm-yes")
        self.yes.setProperty("role", "danger")
        for button in (self.no, self.yes):
            button.setMinimumHeight(88)
        self.no.clicked.connect(lambda: self.answered.emit(False))
        self.yes.clicked.connect(lambda: self.answered.emit(True))
        buttons = QHBoxLayout()
        buttons.setSpacing(32)
        buttons.addWidget(self.yes, 1)
        buttons.addWidget(self.no, 1)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(self.PANEL_MARGIN, 36, self.PANEL_MARGIN, 36)
        inner.setSpacing(32)
        inner.addWidget(self.question)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def paint(self, content: ScreenContent) -> None:
        """Ask the content's question (its choices: confirm-yes, confirm-no)."""
        self.question.setText(content.heading)
        labels = {choice.id: choice.label for choice in content.choices}
        self.yes.setText(labels["confirm-yes"])
        self.no.setText(labels["confirm-no"])
        # A centred panel gets no height-for-width from its layout: give it its width, and
        # the question the height its wrapped lines need.
        buttons = self.yes.sizeHint().width() + self.no.sizeHint().width() + 32
        width = min(
            max(self.PANEL_WIDTH, buttons + 2 * self.PANEL_MARGIN), self.parentWidget().width() - 48
        )
        self.panel.setFixedWidth(width)
        inner = width - 2 * self.PANEL_MARGIN
        self.question.setMinimumHeight(self.question.heightForWidth(inner))
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
