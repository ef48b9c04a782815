"""The kiosk's link: the outbox drained exactly once, through a database that goes down."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import psycopg
import pytest

from kiosk.fleet import central
from kiosk.fleet.link import FleetLink, Heartbeat
from kiosk.storage.journal import new_key
from kiosk.storage.journal_writer import JournalWriter
from tests.postgres import Postgres

BEAT = Heartbeat("welcome", "ready", "abc123", "1.0", "ok", 0)


def _until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _central(url: str, query: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as db:
        return db.execute(query).fetchall()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[JournalWriter]:
    writer = JournalWriter(tmp_path / "journal.sqlite3", kiosk_id="T2", outbox=True, retry=0.1)
    writer.start()
    yield writer
    writer.stop()


def _visits(journal: JournalWriter, count: int, outcome: str = "completed") -> None:
    for _ in range(count):
        key = new_key()
        journal.put("start_session", "kk", datetime.now(), key=key)
        journal.put("update_session", key, service="id-card", last_question="circumstance")
        journal.put("end_session", key, outcome, datetime.now())
    journal.put("audit", "a visitor called staff", datetime.now())
    journal.put("record_print", "T2-20261206-0001", "printed", "", "pdf", datetime.now())
    assert journal.flush()


def _outbox(journal: JournalWriter) -> int:
    with sqlite3.connect(journal.path) as db:
        return int(db.execute("SELECT count(*) FROM outbox").fetchone()[0])


def test_events_leave_once_and_a_dead_database_loses_nothing(
    fleet_db: str, postgres: Postgres, journal: JournalWriter, tmp_path: Path
) -> None:
    url = central.enrol(fleet_db, "T2", "AST-01")
    _visits(journal, 5)
    assert _outbox(journal) == 7  # 5 sessions, an audit entry, a print
    link = FleetLink(url, journal.path, tmp_path, interval=0.2)
    link.start()
    try:
        link.beat(BEAT)
        _until(lambda: _outbox(journal) == 0)
        count = "SELECT count(*) FROM events"
        assert _central(fleet_db, count) == [(7,)]
        assert _central(fleet_db, "SELECT kiosk_id, screen FROM heartbeats") == [("T2", "welcome")]

        postgres.kill()  # the database goes down mid-day
        _visits(journal, 20, outcome="abandoned")
        _until(lambda: link.health().failing_since is not None)
        time.sleep(1.0)
        assert _outbox(journal) == 22  # kept on the kiosk's disk
        assert "nothing sent to the centre since" in link.health().describe(warn_at=10)
        assert "22 events wait" in link.health().describe(warn_at=10)

        postgres.start()  # and comes back
        _until(lambda: _outbox(journal) == 0)
        assert _central(fleet_db, count) == [(29,)]
        assert link.health().failing_since is None
        sessions = _central(
            fleet_db,
            "SELECT body->>'outcome', count(*) FROM events WHERE kind = 'session' GROUP BY 1"
            " ORDER BY 1",
        )
        assert sessions == [("abandoned", 20), ("completed", 5)]

        # Sent, but the kiosk stopped before it deleted them: they go again, and the centre
        # keeps each once.
        with sqlite3.connect(journal.path) as db:
            db.execute(
                "INSERT INTO outbox (key, kind, at, body) SELECT 'session:' || key, 'session',"
                " ended_at, '{}' FROM sessions"
            )
        _until(lambda: _outbox(journal) == 0)
        assert _central(fleet_db, count) == [(29,)]
    finally:
        link.stop()


def test_a_kiosk_without_a_fleet_keeps_no_outbox(tmp_path: Path) -> None:
    writer = JournalWriter(tmp_path / "journal.sqlite3", kiosk_id="T3")
    writer.start()
    try:
        _visits(writer, 3)
        assert _outbox(writer) == 0
    finally:
        writer.stop()


def test_a_kiosk_not_enrolled_is_told_so(fleet_db: str, journal: JournalWriter, tmp_path):
    url = central.enrol(fleet_db, "T4", "AST-01")
    with psycopg.connect(fleet_db) as db:  # head office removed it
        db.execute("DELETE FROM kiosks WHERE kiosk_id = 'T4'")
        db.commit()
    _visits(journal, 1)
    link = FleetLink(url, journal.path, tmp_path, interval=0.2)
    link.start()
    try:
        _until(lambda: link.health().failing_since is not None)
        assert link.health().reason == (
            "this kiosk is not enrolled at the centre (kiosk fleet enrol)"
        )
        assert _outbox(journal) == 3  # and kept
    finally:
        link.stop()


def test_a_journal_from_before_the_fleet_keeps_its_rows_and_sends_only_new_events(
    tmp_path: Path,
) -> None:
    from kiosk.storage.schema import MIGRATIONS

    path = tmp_path / "journal.sqlite3"
    with sqlite3.connect(path) as db:
        for number, script in enumerate(MIGRATIONS[:4], start=1):
            db.executescript(f"{script}; PRAGMA user_version = {number};")
        db.execute(
            "INSERT INTO sessions (key, started_at, ended_at, language, outcome, last_screen)"
            " VALUES ('old', '2026-12-01T10:00:00', '2026-12-01T10:05:00', 'kk', 'completed',"
            " 'thanks')"
        )
    writer = JournalWriter(path, kiosk_id="T5", outbox=True)
    writer.start()
    try:
        _visits(writer, 1)
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA user_version").fetchone() == (len(MIGRATIONS),)
            assert db.execute("SELECT count(*) FROM sessions").fetchone() == (2,)
            keys = [row[0] for row in db.execute("SELECT key FROM outbox ORDER BY id")]
        assert len(keys) == 3 and "session:old" not in keys  # the past stays on the kiosk
    finally:
        writer.stop()


def test_a_journal_set_aside_as_corrupt_goes_on_filling_the_outbox_the_link_drains(
    fleet_db: str, journal: JournalWriter, tmp_path: Path
) -> None:
    url = central.enrol(fleet_db, "T6", "AST-01")
    link = FleetLink(url, journal.path, tmp_path, interval=0.2)
    link.start()
    try:
        _visits(journal, 2)
        _until(lambda: _central(fleet_db, "SELECT count(*) FROM events") == [(4,)])
        garbage = tmp_path / "garbage"
        garbage.write_bytes(b"not a database " * 300)
        os.replace(garbage, journal.path)  # the journal replaced by garbage
        for suffix in ("-wal", "-shm"):
            Path(f"{journal.path}{suffix}").unlink(missing_ok=True)
        _visits(journal, 3)  # set aside, a new journal started: its outbox is on too
        _until(lambda: _central(fleet_db, "SELECT count(*) FROM events") == [(10,)])
        notices = _central(
            fleet_db, "SELECT body->>'action' FROM events WHERE body->>'action' LIKE 'journal%'"
        )
        assert len(notices) == 1 and "found corrupt" in str(notices[0][0])  # head office hears
    finally:
        link.stop()
