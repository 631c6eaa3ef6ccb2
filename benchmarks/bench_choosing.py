"""Benchmarks of the two "drawing it together" dashboards (notebooks 06 and 07).

``run`` changes a control programmatically, which recomputes, updates the figure's artists (or
the HTML) and re-renders, exactly as a learner's click does. ``baseline`` builds the same output
from scratch: a new figure, laid out and drawn (the naive full redraw), or a new panel.

Targets: panel updates at most 50 ms median and 100 ms p95 (issue 8). The checklist PDF is made
once per treatment and cached by the panel; its target (1.5 s) is for a click a learner waits for.
Run alone with ``python -m benchmarks.bench_choosing``.
"""

from __future__ import annotations

from benchmarks.harness import Case, cycle_values, run_alone
from netteach.figures import choosing as FC
from netteach.figures import journey as FJ
from netteach.figures.style import figure_to_png
from netteach.models import choosing as MC
from netteach.models import journey as MJ
from netteach.widgets import choosing as WC
from netteach.widgets import journey as WJ


def cases():
    reach = WC.build_reach_panel()
    explorer = WC.build_explorer_panel()
    safety = WJ.build_radiation_safety_panel()
    curves = reach.curves

    def naive_reach():
        visible = {cid: bool(b.value) for cid, b in reach.boxes.items()}
        figure_to_png(FC.plot_reach(curves, reach.level_slider.value / 100, visible)["fig"])

    def naive_explorer():
        WC.build_explorer_panel()

    def naive_safety():
        s = safety.sliders
        a, d, h, n = (s[k].value for k in ("activity_gbq", "distance_m", "hours_per_day",
                                             "days"))
        dist = WJ._DISTANCES
        art = FJ.plot_carer_dose(dist, MJ.carer_dose_usv(a, dist, h, n), d,
                                 MJ.carer_dose_usv(a, d, h, n), WJ._COMPARE)
        figure_to_png(art["fig"])

    checklist = MJ.checklist("sirt")

    return [
        Case("06 reach figure: switch a curve on or off",
             cycle_values(reach.boxes["rfa_heat"], [False, True]), naive_reach),
        Case("06 reach figure: move the level slider",
             cycle_values(reach.level_slider, [5, 10, 20, 50]), naive_reach),
        Case("06 decision explorer: tick a box", cycle_values(explorer.flags["prior_whipple"],
                                                       [True, False]),
             naive_explorer, baseline_name="build the panel again"),
        Case("07 carer dose: move the distance slider",
             cycle_values(safety.sliders["distance_m"], [0.5, 1.0, 2.0, 3.0]), naive_safety),
        Case("07 checklist PDF (one treatment)", lambda: FJ.checklist_pdf(checklist),
             None, baseline_name="", target_ms=1500.0, target_p95_ms=3000.0, repeats=5),
        Case("06 reach curves from the topic models (RFA run cached)", MC.reach_curves,
             None, baseline_name="", target_ms=50.0, target_p95_ms=100.0),
    ]


if __name__ == "__main__":
    run_alone(cases())
