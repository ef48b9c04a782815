"""A large touch button whose text wraps: a title and an optional detail line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.widgets.tap_button import TapButton
from kiosk.ui.widgets.text_label import TextLabel


class BigButton(TapButton):
    """A QPushButton showing word-wrapped labels, so long answers in any language fit.

    `role` is the style role (option, tile, document, primary); the labels pass every
    touch to the button.
    """

    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = ""  # what the button stands for (an option, a document), when pooled
        self.setProperty("role", role)
        self.title = TextLabel(wordWrap=True)
        self.title.setProperty("role", "heading" if role == "tile" else "")
        self.detail = TextLabel(wordWrap=True)
        self.detail.setProperty("role", "muted")
        self.picture = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 16)
        layout.setSpacing(24)
        texts = QVBoxLayout()
        texts.setSpacing(6)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(texts, 1)
        for label in (self.picture, self.title, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        texts.addWidget(self.title)
        texts.addWidget(self.detail)
        self.detail.hide()
        self.picture.hide()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_picture(self, path: Path, side: int) -> None:
        """Show an icon (SVG or bitmap) `side` pixels square at the left."""
        self.picture.setPixmap(QIcon(str(path)).pixmap(QSize(side, side), self.devicePixelRatioF()))
        self.picture.setFixedSize(side, side)
        self.picture.show()

    def set_texts(self, title: str, detail: str = "") -> None:
        """Show `title`, and `detail` below it when there is one."""
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(title if not detail else f"{title}. {detail}")
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        needed = layout.totalHeightForWidth(width) if layout else 0
        return max(needed, self.minimumHeight())

    def sizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.totalSizeHint() if layout else QSize()
        return QSize(max(hint.width(), 240), max(hint.height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.minimumHeight())
