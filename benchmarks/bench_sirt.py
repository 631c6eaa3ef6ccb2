"""SIRT dashboard benchmarks: each panel update (compute + render) against a full redraw.

``run`` changes a control programmatically, which recomputes the model, updates the figure's
artists and re-renders the PNG, exactly as a learner's slider move does. ``baseline`` builds the
same figure from scratch (new figure, layout, draw) with the same model output: the "naive full
redraw" a panel would do if it rebuilt its figure on every change.

Targets (issue 5): every panel update at most 50 ms median; the dose map at most 150 ms.
Run alone with ``python -m benchmarks.bench_sirt``.
"""

from __future__ import annotations

from benchmarks.harness import Case, cycle_values, run_alone
from netteach.figures import sirt as F
from netteach.figures.style import figure_to_png
from netteach.models import sirt as m
from netteach.widgets import sirt as W


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
        Case("SIRT decay panel update", cycle_values(decay.controls["time_days"], (3.0, 20.0)),
             naive_decay),
        Case("SIRT dose-vs-distance panel update",
             cycle_values(kernel.controls["distance_mm"], (1.0, 6.0)), naive_kernel),
        Case("SIRT dose map update (resin + glass, FFT)",
             cycle_values(dosemap.controls["tumour_activity_mbq"], (4.0, 6.0)), naive_dosemap,
             target_ms=150.0, target_p95_ms=300.0, repeats=15),
        Case("SIRT dosimetry calculators update",
             cycle_values(dosim.controls["tn_ratio"], (3.0, 6.0)), naive_dosimetry),
        Case("SIRT radiation-safety panel update",
             cycle_values(safety.controls["distance_m"], (0.5, 2.0)), naive_safety),
        Case("SIRT timeline panel update",
             cycle_values(timeline.controls["timeline_day"], (2.0, 40.0)), naive_timeline),
    ]


if __name__ == "__main__":
    run_alone(cases())
