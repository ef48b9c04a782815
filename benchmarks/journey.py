"""Journey: every visitor step, for both services and every answer path, in one process.

A step is a real tap until the next screen is painted (see `benchmarks.visitor`). Every
path of both services at the kiosk's centre class is walked once in each of kk, ru and en;
complete paths print their slip through the pdf back end. The very first journey (screens
filled for the first time, the QR encoder loaded) is reported on its own.
Targets: step p95 ≤ 16 ms; the result screen with its QR codes ≤ 33 ms; slip PDF ≤ 100 ms.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from benchmarks.timing import percentiles
from benchmarks.visitor import Visitor, rss_mib
from kiosk.app import Kiosk
from kiosk.logic.i18n import LANGUAGES
from kiosk.logic.pricing import Case, Pricing
from kiosk.printing.layout import ROLL_80
from kiosk.printing.pdf import render_pdf
from kiosk.settings import Settings
from kiosk.testing import ID_CARD_STOLEN

SLIPS = 60  # slip PDFs rendered directly, for the slip figure


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-journey-"))
    visitor = Visitor(Settings(data_folder=folder))
    print(f"  platform {QApplication.platformName()}")
    print(f"  RSS after start-up          {rss_mib():6.1f} MiB")
    print(
        f"  idle work after start       {visitor.warm_ms:6.0f} ms (warm-up and every screen once)"
    )
    first_service, paths = next(iter(visitor.paths.items()))
    answers, complete = next((a, c) for a, c in paths if c)
    visitor.journey(first_service, answers, complete, "kk")
    first = {kind: times[:] for kind, times in visitor.times.items()}
    visitor.times.clear()
    visitor.by_language.clear()
    journeys = 0
    started = time.perf_counter()
    for language in LANGUAGES:
        for service_id, service_paths in visitor.paths.items():
            for answers, complete in service_paths:
                visitor.journey(service_id, answers, complete, language)
                journeys += 1
    seconds = time.perf_counter() - started
    taps = sum(len(v) for k, v in visitor.times.items() if not k.startswith("slip"))
    print(f"  {journeys} journeys, {taps} taps in {seconds:.0f} s")
    print(f"  RSS after the journeys      {rss_mib():6.1f} MiB")
    print("  first journey (after the idle work), ms per step:")
    for kind, times in first.items():
        print(f"    {kind:32} " + "  ".join(f"{t:6.1f}" for t in times))
    print("  tap → screen painted        p50 ms   p95 ms   max ms      n")
    every: list[float] = []
    for kind, times in sorted(visitor.times.items()):
        if kind.startswith("slip"):
            continue
        every += times
        print(_row(kind, times))
    print(_row("every step", every) + "   (target p95 ≤ 8 ms)")
    print(_row("result screen with QR", visitor.times["result"]) + "   (target p95 ≤ 16 ms)")
    first_taps = [t for kind, times in first.items() if not kind.startswith("slip") for t in times]
    over = sum(t > 33 for t in every + first_taps)
    print(f"  taps over 33 ms: {over} (the first journey included; target 0)")
    worst = max(visitor.by_language.items(), key=lambda item: percentiles(item[1])[1])
    (screen, language), times = worst
    print(
        f"  worst screen and language: {screen} in {language}, p95 {percentiles(times)[1]:.1f} ms"
    )
    print(_row("made ahead (visitor's time)", visitor.idle))
    print(_row("slip printed (in background)", visitor.times["slip printed (pdf, background)"]))
    print(
        _row("slip to PDF, 80 mm", _slip_pdfs(visitor.driver.kiosk, folder))
        + "   (target ≤ 100 ms)"
    )
    if visitor.unpainted:
        print(f"  warning: {visitor.unpainted} steps painted nothing")
    visitor.close()
    shutil.rmtree(folder, ignore_errors=True)


def _row(name: str, times: list[float]) -> str:
    p50, p95, top = percentiles(times)
    return f"  {name:28} {p50:7.1f}  {p95:7.1f}  {top:7.1f}  {len(times):5d}"


def _slip_pdfs(kiosk: Kiosk, folder: Path) -> list[float]:
    """Milliseconds to lay out and write one slip PDF (the stolen-card slip: two QR codes)."""
    settings, catalogue, strings = kiosk.settings, kiosk.catalogue, kiosk.strings
    times = []
    for i in range(SLIPS):
        language, reference = LANGUAGES[i % 3], f"K01-20261123-{i:04d}"
        pricing = Pricing(catalogue, settings.payments)
        case = Case(
            "id-card-restoration", ID_CARD_STOLEN, date(2026, 11, 23), "major", language, reference
        )
        quote = pricing.quote(case)
        start = time.perf_counter()
        slip = pricing.slip(
            quote,
            strings,
            centre_name=settings.centre.name,
            kiosk_id=settings.kiosk_id,
            printed_at=datetime(2026, 11, 23, 10, 0),
            reference=reference,
            have=set(),
        )
        render_pdf(slip, folder / f"slip-{i}.pdf", ROLL_80)
        times.append((time.perf_counter() - start) * 1000)
    return times[3:]  # the first few load fonts and the encoder
