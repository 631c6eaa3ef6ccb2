"""Anatomy and liver dashboard benchmarks: each panel update (compute + render) against a redraw.

``run`` changes a control programmatically, which recomputes the model, updates the figure's
artists and re-renders the PNG, exactly as a learner's click does. ``baseline`` builds the same
figure from scratch with the same model output and renders it (the naive full redraw).

Targets: the hepatic-artery diagram is a large (12 x 7.6 inch) labelled drawing that is changed
by clicks, not dragged: 400 ms median, 600 ms p95 on the shared 2-core machine. The liver panels
are driven by sliders: 100 ms median, 150 ms p95. Issue 3 sets no number; these are ours.
Run alone with ``python -m benchmarks.bench_anatomy``.
"""

from __future__ import annotations

from benchmarks.harness import Case, cycle_values, run_alone
from netteach.figures import anatomy as FA
from netteach.figures import liver as FL
from netteach.figures.style import figure_to_png
from netteach.models import anatomy as A
from netteach.models import liver as ML
from netteach.widgets import anatomy as WA
from netteach.widgets import liver as WL


def cases():
    arteries = WA.build_arteries_panel()
    uptake = WL.build_uptake_panel()
    grade = WL.build_grading_panel()

    def naive_arteries():
        t = A.arterial_tree(arteries.controls["variant"].value)
        terr = A.perfused_territory(t, arteries.controls["catheter"].value)
        figure_to_png(FA.plot_arteries(t, terr)["fig"])

    def naive_uptake():
        s = uptake.controls
        t = ML.arterial_flow_per_mass(s["tumour_flow_ml_min_100g"].value,
                                      s["tumour_arterial_percent"].value / 100)
        n = ML.arterial_flow_per_mass(s["normal_flow_ml_min_100g"].value,
                                      s["normal_arterial_percent"].value / 100)
        r = ML.arterial_uptake_ratio(t, n)
        m = s["tumour_mass_percent"].value / 100
        figure_to_png(FL.plot_uptake(r, m, ML.tumour_share_of_agent(r, m))["fig"])

    def naive_grade():
        k, mi = grade.controls["ki67"].value, grade.controls["mitoses"].value
        a = FL.plot_grade(k, mi)
        FL.update_grade(a, k, mi, ML.net_grade(k, mi).label)
        figure_to_png(a["fig"])

    return [
        Case("Hepatic arteries: move the catheter", cycle_values(arteries.controls["catheter"],
                                                            ["CHA", "RHA", "segment_4"]),
             naive_arteries, target_ms=400, target_p95_ms=600, repeats=15),
        Case("Hepatic arteries: change the variant", cycle_values(arteries.controls["variant"],
                                                             ["michels_3", "michels_1"]),
             naive_arteries, target_ms=400, target_p95_ms=600, repeats=15),
        Case("Liver uptake: move the tumour-flow slider",
             cycle_values(uptake.controls["tumour_flow_ml_min_100g"], [50.0, 150.0, 250.0]),
             naive_uptake, target_ms=100, target_p95_ms=150),
        Case("NET grade: move the Ki-67 slider",
             cycle_values(grade.controls["ki67"], [1.0, 10.0, 40.0]),
             naive_grade, target_ms=100, target_p95_ms=150),
    ]


if __name__ == "__main__":
    run_alone(cases())
