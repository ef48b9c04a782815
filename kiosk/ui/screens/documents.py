"""Documents to bring: what each is and where to get it; the visitor ticks what they have."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.logic.i18n import Language, Strings
from kiosk.logic.quote import Quote
from kiosk.ui.screen import Screen, clear, label
from kiosk.ui.widgets.big_button import BigButton


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
        self.wipe()

    def show_documents(self, quote: Quote, have: set[str]) -> None:
        """List the quote's documents; those in `have` are ticked."""
        self.wipe()
        self.quote, self.have = quote, set(have)
        for document in quote.documents:
            button = BigButton("document")
            button.setObjectName(f"document-{document.id}")
            button.setCheckable(True)
            button.setChecked(document.id in have)
            button.toggled.connect(lambda on, did=document.id: self._on_toggled(did, on))
            self.buttons[document.id] = button
            self.column.addWidget(button)
        self.column.addStretch(1)
        self.retranslate(self.language)

    def _on_toggled(self, document_id: str, have_it: bool) -> None:
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
        clear(self.column)
        self.quote = None
        self.have = set()
        self.buttons = {}
        self.title, self.hint = label("title"), label("subtitle")
        self.column.addWidget(self.title)
        self.column.addWidget(self.hint)

    def retranslate(self, language: Language) -> None:
        super().retranslate(language)
        self.title.setText(self.say("documents.title"))
        self.hint.setText(self.say("documents.hint"))
        for document_id in self.buttons:
            self._label(document_id)
