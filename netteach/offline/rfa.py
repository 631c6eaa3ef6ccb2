"""Offline explorers of the RFA dashboard: the dead zone growing, and the heat sink.

Each runs the course's bioheat simulator with the dashboard's starting settings (the defaults
of the ranges table) and draws its stored snapshots with the dashboard's figure functions.
For teaching only, not for clinical decisions.
"""

from __future__ import annotations

import ipywidgets as w
import numpy as np

from ..figures import rfa as fig
from ..models import rfa
from ..ranges import get
from ..widgets.layout import panel
from ..widgets.layout import table_html as _table
from ..widgets.rfa import ablation_map_alt, ablation_result_html
from .frames import check_positions, compact_png, figure_widget, linked_stack, position_slider

__all__ = ["build_ablation_explorer", "build_heat_sink_explorer", "ABLATION_MINUTES",
           "VESSEL_DISTANCES_MM", "default_settings", "simulate"]

T = "rfa"
#: Minutes shown by the growth explorer (the ablation lasts 12 minutes).
ABLATION_MINUTES = tuple(float(x) for x in range(13))
#: Vessel distances (mm, needle centre to vessel wall) of the heat-sink explorer.
VESSEL_DISTANCES_MM = (2.0, 4.0, 6.0, 8.0, 12.0, 16.0, 20.0, 30.0)


def default_settings() -> dict:
    """The simulator panel's starting settings, from the ranges table."""
    names = ("power_w", "duration_min", "perfusion_ml_per_min_per_100ml", "vessel_diameter_mm",
             "vessel_distance_mm", "tumour_diameter_mm")
    return {n: get(T, n).default for n in names}


def simulate(**changes):
    """Run the simulator as the dashboard does, with ``changes`` to :func:`default_settings`.

    Raises
    ------
    ValueError
        For an unknown setting, or (from the model) a value outside its range.
    """
    s = default_settings()
    unknown = sorted(set(changes) - set(s))
    if unknown:
        raise ValueError(f"changes must name settings among {sorted(s)}; got {unknown}")
    s.update(changes)
    return rfa.simulate_ablation(s["power_w"], s["duration_min"] * 60.0,
                                 s["vessel_diameter_mm"], s["vessel_distance_mm"],
                                 s["perfusion_ml_per_min_per_100ml"] / 6000.0,
                                 s["tumour_diameter_mm"], cooled_needle=True)


def _edge(res, direction, snap):
    """Distance (mm) from the needle's centre to the dead zone's edge, or None if none yet."""
    e = res.radial_profile(direction, snap)["edge_mm"]
    return None if e <= res.needle_radius_mm + 0.05 else e


def _growth_readout(res, snap) -> str:
    t = res.snapshot_times_s[snap] / 60
    hottest = float(np.max(res.snapshot_temperature_c[snap]))
    away, towards = _edge(res, "away", snap), _edge(res, "towards", snap)
    if away is None and towards is None:
        zone = [("Dead zone", "none yet")]
    else:
        zone = [("Dead zone, away from the vessel", f"{away or 0:.1f} mm from the needle"),
                ("Dead zone, towards the vessel", f"{towards or 0:.1f} mm from the needle"),
                ("Dead zone across the needle", f"{(away or 0) + (towards or 0):.0f} mm")]
    return _table([("Time", f"{t:g} min"), ("Hottest tissue", f"{hottest:.0f} °C"), *zone])


def build_ablation_explorer(minutes=ABLATION_MINUTES):
    """The temperature map and dead zone at each of ``minutes`` of one 12-minute ablation.

    Parameters
    ----------
    minutes : sequence of float
        Times shown (min), 2 to 40 distinct values from 0 to the ablation time (12 min).

    Returns
    -------
    ipywidgets.VBox
        The panel, with ``.links``, ``.slider``, ``.stack``, ``.alts`` and ``.result`` (the
        simulation).
    """
    mins = check_positions("minutes", minutes, T, "time_shown_min")
    end = default_settings()["duration_min"]
    if mins[-1] > end:
        raise ValueError(f"minutes must be at most the ablation time, {end:g} min; got "
                         f"{mins[-1]:g}")
    res = simulate()
    art = fig.plot_ablation_map(res, 0)
    views, alts = [], []
    for t in mins:
        snap = res.snapshot_index(t * 60.0)
        fig.update_ablation_time(art, res, snap)
        alt = ablation_map_alt(res, res.snapshot_times_s[snap] / 60)
        png = compact_png(art["fig"], dither=True)  # a smooth colour map: no bands
        views.append(w.VBox([figure_widget(png, alt, "rfa-map"),
                             w.HTML(_growth_readout(res, snap))]))
        alts.append(alt)
    slider = position_slider(T, "time_shown_min", mins, start=0.0)
    stack, link = linked_stack(slider, views)
    s = default_settings()
    box = panel("The ablation, minute by minute", slider, stack, calculator=True,
                css_name="rfa-growth",
                intro=f"One ablation at the dashboard's starting settings: {s['power_w']:g} W for "
                      f"{s['duration_min']:g} minutes with a cooled needle, a "
                      f"{s['tumour_diameter_mm']:g} mm tumour, and a "
                      f"{s['vessel_diameter_mm']:g} mm vessel {s['vessel_distance_mm']:g} mm "
                      "from the needle. The picture is a slice across the needle; the white line "
                      "is the edge of the dead zone (Arrhenius Ω = 1).")
    box.links, box.slider, box.stack, box.alts, box.result = [link], slider, stack, alts, res
    return box


def build_heat_sink_explorer(distances_mm=VESSEL_DISTANCES_MM):
    """The final dead zone with the vessel at each of ``distances_mm`` from the needle.

    Parameters
    ----------
    distances_mm : sequence of float
        Vessel distances (mm, needle centre to vessel wall), 2 to 40 distinct values from 2 to
        30 mm. Each runs the simulator once (about half a second).

    Returns
    -------
    ipywidgets.VBox
        The panel, with ``.links``, ``.slider``, ``.stack`` and ``.alts``.
    """
    dists = check_positions("distances_mm", distances_mm, T, "vessel_distance_mm")
    results = [simulate(vessel_distance_mm=d) for d in dists]
    art = fig.plot_ablation_map(results[0])
    views, alts = [], []
    for res in results:
        fig.update_ablation_map(art, res, -1)
        alt = ablation_map_alt(res, res.duration_s / 60)
        png = compact_png(art["fig"], dither=True)
        views.append(w.VBox([figure_widget(png, alt, "rfa-heat-sink"),
                             w.HTML(ablation_result_html(res))]))
        alts.append(alt)
    slider = position_slider(T, "vessel_distance_mm", dists, start=dists[-1])
    stack, link = linked_stack(slider, views)
    box = panel("The heat sink: a vessel beside the needle", slider, stack, calculator=True,
                css_name="rfa-heat-sink",
                intro="The same 12-minute ablation, each time with the vessel at a different "
                      "distance. Its flowing blood holds its wall near 37 °C. The picture is "
                      "the end of the ablation.")
    box.links, box.slider, box.stack, box.alts = [link], slider, stack, alts
    return box
