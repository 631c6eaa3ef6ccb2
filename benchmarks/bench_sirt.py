"""SIRT dashboard benchmarks: each panel update (compute + render) against a full redraw.

``run`` changes a control programmatically, which recomputes the model, updates the figure's
artists and re-renders the PNG, exactly as a learner's slider move does. ``baseline`` builds the
same figure from scratch (new figure, layout, draw) with the same model output: the "naive full
redraw" a panel would do if it rebuilt its figure on every change.

Targets (issue 5): every panel update at most 50 ms median; the dose map at most 150 ms.
Run alone with ``python -m benchmarks.bench_sirt``.
"""

from __future__ import annotations

import itertools
import statistics
import time

from benchmarks.harness import Case, measure
from netteach.figures import sirt as F
from netteach.figures.style import figure_to_png
from netteach.models import sirt as m
from netteach.widgets import sirt as W


def _toggle(ctrl, values):
    """A callable that sets ``ctrl`` to the next of ``values`` each time it is called."""
    cycle = itertools.cycle(values)
    return lambda: setattr(ctrl, "value", next(cycle))


def cases():
    decay = W.build_decay_panel()
    kernel = W.build_kernel_panel()
    dosemap = W.build_dose_map_panel()
    dosim = W.build_dosimetry_panel()
    safety = W.build_safety_panel()
    timeline = W.build_timeline_panel()

    def naive_decay():
        figure_to_png(F.plot_decay(decay.controls["time_days"].value)["fig"])

    def naive_kernel():
        figure_to_png(F.plot_kernel(kernel.controls["distance_mm"].value)["fig"])

    def naive_dosemap():
        r = dosemap.controls["tumour_radius_mm"].value
        a = dosemap.controls["tumour_activity_mbq"].value
        art = F.plot_dose_maps(m.sphere_dose_map(r, a, "resin"), m.sphere_dose_map(r, a, "glass"))
        figure_to_png(art["fig"])

    def naive_dosimetry():
        plans = m.compare_planning_methods(1.75, dosim.controls["weight_kg"].value, 300, 1500,
                                           dosim.controls["lung_shunt_percent"].value / 100,
                                           dosim.controls["tn_ratio"].value)
        doses = [(p.doses.tumour_gy, p.doses.normal_liver_gy, p.doses.lung_gy) for p in plans]
        art = F.plot_method_doses(doses, [p.activity_gbq for p in plans])
        figure_to_png(art["fig"])

    def naive_safety():
        c = safety.controls
        a, d = c["activity_gbq"].value, c["distance_m"].value
        art = F.plot_safety()
        F.update_safety(art, a, d, 0.0, m.cumulative_dose_usv(a, d, 4.0, 7.0))
        figure_to_png(art["fig"])

    def naive_timeline():
        figure_to_png(F.plot_timeline(timeline.controls["timeline_day"].value)["fig"])

    return [
        Case("SIRT decay panel update", _toggle(decay.controls["time_days"], (3.0, 20.0)),
             naive_decay),
        Case("SIRT dose-vs-distance panel update",
             _toggle(kernel.controls["distance_mm"], (1.0, 6.0)), naive_kernel),
        Case("SIRT dose map update (resin + glass, FFT)",
             _toggle(dosemap.controls["tumour_activity_mbq"], (4.0, 6.0)), naive_dosemap,
             target_ms=150.0, target_p95_ms=300.0, repeats=15),
        Case("SIRT dosimetry calculators update",
             _toggle(dosim.controls["tn_ratio"], (3.0, 6.0)), naive_dosimetry),
        Case("SIRT radiation-safety panel update",
             _toggle(safety.controls["distance_m"], (0.5, 2.0)), naive_safety),
        Case("SIRT timeline panel update",
             _toggle(timeline.controls["timeline_day"], (2.0, 40.0)), naive_timeline),
    ]


def _cpu_ms(fn, repeats):
    """Median CPU time of ``fn`` in ms: less sensitive than wall time to other processes
    competing for the machine's two cores."""
    fn()
    samples = []
    for _ in range(repeats):
        t0 = time.process_time()
        fn()
        samples.append((time.process_time() - t0) * 1e3)
    return statistics.median(samples)


def main():
    print(f"{'case':56s} {'median':>8s} {'p95':>8s} {'redraw':>8s} {'ratio':>6s} {'cpu':>7s}"
          "  target")
    for case in cases():
        t = measure(case.run, case.repeats)
        b = measure(case.baseline, max(5, case.repeats // 3))
        cpu = _cpu_ms(case.run, case.repeats)
        ok = "ok" if case.target_ms is None or t.median_ms <= case.target_ms else "MISSED"
        print(f"{case.name:56s} {t.median_ms:7.1f}ms {t.p95_ms:7.1f}ms {b.median_ms:7.1f}ms "
              f"{t.median_ms / b.median_ms:6.2f} {cpu:5.1f}ms  <= {case.target_ms:g} ms {ok}")


if __name__ == "__main__":
    main()
