"""The journal: one row per visitor session with its outcome, surviving a killed process."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

from kiosk.settings import Settings, Timing
from kiosk.storage.journal import Journal
from kiosk.testing import ID_CARD_STOLEN, KioskDriver

TODAY = date(2026, 11, 23)


def start(qtbot, tmp_path, **timing) -> KioskDriver:
    settings = Settings(data_folder=tmp_path, timing=Timing(**timing))
    return KioskDriver.start(qtbot, settings=settings, today=TODAY)


def sessions(driver: KioskDriver) -> list[dict]:
    return driver.journal.sessions()


def test_completed_session(qtbot, tmp_path) -> None:
    driver = start(qtbot, tmp_path)
    driver.click("lang-ru")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    assert driver.screen == "screen-result"
    total, reference = driver.screen_content().total, driver.reference  # as the visitor saw
    assert total is not None and reference is not None
    driver.click("finish")
    driver.confirm()
    driver.click("finish")
    driver.confirm()
    [row] = sessions(driver)
    assert row["outcome"] == "completed" and row["service"] == "id-card-restoration"
    assert row["language"] == "ru" and row["total"] == str(total.amount)
    assert row["reference"] == reference and reference.startswith("K01-20261123-")
    assert row["last_screen"] == "thanks" and row["ended_at"]
    spent = json.loads(row["screen_seconds"])
    assert {"services", "question", "review", "documents", "result"} <= set(spent)


def test_blocked_abandoned_and_timed_out(qtbot, tmp_path) -> None:
    driver = start(qtbot, tmp_path, idle=0.15, countdown=0.15)
    driver.choose_service("id-card-restoration")
    driver.answer_all({"circumstance": "stolen", "police-talon": "no"})
    driver.click("nav-home")
    driver.confirm()
    driver.choose_service("driving-licence-replacement")
    driver.answer("reason", "early")
    driver.click("nav-home")
    driver.confirm()
    driver.choose_service("driving-licence-replacement")
    # Nobody touches the screen: the idle time and its countdown run out.
    driver.wait_until(lambda: len(sessions(driver)) == 3 and sessions(driver)[-1]["outcome"], 3)
    assert driver.screen == "screen-welcome"
    outcomes = [(row["outcome"], row["last_screen"]) for row in sessions(driver)]
    assert outcomes == [
        ("blocked", "blocker"),
        ("abandoned", "question"),
        ("timed-out", "question"),
    ]


KILLED = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from datetime import date, datetime
    from pathlib import Path
    from kiosk.settings import Settings
    from kiosk.testing import KioskDriver
    settings = Settings(data_folder=Path(sys.argv[1]))
    driver = KioskDriver.start(settings=settings, today=date(2026, 11, 23))
    driver.choose_service("id-card-restoration")
    driver.answer("circumstance", "lost")
    driver.kiosk.journal.flush()  # written (a few milliseconds after the tap)
    print("mid-session", flush=True)
    time.sleep(60)
    """
)


def test_killed_mid_session_then_restart(qtbot, tmp_path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "mid-session"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
        assert child.stdout is not None
        child.stdout.close()
    database = tmp_path / "journal.sqlite3"
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        [(outcome,)] = db.execute("SELECT outcome FROM sessions").fetchall()
        assert outcome is None  # cut off: nobody closed it
    driver = KioskDriver.start(qtbot, settings=Settings(data_folder=tmp_path), today=TODAY)
    [row] = sessions(driver)
    assert row["outcome"] == "abandoned" and row["last_screen"] == "question"


def test_schema_is_versioned(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    assert journal.version == 5
    journal.close()
    again = Journal(tmp_path / "journal.sqlite3")
    assert again.version == 5  # reopening migrates nothing
    again.close()


def test_a_version_2_journal_keeps_its_rows(tmp_path: Path) -> None:
    from kiosk.storage.schema import MIGRATIONS

    path = tmp_path / "journal.sqlite3"
    db = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:2], start=1):
        db.executescript(f"{script}; PRAGMA user_version = {number};")
    db.execute(
        "INSERT INTO sessions (started_at, language, last_screen, outcome)"
        " VALUES ('2026-11-20T10:00:00', 'kk', 'thanks', 'completed')"
    )
    db.commit()
    db.close()
    journal = Journal(path)
    assert journal.version == 5
    [old] = journal.sessions()
    assert old["outcome"] == "completed" and old["key"] is None
    key = journal.start_session("ru", datetime(2026, 11, 21, 9, 0))
    journal.start_session("ru", datetime(2026, 11, 21, 9, 0), key=key)  # written again: once
    assert [row["key"] for row in journal.sessions()] == [None, key]
    journal.close()


def test_a_version_3_journal_keeps_its_audit_log_and_names_who_from_now_on(
    tmp_path: Path,
) -> None:
    from kiosk.storage.schema import MIGRATIONS

    path = tmp_path / "journal.sqlite3"
    db = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:3], start=1):
        db.executescript(f"{script}; PRAGMA user_version = {number};")
    db.execute(
        "INSERT INTO audit (at, action, key) VALUES ('2026-11-20T10:00:00', 'test print', 'a')"
    )
    db.commit()
    reader = Journal(path, reading=True)  # read before the writer migrates it: no names yet
    assert [tuple(entry) for entry in reader.audit_entries()] == [
        ("2026-11-20T10:00:00", "", "test print")
    ]
    reader.close()
    db.close()
    journal = Journal(path)
    assert journal.version == 5
    journal.audit("attendant logged in", datetime(2026, 11, 21, 9, 0), staff="Айгерім")
    entries = [(entry.staff, entry.action) for entry in journal.audit_entries()]
    assert entries == [("Айгерім", "attendant logged in"), ("", "test print")]
    assert journal.audit_log()[0] == ("2026-11-21T09:00:00", "attendant logged in")
    journal.close()
