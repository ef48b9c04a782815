"""The one owner of print jobs and their outcomes: a visitor's slip (archived for reprints),
staff reprints and test prints. It makes the slip from the case, hands it to the spooler,
writes each outcome in the journal and keeps the visitor's job's state for the screens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from kiosk.logic.i18n import LocalText, Strings
from kiosk.logic.pricing import Case, Pricing
from kiosk.logic.quote import Quote
from kiosk.logic.slip import Block, Slip
from kiosk.printing.backends import PrinterStatus
from kiosk.printing.outcome import PrintOutcome, PrintStatus
from kiosk.printing.spooler import Spooler
from kiosk.storage.journal import ARCHIVE_HOURS, ArchivedSlip, new_key
from kiosk.storage.journal_writer import JournalWriter


@dataclass(frozen=True)
class PrintJob:
    """A visitor's slip job: its reference and, once known, its outcome."""

    reference: str
    session: int
    outcome: PrintOutcome | None = None

    @property
    def status(self) -> PrintStatus | None:
        """None while printing."""
        return self.outcome.status if self.outcome else None


class PrintJobs(QObject):
    """Signals: finished(reference, PrintOutcome) for every job; printer_known(status) when
    the printer has answered a status question."""

    finished = Signal(str, object)
    printer_known = Signal(object)

    def __init__(
        self,
        spooler: Spooler,
        journal: JournalWriter,
        pricing: Pricing,
        strings: Strings,
        *,
        centre_name: LocalText,
        kiosk_id: str,
        retention_hours: float = ARCHIVE_HOURS,
        now: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.spooler, self.journal, self.pricing = spooler, journal, pricing
        self.strings, self.centre_name, self.kiosk_id, self.now = (
            strings,
            centre_name,
            kiosk_id,
            now,
        )
        self.retention_hours = retention_hours  # how long the archive keeps a slip
        self.current: PrintJob | None = None  # the visitor's job, until their session ends
        self._attempts: dict[str, list[str]] = {}  # journal keys of jobs sent, by reference
        spooler.finished.connect(self._on_finished)
        spooler.status_known.connect(self.printer_known)

    @property
    def printer(self) -> PrinterStatus:
        """What the printer last said (ask again with `ask_printer`)."""
        return self.spooler.last_status

    def ask_printer(self) -> None:
        """Ask the printer how it is, in the background: `printer_known` tells."""
        self.spooler.refresh_status()

    def slip(self, quote: Quote, reference: str, have: set[str]) -> Slip:
        """The slip of a quote, printed now, dated with the quote's visit date (a slip
        printed just after midnight still bears the day of the amounts on it)."""
        return self.pricing.slip(
            quote,
            self.strings,
            centre_name=self.centre_name,
            kiosk_id=self.kiosk_id,
            printed_at=datetime.combine(quote.date, self.now().time().replace(microsecond=0)),
            reference=reference,
            have=have,
        )

    def print_visitor(self, case: Case, quote: Quote, have: set[str], session: int) -> PrintJob:
        """Archive and print a visitor's slip; it is the current job until it has an outcome
        and the session ends."""
        now = self.now()
        self.journal.put("archive_slip", ArchivedSlip.of(case, have, now), now)
        self.current = PrintJob(case.reference, session)
        self._send(self.slip(quote, case.reference, have), session)
        return self.current

    def rebuild(self, reference: str) -> Slip | None:
        """The slip of an archived reference, made again from the catalogue (None if gone;
        JournalUnreadable if the archive cannot be read)."""
        record = self.journal.waiting_slip(reference)
        if record is None:
            record = self.journal.read(lambda journal: journal.archived(reference))
        if record is None:
            return None
        return self.slip(self.pricing.quote(record.case()), reference, set(record.have))

    def reprint(self, reference: str) -> bool:
        """Print an archived slip again (for staff); False when it is no longer kept."""
        slip = self.rebuild(reference)
        if slip is None:
            return False
        self._send(slip, -1)
        return True

    def test_print(self) -> None:
        """A short slip that shows the printer, the font (Kazakh letters) and a QR code work."""
        now = self.now()
        reference = f"TEST-{now:%H%M%S}"
        blocks = (
            Block(style="title", text=self.centre_name.get("kk")),
            Block(style="text", text=f"{self.kiosk_id} {now:%Y-%m-%d %H:%M:%S}"),
            Block(style="text", text="Ә Ғ Қ Ң Ө Ұ Ү Һ І — ә ғ қ ң ө ұ ү һ і — 1 234 ₸"),
            Block(style="qr", payload=reference),
        )
        self._send(Slip(reference=reference, language="kk", blocks=blocks), -1)

    def end_session(self, session: int) -> None:
        """A session has ended: its jobs not yet sent never are, its job is forgotten, and
        slips archived longer than their retention are dropped."""
        self.spooler.end_session(session)
        self.journal.put("purge", self.now(), self.retention_hours)
        if self.current is not None and self.current.session == session:
            self.current = None

    def _send(self, slip: Slip, session: int) -> None:
        """Hand a slip to the spooler, its job first written in the journal as `sending`
        (a kiosk stopped mid-print finds it so at its next start: its outcome is unknown)."""
        key = new_key()
        self._attempts.setdefault(slip.reference, []).append(key)
        self.journal.put("record_print", slip.reference, "sending", "", "", self.now(), key=key)
        self.spooler.submit(slip, session)

    def _on_finished(self, reference: str, outcome: PrintOutcome) -> None:
        keys = self._attempts.get(reference) or [new_key()]
        key = keys.pop(0)
        if not keys:
            self._attempts.pop(reference, None)
        status, detail, printer = outcome.status.value, outcome.detail, outcome.printer
        self.journal.put("finish_print", key, reference, status, detail, printer, self.now())
        if self.current is not None and self.current.reference == reference:
            self.current = PrintJob(reference, self.current.session, outcome)
        self.finished.emit(reference, outcome)
