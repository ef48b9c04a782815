"""Head office's page in a real headless browser (Debian's chromium): kiosks by centre,
problems first, in the language asked for, refreshing itself."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from urllib.request import urlopen

import psycopg
import pytest

from kiosk.fleet import central
from tests.kiosk_process import environment


@pytest.fixture
def page(fleet_db: str) -> Iterator[str]:
    """`kiosk fleet serve` on a free port, with a fleet of three kiosks in two centres."""
    for kiosk_id, centre in (("P1", "AST-01"), ("P2", "AST-01"), ("P3", "ALM-02")):
        url = central.enrol(fleet_db, kiosk_id, centre)
        if kiosk_id != "P3":  # P3 never beat: silent
            with psycopg.connect(url) as db:
                db.execute(
                    "INSERT INTO heartbeats (kiosk_id, sent_at, screen, printer,"
                    " catalogue_version, kiosk_version, journal, staff_calls, outbox)"
                    " VALUES (fleet_kiosk_id(), now(), 'welcome', %s, 'abc', '1', 'ok', %s, 0)",
                    ("no-paper" if kiosk_id == "P2" else "ready", 0),
                )
                db.commit()
    server = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "fleet", "--url", fleet_db, "serve", "--port", "0"],
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert found, line
        yield f"http://127.0.0.1:{found.group(1)}/"
    finally:
        server.terminate()
        server.communicate(timeout=30)


def _browse(url: str) -> str:
    """The page as chromium rendered it (its DOM after loading)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "chromium is needed: apt-get install chromium"
    profile = tempfile.mkdtemp(prefix="kiosk-chromium-")
    try:
        completed = subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "HOME": profile},
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout


def test_the_page_lists_kiosks_by_centre_with_problems_first(page: str) -> None:
    dom = _browse(page + "?lang=en")
    assert '<meta http-equiv="refresh" content="15">' in dom
    attention = dom.index('id="attention"')
    first_centre = dom.index("<h2>ALM-02</h2>")
    troubled = re.findall(r'class="problem" data-kiosk="(\w+)"', dom[attention:first_centre])
    assert troubled == ["P3", "P2"]  # never seen, out of paper (by centre); P1 is fine
    assert "printer: no-paper" in dom and "never seen" in dom
    assert dom.index("<h2>ALM-02</h2>") < dom.index("<h2>AST-01</h2>")
    assert 'data-kiosk="P1"' in dom[dom.index("<h2>AST-01</h2>") :]

    russian = _browse(page + "?lang=ru")
    assert "Требуют внимания" in russian and "Последний сигнал" in russian
    assert "ни разу не выходил на связь" in russian and "принтер: no-paper" in russian
    assert "Назар аударыңыз" in _browse(page + "?lang=kk")


def test_the_page_gives_the_status_as_json_too(page: str) -> None:
    time.sleep(0.1)
    with urlopen(page + "status.json", timeout=30) as response:
        status = json.load(response)
    assert [k["kiosk_id"] for k in status["kiosks"]] == ["P3", "P2", "P1"]
    assert status["kiosks"][0]["silent"] is True
