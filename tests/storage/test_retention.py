"""Retention: slip files and archived slips go when their retention ends, at start and every
hour; nothing else in the slip folder is touched, and a failure stops nothing."""

from __future__ import annotations

import logging
import os
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from kiosk.printing.factory import make_backend
from kiosk.settings import Printer, Privacy, Settings
from kiosk.storage import retention
from kiosk.storage.journal import ARCHIVE_HOURS, ArchivedSlip, Journal
from kiosk.storage.journal_writer import JournalWriter
from kiosk.storage.retention import SWEEP_EVERY_MS, Retention, delete_expired_slips, slip_folder
from kiosk.testing import KioskDriver

TODAY = date(2026, 11, 23)
HOUR = 3600.0
# What the kiosk writes in the slip folder: slips, a test print, a partial file, a probe.
KIOSKS = [
    "K01-20261122-0001.pdf",
    "KZ-ALM-07-20261122-12345.pdf",
    "TEST-101500.pdf",
    "K01-20261122-0002.part",
    "TEST-101501.part",
    ".probe",
]
# What it never writes there, whatever the name looks like.
FOREIGN = [
    "notes.pdf",
    "K01-20261122-0003.pdf.bak",
    "K01-20261122-0004.PDF",
    "K01-20261122-0005.txt",
    "K01-2026112-0006.pdf",
    "TEST-1015.pdf",
    "photo.jpg",
    "journal.sqlite3",
]


def aged(path: Path, hours: float, text: str = "x") -> Path:
    """A file last modified `hours` ago."""
    path.write_text(text, encoding="utf-8")
    when = time.time() - hours * HOUR
    os.utime(path, (when, when))
    return path


def archived(reference: str) -> ArchivedSlip:
    answers = {"circumstance": "lost"}
    return ArchivedSlip(
        reference, "id-card-restoration", answers, [], TODAY.isoformat(), "kk", "major", ""
    )


# -- the files ------------------------------------------------------------------------------


def test_old_slip_files_go_young_ones_and_foreign_files_stay(tmp_path, caplog) -> None:
    folder = tmp_path / "slips"
    folder.mkdir()
    for name in KIOSKS:
        aged(folder / name, 25)
    young = [aged(folder / "K01-20261123-0010.pdf", 23), aged(folder / "TEST-090000.pdf", 0)]
    foreign = [aged(folder / name, 25) for name in FOREIGN]
    nested = folder / "K01-20261122-0020.pdf"  # a folder with a slip's name, and a slip in it
    nested.mkdir()
    inner = aged(nested / "K01-20261122-0021.pdf", 25)
    with caplog.at_level(logging.INFO, logger="kiosk.storage.retention"):
        assert delete_expired_slips(folder, 24) == len(KIOSKS)
    for name in KIOSKS:
        assert not (folder / name).exists(), name
    assert all(path.exists() for path in [*young, *foreign, inner])
    assert len(list(folder.iterdir())) == len(young) + len(foreign) + 1
    # Said as a count, naming the folder and the retention, never a file.
    [record] = caplog.records
    assert record.getMessage() == (
        f"retention: {len(KIOSKS)} slip files older than 24 hours deleted from {folder}"
    )


def test_symbolic_links_are_never_followed_nor_deleted(tmp_path) -> None:
    folder, outside = tmp_path / "slips", tmp_path / "elsewhere"
    folder.mkdir()
    outside.mkdir()
    target = aged(outside / "K01-20261122-0001.pdf", 100)
    link = folder / "K01-20261122-0001.pdf"
    link.symlink_to(target)
    folder_link = folder / "K01-20261122-0002.pdf"
    folder_link.symlink_to(outside, target_is_directory=True)
    dangling = folder / "K01-20261122-0003.pdf"
    dangling.symlink_to(outside / "gone.pdf")
    for path in (link, folder_link, dangling):
        os.utime(path, (time.time() - 100 * HOUR,) * 2, follow_symlinks=False)
    assert delete_expired_slips(folder, 24) == 0
    assert link.is_symlink() and folder_link.is_symlink() and dangling.is_symlink()
    assert target.read_text(encoding="utf-8") == "x"
    # A slip folder reached through a link is swept inside, never beside it.
    aged(outside / "K01-20261122-0004.pdf", 100)
    assert delete_expired_slips(folder_link, 24) == 2  # 0001 and 0004, both in `outside`
    assert link.is_symlink() and not target.exists()


def test_a_file_that_cannot_be_deleted_is_logged_and_the_sweep_goes_on(
    tmp_path, monkeypatch, caplog
) -> None:
    folder = tmp_path / "slips"
    folder.mkdir()
    stuck = aged(folder / "K01-20261122-0001.pdf", 30)
    others = [aged(folder / f"K01-20261122-000{n}.pdf", 30) for n in (2, 3)]
    unlink = os.unlink

    def refuse(path, *args, **kwargs) -> None:
        if Path(path) == stuck:
            raise PermissionError(13, "Permission denied", str(path))
        unlink(path, *args, **kwargs)

    monkeypatch.setattr(retention.os, "unlink", refuse)
    with caplog.at_level(logging.INFO, logger="kiosk.storage.retention"):
        assert delete_expired_slips(folder, 24) == 2
    assert stuck.exists() and not any(path.exists() for path in others)
    messages = [record.getMessage() for record in caplog.records]
    assert any("2 slip files older than 24 hours deleted" in m for m in messages)
    assert any("1 slip files in" in m and "Permission denied" in m for m in messages)


def test_a_missing_or_unreadable_folder_is_no_fault(tmp_path, caplog) -> None:
    with caplog.at_level(logging.INFO, logger="kiosk.storage.retention"):
        assert delete_expired_slips(tmp_path / "never-printed", 24) == 0
    assert caplog.records == []
    not_a_folder = aged(tmp_path / "slips", 30)
    assert delete_expired_slips(not_a_folder, 24) == 0
    assert "cannot be read" in caplog.records[-1].getMessage()
    assert not_a_folder.exists()


def test_the_swept_folder_is_the_one_slips_are_written_to(tmp_path) -> None:
    default = Settings(data_folder=tmp_path)
    assert slip_folder(default) == make_backend(default).folder == tmp_path / "slips"
    named = Settings(data_folder=tmp_path, printer=Printer(folder=tmp_path / "paper"))
    assert slip_folder(named) == make_backend(named).folder == tmp_path / "paper"
    # The back end writes the names the sweep takes for its own.
    for name in ("K01-20261123-0001.pdf", "K01-20261123-0001.part", "TEST-235959.pdf", ".probe"):
        assert retention.written_by_kiosk(name), name


# -- the archive ----------------------------------------------------------------------------


def test_archive_is_purged_by_the_retention_given(tmp_path) -> None:
    assert Privacy().slip_retention_hours == ARCHIVE_HOURS  # purge's default is the setting's
    journal = Journal(tmp_path / "journal.sqlite3")
    now = datetime(2026, 11, 23, 12, 0, 0)
    for reference, age in (("K01-20261123-0001", 3), ("K01-20261123-0002", 1), ("K01-0003", 30)):
        journal.archive_slip(archived(reference), now - timedelta(hours=age))
    assert journal.purge(now) == 1  # 24 hours by default: the 30-hour-old one
    assert journal.purge(now, 2) == 1
    assert journal.recent_slips() == ["K01-20261123-0002"]
    assert journal.purge(now, 0.5) == 1 and journal.recent_slips() == []
    journal.close()


def test_a_sweep_purges_files_and_archive_by_the_setting_off_the_caller_s_thread(
    tmp_path,
) -> None:
    settings = Settings(data_folder=tmp_path, privacy=Privacy(slip_retention_hours=2))
    folder = slip_folder(settings)
    folder.mkdir()
    old, young = aged(folder / "K01-20261123-0001.pdf", 3), aged(folder / "TEST-120000.pdf", 1)
    writer = JournalWriter(tmp_path / "journal.sqlite3")
    writer.start()
    now = datetime.now()
    writer.put("archive_slip", archived("K01-20261123-0001"), now - timedelta(hours=3))
    writer.put("archive_slip", archived("K01-20261123-0002"), now - timedelta(hours=1))
    sweeper = Retention.of(settings, writer)
    assert sweeper.hours == 2 and sweeper.folder == folder
    sweeper.sweep()
    assert sweeper.settled() and writer.flush()
    assert not old.exists() and young.exists()
    assert writer.read(lambda journal: journal.recent_slips()) == ["K01-20261123-0002"]
    writer.stop()


# -- the kiosk: at start and every hour ------------------------------------------------------


@pytest.fixture
def data_folder(tmp_path) -> Path:
    """A data folder a kiosk ran in before: slips of yesterday and of the last hour, a file
    of someone else's, and the archive of those slips in the journal."""
    folder = tmp_path / "data"
    (folder / "slips").mkdir(parents=True)
    aged(folder / "slips" / "K01-20261121-0008.pdf", 50)
    aged(folder / "slips" / "K01-20261122-0001.pdf", 30)
    aged(folder / "slips" / "K01-20261122-0002.part", 30)
    aged(folder / "slips" / "K01-20261123-0003.pdf", 1)
    aged(folder / "slips" / "ledger.pdf", 30)
    journal = Journal(folder / "journal.sqlite3")
    now = datetime.now()
    journal.archive_slip(archived("K01-20261122-0001"), now - timedelta(hours=30))
    journal.archive_slip(archived("K01-20261122-0009"), now - timedelta(hours=50))
    journal.archive_slip(archived("K01-20261123-0003"), now - timedelta(hours=1))
    journal.close()
    return folder


def slips_in(folder: Path) -> set[str]:
    return {path.name for path in (folder / "slips").iterdir()}


def test_the_kiosk_sweeps_at_start_and_every_hour(qtbot, data_folder) -> None:
    driver = KioskDriver.start(qtbot, settings=Settings(data_folder=data_folder), today=TODAY)
    driver.wait_until(lambda: "K01-20261122-0002.part" not in slips_in(data_folder))
    assert slips_in(data_folder) == {"K01-20261123-0003.pdf", "ledger.pdf"}
    assert driver.journal.recent_slips() == ["K01-20261123-0003"]
    # An hour on, the slip of the last hour is past its retention too.
    sweeper = driver.window.findChild(QTimer, "retention-sweep")
    assert sweeper is not None and sweeper.isActive() and sweeper.interval() == SWEEP_EVERY_MS
    aged(data_folder / "slips" / "K01-20261123-0003.pdf", 25)
    driver.kiosk.journal.put(
        "archive_slip", archived("K01-20261123-0004"), datetime.now() - timedelta(hours=25)
    )
    assert driver.journal.recent_slips() == ["K01-20261123-0003", "K01-20261123-0004"]
    sweeper.start(1)  # the hour, in a millisecond
    driver.wait_until(lambda: slips_in(data_folder) == {"ledger.pdf"})
    sweeper.start(SWEEP_EVERY_MS)
    assert driver.journal.recent_slips() == ["K01-20261123-0003"]  # archived an hour ago


def test_a_longer_retention_keeps_slips_longer_even_as_sessions_end(qtbot, data_folder) -> None:
    settings = Settings(data_folder=data_folder, privacy=Privacy(slip_retention_hours=40))
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY)
    driver.wait_until(lambda: "K01-20261121-0008.pdf" not in slips_in(data_folder))
    assert driver.journal.recent_slips() == ["K01-20261123-0003", "K01-20261122-0001"]
    assert slips_in(data_folder) == {
        "K01-20261122-0001.pdf",
        "K01-20261122-0002.part",
        "K01-20261123-0003.pdf",
        "ledger.pdf",
    }
    driver.choose_service("id-card-restoration")
    driver.walk_away()  # the session ends: the archive is purged by the same 40 hours
    assert driver.journal.recent_slips() == ["K01-20261123-0003", "K01-20261122-0001"]
