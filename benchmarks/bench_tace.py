"""TACE dashboard benchmarks: each panel update (compute + render) against a full redraw.

``run`` changes a control programmatically, which recomputes the model, updates the figure's
artists and re-renders the PNG, exactly as a learner's slider move does. ``baseline`` builds the
same figure from scratch with the same model output (the naive full redraw).

Target (issue 4): every panel update at most 50 ms median.
Run alone with ``python -m benchmarks.bench_tace``.
"""

from __future__ import annotations

import numpy as np

from benchmarks.harness import Case, cycle_values, run_alone
from netteach.figures import tace as F
from netteach.figures.style import figure_to_png
from netteach.models import tace as m
from netteach.widgets import tace as W


def cases():
    isch = W.build_ischaemia_panel()
    part = W.build_particle_panel()
    rel = W.build_release_panel()
    jour = W.build_journey_panel()

    def naive_ischaemia():
        b = isch.nt["blocked"].value / 100
        art = F.plot_supply(m.supply_after_embolisation("normal", b),
                            m.supply_after_embolisation("metastasis", b))
        figure_to_png(art["fig"])

    def naive_particles():
        d = part.nt["size"].value
        classes = [(lab, float(lo), float(hi)) for lab, lo, hi in m.BEAD_CLASSES.values()]
        art = F.plot_particle_path(m.arterial_path(), classes)
        F.update_particle_path(art, m.lodging_position(d), m.lodging_diameter_um(d), 100.0,
                               bool(m.passes_shunt(d, 100.0)), f"{d:.0f} µm")
        figure_to_png(art["fig"])

    times = np.logspace(np.log10(1 / 12), np.log10(5000.0), 300)
    x = np.linspace(0.0, 500.0, 251)

    def naive_release():
        t = rel.nt["time"].value
        curves = [(k, m.release_fraction(times, "in_vitro", k),
                   "vitro-main" if k == "dc_bead" else "vitro")
                  for k in m.BEAD_PRODUCTS]
        curves.append(("vivo", m.release_fraction(times, "in_vivo"), "vivo"))
        a = F.plot_release(times, curves)
        F.update_release(a, t, m.release_fraction(t), m.release_fraction(t, "in_vivo"), "")
        b = F.plot_concentration(x, 200.0, 0.05)
        F.update_concentration(b, m.drug_concentration(x, t), "")
        figure_to_png(a["fig"])
        figure_to_png(b["fig"])

    def naive_journey():
        art = F.plot_timeline(m.TIMELINE)
        F.update_timeline(art, jour.nt["day"].value)
        figure_to_png(art["fig"])

    return [
        Case("TACE ischaemia panel update", cycle_values(isch.nt["blocked"], (40.0, 90.0)),
             naive_ischaemia),
        Case("TACE particle-size explorer update", cycle_values(part.nt["size"], (150.0, 600.0)),
             naive_particles),
        Case("TACE catheter position change (new path)",
             cycle_values(part.nt["catheter"], ("CHA", "PHA")), naive_particles),
        Case("TACE drug release and reach update (two figures)",
             cycle_values(rel.nt["time"], (6.0, 168.0)), naive_release),
        Case("TACE bead size change (reach)", cycle_values(rel.nt["bead"], (100.0, 500.0)),
             naive_release),
        Case("TACE journey time line update", cycle_values(jour.nt["day"], (2, 14)), naive_journey),
    ]


if __name__ == "__main__":
    run_alone(cases())
