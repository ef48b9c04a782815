"""Fleet: 300 kiosks on one PostgreSQL server on this machine.

Every kiosk is the real link (kiosk.fleet.link.FleetLink, its own role and connection) on
its own SQLite journal outbox, all in this one process (one Python process drives 300
links: the figures are a floor; real kiosks each have their own machine).

1. A day: each outbox holds a day's events (SESSIONS a day, each a session, a print and
   sometimes a staff call), every link beats every second (30× the real rate); the
   links drain everything: events per second sustained.
2. A one-hour outage of every kiosk: each outbox holds an hour at the busiest (a fifth
   of a day); the time until every outbox is empty once the database is back.
3. Head office's `fleet status` with 30 days of history (the day above plus 29 days
   written directly), p50 and p95 of RUNS queries (goal ≤ 200 ms).
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import psycopg

from kiosk.fleet import central
from kiosk.fleet.link import FleetLink, Heartbeat
from kiosk.fleet.status import fleet_status
from kiosk.storage.journal import Journal
from tests.postgres import Postgres

KIOSKS = 300
SESSIONS = 150  # a kiosk's visitors a day
CENTRES = 60
RUNS = 40
BEAT = Heartbeat("welcome", "ready", "3fa2c1d9e0ab", "1.0", "ok", 0)


def _fill(path: Path, sessions: int, day: datetime, kiosk: int) -> int:
    """Write a day's (or an hour's) events into one kiosk's outbox; returns how many."""
    Journal(path).close()  # the journal's schema, the outbox included
    rows = []
    rng = random.Random(kiosk)
    for number in range(sessions):
        at = (day + timedelta(seconds=number * 200 + rng.randint(0, 150))).isoformat(
            timespec="seconds"
        )
        outcome = rng.choices(["completed", "blocked", "abandoned", "timed-out"], [7, 1, 1, 1])[0]
        body = {
            "service": rng.choice(["id-card-restoration", "driving-licence-replacement"]),
            "outcome": outcome,
            "language": rng.choice(["kk", "ru", "en"]),
            "last_screen": "thanks" if outcome == "completed" else "question",
            "last_question": None if outcome == "completed" else "circumstance",
            "total": "4325",
            "screen_seconds": {"question": 31.2, "review": 8.4},
        }
        key = f"{kiosk}-{day:%Y%m%d%H}-{number}"
        rows.append((f"session:{key}", "session", at, json.dumps(body)))
        if outcome == "completed":
            rows.append((f"print:{key}:printed", "print", at, '{"status": "printed"}'))
        if number % 15 == 0:
            rows.append((f"audit:{key}", "audit", at, '{"action": "a visitor called staff"}'))
    with sqlite3.connect(path) as db:
        db.executemany("INSERT INTO outbox (key, kind, at, body) VALUES (?, ?, ?, ?)", rows)
    return len(rows)


def _outboxes_empty(paths: list[Path]) -> bool:
    for path in paths:
        with sqlite3.connect(path) as db:
            if db.execute("SELECT 1 FROM outbox LIMIT 1").fetchone():
                return False
    return True


def _drain(urls: list[str], paths: list[Path], folder: Path, beat: bool) -> float:
    """Start a link per kiosk; seconds until every outbox is empty."""
    links = [
        FleetLink(url, path, folder / f"k{n}", interval=1.0)
        for n, (url, path) in enumerate(zip(urls, paths, strict=True))
    ]
    started = time.perf_counter()
    for link in links:
        link.start()
        if beat:
            link.beat(BEAT)
    beats = time.perf_counter()
    while not _outboxes_empty(paths):
        time.sleep(0.2)
        if beat and time.perf_counter() - beats > 1.0:
            for link in links:
                link.beat(BEAT)
            beats = time.perf_counter()
    seconds = time.perf_counter() - started
    for link in links:
        link.stop()
    return seconds


def _history(admin: str, days: int) -> int:
    """`days` days of events before today for every kiosk, written directly."""
    with psycopg.connect(admin) as db:
        db.execute(
            """
            INSERT INTO events (kiosk_id, key, kind, at, body)
            SELECT k.kiosk_id, 'history:' || d || ':' || s, 'session',
                   date_trunc('day', now()) - make_interval(days => d)
                       + make_interval(secs => s * 200),
                   jsonb_build_object(
                       'outcome', (ARRAY['completed', 'blocked', 'abandoned'])[1 + s %% 3],
                       'service', 'id-card-restoration', 'last_question', 'circumstance')
            FROM kiosks k, generate_series(1, %s) d, generate_series(1, %s) s
            """,
            (days, SESSIONS),
        )
        count = db.execute("SELECT count(*) FROM events").fetchone()
        db.execute("ANALYZE events")
        db.commit()
    return int(count[0]) if count else 0


def main() -> None:
    server = Postgres()
    server.start()
    try:
        name = server.new_database()
        admin = server.url(name)
        central.init(admin)
        folder = Path(tempfile.mkdtemp(prefix="kiosk-fleet-bench-"))
        started = time.perf_counter()
        urls = [central.enrol(admin, f"B{n:03d}", f"C{n % CENTRES:02d}") for n in range(KIOSKS)]
        print(f"  {KIOSKS} kiosks enrolled in {time.perf_counter() - started:.1f} s")

        today = datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
        paths = [folder / f"k{n}" / "journal.sqlite3" for n in range(KIOSKS)]
        events = sum(_fill(path, SESSIONS, today, n) for n, path in enumerate(paths))
        seconds = _drain(urls, paths, folder, beat=True)
        print(
            f"  a day: {events} events from {KIOSKS} kiosks ({SESSIONS} sessions each) in"
            f" {seconds:.1f} s, beating every second: {events / seconds:,.0f} events/s"
        )

        hour = today.replace(hour=12)
        events = sum(_fill(path, SESSIONS // 5, hour, n) for n, path in enumerate(paths))
        seconds = _drain(urls, paths, folder, beat=False)
        print(
            f"  after a one-hour outage of every kiosk: {events} events drained in {seconds:.1f} s"
        )

        stored = _history(admin, days=29)
        with psycopg.connect(admin) as db:
            times = []
            for _ in range(RUNS):
                begun = time.perf_counter()
                status = fleet_status(db)
                times.append((time.perf_counter() - begun) * 1000)
            assert len(status.kiosks) == KIOSKS
            size = db.execute("SELECT pg_size_pretty(pg_total_relation_size('events'))").fetchone()
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"  fleet status with 30 days ({stored:,} events, {size[0] if size else '?'}):"
            f" p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms (goal ≤ 200 ms)"
        )
    finally:
        server.remove()
