"""Journal locked: the same journeys with the journal free and then held by another program.

Every path of both services is walked in each language twice in one process: first with the
journal free, then with another connection holding it (BEGIN EXCLUSIVE), so that every
write the kiosk makes fails and waits in memory. Tap → painted must not change: the target
is p95 ≤ 16 ms locked, as unlocked. At the end the lock is let go and the events that
waited are written; the figures say how many and how long that took.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.timing import percentiles
from benchmarks.visitor import Visitor
from kiosk.logic.i18n import LANGUAGES
from kiosk.settings import Settings


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-locked-"))
    visitor = Visitor(Settings(data_folder=folder))
    writer = visitor.driver.kiosk.journal
    writer.opened()
    _walk(visitor)  # warm: every screen built once
    free = _walk(visitor)
    other = sqlite3.connect(folder / "journal.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    locked = _walk(visitor)
    health = writer.health()
    other.execute("ROLLBACK")
    other.close()
    writer.wake()
    started = time.perf_counter()
    written = writer.flush(60)
    seconds = time.perf_counter() - started
    print("  tap → screen painted        p50 ms   p95 ms   max ms      n")
    print(_row("journal free", free))
    print(_row("journal locked", locked) + "   (target p95 ≤ 16 ms)")
    ratio = percentiles(locked)[1] / percentiles(free)[1]
    print(f"  locked / free p95           {ratio:6.2f}")
    print(f"  while locked: {health.describe() or 'writing'}")
    state = "written" if written else "NOT written"
    print(f"  lock let go: {health.waiting} waiting events {state} in {seconds:.2f} s")
    visitor.close()
    shutil.rmtree(folder, ignore_errors=True)


def _walk(visitor: Visitor) -> list[float]:
    visitor.times.clear()
    for language in LANGUAGES:
        for service_id, paths in visitor.paths.items():
            for answers, complete in paths:
                visitor.journey(service_id, answers, complete, language)
    return [
        t for kind, times in visitor.times.items() if not kind.startswith("slip") for t in times
    ]


def _row(name: str, times: list[float]) -> str:
    p50, p95, top = percentiles(times)
    return f"  {name:28} {p50:7.1f}  {p95:7.1f}  {top:7.1f}  {len(times):5d}"
