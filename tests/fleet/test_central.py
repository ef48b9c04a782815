"""The central database: its schema, each kiosk's own rows, publishing, status, the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import psycopg
import pytest

from kiosk.fleet import central, rollout
from kiosk.fleet.status import fleet_status
from tests.kiosk_process import environment


def test_init_is_versioned_and_runs_each_migration_once(fleet_db: str) -> None:
    assert central.init(fleet_db) == (len(central.MIGRATIONS), len(central.MIGRATIONS))
    with psycopg.connect(fleet_db) as db:
        assert central.schema_version(db) == len(central.MIGRATIONS)
        tables = {row[0] for row in db.execute("SELECT tablename FROM pg_tables")}
    assert {"kiosks", "heartbeats", "events", "catalogue_versions"} <= tables


def test_a_kiosk_writes_and_reads_only_its_own_rows(fleet_db: str) -> None:
    first = central.enrol(fleet_db, "T1-A", "AST-01")
    second = central.enrol(fleet_db, "T1-B", "AST-01")
    insert = (
        "INSERT INTO events (kiosk_id, key, kind, at, body)"
        " VALUES (%s, %s, 'audit', now(), '{}'::jsonb)"
    )
    with psycopg.connect(first) as db:
        db.execute(insert, ("T1-A", "audit:1"))
        db.commit()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute(insert, ("T1-B", "audit:2"))  # another kiosk's row: refused
        db.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("DELETE FROM events")  # nor may it delete
        db.rollback()
    with psycopg.connect(second) as db:
        assert db.execute("SELECT count(*) FROM events").fetchone() == (0,)  # sees none
        assert db.execute("SELECT kiosk_id FROM kiosks").fetchall() == [("T1-B",)]
    with psycopg.connect(fleet_db) as db:  # head office sees everything
        assert db.execute("SELECT kiosk_id, key FROM events").fetchall() == [("T1-A", "audit:1")]


def test_publish_refuses_a_broken_catalogue_and_stores_a_clean_one(
    fleet_db: str, catalogue_copy: Path
) -> None:
    with psycopg.connect(fleet_db) as db:
        published = rollout.publish(db, catalogue_copy, ("AST-01",), date(2026, 12, 6))
        assert published.version == 1
        fees = catalogue_copy / "fees.yaml"
        fees.write_text(fees.read_text("utf-8").replace("mci:", "mcii:", 1), encoding="utf-8")
        with pytest.raises(rollout.PublishError) as refused:
            rollout.publish(db, catalogue_copy, (), date(2026, 12, 6))
        assert any("fees.yaml" in problem for problem in refused.value.problems)
        rows = db.execute("SELECT version, centres FROM catalogue_versions").fetchall()
    assert rows == [(1, ["AST-01"])]


def test_status_flags_a_kiosk_that_never_beat_and_counts_today(fleet_db: str) -> None:
    url = central.enrol(fleet_db, "T1-C", "ALM-02")
    with psycopg.connect(url) as db:
        outcomes = ["completed", "completed", "blocked", "timed-out", "abandoned"]
        for number, outcome in enumerate(outcomes):
            # The last visitor answered the first question, then left on the review screen.
            screen = "review" if number == 4 else "question"
            body = {
                "outcome": outcome,
                "service": "id-card",
                "last_question": "circumstance",
                "last_screen": screen,
            }
            db.execute(
                "INSERT INTO events (kiosk_id, key, kind, at, body)"
                " VALUES (fleet_kiosk_id(), %s, 'session', now(), %s)",
                (f"session:{number}", json.dumps(body)),
            )
        db.commit()
    with psycopg.connect(fleet_db) as db:
        status = fleet_status(db)
    (kiosk,) = status.kiosks
    assert kiosk.silent and kiosk.problems == ("never seen",)
    assert (kiosk.today.sessions, kiosk.today.completed, kiosk.today.blocked) == (5, 2, 1)
    assert kiosk.today.abandoned == 2
    assert kiosk.today.drop_off == {"id-card: circumstance": 1, "id-card: review": 1}
    assert status.drop_off == [("id-card", "circumstance", 1), ("id-card", "review", 1)]


def _kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_fleet_commands(fleet_db: str, tmp_path: Path) -> None:
    assert "up to date" in _kiosk("fleet", "--url", fleet_db, "init").stdout
    enrolled = _kiosk("fleet", "--url", fleet_db, "enrol", "T1-D", "--centre", "AST-01")
    assert enrolled.returncode == 0, enrolled.stderr
    kiosk_url = enrolled.stdout.splitlines()[-1]
    assert kiosk_url.startswith("postgresql://kiosk_t1_d:")
    status = _kiosk("fleet", "status", "--json", "--url", fleet_db)  # --url before or after
    assert status.returncode == 0, status.stderr
    kiosks = json.loads(status.stdout)["kiosks"]
    assert [k["kiosk_id"] for k in kiosks] == ["T1-D"]
    keys = {"kiosk_id", "centre", "last_seen", "silent", "screen", "printer"}
    assert keys | {"catalogue_version", "staff_calls", "today"} <= set(kiosks[0])
    assert set(kiosks[0]["today"]) >= {"sessions", "completed", "blocked", "abandoned"}

    broken = tmp_path / "broken"
    shutil.copytree(Path(__file__).parents[2] / "assets", broken)
    (broken / "fees.yaml").write_text("mci: [\n", encoding="utf-8")
    refused = _kiosk("fleet", "--url", fleet_db, "publish", str(broken))
    assert refused.returncode == 1 and "nothing published" in refused.stderr
    clean = tmp_path / "clean"
    shutil.copytree(Path(__file__).parents[2] / "assets", clean)
    published = _kiosk("fleet", "--url", fleet_db, "publish", str(clean), "--centres", "ast-01")
    assert published.returncode == 0, published.stderr
    assert "warning: no kiosk is enrolled in centre 'ast-01'" in published.stdout
    bare = fleet_db.rsplit("/", 1)[0] + "/postgres"  # a database `init` never ran on
    not_set_up = _kiosk("fleet", "--url", bare, "status")
    assert not_set_up.returncode == 1 and "Traceback" not in not_set_up.stderr
    assert "run `kiosk fleet init` on it first" in not_set_up.stderr
    unreachable = _kiosk("fleet", "--url", "postgresql://x:y@127.0.0.1:1/none", "status")
    assert unreachable.returncode == 1
    assert "cannot connect" in unreachable.stderr and ":y@" not in unreachable.stderr


def test_doctor_says_whether_the_centre_takes_this_kiosk(fleet_db: str, tmp_path: Path) -> None:
    url = central.enrol(fleet_db, "K01", "AST-01")

    def fleet_line(fleet_url: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "doctor"],
            env=environment(KIOSK_DATA_FOLDER=str(tmp_path / "data"), KIOSK_FLEET__URL=fleet_url),
            capture_output=True,
            text=True,
            timeout=120,
        )
        return next(line for line in done.stdout.splitlines() if " fleet" in line[:12])

    assert fleet_line(url).startswith("OK   fleet") and "as K01" in fleet_line(url)
    stranger = central.enrol(fleet_db, "K02", "AST-01")
    with psycopg.connect(fleet_db) as db:
        db.execute("DELETE FROM kiosks WHERE kiosk_id = 'K02'")
        db.commit()
    assert "not enrolled" in fleet_line(stranger)
    mismatch = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor"],
        env=environment(
            KIOSK_DATA_FOLDER=str(tmp_path / "data"), KIOSK_FLEET__URL=url, KIOSK_KIOSK_ID="K03"
        ),
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "FAIL fleet" in mismatch and "the URL is kiosk K01's, but this kiosk is K03" in mismatch
    down = fleet_line("postgresql://kiosk_k01:pw@127.0.0.1:1/fleet")
    assert down.startswith("FAIL fleet") and "cannot connect" in down and ":pw@" not in down


def test_enrolling_again_cuts_the_old_password_off_at_once(fleet_db: str) -> None:
    old = central.enrol(fleet_db, "T1-E", "AST-01")
    with psycopg.connect(old) as db:
        db.execute("SELECT 1")
        central.enrol(fleet_db, "T1-E", "AST-01")  # a new password: the old session ends
        with pytest.raises(psycopg.OperationalError):
            db.execute("SELECT 1")
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(old)
