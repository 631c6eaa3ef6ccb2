"""RFA dashboard benchmarks: the simulator, the time slider and the quick panels.

* **Simulation.** A full 12-minute ablation at the default resolution (64 × 96 log-polar cells,
  3 s steps), against the same solver on a reference fine grid (128 × 192 cells, 1.5 s steps)
  in the same run. Target (issue 6): at most 500 ms median. The case names carry the zone
  diameters of both, so the accuracy bought by the fine grid is reported beside the time.
* **Time slider.** Showing another stored snapshot (no new simulation): target at most 50 ms
  median, against a naive full redraw of the same map.
* **Quick panels.** Damage explorer and heating panel updates: target at most 50 ms.

Run alone with ``python -m benchmarks.bench_rfa``.
"""

from __future__ import annotations

from benchmarks.harness import Case, cycle_values, run_alone
from netteach.figures import rfa as F
from netteach.figures.style import figure_to_png
from netteach.models import rfa as m
from netteach.widgets import rfa as W

FINE = dict(n_radial=128, n_angular=192, time_step_s=1.5)
VESSEL = dict(vessel_diameter_mm=5.0, vessel_distance_mm=12.0)


def cases():
    default = m.simulate_ablation()
    fine = m.simulate_ablation(**FINE)
    vessel = m.simulate_ablation(**VESSEL)
    vessel_fine = m.simulate_ablation(**FINE, **VESSEL)

    sim = W.build_simulator_panel()
    shown = sim.nt["shown"]
    res = sim.nt["state"]["result"]
    times = [float(t) / 60 for t in res.snapshot_times_s[::3]]

    def naive_map():
        art = F.plot_ablation_map(sim.nt["state"]["result"], snapshot=len(times) // 2)
        figure_to_png(art["fig"])

    dmg = W.build_damage_panel()
    how = W.build_how_it_works_panel()

    return [
        Case(f"RFA 12-min ablation, default grid, no vessel (zone "
             f"{default.ablation_zone_diameter_mm:.1f} mm; fine grid "
             f"{fine.ablation_zone_diameter_mm:.1f} mm)",
             lambda: m.simulate_ablation(), lambda: m.simulate_ablation(**FINE),
             baseline_name="same solver, fine grid 128x192, 1.5 s steps",
             target_ms=500, target_p95_ms=None, repeats=7),
        Case(f"RFA 12-min ablation, default grid, 5 mm vessel at 12 mm (zone "
             f"{vessel.ablation_zone_diameter_mm:.1f} mm; fine grid "
             f"{vessel_fine.ablation_zone_diameter_mm:.1f} mm)",
             lambda: m.simulate_ablation(**VESSEL), lambda: m.simulate_ablation(**FINE, **VESSEL),
             baseline_name="same solver, fine grid 128x192, 1.5 s steps",
             target_ms=500, target_p95_ms=None, repeats=7),
        Case("RFA simulator: time slider shows a stored snapshot", cycle_values(shown, times),
             naive_map, baseline_name="naive full redraw of the map", target_ms=50,
             target_p95_ms=100),
        Case("RFA damage explorer update", cycle_values(dmg.nt["temperature"], [45.0, 52.5, 60.0]),
             None, target_ms=50, target_p95_ms=100),
        Case("RFA heating panel update", cycle_values(how.nt["power"], [10.0, 25.0, 50.0]), None,
             target_ms=50, target_p95_ms=100),
    ]


if __name__ == "__main__":
    run_alone(cases())
