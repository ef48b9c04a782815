"""Documents to bring: what each is and where to get it; the visitor ticks what they have."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.logic.i18n import Language, Strings
from kiosk.logic.quote import Quote
from kiosk.ui.screen import Screen, label
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.button_pool import ButtonPool, mark


class DocumentsScreen(Screen):
    """Signals: document_toggled(document_id, have_it)."""

    name = "documents"
    document_toggled = Signal(str, bool)

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(strings, parent)
        self.quote: Quote | None = None
        self.have: set[str] = set()
        self.buttons: dict[str, BigButton] = {}
        self.column = self.scrolling()
        self.title, self.hint = label("title"), label("subtitle")
        self.column.addWidget(self.title)
        self.column.addWidget(self.hint)
        self.column.addStretch(1)
        self.pool = ButtonPool(self.column, "document", self._on_pressed, checkable=True)
        self.wipe()

    def show_documents(self, quote: Quote, have: set[str]) -> None:
        """List the quote's documents; those in `have` are ticked."""
        self.quote, self.have = quote, set(have)
        ids = [document.id for document in quote.documents]
        buttons = self.pool.take([f"document-{document_id}" for document_id in ids])
        self.buttons = dict(zip(ids, buttons, strict=True))
        for document_id, button in self.buttons.items():
            mark(button, checked=document_id in have)
        self.retranslate(self.language)

    def _on_pressed(self, button: BigButton, have_it: bool) -> None:
        document_id = next((d for d, b in self.buttons.items() if b is button), None)
        if document_id is None:
            return
        if have_it:
            self.have.add(document_id)
        else:
            self.have.discard(document_id)
        self._label(document_id)
        self.document_toggled.emit(document_id, have_it)

    def _label(self, document_id: str) -> None:
        assert self.quote is not None
        document = next(d for d in self.quote.documents if d.id == document_id)
        mark = self.say("documents.have" if document_id in self.have else "documents.missing")
        details = [document.note]
        if document.where and document_id not in self.have:
            details.append(self.say("documents.where", where=document.where))
        self.buttons[document_id].set_texts(f"{document.title} — {mark}", "\n".join(details))

    def wipe(self) -> None:
        self.quote = None
        self.have = set()
        self.buttons = {}
        self.pool.clear()

    def retranslate(self, language: Language) -> None:
        super().retranslate(language)
        self.title.setText(self.say("documents.title"))
        self.hint.setText(self.say("documents.hint"))
        for document_id in self.buttons:
            self._label(document_id)
