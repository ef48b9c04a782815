"""Bad input at volume: 1 000 mutated catalogues and settings files.

Half the cases mutate the shipped catalogue's service file (lines deleted, doubled, cut
short, given stray YAML; numbers made absurd; aliases, alias bombs, deep nesting, huge and
binary files spliced in), half mutate the documented settings example the same way. Each
is loaded in this process as the kiosk loads it (`load_catalogue`, `load_settings`), timed,
and its peak allocation traced; every outcome must be a load or the loader's own error.
Then a few of the most hostile cases run through the real command line (`kiosk catalogue
check`, `kiosk --settings FILE quote`), timed from process start to exit 1.

Goal: every error within 2 s and within 200 MiB.
"""

from __future__ import annotations

import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from kiosk.logic.catalogue import CatalogueError, load_catalogue
from kiosk.settings import ASSETS, SettingsError, load_settings

CASES = 1000
SEED = 20261206
SERVICE = "id-card-restoration.yaml"
EXAMPLE = Path(__file__).resolve().parents[1] / "assets" / "settings.example.toml"
HOSTILE = [
    "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 10)),
    "q: &q [*q]\n",
    "[" * 100_000 + "]" * 100_000 + "\n",
    "".join("  " * n + f"k{n}:\n" for n in range(200)),
    "- 1\n" * 60_000,
    "x" * (2 << 20),
    "x = " + "[" * 5000 + "\n",
    "\x00\xff\xfe garbage \x80\x81",
]
ABSURD = ["1e400", "inf", "nan", "-1", "1000000000000", "-.inf", "0.000001", "99999999999999999"]


def mutate(text: str, rng: random.Random, *, toml: bool) -> str:
    """A few lines of `text` deleted, doubled, cut short or extended; a number made absurd;
    now and then a hostile document instead."""
    if rng.random() < 0.08:
        return rng.choice(HOSTILE)
    lines = text.splitlines() or [""]
    for _ in range(rng.randint(1, 4)):
        index = rng.randrange(len(lines))
        action = rng.choice(["delete", "double", "cut", "stray", "absurd"])
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "double":
            lines.insert(index, lines[index])
        elif action == "cut":
            lines[index] = lines[index][: rng.randint(0, len(lines[index]))]
        elif action == "stray":
            strays = ["=", "[", "]]", '"', "{"] if toml else [":", " [", "{", " &a", " *b", "'"]
            lines[index] += rng.choice(strays)
        else:
            numbers = [i for i, line in enumerate(lines) if any(c.isdigit() for c in line)]
            if numbers:
                at = rng.choice(numbers)
                head = lines[at].rstrip("0123456789. ")
                lines[at] = f"{head} {rng.choice(ABSURD)}" if head else lines[at]
    return "\n".join(lines) + "\n"


def _measure(
    load: Callable[[], object], expected: tuple[type[Exception], ...]
) -> tuple[float, int, str]:
    """Seconds, peak traced bytes and "ok" / "error" for one load."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        load()
        outcome = "ok"
    except expected:
        outcome = "error"
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, outcome


def _in_process(folder: Path, rng: random.Random) -> list[tuple[str, float, int, str]]:
    catalogue = folder / "catalogue"
    shutil.copytree(ASSETS, catalogue, ignore=shutil.ignore_patterns("i18n", "fonts", "icons"))
    service = catalogue / "services" / SERVICE
    original = service.read_text(encoding="utf-8")
    example = EXAMPLE.read_text(encoding="utf-8")
    settings = folder / "settings.toml"
    results = []
    for number in range(CASES):
        if number % 2 == 0:
            service.write_text(
                mutate(original, rng, toml=False), encoding="utf-8", errors="replace"
            )
            measured = _measure(lambda: load_catalogue(catalogue), (CatalogueError,))
            results.append(("catalogue", *measured))
        else:
            settings.write_text(mutate(example, rng, toml=True), encoding="utf-8", errors="replace")
            measured = _measure(lambda: load_settings(settings), (SettingsError,))
            results.append(("settings", *measured))
    return results


def _through_the_cli(folder: Path) -> list[float]:
    """Wall time of the command line refusing the hostile documents."""
    catalogue = folder / "cli-catalogue"
    shutil.copytree(ASSETS, catalogue, ignore=shutil.ignore_patterns("i18n", "fonts", "icons"))
    times = []
    for document in HOSTILE:
        (catalogue / "services" / SERVICE).write_text(document, encoding="utf-8", errors="replace")
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "catalogue", "check", str(catalogue)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        times.append(time.perf_counter() - started)
        if done.returncode != 1 or "Traceback" in done.stderr:
            raise SystemExit(f"the command line did not refuse a hostile file: {done.stderr}")
    return times


def main() -> None:
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory(prefix="kiosk-faults-") as scratch:
        results = _in_process(Path(scratch), rng)
        cli = _through_the_cli(Path(scratch))
    for kind in ("catalogue", "settings"):
        rows = [row for row in results if row[0] == kind]
        times = sorted(row[1] for row in rows)
        errors = sum(1 for row in rows if row[3] == "error")
        peak = max(row[2] for row in rows)
        p95 = times[int(0.95 * (len(times) - 1))]
        print(
            f"{kind:9} {len(rows)} mutated files: {errors} refused, {len(rows) - errors} loaded; "
            f"median {statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
            f"slowest {times[-1] * 1000:.1f} ms; peak traced memory {peak / 2**20:.1f} MiB"
        )
    print(
        f"command line, {len(cli)} hostile files: slowest refusal {max(cli) * 1000:.0f} ms "
        f"(process start to exit 1), median {statistics.median(cli) * 1000:.0f} ms"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    slowest = max(max(row[1] for row in results), max(cli))
    peak = max(row[2] for row in results) / 2**20
    verdict = "met" if slowest <= 2 and peak <= 200 and rss <= 200 else "NOT met"
    print(
        f"slowest error {slowest * 1000:.0f} ms, peak traced {peak:.1f} MiB, this process's "
        f"peak RSS {rss:.0f} MiB (goal ≤ 2 s and ≤ 200 MiB each: {verdict})"
    )
