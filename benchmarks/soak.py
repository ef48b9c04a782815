"""Soak: 10 000 complete journeys through the real widgets in one process.

Services and languages alternate; every path of both services comes round in turn; each
complete path prints its slip to the pdf back end; every 25th visitor walks away after one
answer and the idle countdown starts the kiosk over. Printed RSS, open file descriptors,
live QObjects and top-level widgets at the start, every 1 000 journeys and at the end. RSS
twice: as it is, and after asking the C allocator to hand back what it keeps free
(`malloc_trim`, glibc): the first is what the system sees, the second what the kiosk holds.
Target: RSS grows at most 2 MiB over the run, file descriptors and QObjects do not grow.
`KIOSK_SOAK_JOURNEYS=N` runs a shorter soak.
"""

from __future__ import annotations

import ctypes
import gc
import os
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.visitor import Visitor, live_qobjects, open_fds, rss_mib, top_level_widgets
from kiosk.logic.i18n import LANGUAGES
from kiosk.settings import Settings, Timing

ABANDON_EVERY = 25
REPORT_EVERY = 1000


def main() -> None:
    journeys = int(os.environ.get("KIOSK_SOAK_JOURNEYS", "10000"))
    folder = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    # Short idle times so that walking away costs a second, not a minute and a half.
    timing = Timing(idle=1.0, idle_result=1.0, countdown=0.2)
    visitor = Visitor(Settings(data_folder=folder, timing=timing))
    slips = folder / "slips"
    paths = visitor.every_path()
    print("  journeys    RSS MiB  trimmed   fds  QObjects  windows   journeys/s")
    started = last = time.perf_counter()
    figures = [_figures(0, 0.0)]
    for number in range(1, journeys + 1):
        service_id, answers, complete = next(paths)
        language = LANGUAGES[(number // 2) % len(LANGUAGES)]
        if number % ABANDON_EVERY == 0:
            visitor.abandon(service_id, answers, wait_seconds=10)
        else:
            visitor.journey(service_id, answers, complete, language)
        # The soak keeps no figures per step: they would grow.
        visitor.times.clear()
        visitor.by_language.clear()
        visitor.idle.clear()
        if number % 100 == 0:
            shutil.rmtree(slips, ignore_errors=True)  # the disk, not the kiosk, would fill
        if number % REPORT_EVERY == 0 or number == journeys:
            now = time.perf_counter()
            rate = (number - figures[-1][0]) / (now - last)
            figures.append(_figures(number, rate))
            last = now
    first, warm, end = figures[0], figures[1] if len(figures) > 2 else figures[0], figures[-1]
    minutes = (time.perf_counter() - started) / 60
    print(f"  {journeys} journeys in {minutes:.1f} min")
    for label, base in (("from the start", first), (f"after {warm[0]} journeys", warm)):
        print(
            f"  growth {label:22} RSS {end[1] - base[1]:+6.1f} MiB"
            f" (trimmed {end[5] - base[5]:+5.1f})   fds {end[2] - base[2]:+d}"
            f"   QObjects {end[3] - base[3]:+d}"
        )
    print("  target: RSS growth ≤ 2 MiB, no growth in descriptors or QObjects")
    if visitor.unpainted:
        print(f"  warning: {visitor.unpainted} steps painted nothing")
    visitor.close()
    shutil.rmtree(folder, ignore_errors=True)


def _figures(number: int, rate: float) -> tuple[int, float, int, int, int, float]:
    gc.collect()
    rss = rss_mib()
    trimmed = _trim() and rss_mib()
    row = (number, rss, open_fds(), live_qobjects(), len(top_level_widgets()), trimmed)
    shown_rate = f"{rate:10.1f}" if rate else " " * 10
    print(
        f"  {row[0]:8d}  {row[1]:9.1f}  {row[5]:7.1f}  {row[2]:4d}  {row[3]:8d}  {row[4]:7d}"
        f"  {shown_rate}"
    )
    return row


def _trim() -> bool:
    """Ask glibc to return free heap to the system; False where there is no glibc."""
    try:
        return bool(ctypes.CDLL("libc.so.6").malloc_trim(0) or True)
    except (OSError, AttributeError):
        return False
