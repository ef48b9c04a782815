"""The journal's writer: bounded memory, events in order and each once, nothing waits."""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime
from pathlib import Path

from kiosk.storage.journal_writer import JournalWriter

NOW = datetime(2026, 11, 23, 14, 5)


def test_memory_is_bounded_and_what_is_dropped_is_counted(tmp_path: Path) -> None:
    writer = JournalWriter(tmp_path / "journal.sqlite3", capacity=10, now=lambda: NOW)
    for number in range(12):  # the writer has not started: everything waits
        writer.put("audit", f"action {number}", NOW)
    health = writer.health()
    assert (health.waiting, health.lost) == (10, 2)
    writer.start()
    assert writer.flush(5)
    actions = [action for _, action in reversed(writer.reading().audit_log())]
    assert actions == [f"action {number}" for number in range(10)]
    writer.stop()


def test_updates_of_one_session_waiting_together_become_one(tmp_path: Path) -> None:
    writer = JournalWriter(tmp_path / "journal.sqlite3", now=lambda: NOW)
    writer.put("start_session", "kk", NOW, key="s1")
    writer.put("update_session", "s1", last_screen="services")
    writer.put("update_session", "s1", service="id-card-restoration")
    writer.put("update_session", "s1", last_screen="question")
    assert writer.health().waiting == 2
    writer.start()
    assert writer.flush(5)
    [row] = writer.reading().sessions()
    assert (row["service"], row["last_screen"]) == ("id-card-restoration", "question")
    writer.stop()


def test_events_wait_out_a_lock_and_are_written_in_order_once(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    writer = JournalWriter(path, retry=0.05, now=lambda: NOW)
    writer.start()
    assert writer.opened().writing
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    started = time.perf_counter()
    for number in range(200):
        writer.put("audit", f"action {number}", NOW, key=f"k{number}")
    assert time.perf_counter() - started < 0.1  # putting never waits on the lock
    deadline = time.monotonic() + 5
    while writer.health().writing:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    health = writer.health()
    assert health.describe().startswith("not writing since 14:05: database is locked")
    other.execute("ROLLBACK")
    other.close()
    assert writer.flush(10)
    actions = [action for _, action in reversed(writer.reading().audit_log(500))]
    assert actions == [f"action {number}" for number in range(200)]
    assert writer.health().writing
    writer.stop()


def test_a_batch_written_again_is_written_once(tmp_path: Path) -> None:
    writer = JournalWriter(tmp_path / "journal.sqlite3", now=lambda: NOW)
    writer.start()
    for _ in range(2):  # the same events twice, as after a commit whose answer was lost
        writer.put("start_session", "ru", NOW, key="session-1")
        writer.put("audit", "test print", NOW, key="audit-1")
        writer.put("record_print", "K01-1", "printed", "", "ready", NOW, key="print-1")
    assert writer.flush(5)
    journal = writer.reading()
    assert len(journal.sessions()) == 1 and len(journal.audit_log()) == 1
    assert journal.prints("K01-1") == [("printed", "")]
    writer.stop()


def test_a_visitors_session_is_written_a_moment_later_and_anything_else_at_once(
    tmp_path: Path,
) -> None:
    # A tap's session event waits out the settle time (written after its screen is
    # painted, with the moment's other events); a print or an audit entry does not, and a
    # flush writes what waits at once.
    writer = JournalWriter(tmp_path / "journal.sqlite3", settle=30, now=lambda: NOW)
    writer.start()
    assert writer.opened().writing
    writer.put("start_session", "kk", NOW, key="s1")
    writer.put("update_session", "s1", last_screen="services")
    time.sleep(0.3)
    assert writer.reading().sessions() == []  # settling: not yet
    assert writer.health().waiting == 2
    writer.put("audit", "reprint K01-20261123-0001", NOW)  # staff read it back at once
    deadline = time.monotonic() + 5
    while writer.reading().audit_log() == []:
        assert time.monotonic() < deadline, "an audit entry waited for the settle time"
        time.sleep(0.02)
    [row] = writer.reading().sessions()  # written with it, in order
    assert row["last_screen"] == "services"
    writer.put("update_session", "s1", last_screen="question")
    started = time.monotonic()
    assert writer.flush(5)
    assert time.monotonic() - started < 5  # a flush does not wait out the 30 s
    [row] = writer.reading().sessions()
    assert row["last_screen"] == "question"
    writer.put("update_session", "s1", last_screen="review")
    writer.stop()  # writes what waits, without waiting out the settle time either
    [row] = JournalWriter(tmp_path / "journal.sqlite3").reading().sessions()
    assert row["last_screen"] == "review"


def test_what_could_not_be_written_is_written_as_soon_as_it_can_be(tmp_path: Path) -> None:
    # An audit entry in a batch that failed (the journal locked) is still not one to settle:
    # written at the next try after the lock goes, not a settle time later.
    path = tmp_path / "journal.sqlite3"
    writer = JournalWriter(path, retry=0.05, settle=30, now=lambda: NOW)
    writer.start()
    assert writer.opened().writing
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    writer.put("audit", "reprint K01-20261123-0001", NOW)
    deadline = time.monotonic() + 5
    while writer.health().writing:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    other.execute("ROLLBACK")
    other.close()
    deadline = time.monotonic() + 5
    while writer.health().waiting:
        assert time.monotonic() < deadline, "the audit entry waited for the settle time"
        time.sleep(0.02)
    assert [action for _, action in writer.reading().audit_log()] == ["reprint K01-20261123-0001"]
    writer.stop()
