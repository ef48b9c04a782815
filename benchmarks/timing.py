"""Timing helpers: run a step many times and summarise in milliseconds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def sample(step: Callable[[int], object], runs: int, warm_up: int = 5) -> list[float]:
    """Milliseconds per call of `step(i)` for i in range(runs), after a few warm-up calls."""
    for i in range(warm_up):
        step(-1 - i)
    times = []
    for i in range(runs):
        start = time.perf_counter()
        step(i)
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentiles(times: list[float]) -> tuple[float, float, float]:
    """p50, p95 and max of a sample, in its unit."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95, ordered[-1]


def summary(times: list[float]) -> str:
    """p50 / p95 / max of a sample."""
    p50, p95, top = percentiles(times)
    return f"p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  max {top:6.2f} ms"
