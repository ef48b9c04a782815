"""Start-up: `kiosk --smoke` against a bare PySide6 window, alternating, in the same run.

The kiosk is measured as it starts every time but its first: from the welcome screen its
last full start kept (kiosk.storage.first_screen), in the same data folder. A full start
(nothing kept: the first start, or one after the settings, catalogue or code changed) is
measured beside it, for the record.

The bare window: QApplication, one shown QLabel, one turn of the event loop, exit. Wall time
and peak RSS (from wait4, per child) of each; medians of RUNS runs and their ratios.
Targets: at most 2× the bare window's wall time and 1.5× its peak RSS.

A third child, the floor, is the bare window that also imports the libraries the kiosk
cannot show its first screen without (pydantic to validate its settings and catalogue,
PyYAML to read them, Babel for the date in the header) and builds one pydantic model: what
any kiosk built on them pays before its own code runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk.storage.first_screen import FILE

RUNS = 10
BARE = (
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication([])\n"
    "label = QLabel('kiosk')\n"
    "label.show()\n"
    "app.processEvents()\n"
)
FLOOR = (
    "import babel.dates, babel.numbers, pydantic, yaml\n"
    "class Model(pydantic.BaseModel):\n"
    "    name: str\n"
    "Model(name='kiosk')\n" + BARE
)


# Each step of a start, in order, in a fresh interpreter: where the time goes.
PHASES = """
import os, pathlib, sys, tempfile, time
start = last = time.perf_counter()
def step(name):
    global last
    now = time.perf_counter()
    print(f"  {name:44} {(now - last) * 1000:6.1f} ms")
    last = now
from PySide6.QtWidgets import QApplication; step("import PySide6 (as the bare window)")
import pydantic; step("import pydantic")
import kiosk.settings as settings_module; step("import kiosk.settings (models, i18n)")
from kiosk.logic.catalogue import load_catalogue; step("import the catalogue models")
import kiosk.app as app_module; step("import the rest of the kiosk")
settings = settings_module.load_settings(None); step("read and validate the settings")
folder = pathlib.Path(tempfile.mkdtemp(prefix="kiosk-phases-"))
settings = settings.model_copy(update={"data_folder": folder})
catalogue = load_catalogue(settings.catalogue); step("read and validate the catalogue")
application = QApplication([]); step("QApplication")
kiosk = app_module.build_kiosk(settings, catalogue=catalogue)
step("build the window, screens, texts, style sheet")
kiosk.window.resize(1280, 800); kiosk.window.show(); application.processEvents()
step("show and paint the welcome screen")
print(f"  {'in all':44} {(time.perf_counter() - start) * 1000:6.0f} ms")
"""


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MiB of one run."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{command} exited {child.returncode}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["KIOSK_DATA_FOLDER"] = tempfile.mkdtemp(prefix="kiosk-bench-")
    kept = Path(env["KIOSK_DATA_FOLDER"]) / FILE
    kiosk = [sys.executable, "-m", "kiosk", "--smoke"]
    bare = [sys.executable, "-c", BARE]
    floor = [sys.executable, "-c", FLOOR]
    results: dict[str, list[tuple[float, float]]] = {
        "kiosk": [],
        "bare": [],
        "floor": [],
        "full": [],
    }
    measure(kiosk, env)  # warm the file cache once; this full start keeps its first screen
    measure(floor, env)
    for _ in range(RUNS):
        results["bare"].append(measure(bare, env))
        results["floor"].append(measure(floor, env))
        results["kiosk"].append(measure(kiosk, env))
        kept.unlink()
        results["full"].append(measure(kiosk, env))  # and keeps it again
    medians = {
        name: (statistics.median(w for w, _ in runs), statistics.median(r for _, r in runs))
        for name, runs in results.items()
    }
    (kiosk_wall, kiosk_rss), (bare_wall, bare_rss) = medians["kiosk"], medians["bare"]
    floor_wall, floor_rss = medians["floor"]
    full_wall, full_rss = medians["full"]
    print(f"median of {RUNS} runs each, alternating")
    print(f"  bare PySide6 window  wall {bare_wall * 1000:7.0f} ms   peak RSS {bare_rss:6.1f} MiB")
    print(
        f"  floor (bare + libs)  wall {floor_wall * 1000:7.0f} ms   peak RSS {floor_rss:6.1f} MiB"
        f"   ({floor_wall / bare_wall:.2f}× / {floor_rss / bare_rss:.2f}× the bare window)"
    )
    print(
        f"  kiosk --smoke        wall {kiosk_wall * 1000:7.0f} ms   peak RSS {kiosk_rss:6.1f} MiB"
    )
    print(
        f"  full start (nothing kept) wall {full_wall * 1000:5.0f} ms"
        f"   peak RSS {full_rss:6.1f} MiB"
        f"   ({full_wall / bare_wall:.2f}× / {full_rss / bare_rss:.2f}×)"
    )
    print(f"  ratio                wall {kiosk_wall / bare_wall:7.2f}×     (target ≤ 2×)")
    print(f"                       RSS  {kiosk_rss / bare_rss:7.2f}×     (target ≤ 1.5×)")
    print(
        f"  the kiosk's own part wall {(kiosk_wall - floor_wall) * 1000:7.0f} ms   "
        f"RSS {kiosk_rss - floor_rss:6.1f} MiB above the floor"
    )
    print("where the time goes (one full start, step by step):")
    phases = subprocess.run(
        [sys.executable, "-c", PHASES], env=env, capture_output=True, text=True, check=True
    )
    print(phases.stdout, end="")
