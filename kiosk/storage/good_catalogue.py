"""The last known good catalogue: a copy, in the data folder, of the last catalogue that
loaded and walked clean (every answer path priced). When the catalogue the settings name
fails at start, the kiosk runs on this copy and tells staff what failed, rather than
turning visitors away for a typo in a new file.

The copy holds the texts exactly as they were loaded (not the files as they are now, which
an operator may be editing) and is replaced whole: written beside it, then renamed in.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.logic.catalogue import Catalogue, CatalogueError, load_catalogue
from kiosk.logic.check import CheckReport, check_catalogue
from kiosk.logic.money import MoneyError
from kiosk.settings import Settings, SettingsError

FOLDER = "catalogue-good"
STAMP = "kept.txt"  # "<version> <ISO time>": which catalogue this is, and since when
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fallback:
    """The kiosk runs on the good copy: what failed, and which copy it runs on."""

    catalogue: Catalogue
    failure: str  # the first problem of the catalogue that failed
    kept_at: str  # when the copy was kept (ISO time), or ""

    def notice(self, failed: Path) -> str:
        """One line for staff and the log."""
        since = f", kept {self.kept_at[:16].replace('T', ' ')}" if self.kept_at else ""
        return (
            f"the catalogue in {failed} failed ({self.failure}); the kiosk runs on the last "
            f"good copy (version {self.catalogue.version}{since}) until it is fixed"
        )


class GoodCatalogue:
    """The copy in `<data folder>/catalogue-good`."""

    def __init__(self, data_folder: Path) -> None:
        self.folder = data_folder / FOLDER

    def kept_version(self) -> tuple[str, str]:
        """The version kept and when, or ("", "") when there is no copy."""
        try:
            version, _, at = (self.folder / STAMP).read_text(encoding="utf-8").partition(" ")
        except (OSError, UnicodeDecodeError):
            return "", ""
        return version.strip(), at.strip()

    def keep_if_clean(
        self, catalogue: Catalogue, now: datetime, report: CheckReport | None = None
    ) -> bool:
        """Keep `catalogue` as the good copy if it is a new version and walks clean (the
        walk takes a while: only a version not kept yet is walked, unless its `report` is
        given). Returns whether it was kept; a disk that will not take it is logged."""
        if self.kept_version()[0] == catalogue.version or not catalogue.texts:
            return False
        report = report or check_catalogue(catalogue, now.date())
        if not report.ok:
            log.warning("catalogue %s not kept as good: %s", catalogue.version, report.problems[0])
            return False
        try:
            self._write(catalogue, now)
        except OSError as error:
            log.error("the good catalogue copy %s was not written: %s", self.folder, error)
            return False
        log.info("catalogue %s kept as the last known good copy", catalogue.version)
        return True

    def _write(self, catalogue: Catalogue, now: datetime) -> None:
        partial = self.folder.with_name(f".{FOLDER}-{os.getpid()}")
        old = self.folder.with_name(f".{FOLDER}-old-{os.getpid()}")
        shutil.rmtree(partial, ignore_errors=True)
        for relative, text in catalogue.texts.items():
            target = partial / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        stamp = f"{catalogue.version} {now.isoformat(timespec='seconds')}\n"
        (partial / STAMP).write_text(stamp, encoding="utf-8")
        if self.folder.exists():
            os.replace(self.folder, old)
        os.replace(partial, self.folder)
        shutil.rmtree(old, ignore_errors=True)

    def fall_back_for(self, settings: Settings, error: Exception) -> Fallback | None:
        """The good copy to run on when the catalogue the settings name fails with `error`:
        one that loads and has a payment profile for every payee (logged either way)."""
        fallback = self.fall_back(first_problem(error))
        if fallback is not None:
            try:
                settings.check_payees(fallback.catalogue.payees())
            except SettingsError as mismatch:
                log.error("the good catalogue copy cannot be used: %s", mismatch)
                return None
            log.error("%s", fallback.notice(settings.catalogue))  # on stderr, in the log
        return fallback

    def keep_in_background(self, catalogue: Catalogue) -> None:
        """Keep `catalogue` if it walks clean, on a thread of its own (the walk takes a
        while and needs nothing on screen); nothing happens for a version already kept."""
        if self.kept_version()[0] == catalogue.version:
            return
        threading.Thread(
            target=self.keep_if_clean,
            args=(catalogue, datetime.now()),
            name="good-catalogue",
            daemon=True,
        ).start()

    def fall_back(self, failure: str) -> Fallback | None:
        """The good copy, loaded and checked, if there is one that still loads."""
        if not self.folder.is_dir():
            return None
        try:
            catalogue = load_catalogue(self.folder)
        except (CatalogueError, MoneyError) as error:
            log.error("the good catalogue copy %s does not load either: %s", self.folder, error)
            return None
        return Fallback(catalogue, failure, self.kept_version()[1])


def first_problem(error: Exception) -> str:
    """The first line of what is wrong with a catalogue."""
    if isinstance(error, CatalogueError) and error.problems:
        return str(error.problems[0])
    return str(error).splitlines()[0] if str(error) else type(error).__name__
