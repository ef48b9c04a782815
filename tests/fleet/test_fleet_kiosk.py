"""A real kiosk in a fleet: its visitors reach the centre exactly once through a database
that dies and comes back, head office sees it, and catalogue versions switch between
visitors (a bad one never reaches a visitor)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import psycopg

from kiosk.fleet import central, rollout
from kiosk.fleet.status import fleet_status
from kiosk.settings import Fleet, Settings, Speech
from kiosk.storage.pin import PinStore
from kiosk.testing import ID_CARD_STOLEN, KioskDriver, settle
from tests.postgres import Postgres
from tests.ui.conftest import TODAY

PIN = "724961"


def _until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        settle()
        time.sleep(0.05)


def _kiosk(qtbot, tmp_path: Path, url: str) -> KioskDriver:
    PinStore(tmp_path / "data").set_pin(PIN)
    settings = Settings(
        data_folder=tmp_path / "data",
        fleet=Fleet(url=url, heartbeat=0.3),
        speech=Speech(device="null"),
    )
    return KioskDriver.start(qtbot, settings=settings, today=TODAY)


def _visit(driver: KioskDriver) -> None:
    """One visitor: the stolen card, all the way to a printed slip and back."""
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    driver.click("print-slip")
    assert driver.wait_for_print() == "printed"
    driver.click("finish")
    driver.click("finish")
    assert driver.state == "welcome"


def _sessions(url: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as db:
        return db.execute(
            "SELECT body->>'outcome', count(*) FROM events WHERE kind = 'session' GROUP BY 1"
        ).fetchall()


def test_visitors_reach_the_centre_once_through_a_database_that_dies(
    qtbot, fleet_db: str, postgres: Postgres, tmp_path: Path
) -> None:
    driver = _kiosk(qtbot, tmp_path, central.enrol(fleet_db, "K01", "AST-01"))
    _visit(driver)
    _until(lambda: _sessions(fleet_db) == [("completed", 1)])

    postgres.kill()
    _visit(driver)  # the visitor notices nothing
    _visit(driver)
    _until(lambda: driver.kiosk.fleet is not None and bool(driver.kiosk.fleet.fault()))
    driver.open_attendant()  # staff see it on their dashboard
    driver.click("lang-en")
    for digit in PIN:
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")
    problems = [m.text for m in driver.screen_content().messages if m.kind == "problem"]
    assert any(text.startswith("Link to the centre: nothing sent") for text in problems)
    driver.click("attendant-logout")

    postgres.start()
    _until(lambda: _sessions(fleet_db) == [("completed", 3)])
    journal = driver.journal.sessions()
    assert len([s for s in journal if s["outcome"] == "completed"]) == 3
    with psycopg.connect(fleet_db) as db:
        status = fleet_status(db)
        keys = db.execute("SELECT key FROM events WHERE kind = 'session'").fetchall()
    assert sorted(key for (key,) in keys) == sorted(f"session:{s['key']}" for s in journal)
    (kiosk,) = status.kiosks
    assert not kiosk.silent and kiosk.screen in ("welcome", "dashboard")
    assert kiosk.today.completed == 3
    assert kiosk.catalogue_version == driver.kiosk.navigator.catalogue.version


def test_a_new_catalogue_waits_for_the_visitor_to_leave(
    qtbot, fleet_db: str, tmp_path: Path, catalogue_copy: Path
) -> None:
    driver = _kiosk(qtbot, tmp_path, central.enrol(fleet_db, "K01", "AST-01"))
    before = driver.kiosk.navigator.catalogue.version
    driver.click("start")
    driver.choose_service("id-card-restoration")  # a visitor in front
    service = catalogue_copy / "services" / "id-card-restoration.yaml"
    service.write_text(service.read_text("utf-8") + "\n# revised\n", encoding="utf-8")
    with psycopg.connect(fleet_db) as db:
        published = rollout.publish(db, catalogue_copy, ("AST-01",), TODAY)
    fleet = driver.kiosk.fleet
    assert fleet is not None
    _until(lambda: fleet.pending is not None)  # fetched and checked, waiting
    assert driver.kiosk.navigator.catalogue.version == before  # never during a visit
    driver.walk_away()
    _until(lambda: driver.kiosk.navigator.catalogue.version == published.digest)
    assert fleet.version == published.version
    time.sleep(1.0)  # a few heartbeats later: switched once, not fetched again
    settle()
    switches = [a for _, a in driver.journal.audit_log() if a.startswith("catalogue switched")]
    assert switches == [f"catalogue switched to fleet version 1: {published.digest}"]
    assert rollout.current(tmp_path / "data") == (
        published.version,
        tmp_path / "data" / rollout.FOLDER / str(published.version),
    )
    with psycopg.connect(fleet_db) as db:
        _until(lambda: fleet_status(db).kiosks[0].catalogue_version.startswith("v1 · "))


def test_a_bad_catalogue_version_never_reaches_a_visitor(
    qtbot, fleet_db: str, tmp_path: Path
) -> None:
    driver = _kiosk(qtbot, tmp_path, central.enrol(fleet_db, "K01", "AST-01"))
    before = driver.kiosk.navigator.catalogue.version
    files = dict(driver.kiosk.navigator.catalogue.texts)
    files["fees.yaml"] = files["fees.yaml"].replace("mci:", "mcii:", 1)
    with psycopg.connect(fleet_db) as db:  # past publish's check, as a damaged row would be
        db.execute(
            "INSERT INTO catalogue_versions (digest, summary, files) VALUES ('x', 'x', %s)",
            (json.dumps(files),),
        )
        db.commit()
    fleet = driver.kiosk.fleet
    assert fleet is not None
    _until(lambda: "refused" in fleet.fault())
    assert "fees.yaml" in fleet.fault()
    settle()
    assert driver.kiosk.navigator.catalogue.version == before
    assert rollout.current(tmp_path / "data") is None
    _visit(driver)  # visitors go on, on the catalogue it had
