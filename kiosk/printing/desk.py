"""The print desk: makes a visitor's slip, archives it for reprints, sends it to the
spooler and writes every outcome in the journal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QObject, Signal

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.i18n import Strings
from kiosk.logic.quote import Quote, make_quote
from kiosk.logic.slip import Slip, make_slip
from kiosk.printing.outcome import PrintOutcome
from kiosk.printing.spooler import Spooler
from kiosk.settings import Settings
from kiosk.storage.journal import ArchivedSlip, Journal


class PrintDesk(QObject):
    """Signals: finished(reference, PrintOutcome)."""

    finished = Signal(str, object)

    def __init__(
        self,
        spooler: Spooler,
        journal: Journal,
        catalogue: Catalogue,
        strings: Strings,
        settings: Settings,
        now: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.spooler, self.journal, self.catalogue = spooler, journal, catalogue
        self.strings, self.settings, self.now = strings, settings, now
        spooler.finished.connect(self._on_finished)

    def slip(self, quote: Quote, reference: str, have: set[str]) -> Slip:
        """The slip of a quote, printed now."""
        return make_slip(
            quote,
            self.catalogue,
            self.strings,
            centre_name=self.settings.centre.name,
            kiosk_id=self.settings.kiosk_id,
            printed_at=self.now(),
            reference=reference,
            have=have,
        )

    def print_quote(self, quote: Quote, reference: str, have: set[str], session: int) -> Slip:
        """Archive and print a visitor's slip; the outcome comes through `finished`."""
        now = self.now()
        self.journal.archive_slip(
            ArchivedSlip(
                reference=reference,
                service=quote.service,
                answers=dict(quote.answers),
                have=sorted(have),
                visit_date=quote.date.isoformat(),
                language=quote.language,
                centre_class=quote.centre_class,
                printed_at=now.isoformat(timespec="seconds"),
            ),
            now,
        )
        slip = self.slip(quote, reference, have)
        self.spooler.submit(slip, session)
        return slip

    def rebuild(self, reference: str) -> Slip | None:
        """The slip of an archived reference, made again from the catalogue (None if gone)."""
        record = self.journal.archived(reference)
        if record is None:
            return None
        quote = make_quote(
            self.catalogue,
            record.service,
            record.answers,
            visit_date=date.fromisoformat(record.visit_date),
            centre_class=record.centre_class,  # type: ignore[arg-type]
            language=record.language,  # type: ignore[arg-type]
            profiles=self.settings.payments,
            reference=reference,
        )
        return self.slip(quote, reference, set(record.have))

    def reprint(self, reference: str, session: int = -1) -> bool:
        """Print an archived slip again (staff, or the visitor's own retry)."""
        slip = self.rebuild(reference)
        if slip is None:
            return False
        self.spooler.submit(slip, session)
        return True

    def test_print(self) -> None:
        """A short slip that shows the printer, the font (Kazakh letters) and a QR code work."""
        from kiosk.logic.slip import Block

        now = self.now()
        reference = f"TEST-{now:%H%M%S}"
        blocks = (
            Block(style="title", text=self.settings.centre.name.get("kk")),
            Block(style="text", text=f"{self.settings.kiosk_id} {now:%Y-%m-%d %H:%M:%S}"),
            Block(style="text", text="Ә Ғ Қ Ң Ө Ұ Ү Һ І — ә ғ қ ң ө ұ ү һ і — 1 234 ₸"),
            Block(style="qr", payload=reference),
        )
        self.spooler.submit(Slip(reference=reference, language="kk", blocks=blocks), -1)

    def end_session(self, session: int) -> None:
        """Jobs of a session that has ended are never sent."""
        self.spooler.end_session(session)

    def _on_finished(self, reference: str, outcome: PrintOutcome) -> None:
        self.journal.record_print(
            reference, outcome.status.value, outcome.detail, outcome.printer, self.now()
        )
        self.finished.emit(reference, outcome)
