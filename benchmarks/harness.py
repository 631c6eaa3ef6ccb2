"""A tiny benchmark harness: each case is timed against a baseline measured in the same run.

A topic's ``benchmarks/bench_<topic>.py`` defines ``cases()`` returning a list of :class:`Case`.
``run`` is the operation under test (for a panel: change a control and re-render); ``baseline`` is
what it is compared with in the same run (for a panel: a naive full redraw of the same figure).
``target_ms`` is the median target from the issue, and ``target_p95_ms`` the p95 target.
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable, Iterable
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


def measure(fn: Callable[[], object], repeats: int = 30, warmup: int = 2,
            clock: Callable[[], float] = time.perf_counter) -> Timing:
    """Time ``fn`` ``repeats`` times after ``warmup`` calls; return median and p95 in ms.
    ``clock=time.process_time`` gives CPU time, less sensitive to other processes."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        t0 = clock()
        fn()
        samples.append((clock() - t0) * 1e3)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    return Timing(statistics.median(samples), p95, len(samples))


def cycle_values(ctrl, values, trait: str = "value") -> Callable[[], None]:
    """A callable that sets ``ctrl.<trait>`` to the next of ``values`` each time it is called
    (a learner moving a control back and forth)."""
    it = itertools.cycle(values)
    return lambda: setattr(ctrl, trait, next(it))


def run_alone(cases: Iterable[Case]) -> None:
    """Print every case's median and p95, its baseline and CPU time: ``python -m
    benchmarks.bench_<topic>`` (``make bench`` runs them all and writes the report)."""
    for case in cases:
        t = measure(case.run, case.repeats)
        cpu = measure(case.run, case.repeats, warmup=0, clock=time.process_time)
        line = (f"{case.name}: median {t.median_ms:.1f} ms, p95 {t.p95_ms:.1f} ms, "
                f"CPU {cpu.median_ms:.1f} ms")
        if case.baseline is not None:
            b = measure(case.baseline, max(5, case.repeats // 3))
            ratio = t.median_ms / b.median_ms
            line += f"; {case.baseline_name} {b.median_ms:.1f} ms ({ratio:.2f}x)"
        if case.target_ms is not None:
            line += f"; target {case.target_ms:g} ms: " + (
                "met" if t.median_ms <= case.target_ms else "MISSED")
        print(line)
