"""Service choice: a tile per catalogue service."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.i18n import Language, Strings
from kiosk.settings import ASSETS
from kiosk.ui.screen import Screen, clear, label
from kiosk.ui.widgets.big_button import BigButton

ICONS = ASSETS / "icons"


class ServicesScreen(Screen):
    """Signals: service_chosen(str)."""

    name = "services"
    service_chosen = Signal(str)

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(strings, parent)
        self.catalogue: Catalogue | None = None
        self.title = label("title")
        self.column = self.scrolling()
        self.tiles: dict[str, BigButton] = {}

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Build a tile for every service, in catalogue order."""
        self.catalogue = catalogue
        clear(self.column)
        self.title = label("title")
        self.column.addWidget(self.title)
        self.tiles = {}
        for service_id in catalogue.services:
            tile = BigButton("tile")
            tile.setObjectName(f"service-{service_id}")
            tile.clicked.connect(lambda _=False, sid=service_id: self.service_chosen.emit(sid))
            icon = ICONS / f"{catalogue.service(service_id).icon}.svg"
            tile.set_picture(icon if icon.exists() else ICONS / "document.svg", 96)
            self.tiles[service_id] = tile
            self.column.addWidget(tile)
        self.column.addStretch(1)
        self.retranslate(self.language)

    def retranslate(self, language: Language) -> None:
        super().retranslate(language)
        self.title.setText(self.say("services.title"))
        if self.catalogue is None:
            return
        for service_id, tile in self.tiles.items():
            service = self.catalogue.service(service_id)
            tile.set_texts(service.title.get(language), service.summary.get(language))
