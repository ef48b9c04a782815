"""Service choice: a tile per catalogue service."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.content import ScreenContent
from kiosk.places import ASSETS
from kiosk.ui.screen import Screen, clear, label
from kiosk.ui.widgets.big_button import BigButton

ICONS = ASSETS / "icons"


class ServicesScreen(Screen):
    """Signals: service_chosen(str)."""

    name = "services"
    service_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title", name="heading")
        self.column = self.scrolling()
        self.tiles: dict[str, BigButton] = {}

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Build a tile for every service, in catalogue order (blank until painted)."""
        self.content = None
        clear(self.column)
        self.title = label("title", name="heading")
        self.column.addWidget(self.title)
        self.tiles = {}
        for service_id in catalogue.services:
            tile = BigButton("tile")
            tile.setObjectName(f"service-{service_id}")
            tile.clicked.connect(lambda _=False, sid=service_id: self.service_chosen.emit(sid))
            icon = ICONS / f"{catalogue.service(service_id).icon}.svg"
            tile.set_picture(icon if icon.exists() else ICONS / "document.svg", 96)
            self.tiles[f"service-{service_id}"] = tile
            self.column.addWidget(tile)
        self.column.addStretch(1)

    def paint(self, content: ScreenContent) -> None:
        """Label every tile."""
        super().paint(content)
        self.title.setText(content.heading)
        for choice in content.choices:
            self.tiles[choice.id].set_texts(choice.label, choice.detail)
