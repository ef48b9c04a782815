"""The kiosk's side of its fleet link on the screen's thread: the heartbeat it says of
itself, and a new catalogue version switched to between two visitors, never during one."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer

from kiosk import kiosk_version
from kiosk.fleet import rollout
from kiosk.fleet.link import FleetLink, Heartbeat
from kiosk.logic.catalogue import CatalogueError, load_catalogue
from kiosk.settings import SettingsError
from kiosk.storage.good_catalogue import GoodCatalogue
from kiosk.storage.journal_writer import JournalWriter
from kiosk.ui.navigator import Navigator, State
from kiosk.ui.print_jobs import PrintJobs
from kiosk.ui.staff import StaffDesk

log = logging.getLogger(__name__)
SWITCH_CHECK_MS = 1000
FREE = (State.WELCOME, State.OUT_OF_ORDER)  # screens with no visitor in front


class FleetReporter(QObject):
    """Beats for the link every `fleet.heartbeat` seconds and switches to a catalogue
    version the link fetched and checked, when no visitor is in front."""

    def __init__(
        self,
        url: str,
        navigator: Navigator,
        staff: StaffDesk,
        jobs: PrintJobs,
        journal: JournalWriter,
        version: int,
    ) -> None:
        super().__init__(navigator)
        self.navigator, self.staff = navigator, staff
        self.jobs, self.journal = jobs, journal
        self.version = version  # the fleet catalogue version running (0: not one of the fleet's)
        self.pending: rollout.Fetched | None = None
        self.refused = ""
        settings = navigator.settings
        self.link = FleetLink(
            url,
            journal.path,
            settings.data_folder,
            settings.fleet.heartbeat,
            running=lambda: self.version,
        )
        self.heartbeat = QTimer(self, objectName="fleet-heartbeat")
        self.heartbeat.setInterval(round(settings.fleet.heartbeat * 1000))
        self.heartbeat.timeout.connect(self.beat)
        self.switcher = QTimer(self, objectName="fleet-switch")
        self.switcher.setInterval(SWITCH_CHECK_MS)
        self.switcher.timeout.connect(self.switch_when_free)
        navigator.wiped.connect(lambda: QTimer.singleShot(0, self.switch_when_free))
        self.kiosk_version = kiosk_version()

    def start(self) -> None:
        self.link.start()
        self.heartbeat.start()
        self.switcher.start()
        self.beat()

    def stop(self) -> None:
        self.heartbeat.stop()
        self.switcher.stop()
        self.link.stop()

    def beat(self) -> None:
        """Tell the link what this kiosk is doing now."""
        journal = self.journal.health()
        self.link.beat(
            Heartbeat(
                screen=self.navigator.state.value,
                printer=self.jobs.printer.value,
                catalogue_version=self.navigator.catalogue.version,
                kiosk_version=self.kiosk_version,
                journal=journal.describe() or "ok",
                staff_calls=1 if self.staff.called_at else 0,
            )
        )

    def fault(self) -> str:
        """What staff should know about the link ("" when all is well)."""
        line = self.link.health().describe(self.navigator.settings.fleet.outbox_warning)
        return "; ".join(part for part in (line, self.refused) if part)

    def switch_when_free(self) -> None:
        """Switch to a fetched version if no visitor is in front; else wait for the next."""
        if self.pending is None:
            self.pending = self.link.take_ready()
        navigator = self.navigator
        if self.pending is None or navigator.visiting or navigator.state not in FREE:
            return
        fetched, self.pending = self.pending, None
        try:
            catalogue = load_catalogue(fetched.folder)
            navigator.settings.check_payees(catalogue.payees())
        except (CatalogueError, SettingsError) as error:
            said = error.summary() if isinstance(error, CatalogueError) else str(error)
            self.refused = f"catalogue version {fetched.version} refused: {said}"
            self.link.refuse(fetched.version, said)  # not fetched again
            log.error("fleet: %s", self.refused)
            return
        navigator.use_catalogue(catalogue)
        rollout.switched(navigator.settings.data_folder, fetched.version)
        GoodCatalogue(navigator.settings.data_folder).keep_in_background(catalogue)
        self.version, self.refused = fetched.version, ""
        action = f"catalogue switched to fleet version {fetched.version}: {catalogue.version}"
        self.journal.put("audit", action, datetime.now())
        log.info("fleet: %s", action)
        self.beat()
