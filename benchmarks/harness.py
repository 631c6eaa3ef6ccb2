"""A tiny benchmark harness: each case is timed against a baseline measured in the same run.

A topic's ``benchmarks/bench_<topic>.py`` defines ``cases()`` returning a list of :class:`Case`.
``run`` is the operation under test (for a panel: change a control and re-render); ``baseline`` is
what it is compared with in the same run (for a panel: a naive full redraw of the same figure).
``target_ms`` is the median target from the issue, and ``target_p95_ms`` the p95 target.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Case:
    name: str
    run: Callable[[], object]
    baseline: Callable[[], object] | None = None
    baseline_name: str = "naive full redraw"
    target_ms: float | None = 50.0
    target_p95_ms: float | None = 100.0
    repeats: int = 30
    setup: Callable[[], object] | None = None


@dataclass
class Timing:
    median_ms: float
    p95_ms: float
    n: int


def measure(fn: Callable[[], object], repeats: int = 30, warmup: int = 2) -> Timing:
    """Time ``fn`` ``repeats`` times after ``warmup`` calls; return median and p95 in ms."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1e3)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    return Timing(statistics.median(samples), p95, len(samples))
